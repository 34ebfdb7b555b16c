// 第三方接入客户端: the bureau opens API access for title-review systems and
// training providers, and revokes it.
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import type { ConsoleResource } from '../console';
import { BUREAU } from '../console';
import { lazyPage } from '../layout/lazy';
import { apiClientsData } from './data';

export const apiClients: ConsoleResource = {
  name: 'apiClients',
  icon: VpnKeyIcon,
  list: lazyPage(() => import('./list')),
  create: lazyPage(() => import('./create')),
  data: apiClientsData,
  access: { list: BUREAU, create: BUREAU, edit: BUREAU },
  recordRepresentation: 'name',
};

// The registration queue (注册审核): professionals who signed up and chose a unit wait
// here for its officials (the department above and the bureau see them too and may act).
import HowToRegIcon from '@mui/icons-material/HowToReg';
import type { ConsoleResource } from '../console';
import { OFFICIALS } from '../console';
import { lazyPage } from '../layout/lazy';
import { registrationsData } from './data';

export const registrations: ConsoleResource = {
  name: 'registrations',
  icon: HowToRegIcon,
  list: lazyPage(() => import('./registration-list')),
  show: lazyPage(() => import('./registration-show')),
  data: registrationsData,
  access: { list: OFFICIALS, show: OFFICIALS },
  recordRepresentation: (r) => `${String(r.name ?? '')} · ${String(r.unitName ?? '')}`,
};

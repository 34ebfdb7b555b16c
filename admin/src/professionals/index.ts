// Staff (专业技术人员): the people in an official's scope. Unit, department and
// bureau officials all manage them; the API keeps each within their own part of the tree.
import BadgeIcon from '@mui/icons-material/Badge';
import type { ConsoleResource } from '../console';
import { OFFICIALS } from '../console';
import { lazyPage } from '../layout/lazy';
import { professionalsData } from './data';

export const professionals: ConsoleResource = {
  name: 'professionals',
  icon: BadgeIcon,
  list: lazyPage(() => import('./list')),
  show: lazyPage(() => import('./show')),
  edit: lazyPage(() => import('./edit')),
  create: lazyPage(() => import('./create')),
  data: professionalsData,
  access: { list: OFFICIALS, show: OFFICIALS, edit: OFFICIALS, create: OFFICIALS },
  recordRepresentation: 'name',
};

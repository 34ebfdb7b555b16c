// The professional's declarations (学时申报): fill in, follow, correct, withdraw.
import AssignmentIcon from '@mui/icons-material/Assignment';
import type { ConsoleResource } from '../console';
import { PROFESSIONAL } from '../console';
import { lazyPage } from '../layout/lazy';
import { declarationsData } from './data';

export const declarations: ConsoleResource = {
  name: 'declarations',
  icon: AssignmentIcon,
  list: lazyPage(() => import('./declaration-list')),
  show: lazyPage(() => import('./declaration-show')),
  create: lazyPage(() => import('./declaration-create')),
  edit: lazyPage(() => import('./declaration-edit')),
  data: declarationsData,
  access: { list: PROFESSIONAL, show: PROFESSIONAL, create: PROFESSIONAL, edit: PROFESSIONAL },
  recordRepresentation: (r) => String(r.kindName ?? ''),
};

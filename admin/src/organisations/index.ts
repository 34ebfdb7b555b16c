// Organisations (组织机构): the tree of the bureau, its departments and their
// units. Departments see theirs read-only; the bureau creates, moves, renames
// and sets employer types.
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import type { ConsoleResource } from '../console';
import { BUREAU } from '../console';
import { lazyPage } from '../layout/lazy';
import { organisationsData } from './data';

export const organisations: ConsoleResource = {
  name: 'organisations',
  icon: AccountTreeIcon,
  list: lazyPage(() => import('./tree')),
  create: lazyPage(() => import('./create')),
  data: organisationsData,
  access: { list: ['BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL'], create: BUREAU, edit: BUREAU },
  recordRepresentation: 'name',
};

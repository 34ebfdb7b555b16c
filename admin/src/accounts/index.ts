// Accounts (账号管理): officials see the accounts of their part of the tree;
// bureau and department officials create officials' accounts below them.
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { ConsoleResource } from '../console';
import { OFFICIALS } from '../console';
import { lazyPage } from '../layout/lazy';
import { accountsData } from './data';

export const accounts: ConsoleResource = {
  name: 'accounts',
  icon: ManageAccountsIcon,
  list: lazyPage(() => import('./list')),
  create: lazyPage(() => import('./create')),
  data: accountsData,
  access: { list: OFFICIALS, create: ['BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL'] },
  recordRepresentation: 'displayName',
};

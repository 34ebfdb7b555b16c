// 职称评审诚信档案: the records a fraudulent declaration left, per professional.
// Marking a declaration fraudulent starts from the declaration, not from here.
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import type { ConsoleResource } from '../console';
import { BUREAU } from '../console';
import { lazyPage } from '../layout/lazy';
import { integrityRecordsData } from './data';

export const integrityRecords: ConsoleResource = {
  name: 'integrityRecords',
  icon: VerifiedUserIcon,
  list: lazyPage(() => import('./list')),
  show: lazyPage(() => import('./show')),
  data: integrityRecordsData,
  access: { list: BUREAU, show: BUREAU },
};

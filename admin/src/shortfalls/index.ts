// Who is short of hours this year (学时未达标人员), for officials within their scope.
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { ConsoleResource } from '../console';
import { OFFICIALS } from '../console';
import { lazyPage } from '../layout/lazy';
import { shortfallsData } from './data';

export const shortfalls: ConsoleResource = {
  name: 'shortfalls',
  icon: WarningAmberIcon,
  list: lazyPage(() => import('./list')),
  data: shortfallsData,
  access: { list: OFFICIALS },
};

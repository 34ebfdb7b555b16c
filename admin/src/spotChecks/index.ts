// 随机抽查: the bureau draws a sample of recorded declarations per department
// and records each one's review outcome.
import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ConsoleResource } from '../console';
import { BUREAU } from '../console';
import { lazyPage } from '../layout/lazy';
import { spotChecksData } from './data';

export const spotChecks: ConsoleResource = {
  name: 'spotChecks',
  icon: FactCheckIcon,
  list: lazyPage(() => import('./list')),
  show: lazyPage(() => import('./show')),
  create: lazyPage(() => import('./create')),
  data: spotChecksData,
  access: { list: BUREAU, show: BUREAU, create: BUREAU },
};

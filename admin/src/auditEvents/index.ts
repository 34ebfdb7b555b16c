// 审计日志: who did what to which record, newest first (bureau only).
import HistoryIcon from '@mui/icons-material/History';
import type { ConsoleResource } from '../console';
import { BUREAU } from '../console';
import { lazyPage } from '../layout/lazy';
import { auditEventsData } from './data';

export const auditEvents: ConsoleResource = {
  name: 'auditEvents',
  icon: HistoryIcon,
  list: lazyPage(() => import('./list')),
  data: auditEventsData,
  access: { list: BUREAU },
};

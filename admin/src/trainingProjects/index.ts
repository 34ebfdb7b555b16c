// 培训项目: what providers filed (on time or not) and who completed them.
import SchoolIcon from '@mui/icons-material/School';
import type { ConsoleResource } from '../console';
import { BUREAU } from '../console';
import { lazyPage } from '../layout/lazy';
import { trainingProjectsData } from './data';

export const trainingProjects: ConsoleResource = {
  name: 'trainingProjects',
  icon: SchoolIcon,
  list: lazyPage(() => import('./list')),
  show: lazyPage(() => import('./show')),
  data: trainingProjectsData,
  access: { list: BUREAU, show: BUREAU },
  recordRepresentation: 'title',
};

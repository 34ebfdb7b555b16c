// Organisations' applications (机构注册审核): units apply under their department (or
// the district HR bureau), departments under the bureau; the level above decides.
import DomainAddIcon from '@mui/icons-material/DomainAdd';
import type { ConsoleResource } from '../console';
import { lazyPage } from '../layout/lazy';
import { organisationApplicationsData } from './data';

const ABOVE_UNITS = ['BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL'] as const;

export const organisationApplications: ConsoleResource = {
  name: 'organisationApplications',
  icon: DomainAddIcon,
  list: lazyPage(() => import('./application-list')),
  show: lazyPage(() => import('./application-show')),
  data: organisationApplicationsData,
  access: { list: ABOVE_UNITS, show: ABOVE_UNITS },
  recordRepresentation: 'name',
};

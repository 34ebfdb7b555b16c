// The platform operator's tenants (cities): list, onboarding from a policy file,
// suspend and resume. The pages are separate chunks: only an operator loads them.
import ApartmentIcon from '@mui/icons-material/Apartment';
import { type ConsoleResource, OPERATOR } from '../console';
import { lazyPage } from '../layout/lazy';
import { tenantsData } from './data';

export const tenants: ConsoleResource = {
  name: 'tenants',
  icon: ApartmentIcon,
  list: lazyPage(() => import('./tenant-list')),
  create: lazyPage(() => import('./tenant-create')),
  data: tenantsData,
  access: { list: OPERATOR, show: OPERATOR, create: OPERATOR, suspend: OPERATOR, resume: OPERATOR },
  recordRepresentation: 'name',
};

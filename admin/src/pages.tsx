// The console's pages that are not lists of records, with the roles that may open them.
import GavelIcon from '@mui/icons-material/Gavel';
import type { ConsolePage } from './console';
import { BUREAU } from './console';
import { lazyPage } from './layout/lazy';

const PolicyPage = lazyPage(() => import('./policy/policy-page'));

export const pages: readonly ConsolePage[] = [{ name: 'policy', path: '/policy', element: <PolicyPage />, icon: GavelIcon, roles: BUREAU, menu: true }];

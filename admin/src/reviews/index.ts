// The review queue (审核): unit, department and bureau officials decide the
// declarations that wait at their level of the chain.
import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ConsoleResource } from '../console';
import { OFFICIALS } from '../console';
import { lazyPage } from '../layout/lazy';
import { reviewsData } from './data';

export const reviews: ConsoleResource = {
  name: 'reviews',
  icon: FactCheckIcon,
  list: lazyPage(() => import('./review-list')),
  show: lazyPage(() => import('./review-show')),
  data: reviewsData,
  access: { list: OFFICIALS, show: OFFICIALS },
  recordRepresentation: (r) => `${String(r.professionalName ?? '')} · ${String(r.kindName ?? '')}`,
};

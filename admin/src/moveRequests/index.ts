// Moves into this city (迁入申请): a unit official (or an official above the unit) asks for
// a person registered in another city of the platform and follows the request until the
// person or their bureau answers (docs/MOVES.md).
import FlightLandIcon from '@mui/icons-material/FlightLand';
import type { ConsoleResource } from '../console';
import { OFFICIALS } from '../console';
import { lazyPage } from '../layout/lazy';
import { moveRequestsData } from './data';

export const moveRequests: ConsoleResource = {
  name: 'moveRequests',
  icon: FlightLandIcon,
  list: lazyPage(() => import('./move-request-list')),
  show: lazyPage(() => import('./move-request-show')),
  create: lazyPage(() => import('./move-request-create')),
  data: moveRequestsData,
  access: { list: OFFICIALS, show: OFFICIALS, create: OFFICIALS },
  recordRepresentation: (r) => `${String(r.name ?? '')} · ${String(r.unitName ?? '')}`,
};

// Moves out of this city (迁出确认): another city's unit asked for a person registered here;
// the person or this city's bureau consents (the certified years move there) or refuses.
import FlightTakeoffIcon from '@mui/icons-material/FlightTakeoff';
import type { ConsoleResource } from '../console';
import { lazyPage } from '../layout/lazy';
import { moveConsentsData } from './data';

const PARTIES = ['PROFESSIONAL', 'BUREAU_OFFICIAL'] as const;

export const moveConsents: ConsoleResource = {
  name: 'moveConsents',
  icon: FlightTakeoffIcon,
  list: lazyPage(() => import('./consent-list')),
  data: moveConsentsData,
  access: { list: PARTIES },
  recordRepresentation: 'receivingTenantName',
};

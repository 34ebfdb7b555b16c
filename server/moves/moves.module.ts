// Moving between tenants on the platform (issue 15): the receiving unit asks, the person or
// their bureau consents, the certified years move as read-only history with their provenance
// (one database function, migration 1733830000001), and they count in this tenant's title
// windows as its policy says (`transferIn`). Before hours, whose eligibility reads moved years.
import { Moves1733830000000 } from '../../migrations/1733830000000-moves';
import { MoveFunctions1733830000001 } from '../../migrations/1733830000001-move-functions';
import type { CapabilityModule } from '../platform/module';
import { MoveConsentService } from './move-consent.service';
import { MoveRequestsRepository } from './move-requests.repository';
import { MoveRequestsService } from './move-requests.service';
import { MovedYearsRepository } from './moved-years.repository';
import { MovedYearsService } from './moved-years.service';
import { moveError } from './moves.errors';
import { createMoveLoaders } from './moves.loaders';
import { MoveConsentResolver, MoveRequestsResolver, ProfessionalMovedYearsResolver } from './moves.resolver';

declare module '../platform/module' {
  interface Services {
    moveRequests: MoveRequestsService;
    moveConsent: MoveConsentService;
    movedYears: MovedYearsService;
  }
}

export const movesModule: CapabilityModule = {
  name: 'moves',
  resolvers: [MoveRequestsResolver, MoveConsentResolver, ProfessionalMovedYearsResolver],
  createServices: (_deps, { organisations, policies, audit }) => {
    const requests = new MoveRequestsRepository();
    return {
      moveRequests: new MoveRequestsService(requests, organisations, audit),
      moveConsent: new MoveConsentService(requests),
      movedYears: new MovedYearsService(new MovedYearsRepository(), policies, audit),
    };
  },
  createLoaders: createMoveLoaders,
  // move_request, moved_year, moved_year_review, professional status MOVED_OUT, the cross-tenant functions
  migrations: [Moves1733830000000, MoveFunctions1733830000001],
  errors: moveError.catalog,
};

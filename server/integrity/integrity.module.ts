// The title-review integrity record (诚信档案): before hours, whose eligibility reads it.
// Its table is the hours migration's; the fraud-mark migration (verification/) extends it.
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { IntegrityRepository } from './integrity.repository';
import { IntegrityResolver } from './integrity.resolver';
import { IntegrityService } from './integrity.service';

declare module '../platform/module' {
  interface Services {
    integrity: IntegrityService;
  }
}

export const integrityModule: CapabilityModule = {
  name: 'integrity',
  resolvers: [IntegrityResolver],
  createServices: (_deps, { policies, professionals, audit }) => ({
    integrity: new IntegrityService(new IntegrityRepository(), policies, professionals, audit, systemClock),
  }),
};

// Policy: each tenant's rules as published revisions of a validated document.
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { policyError } from './policy.errors';
import { PolicyRepository } from './policy.repository';
import { PolicyResolver } from './policy.resolver';
import { PoliciesService } from './policy.service';

declare module '../platform/module' {
  interface Services {
    policies: PoliciesService;
  }
}

export const policyModule: CapabilityModule = {
  name: 'policy',
  resolvers: [PolicyResolver],
  createServices: ({ invalidations }, { tenants, audit }) => ({
    policies: new PoliciesService(new PolicyRepository(), tenants, audit, systemClock, invalidations),
  }),
  errors: policyError.catalog,
};

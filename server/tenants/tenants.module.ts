// Tenants: a city or the Corps, onboarded by platform operators (with their policy file).
import { Foundation1732300000000 } from '../../migrations/1732300000000-foundation';
import { TenantSuspension1732500000000 } from '../../migrations/1732500000000-tenant-suspension';
import { CacheInvalidation1733740000000 } from '../../migrations/1733740000000-cache-invalidation';
import type { CapabilityModule } from '../platform/module';
import { PolicyRepository } from '../policy/policy.repository';
import { tenantStatusCache } from './tenant-status';
import { tenantError } from './tenants.errors';
import { TenantsRepository } from './tenants.repository';
import { TenantsResolver } from './tenants.resolver';
import { TenantsService } from './tenants.service';

declare module '../platform/module' {
  interface Services {
    tenants: TenantsService;
  }
}

export const tenantsModule: CapabilityModule = {
  name: 'tenants',
  resolvers: [TenantsResolver],
  createServices: ({ runtime, invalidations }, { audit }) => {
    // suspensions and resumptions made anywhere drop the process's status entries (tenant-status.ts)
    if (invalidations) tenantStatusCache(runtime).follow(invalidations);
    return { tenants: new TenantsService(new TenantsRepository(), audit, runtime, new PolicyRepository()) };
  },
  // the foundation creates the tenant wall every capability's tables stand on;
  // the suspension migration adds the status look-up and API-key expiry/last use;
  // the cache-invalidation triggers announce changes of tenants, API keys and policy revisions
  migrations: [Foundation1732300000000, TenantSuspension1732500000000, CacheInvalidation1733740000000],
  errors: tenantError.catalog,
};

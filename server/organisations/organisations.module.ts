// The organisation tree of a tenant: bureau → departments → units.
import type { CapabilityModule } from '../platform/module';
import { createOrganisationLoaders } from './organisations.loaders';
import { organisationError } from './organisations.errors';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';

declare module '../platform/module' {
  interface Services {
    organisations: OrganisationsService;
  }
}

export const organisationsModule: CapabilityModule = {
  name: 'organisations',
  resolvers: [OrganisationsResolver],
  createServices: (_deps, { audit }) => ({ organisations: new OrganisationsService(new OrganisationsRepository(), audit) }),
  createLoaders: createOrganisationLoaders,
  errors: organisationError.catalog,
};

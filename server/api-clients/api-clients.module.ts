// API clients: keys for third-party systems (title review, HR, providers).
import type { CapabilityModule } from '../platform/module';
import { apiClientError } from './api-clients.errors';
import { ApiClientsRepository } from './api-clients.repository';
import { ApiClientsResolver } from './api-clients.resolver';
import { ApiClientsService } from './api-clients.service';

declare module '../platform/module' {
  interface Services {
    apiClients: ApiClientsService;
  }
}

export const apiClientsModule: CapabilityModule = {
  name: 'apiClients',
  resolvers: [ApiClientsResolver],
  createServices: ({ invalidations, logger, config }, { audit }) => ({
    apiClients: new ApiClientsService(new ApiClientsRepository(), audit, { invalidations, logger, maxFailuresPerMinute: config.API_KEY_MAX_FAILURES_PER_MINUTE }),
  }),
  errors: apiClientError.catalog,
};

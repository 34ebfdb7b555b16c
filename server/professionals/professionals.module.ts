// Professionals (专业技术人员): registration, profile, transfer between units.
import type { CapabilityModule } from '../platform/module';
import { createProfessionalLoaders } from './professionals.loaders';
import { professionalError } from './professionals.errors';
import { ProfessionalsRepository } from './professionals.repository';
import { ProfessionalsResolver } from './professionals.resolver';
import { ProfessionalsService } from './professionals.service';

declare module '../platform/module' {
  interface Services {
    professionals: ProfessionalsService;
  }
}

export const professionalsModule: CapabilityModule = {
  name: 'professionals',
  resolvers: [ProfessionalsResolver],
  createServices: (_deps, { organisations, audit }) => ({
    professionals: new ProfessionalsService(new ProfessionalsRepository(), organisations, audit),
  }),
  createLoaders: createProfessionalLoaders,
  errors: professionalError.catalog,
};

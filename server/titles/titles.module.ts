// Titles: a professional's title history and their title applications.
import { TitlesEmployerType1732800000000 } from '../../migrations/1732800000000-titles-employer-type';
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { TitleApplicationsService } from './title-applications.service';
import { titleError } from './titles.errors';
import { createTitleLoaders } from './titles.loaders';
import { TitlesRepository } from './titles.repository';
import { ProfessionalTitlesResolver, TitleApplicationsResolver } from './titles.resolver';
import { TitlesService } from './titles.service';

declare module '../platform/module' {
  interface Services {
    titles: TitlesService;
    titleApplications: TitleApplicationsService;
  }
}

export const titlesModule: CapabilityModule = {
  name: 'titles',
  resolvers: [ProfessionalTitlesResolver, TitleApplicationsResolver],
  createServices: (_deps, { professionals, policies, audit }) => {
    const repo = new TitlesRepository();
    return {
      titles: new TitlesService(repo, professionals, audit, systemClock),
      titleApplications: new TitleApplicationsService(repo, professionals, policies, audit, systemClock),
    };
  },
  createLoaders: createTitleLoaders,
  // title records, title applications, and the organisation nodes' employer type
  migrations: [TitlesEmployerType1732800000000],
  errors: titleError.catalog,
};

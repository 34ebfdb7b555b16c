// Training providers (继续教育基地、施教机构) and the platform's own courses: filed projects and
// reported completions, credited without review.
import { Providers1733200000000 } from '../../migrations/1733200000000-providers';
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { CompletionsRepository } from './completions.repository';
import { ProjectsService } from './projects.service';
import { providerError } from './providers.errors';
import { ProvidersRepository } from './providers.repository';
import { ProvidersResolver } from './providers.resolver';
import { ReportService } from './report.service';

declare module '../platform/module' {
  interface Services {
    trainingProjects: ProjectsService;
    trainingReports: ReportService;
  }
}

export const providersModule: CapabilityModule = {
  name: 'providers',
  resolvers: [ProvidersResolver],
  createServices: (_deps, { policies, calendar, audit }) => {
    const repo = new ProvidersRepository();
    const completions = new CompletionsRepository();
    return {
      trainingProjects: new ProjectsService(repo, completions, policies, calendar, audit, systemClock),
      trainingReports: new ReportService(repo, completions, audit, systemClock),
    };
  },
  // training projects, report batches (with their answers) and completions
  migrations: [Providers1733200000000],
  errors: providerError.catalog,
};

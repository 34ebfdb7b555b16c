// Data retention (issue 16): old declarations, their review decisions and evidence files leave
// once the tenant's retention period is over, audited; a daily job and `npm run retention`.
import { Retention1733840000000 } from '../../migrations/1733840000000-retention';
import { evidenceStorage } from '../evidence/evidence.module';
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { connectionUrl } from '../reminders/job-queue';
import { installRetentionQueue, startRetentionJobs } from './retention-jobs';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

declare module '../platform/module' {
  interface Services {
    retention: RetentionService;
  }
}

export const retentionModule: CapabilityModule = {
  name: 'retention',
  createServices: ({ runtime, config, clock }, { policies, audit }) => ({
    retention: new RetentionService(runtime, new RetentionRepository(), evidenceStorage(config), policies, audit, clock ?? systemClock),
  }),
  migrations: [Retention1733840000000],
  onStart: installRetentionQueue,
  startJobs: async ({ retention }, { runtime, config }, logger) =>
    config.RETENTION_JOBS ? startRetentionJobs(retention, connectionUrl(runtime), config, logger) : null,
};

// The scheduled retention run, on pg-boss (the reminders' job schema): a cron schedule
// (RETENTION_CRON, China time) puts one job a day in RETENTION_QUEUE; whichever process takes it
// runs every active tenant in turn, each tenant alone in its own transactions. The queue is
// 'stately' (at most one queued and one running), so two processes never run it together; a
// retry after a crash finds the rows already gone and the tombstones still listed.
import type PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { Config } from '../platform/config';
import type { Logger } from '../platform/logger';
import type { RunningJobs } from '../platform/module';
import { ensureQueues, JOB_SCHEMA } from '../reminders/job-queue';
import type { RetentionService } from './retention.service';

export const RETENTION_QUEUE = 'retention-daily';

/** The owner creates the queue at every start (idempotent), like the reminders' queues. */
export function installRetentionQueue(owner: DataSource, logger: Logger): Promise<void> {
  return ensureQueues(owner, logger, [{ name: RETENTION_QUEUE, options: { policy: 'stately', retryLimit: 2, retryDelay: 600, expireInSeconds: 4 * 3600 } }]);
}

interface RunData {
  /** only these tenants (a run queued by hand); absent: every active tenant */
  tenantIds?: string[];
}

export interface RetentionJobs extends RunningJobs {
  /** Queues a run now (besides the schedule): of the given tenants, or of every active tenant. */
  runNow(tenantIds?: readonly string[]): Promise<void>;
}

export async function startRetentionJobs(
  retention: RetentionService,
  runtimeUrl: string,
  config: Pick<Config, 'RETENTION_CRON' | 'SHUTDOWN_GRACE_MS'>,
  logger: Logger,
  options: { pollingIntervalSeconds?: number } = {},
): Promise<RetentionJobs> {
  const log = logger.child({ jobs: 'retention' });
  const { default: Boss } = await import('pg-boss');
  const boss: PgBoss = new Boss({ connectionString: runtimeUrl, max: 1, schema: JOB_SCHEMA, migrate: false, application_name: 'ce-platform-retention' });
  boss.on('error', (error: unknown) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.schedule(RETENTION_QUEUE, config.RETENTION_CRON, {}, { tz: 'Asia/Shanghai' });
  await boss.work<RunData>(RETENTION_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 60 }, async ([job]) => {
    const tenantIds = job?.data.tenantIds ?? (await retention.activeTenants()).map((t) => t.id);
    for (const tenantId of tenantIds) {
      try {
        await retention.runTenant(tenantId, log);
      } catch (error) {
        log.error({ err: error, tenantId }, 'retention run failed');
      }
    }
  });
  return {
    runNow: async (tenantIds) => void (await boss.send(RETENTION_QUEUE, tenantIds ? { tenantIds: [...tenantIds] } : {})),
    stop: () => boss.stop({ graceful: true, timeout: config.SHUTDOWN_GRACE_MS }),
  };
}

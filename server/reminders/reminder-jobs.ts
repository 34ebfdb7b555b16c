// The scheduled reminder runs, on pg-boss: a cron schedule (REMINDER_CRON, China time) puts one
// job a day in DAILY_QUEUE — pg-boss's timekeeper lets one process per minute do that — and
// its worker queues one job per active tenant in TENANT_QUEUE, keyed by the tenant, so a
// tenant waits in the queue once and is run by one worker at a time whichever process takes
// it. Every process runs these workers; the reminders' own ledger still makes each reminder
// once if a job runs twice (a retry after a crash).
import type PgBoss from 'pg-boss';
import type { Config } from '../platform/config';
import type { Logger } from '../platform/logger';
import { type Metrics, noMetrics, timedJob } from '../platform/metrics';
import type { RunningJobs } from '../platform/module';
import { DAILY_QUEUE, JOB_SCHEMA, TENANT_QUEUE } from './job-queue';
import type { RemindersService } from './reminders.service';

interface DailyData {
  /** only these tenants (a run started by hand); absent: every active tenant */
  tenantIds?: string[];
}
interface TenantData {
  tenantId: string;
}

export interface ReminderJobOptions {
  /** How often an idle worker asks for a job (seconds, ≥ 0.5). */
  pollingIntervalSeconds?: number;
  /** Where the runs are counted (reminders_daily, reminders_tenant). */
  metrics?: Metrics;
}

export class ReminderJobs implements RunningJobs {
  private constructor(
    private readonly boss: PgBoss,
    /** how long a stop waits for a running job */
    private readonly graceMs: number,
  ) {}

  /** Connects as the runtime role (its own pool of two), schedules the daily run and starts the workers. */
  static async start(reminders: RemindersService, runtimeUrl: string, config: Pick<Config, 'REMINDER_CRON' | 'SHUTDOWN_GRACE_MS'>, logger: Logger, options: ReminderJobOptions = {}): Promise<ReminderJobs> {
    const log = logger.child({ jobs: 'reminders' });
    const { default: Boss } = await import('pg-boss');
    const boss = new Boss({ connectionString: runtimeUrl, max: 2, schema: JOB_SCHEMA, migrate: false, application_name: 'ce-platform-jobs' });
    // an 'error' event without a listener would end the process
    boss.on('error', (error: unknown) => log.error({ err: error }, 'job queue error'));
    await boss.start();
    const jobs = new ReminderJobs(boss, config.SHUTDOWN_GRACE_MS);
    await boss.schedule(DAILY_QUEUE, config.REMINDER_CRON, {}, { tz: 'Asia/Shanghai' });
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 };
    const metrics = options.metrics ?? noMetrics;
    await boss.work<DailyData>(DAILY_QUEUE, polling, ([job]) =>
      timedJob(metrics, 'reminders_daily', async () => {
        const tenantIds = job?.data.tenantIds ?? (await reminders.activeTenants());
        await boss.insert(tenantIds.map((tenantId) => ({ name: TENANT_QUEUE, data: { tenantId } satisfies TenantData, singletonKey: tenantId })));
        log.info({ tenants: tenantIds.length }, 'reminder runs queued');
      }),
    );
    await boss.work<TenantData>(TENANT_QUEUE, polling, async ([job]) => {
      if (job) return timedJob(metrics, 'reminders_tenant', () => reminders.runTenant(job.data.tenantId, log));
    });
    return jobs;
  }

  /** Queues a run now (besides the schedule): of the given tenants, or of every active tenant. */
  async runNow(tenantIds?: readonly string[]): Promise<void> {
    await this.boss.send(DAILY_QUEUE, tenantIds ? { tenantIds: [...tenantIds] } : {});
  }

  /** Jobs of the reminder queues not finished yet (queued, retrying or running). */
  async pending(): Promise<number> {
    const [daily, tenant] = await Promise.all([this.boss.getQueueSize(DAILY_QUEUE, { before: 'completed' }), this.boss.getQueueSize(TENANT_QUEUE, { before: 'completed' })]);
    return daily + tenant;
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: this.graceMs });
  }
}

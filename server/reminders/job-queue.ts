// The job queue of the reminders: pg-boss 10 in the same PostgreSQL (its own schema, no other
// server). The owner installs and upgrades the schema and creates the queues at every start
// (pg-boss takes an advisory lock, so processes starting together do it once), then lets the
// runtime role use them: the runtime role reads and writes the queue's rows and creates
// nothing. Job data names a tenant id only; the work itself runs in tenant transactions under
// row-level security, like a request. pg-boss is loaded by the start steps and the jobs, never
// with the services alone.
import type PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { Logger } from '../platform/logger';

export const JOB_SCHEMA = 'pgboss';
/** The scheduled run: fans out one job per active tenant. At most one queued and one running ('stately'). */
export const DAILY_QUEUE = 'reminders-daily';
/** One tenant's run; the singleton key is the tenant id, so a tenant is queued once and run by one worker at a time. */
export const TENANT_QUEUE = 'reminders-tenant';
/** pg-boss's own queue for cron schedules (its timekeeper would otherwise create it as the runtime role). */
const SEND_IT_QUEUE = '__pgboss__send-it';

const QUEUES: readonly QueueSpec[] = [
  { name: DAILY_QUEUE, options: { policy: 'stately', retryLimit: 2, retryDelay: 300, expireInSeconds: 900 } },
  // a large tenant's run judges every short person's year: up to an hour
  { name: TENANT_QUEUE, options: { policy: 'stately', retryLimit: 2, retryDelay: 300, expireInSeconds: 3600 } },
  { name: SEND_IT_QUEUE, options: {} },
];

/** The owner's connection string (TypeORM keeps the URL it was given). */
export function connectionUrl(ds: DataSource): string {
  const url = (ds.options as { url?: string }).url;
  if (!url) throw new Error('the database connection has no URL');
  return url;
}

/** A queue this product runs and its options. */
export interface QueueSpec {
  name: string;
  options: Omit<PgBoss.Queue, 'name'>;
}

/** Installs or upgrades pg-boss's schema, creates the reminders' queues and grants the runtime role their use. Idempotent. */
export function installJobQueue(owner: DataSource, logger: Logger): Promise<void> {
  return ensureQueues(owner, logger, QUEUES);
}

/**
 * Installs or upgrades pg-boss's schema, creates or updates these queues and grants the runtime
 * role the use of every table and function of the schema (a new queue brings a table of its
 * own). Idempotent; other capabilities' jobs (server/retention) call it for their queues.
 */
export async function ensureQueues(owner: DataSource, logger: Logger, queues: readonly QueueSpec[]): Promise<void> {
  const { default: Boss } = await import('pg-boss');
  const boss = new Boss({ connectionString: connectionUrl(owner), max: 1, schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false, application_name: 'ce-platform' });
  boss.on('error', (error: unknown) => logger.error({ err: error }, 'job queue installation'));
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const q of queues) {
      if (!existing.has(q.name)) await boss.createQueue(q.name, { name: q.name, ...q.options });
      else if (q.name !== SEND_IT_QUEUE) await boss.updateQueue(q.name, { name: q.name, ...q.options });
    }
  } finally {
    await boss.stop({ graceful: false });
  }
  await owner.query(`
    REVOKE ALL ON SCHEMA ${JOB_SCHEMA} FROM PUBLIC;
    GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ce_runtime;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ce_runtime;
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO ce_runtime;
  `);
}

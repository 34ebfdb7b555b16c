// The scheduled runs on pg-boss (issue 13): two job runners on the same database — two server
// processes — take a queued run; the tenant's run is queued once and done once, and each
// person and unit official gets one e-mail. The runtime role uses the queue's schema, which
// the owner installed at start; it cannot change it.
import path from 'node:path';
import { createServices } from '../../server/app/registry';
import type { Clock } from '../../server/platform/clock';
import { loadConfig } from '../../server/platform/config';
import { createLogger } from '../../server/platform/logger';
import { MetricsRegistry } from '../../server/platform/metrics-registry';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { connectionUrl } from '../../server/reminders/job-queue';
import { ReminderJobs } from '../../server/reminders/reminder-jobs';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { addAccount, mailsTo, type Recipient } from './reminder-fixtures';

const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));
const log = createLogger('silent');
const clock: Clock = { today: () => '2026-11-01' };

let app: TestApp;
let smtp: SmtpSink;
let t: TenantFixture;
let workers: ReminderJobs[] = [];

async function until(done: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  app = await startTestApp();
  smtp = await startSmtpSink();
  t = await createTenantFixture(app, 'job');
  await publishInitialPolicy(app.owner, t.tenantId, policies.get('jining')!, 'test');
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await app.close();
  await smtp.close();
});

describe('reminder jobs', () => {
  it('two job runners (two server processes) take a queued run: the tenant is run once and every e-mail goes once', async () => {
    const person: Recipient = await addAccount(app, t, 'PROFESSIONAL', t.nodes.unitA1, t.people.a1[0], { accountId: t.accounts.personA1.id });
    const official: Recipient = await addAccount(app, t, 'UNIT_OFFICIAL', t.nodes.unitA1, null, { accountId: t.accounts.unitA1.id });
    const config = loadConfig({ NODE_ENV: 'test', ...smtp.env });
    const metrics = [new MetricsRegistry(), new MetricsRegistry()];
    workers = await Promise.all(
      metrics.map((m) =>
        ReminderJobs.start(createServices({ runtime: app.runtime, config, jwtSecret: 'x'.repeat(40), clock }).reminders, connectionUrl(app.runtime), config, log, {
          pollingIntervalSeconds: 0.5,
          metrics: m,
        }),
      ),
    );
    // both ask, twice: the queue keeps one run queued per tenant
    await Promise.all([workers[0]!.runNow([t.tenantId]), workers[1]!.runNow([t.tenantId]), workers[0]!.runNow([t.tenantId])]);
    await until(async () => (await workers[0]!.pending()) === 0 && mailsTo(smtp, official.email!).length > 0);
    // a moment for a duplicate, were there one
    await new Promise((r) => setTimeout(r, 1500));
    expect(await workers[1]!.pending()).toBe(0);
    expect(mailsTo(smtp, person.email!)).toHaveLength(1);
    expect(mailsTo(smtp, official.email!)).toHaveLength(1);
    expect(smtp.mails).toHaveLength(2);
    const [ledger] = await app.owner.query(`SELECT count(*)::int AS n FROM reminder_ledger WHERE tenant_id = $1`, [t.tenantId]);
    expect(ledger.n).toBe(9);
    const runs = await app.owner.query(`SELECT state, output FROM pgboss.job WHERE name = 'reminders-tenant' AND singleton_key = $1`, [t.tenantId]);
    expect(runs.filter((r: { output: { reminded?: number } | null }) => r.output?.reminded === 9)).toHaveLength(1);
    // the metrics of the two runners count each run of the tenant once between them
    const tenantRuns = await Promise.all(metrics.map(async (m) => (await m.registry.getSingleMetric('ce_job_runs_total')!.get()).values));
    const ok = tenantRuns.flat().filter((v) => v.labels.job === 'reminders_tenant' && v.labels.outcome === 'OK');
    expect(ok.reduce((sum, v) => sum + v.value, 0)).toBe(runs.filter((r: { state: string }) => r.state === 'completed').length);
  });

  it('the daily job’s list of tenants (an operator transaction) holds the active ones', async () => {
    const services = createServices({ runtime: app.runtime, config: loadConfig({ NODE_ENV: 'test' }), jwtSecret: 'x'.repeat(40), clock });
    expect(await services.reminders.activeTenants()).toContain(t.tenantId);
    await app.owner.query(`UPDATE tenant SET status = 'SUSPENDED' WHERE id = $1`, [t.tenantId]);
    try {
      expect(await services.reminders.activeTenants()).not.toContain(t.tenantId);
    } finally {
      await app.owner.query(`UPDATE tenant SET status = 'ACTIVE' WHERE id = $1`, [t.tenantId]);
    }
  });

  it('the runtime role uses the queue but cannot change its schema', async () => {
    await expect(app.runtime.query(`CREATE TABLE pgboss.intruder (id int)`)).rejects.toThrow(/permission denied/);
    await expect(app.runtime.query(`DROP TABLE pgboss.job`)).rejects.toThrow(/must be owner/);
    const [row] = await app.runtime.query(`SELECT count(*)::int AS n FROM pgboss.queue WHERE name IN ('reminders-daily', 'reminders-tenant')`);
    expect(row.n).toBe(2);
  });
});

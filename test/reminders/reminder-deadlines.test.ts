// Whose deadline a reminder counts back from (issue 13): title applicants are reminded before
// their own deadline — the Corps' June 30 (003 第2问), Binzhou's filing date (004 三、(一)) —
// at the days `titleDaysBefore` names, everyone else before Dec 31. E-mail is off here (no
// SMTP settings): the notifications are made all the same.
import path from 'node:path';
import { createServices } from '../../server/app/registry';
import type { Clock } from '../../server/platform/clock';
import { loadConfig } from '../../server/platform/config';
import { createLogger } from '../../server/platform/logger';
import type { Services } from '../../server/platform/module';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type PersonFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { addAccount } from './reminder-fixtures';

const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));
const log = createLogger('silent');
const clock = { day: '', today() { return this.day; } } satisfies Clock & { day: string };

let app: TestApp;
let services: Services;
let corps: TenantFixture;
let binzhou: TenantFixture;

async function applies(t: TenantFixture, p: PersonFixture, filedOn: string | null = null): Promise<void> {
  await app.owner.query(
    `INSERT INTO title_application (tenant_id, professional_id, target_level, target_series, application_year, route, filed_on)
     SELECT tenant_id, id, 'DEPUTY_SENIOR', title_series, 2026, 'NORMAL_REVIEW', $3 FROM professional WHERE tenant_id = $1 AND id = $2`,
    [t.tenantId, p.id, filedOn],
  );
}

/** The ledger of a tenant: who was reminded of which deadline, how many days before. */
async function ledger(t: TenantFixture): Promise<{ professional_id: string; deadline: string; days_before: number; deadline_kind: string }[]> {
  return app.owner.query(
    `SELECT professional_id, deadline::text AS deadline, days_before, deadline_kind FROM reminder_ledger WHERE tenant_id = $1 ORDER BY deadline, professional_id, days_before`,
    [t.tenantId],
  );
}

beforeAll(async () => {
  app = await startTestApp();
  services = createServices({ runtime: app.runtime, config: loadConfig({ NODE_ENV: 'test' }), jwtSecret: 'x'.repeat(40), clock });
  corps = await createTenantFixture(app, 'remc');
  await publishInitialPolicy(app.owner, corps.tenantId, policies.get('bingtuan')!, 'test');
  binzhou = await binzhouTenant('remb');
  await applies(corps, corps.people.a1[0]);
});

/** A Binzhou tenant whose two applicants file on June 10 and July 1 (each test that runs it has its own: any order). */
async function binzhouTenant(code: string): Promise<TenantFixture> {
  const t = await createTenantFixture(app, code);
  await publishInitialPolicy(app.owner, t.tenantId, policies.get('binzhou')!, 'test');
  await applies(t, t.people.a1[0], '2026-06-10');
  await applies(t, t.people.a2[0], '2026-07-01');
  return t;
}
afterAll(() => app.close());

describe('reminder deadlines', () => {
  it('Corps: 60 days before June 30 (May 1) the title applicant is reminded, in the app, of June 30; nobody else (Dec 31 is far)', async () => {
    clock.day = '2026-05-01';
    const run = await services.reminders.runTenant(corps.tenantId, log);
    expect(run).toMatchObject({ reminded: 1, mailed: 0 });
    expect(await ledger(corps)).toEqual([{ professional_id: corps.people.a1[0].id, deadline: '2026-06-30', days_before: 60, deadline_kind: 'TITLE' }]);
    const [n] = await app.owner.query(`SELECT title, body FROM notification WHERE tenant_id = $1 AND account_id = $2`, [corps.tenantId, corps.accounts.personA1.id]);
    expect(n.title).toBe('继续教育学时提醒：距职称申报的学时截止日还有 60 天');
    expect(n.body).toContain('请在 2026-06-30（职称申报的学时截止日）以前完成');
    // the unit official's digest lists the applicant
    const [digest] = await app.owner.query(`SELECT title FROM notification WHERE tenant_id = $1 AND account_id = $2`, [corps.tenantId, corps.accounts.unitA1.id]);
    expect(digest.title).toBe('本单位 1 人继续教育学时未完成');
  });

  it('Binzhou: each applicant 30 and 7 days before their own filing date, never 60; a person with no account is in the ledger without a notification', async () => {
    const binzhou = await binzhouTenant('rmb1');
    const days: Record<string, number> = {};
    for (const day of ['2026-04-11', '2026-05-11', '2026-06-01', '2026-06-02', '2026-06-03', '2026-06-24']) {
      clock.day = day;
      days[day] = (await services.reminders.runTenant(binzhou.tenantId, log)).reminded;
    }
    // June 10 − 30 = May 11, − 7 = June 3; July 1 − 30 = June 1, − 7 = June 24
    expect(days).toEqual({ '2026-04-11': 0, '2026-05-11': 1, '2026-06-01': 1, '2026-06-02': 0, '2026-06-03': 1, '2026-06-24': 1 });
    const [a, b] = [binzhou.people.a1[0].id, binzhou.people.a2[0].id];
    expect(await ledger(binzhou)).toEqual([
      { professional_id: a, deadline: '2026-06-10', days_before: 7, deadline_kind: 'TITLE' },
      { professional_id: a, deadline: '2026-06-10', days_before: 30, deadline_kind: 'TITLE' },
      { professional_id: b, deadline: '2026-07-01', days_before: 7, deadline_kind: 'TITLE' },
      { professional_id: b, deadline: '2026-07-01', days_before: 30, deadline_kind: 'TITLE' },
    ]);
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM notification WHERE tenant_id = $1 AND kind = 'SHORTFALL_REMINDER'`, [binzhou.tenantId]);
    expect(n).toBe(2); // a1[0] has an account (two reminders); a2[0] has none
  });

  it('a run after missed days catches up: Binzhou’s staff, last run June 24, are reminded on Nov 3 of Dec 31 (60 days), once', async () => {
    const binzhou = await binzhouTenant('rmb2');
    clock.day = '2026-06-24'; // the last run before the missed days (a first run covers its day only)
    expect((await services.reminders.runTenant(binzhou.tenantId, log)).reminded).toBe(1); // July 1's applicant, 7 days before
    clock.day = '2026-11-03';
    const run = await services.reminders.runTenant(binzhou.tenantId, log);
    // the two applicants are reminded of their filing dates only; the other seven of Dec 31
    expect(run.reminded).toBe(7);
    const rows = (await ledger(binzhou)).filter((r) => r.deadline === '2026-12-31');
    expect(rows.every((r) => r.days_before === 60 && r.deadline_kind === 'YEAR')).toBe(true);
    // the next day crosses nothing new (30 days before is Dec 1)
    clock.day = '2026-11-04';
    expect((await services.reminders.runTenant(binzhou.tenantId, log)).reminded).toBe(0);
  });

  it('the bureau reads the reminder days on the policy: Binzhou’s applicants 30 and 7 days before their filing date', async () => {
    const r = await app.gql(`query { policy(year: 2026) { deadline reminders { daysBefore titleDaysBefore source } } }`, {}, binzhou.accounts.bureau.token);
    expect(r.data.policy.reminders).toEqual({ daysBefore: [60, 30, 7], titleDaysBefore: [30, 7], source: expect.stringMatching(/^004 三、\(三\)/) });
  });

  it('a tenant whose policy sets no reminders, or that has no policy yet, is not reminded', async () => {
    const { reminders: _none, ...withoutReminders } = policies.get('qingdao')!;
    const plain = await createTenantFixture(app, 'remn');
    await publishInitialPolicy(app.owner, plain.tenantId, withoutReminders, 'test');
    clock.day = '2026-11-01';
    expect(await services.reminders.runTenant(plain.tenantId, log)).toMatchObject({ skipped: 'NO_REMINDERS', reminded: 0 });
    await addAccount(app, plain, 'UNIT_OFFICIAL', plain.nodes.unitA1, null);
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM notification WHERE tenant_id = $1`, [plain.tenantId]);
    expect(n).toBe(0);
    // nor one that has published no policy yet
    const unpublished = await createTenantFixture(app, 'remp');
    expect(await services.reminders.runTenant(unpublished.tenantId, log)).toMatchObject({ skipped: 'NO_REMINDERS', reminded: 0 });
  });
});

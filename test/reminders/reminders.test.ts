// Deadline reminders (issue 13), run with a clock the test moves and e-mail going to an SMTP
// server in this process: when the clock crosses a day the policy names (Qingdao: 60, 30 and 7
// days before Dec 31), each person short of hours gets one notification and, with an address
// and not opted out, one e-mail; unit officials one digest; nobody twice, however many
// processes run, and a refused e-mail is sent by a later run.
import path from 'node:path';
import { createServices } from '../../server/app/registry';
import type { Clock } from '../../server/platform/clock';
import { loadConfig } from '../../server/platform/config';
import { createLogger } from '../../server/platform/logger';
import type { Services } from '../../server/platform/module';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import type { PersonReminder } from '../../server/reminders/reminder-ledger.repository';
import { createTenantFixture, type PersonFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { addAccount, addHours, mailsTo, type ReminderPeople } from './reminder-fixtures';

const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));
const log = createLogger('silent');
const clock = { day: '2026-10-31', today() { return this.day; } } satisfies Clock & { day: string };

type Who = ReminderPeople<'short' | 'optedOut' | 'complete' | 'shortA2' | 'officialA1' | 'officialA2' | 'officialB1' | 'department'>;

let app: TestApp;
let smtp: SmtpSink;
let services: Services;
/** a second server process: its own services (and pools of its own within this file's connections) */
let second: Services;

const build = () => createServices({ runtime: app.runtime, config: loadConfig({ NODE_ENV: 'test', ...smtp.env }), jwtSecret: 'x'.repeat(40), clock });

beforeAll(async () => {
  app = await startTestApp();
  smtp = await startSmtpSink();
  services = build();
  second = build();
});
afterEach(() => smtp.refuse.clear());
afterAll(async () => {
  await app.close();
  await smtp.close();
});

interface Scenario {
  t: TenantFixture;
  who: Who;
  /** the reminder ledger's rows of this tenant */
  ledgerRows(): Promise<number>;
  notificationsOf(accountId: string): Promise<{ kind: string; title: string; body: string }[]>;
  /** runs the tenant once on `day` (the shared clock set to it) */
  runOn(day: string, on?: Services): ReturnType<Services['reminders']['runTenant']>;
}

/**
 * A tenant of its own for one test, that no run has touched: Qingdao's policy (reminders 60, 30
 * and 7 days before Dec 31); of the nine people a1[2] complete, a2[0] short of 40 professional
 * hours and the rest with none; accounts with addresses for a1[0] (short), a1[1] (opted out),
 * a1[2] (complete) and a2[0] (short), for the officials of units A1 and A2, one without an
 * address for unit B1's official, and the department official's. Tests share the clock, the
 * SMTP sink and the two processes' services, never a tenant, so they pass in any order.
 */
async function scenario(): Promise<Scenario> {
  const t = await createTenantFixture(app, 'rem');
  await publishInitialPolicy(app.owner, t.tenantId, policies.get('qingdao')!, 'test');
  const { a1, a2 } = t.people;
  await addHours(app, t, a1[2], 30, 60); // complete
  await addHours(app, t, a2[0], 30, 20); // short of 40 professional hours
  const who: Who = {
    short: await addAccount(app, t, 'PROFESSIONAL', t.nodes.unitA1, a1[0], { accountId: t.accounts.personA1.id }),
    optedOut: await addAccount(app, t, 'PROFESSIONAL', t.nodes.unitA1, a1[1], { optOut: true }),
    complete: await addAccount(app, t, 'PROFESSIONAL', t.nodes.unitA1, a1[2]),
    shortA2: await addAccount(app, t, 'PROFESSIONAL', t.nodes.unitA2, a2[0]),
    officialA1: await addAccount(app, t, 'UNIT_OFFICIAL', t.nodes.unitA1, null, { accountId: t.accounts.unitA1.id }),
    officialA2: await addAccount(app, t, 'UNIT_OFFICIAL', t.nodes.unitA2, null),
    officialB1: await addAccount(app, t, 'UNIT_OFFICIAL', t.nodes.unitB1, null, { email: null }),
    department: await addAccount(app, t, 'DEPARTMENT_OFFICIAL', t.nodes.deptA, null, { accountId: t.accounts.deptA.id }),
  };
  return {
    t,
    who,
    ledgerRows: async () => (await app.owner.query(`SELECT count(*)::int AS n FROM reminder_ledger WHERE tenant_id = $1`, [t.tenantId]))[0].n as number,
    notificationsOf: (accountId) =>
      app.owner.query(`SELECT kind, title, body FROM notification WHERE tenant_id = $1 AND account_id = $2 ORDER BY no`, [t.tenantId, accountId]),
    runOn: (day, on = services) => {
      clock.day = day;
      return on.reminders.runTenant(t.tenantId, log);
    },
  };
}

describe('deadline reminders', () => {
  it('61 days before Dec 31 (Oct 31) no reminder day has been reached: nothing is written or sent', async () => {
    const s = await scenario();
    const before = smtp.mails.length;
    const run = await s.runOn('2026-10-31');
    expect(run).toMatchObject({ skipped: null, reminded: 0, digests: 0, mailed: 0 });
    expect(await s.ledgerRows()).toBe(0);
    expect(smtp.mails.slice(before)).toHaveLength(0);
  });

  it('the clock crossing 60 days before Dec 31 (Nov 1): one e-mail per short person, none to the complete or the opted-out, one digest per unit official', async () => {
    const { t, who, ...s } = await scenario();
    await s.runOn('2026-10-31'); // the day before: nothing yet
    const before = smtp.mails.length;
    const run = await s.runOn('2026-11-01');
    // everyone but the complete person is short: 8 of the 9
    expect(run).toMatchObject({ reminded: 8, digests: 3, mailed: 4, mailFailed: 0 });
    expect(mailsTo(smtp, who.short.email!, before)).toHaveLength(1);
    expect(mailsTo(smtp, who.shortA2.email!, before)).toHaveLength(1);
    expect(mailsTo(smtp, who.optedOut.email!, before)).toHaveLength(0);
    expect(mailsTo(smtp, who.complete.email!, before)).toHaveLength(0);
    expect(mailsTo(smtp, who.department.email!, before)).toHaveLength(0);
    expect(smtp.mails.slice(before)).toHaveLength(4);

    const [mine] = mailsTo(smtp, who.short.email!, before);
    expect(mine!.subject).toBe('继续教育学时提醒：距年度学时截止日还有 60 天');
    expect(mine!.text).toContain(`${t.people.a1[0].name}：您 2026 年度的继续教育学时尚未完成，公需科目还差 30 学时，专业科目还差 60 学时。请在 2026-12-31`);
    expect(mine!.text).not.toMatch(/[0-9]{17}[0-9X]/);
    expect(mailsTo(smtp, who.shortA2.email!, before)[0]!.text).toContain('专业科目还差 40 学时');

    // the unit's digest: its short people (the opted-out one too), not the complete one
    const [digestA1] = mailsTo(smtp, who.officialA1.email!, before);
    expect(digestA1!.subject).toBe('本单位 2 人继续教育学时未完成');
    expect(digestA1!.text).toContain(t.people.a1[0].name);
    expect(digestA1!.text).toContain(t.people.a1[1].name);
    expect(digestA1!.text).not.toContain(t.people.a1[2].name);
    expect(mailsTo(smtp, who.officialA2.email!, before)[0]!.subject).toBe('本单位 3 人继续教育学时未完成');

    // in the app: the opted-out person and the official without an address are notified all the same
    expect((await s.notificationsOf(who.optedOut.accountId)).map((n) => n.kind)).toEqual(['SHORTFALL_REMINDER']);
    expect((await s.notificationsOf(who.officialB1.accountId)).map((n) => n.title)).toEqual(['本单位 3 人继续教育学时未完成']);
    expect(await s.notificationsOf(who.complete.accountId)).toEqual([]);
    expect(await s.notificationsOf(who.department.accountId)).toEqual([]);
  });

  it('a second run on Nov 1, and runs on the days up to the next reminder day, remind no one again', async () => {
    const s = await scenario();
    // Oct 31, then Nov 1's run, which reminds the eight short people
    await s.runOn('2026-10-31');
    expect(await s.runOn('2026-11-01')).toMatchObject({ reminded: 8 });
    const before = smtp.mails.length;
    expect(await s.runOn('2026-11-01')).toMatchObject({ skipped: 'DONE', reminded: 0 });
    expect(await s.runOn('2026-11-02')).toMatchObject({ skipped: null, reminded: 0, digests: 0 });
    expect(await s.runOn('2026-11-30')).toMatchObject({ reminded: 0 });
    expect(smtp.mails.length).toBe(before);
  });

  it('two server processes running the tenant at once on Dec 1 (30 days before) send each reminder once', async () => {
    const { who, ...s } = await scenario();
    // the runs before: Nov 1 (60 days before) and the day before Dec 1
    expect(await s.runOn('2026-11-01')).toMatchObject({ reminded: 8 });
    await s.runOn('2026-11-30');
    const before = smtp.mails.length;
    const runs = await Promise.all([s.runOn('2026-12-01', services), s.runOn('2026-12-01', second)]);
    expect(runs.map((r) => r.reminded).sort()).toEqual([0, 8]);
    const fresh = smtp.mails.slice(before);
    expect(fresh).toHaveLength(4);
    expect(new Set(fresh.map((m) => m.to[0])).size).toBe(4);
    expect(fresh.find((m) => m.to[0] === who.short.email)!.subject).toBe('继续教育学时提醒：距年度学时截止日还有 30 天');
  });

  it('the ledger’s key alone keeps two processes inserting the same reminders at once from sending any twice', async () => {
    const { t, who } = await scenario();
    const before = smtp.mails.length;
    const reminders: PersonReminder[] = [t.people.a1[0], t.people.a2[0], t.people.b1[0]].map((p: PersonFixture, i) => ({
      professionalId: p.id,
      name: p.name,
      unitId: [t.nodes.unitA1, t.nodes.unitA2, t.nodes.unitB1][i]!,
      year: 2026,
      deadline: '2026-12-31',
      deadlineKind: 'YEAR',
      daysBefore: 15,
      publicShortfall: 30,
      professionalShortfall: 60,
    }));
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([
        services.reminders.remind(t.tenantId, '2026-12-16', reminders, log),
        second.reminders.remind(t.tenantId, '2026-12-16', reminders, log),
      ]);
      expect(a.inserted.length + b.inserted.length).toBe(round === 0 ? 3 : 0);
    }
    // a1[0] and a2[0] have addresses; b1[0] has no account
    expect(smtp.mails.slice(before).map((m) => m.to[0]).sort()).toEqual([who.short.email, who.shortA2.email].sort());
  });

  it('an e-mail the SMTP server refuses (Dec 24, 7 days before) is sent by the next run, once', async () => {
    const { t, who, ...s } = await scenario();
    // the reminder days before: Nov 1 (60 days) and Dec 1 (30 days)
    expect(await s.runOn('2026-11-01')).toMatchObject({ reminded: 8 });
    expect(await s.runOn('2026-12-01')).toMatchObject({ reminded: 8 });
    const before = smtp.mails.length;
    smtp.refuse.add(who.short.email!);
    const run = await s.runOn('2026-12-24');
    expect(run).toMatchObject({ reminded: 8, mailed: 3, mailFailed: 1 });
    expect(mailsTo(smtp, who.short.email!, before)).toHaveLength(0);
    const [state] = await app.owner.query(`SELECT mail_state, mail_attempts FROM reminder_ledger WHERE tenant_id = $1 AND professional_id = $2 AND days_before = 7`, [t.tenantId, t.people.a1[0].id]);
    expect(state).toEqual({ mail_state: 'RETRY', mail_attempts: 1 });

    smtp.refuse.clear();
    expect(await s.runOn('2026-12-25')).toMatchObject({ reminded: 0, mailed: 1 });
    expect(await s.runOn('2026-12-26')).toMatchObject({ reminded: 0, mailed: 0 });
    const retried = mailsTo(smtp, who.short.email!, before);
    expect(retried).toHaveLength(1);
    expect(retried[0]!.subject).toBe('继续教育学时提醒：距年度学时截止日还有 7 天');
  });

  it('after Dec 31 the year’s deadline has passed: no reminders', async () => {
    const s = await scenario();
    // the year's reminder days, Dec 31 not yet passed
    for (const day of ['2026-11-01', '2026-12-01', '2026-12-24']) expect(await s.runOn(day)).toMatchObject({ reminded: 8 });
    await s.runOn('2026-12-26');
    expect(await s.runOn('2027-01-02')).toMatchObject({ reminded: 0, digests: 0 });
  });
});

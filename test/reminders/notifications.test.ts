// In-app notifications and e-mail settings through the API (issue 13): a notification is its
// account's alone — not another official's of the same tenant, not another tenant's, and not
// readable by a raw query under row-level security with another actor; pages newest first;
// marking read; the e-mail address and opt-out, validated, audited with the address masked.
import { createServices } from '../../server/app/registry';
import type { Clock } from '../../server/platform/clock';
import { loadConfig } from '../../server/platform/config';
import { createLogger } from '../../server/platform/logger';
import { inTransaction } from '../../server/platform/transaction';
import type { PersonReminder } from '../../server/reminders/reminder-ledger.repository';
import { auditRows, createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';

const LIST = `query($first: Int, $after: String, $unreadOnly: Boolean) { myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
  totalCount nodes { id kind title body readAt year deadline daysBefore } pageInfo { hasNextPage endCursor } } }`;
const UNREAD = `query { unreadNotificationCount }`;
const MARK = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked unread } }`;
const SETTINGS = `query { myNotificationSettings { email emailOptOut emailEnabled } }`;
const UPDATE = `mutation($input: UpdateNotificationSettingsInput!) { updateMyNotificationSettings(input: $input) { email emailOptOut emailEnabled } }`;

const clock: Clock = { today: () => '2026-11-01' };
let app: TestApp;
let t: TenantFixture;
let other: TenantFixture;

/** Five reminders for the fixture's professional (a1[0]), 1 to 5 days before Dec 31. */
async function remindFiveTimes(tenant: TenantFixture): Promise<void> {
  const services = createServices({ runtime: app.runtime, config: loadConfig({ NODE_ENV: 'test' }), jwtSecret: 'x'.repeat(40), clock });
  const p = tenant.people.a1[0];
  const reminders: PersonReminder[] = [1, 2, 3, 4, 5].map((daysBefore) => ({
    professionalId: p.id,
    name: p.name,
    unitId: tenant.nodes.unitA1,
    year: 2026,
    deadline: '2026-12-31',
    deadlineKind: 'YEAR',
    daysBefore,
    publicShortfall: 10,
    professionalShortfall: 0,
  }));
  for (const r of reminders) await services.reminders.remind(tenant.tenantId, '2026-11-01', [r], createLogger('silent'));
}

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'ntf');
  other = await createTenantFixture(app, 'ntg');
  await remindFiveTimes(t);
  await remindFiveTimes(other);
});
afterAll(() => app.close());

describe('notifications', () => {
  it('the owner pages through their notifications, newest first, each once', async () => {
    const token = t.accounts.personA1.token;
    const first = await app.gql(LIST, { first: 2 }, token);
    expect(first.errors).toBeUndefined();
    expect(first.data.myNotifications.totalCount).toBe(5);
    const seen: number[] = first.data.myNotifications.nodes.map((n: { daysBefore: number }) => n.daysBefore);
    let after = first.data.myNotifications.pageInfo.endCursor;
    for (let i = 0; i < 3 && after; i++) {
      const r = await app.gql(LIST, { first: 2, after }, token);
      seen.push(...r.data.myNotifications.nodes.map((n: { daysBefore: number }) => n.daysBefore));
      after = r.data.myNotifications.pageInfo.hasNextPage ? r.data.myNotifications.pageInfo.endCursor : null;
    }
    expect(seen).toEqual([5, 4, 3, 2, 1]);
    expect(first.data.myNotifications.nodes[0]).toMatchObject({ kind: 'SHORTFALL_REMINDER', year: 2026, deadline: '2026-12-31', readAt: null });
    expect(first.data.myNotifications.nodes[0].body).toContain('公需科目还差 10 学时');
  });

  it('nobody else sees them: another official of the tenant, the bureau, another tenant’s professional', async () => {
    for (const token of [t.accounts.unitA1.token, t.accounts.bureau.token, t.accounts.deptA.token]) {
      const r = await app.gql(`${LIST}`, {}, token);
      expect(r.data.myNotifications.totalCount).toBe(0);
      expect((await app.gql(UNREAD, {}, token)).data.unreadNotificationCount).toBe(0);
    }
    const theirs = await app.gql(LIST, { first: 10 }, other.accounts.personA1.token);
    const mine = await app.gql(LIST, { first: 10 }, t.accounts.personA1.token);
    const ids = new Set(mine.data.myNotifications.nodes.map((n: { id: string }) => n.id));
    expect(theirs.data.myNotifications.nodes.some((n: { id: string }) => ids.has(n.id))).toBe(false);
    // and an official cannot mark them read
    expect((await app.gql(MARK, { ids: [...ids] }, t.accounts.bureau.token)).data.markNotificationsRead.marked).toBe(0);
  });

  it('row-level security: a raw query of the runtime role sees a notification only as its account, in its tenant', async () => {
    const count = (tenantId: string, actorId: string | null) =>
      inTransaction(app.runtime, { tenantId, actorId }, async (em) => (await em.query(`SELECT count(*)::int AS n FROM notification`))[0].n as number);
    expect(await count(t.tenantId, t.accounts.personA1.id)).toBe(5);
    expect(await count(t.tenantId, t.accounts.bureau.id)).toBe(0);
    expect(await count(t.tenantId, null)).toBe(0);
    expect(await count(other.tenantId, t.accounts.personA1.id)).toBe(0);
    const updated = await inTransaction(app.runtime, { tenantId: t.tenantId, actorId: t.accounts.bureau.id }, (em) =>
      em.query(`UPDATE notification SET read_at = now() WHERE read_at IS NULL`),
    );
    expect(updated[1]).toBe(0);
  });

  it('unread count, one marked read, then all; a malformed id is refused naming it; each call audited', async () => {
    // a tenant of its own: marking read must not change what the other tests (in any order) read
    const t = await createTenantFixture(app, 'ntr');
    await remindFiveTimes(t);
    const token = t.accounts.personA1.token;
    expect((await app.gql(UNREAD, {}, token)).data.unreadNotificationCount).toBe(5);
    const list = await app.gql(LIST, { first: 5 }, token);
    const [one] = list.data.myNotifications.nodes;
    expect((await app.gql(MARK, { ids: [one.id] }, token)).data.markNotificationsRead).toEqual({ marked: 1, unread: 4 });
    expect((await app.gql(LIST, { unreadOnly: true }, token)).data.myNotifications.totalCount).toBe(4);
    const bad = await app.gql(MARK, { ids: ['nope'] }, token);
    expect(codes(bad)).toEqual(['NOTIFICATION_ID_INVALID']);
    expect(bad.errors?.[0]?.extensions?.field).toBe('ids[0]');
    expect((await app.gql(MARK, {}, token)).data.markNotificationsRead).toEqual({ marked: 4, unread: 0 });
    const audits = (await auditRows(app, t.tenantId)).filter((a) => a.action === 'notification.markRead' && a.actor_id === t.accounts.personA1.id);
    expect(audits.map((a) => a.after)).toEqual([{ marked: 1, all: false }, { marked: 4, all: true }]);
  });

  it('e-mail settings: an address and the opt-out are one’s own; a malformed address is refused and changes nothing; the trail masks the address', async () => {
    const token = t.accounts.personA1.token;
    expect((await app.gql(SETTINGS, {}, token)).data.myNotificationSettings).toEqual({ email: null, emailOptOut: false, emailEnabled: false });
    const set = await app.gql(UPDATE, { input: { email: 'zhang.san@example.cn' } }, token);
    expect(set.data.updateMyNotificationSettings).toEqual({ email: 'zhang.san@example.cn', emailOptOut: false, emailEnabled: false });
    const out = await app.gql(UPDATE, { input: { emailOptOut: true } }, token);
    expect(out.data.updateMyNotificationSettings).toMatchObject({ email: 'zhang.san@example.cn', emailOptOut: true });
    const bad = await app.gql(UPDATE, { input: { email: 'not an address' } }, token);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0]?.extensions?.field).toBe('email');
    expect((await app.gql(SETTINGS, {}, token)).data.myNotificationSettings.email).toBe('zhang.san@example.cn');
    // another account's settings are untouched
    expect((await app.gql(SETTINGS, {}, t.accounts.unitA1.token)).data.myNotificationSettings.email).toBeNull();
    const audits = (await auditRows(app, t.tenantId)).filter((a) => a.action === 'account.updateNotificationSettings');
    expect(audits.map((a) => a.after)).toEqual([
      { email: 'z***@example.cn', emailOptOut: false },
      { email: 'z***@example.cn', emailOptOut: true },
    ]);
    expect(JSON.stringify(audits)).not.toContain('zhang.san');
  });
});

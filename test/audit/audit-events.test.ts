// The audit log as the bureau reads it (auditEvents): newest first, filtered by actor, record,
// action (exact or prefix) and China-time days; pages without gaps or repeats; only the bureau
// official reads it, only its own tenant's; and no full ID number ever leaves it.
import { inTransaction } from '../../server/platform/transaction';
import { codes, type GqlResult, startTestApp, type TestApp } from '../support/harness';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { CREATE_ORGANISATION, CREATE_PROFESSIONAL, expectConsistentPaging, failure, newIdNumber, RENAME_ORGANISATION, type PageResult } from '../support/queries';

const FULL_ID_NUMBER = /[0-9]{17}[0-9X]/;
const EVENTS = `query($f: AuditEventFilter, $first: Int! = 100, $after: String) {
  auditEvents(filter: $f, first: $first, after: $after) {
    totalCount nodes { id at actorKind actorId actorLabel action entityType entityId before after requestId }
    edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

interface Event {
  id: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

let app: TestApp;
let t: TenantFixture;
let other: TenantFixture;
let unitId: string;
let professionalId: string;
let idNumber: string;
const hidden = newIdNumber('19790101');

async function rawEvent(tenantId: string, at: string, action: string, extra: { entityId?: string; after?: object } = {}): Promise<void> {
  await inTransaction(app.owner, { tenantId }, (em) =>
    em.query(
      `INSERT INTO audit_log (tenant_id, at, request_id, actor_kind, actor_id, actor_label, action, entity_type, entity_id, before, after)
       VALUES ($1, $2, 'raw', 'SYSTEM', NULL, 'system:import', $3, 'import', $4, NULL, $5)`,
      [tenantId, at, action, extra.entityId ?? 'batch-1', extra.after ?? null],
    ),
  );
}

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'aev');
  other = await createTenantFixture(app, 'aeo');
  const bureau = t.accounts.bureau.token;
  const unit = await app.gql(CREATE_ORGANISATION, { input: { parentId: t.nodes.deptA, kind: 'UNIT', name: '审计日志单位' } }, bureau);
  unitId = unit.data.createOrganisation.id;
  await app.gql(RENAME_ORGANISATION, { input: { id: unitId, name: '审计日志单位（改名）' } }, t.accounts.deptA.token);
  idNumber = newIdNumber();
  const p = await app.gql(
    CREATE_PROFESSIONAL,
    { input: { idNumber, name: '审计读取人', unitId: t.nodes.unitA1, titleLevel: 'INTERMEDIATE', titleSeries: 'HEALTH', phone: '13800000000', joinedUnitOn: '2019-07-01' } },
    t.accounts.unitA1.token,
  );
  professionalId = p.data.createProfessional.id;
  // rows written around a China-time midnight (2024-03-02 00:00 +08 is 2024-03-01 16:00 UTC)
  await rawEvent(t.tenantId, '2024-03-01T15:30:00Z', 'import.run');
  await rawEvent(t.tenantId, '2024-03-01T16:30:00Z', 'import.run');
  await rawEvent(t.tenantId, '2024-03-03T04:00:00Z', 'import.check');
  // a full ID number where the write-time masking never looked: nested, in text, as the record
  await rawEvent(t.tenantId, '2024-03-04T04:00:00Z', 'import.person', { entityId: hidden, after: { person: { id_number: hidden }, note: `导入 ${hidden}`, list: [hidden] } });
  await app.gql(CREATE_ORGANISATION, { input: { parentId: other.nodes.deptA, kind: 'UNIT', name: '他市单位' } }, other.accounts.bureau.token);
});
afterAll(() => app.close());

const events = async (filter: object | null = null, token = t.accounts.bureau.token): Promise<Event[]> => {
  const r = await app.gql(EVENTS, { f: filter }, token);
  expect(r.errors).toBeUndefined();
  return r.data.auditEvents.nodes;
};

describe('auditEvents for the bureau official', () => {
  it('lists the tenant’s events newest first (time, then id)', async () => {
    const all = await events();
    expect(all.length).toBeGreaterThan(6);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(Date.parse(a.at) > Date.parse(b.at) || (a.at === b.at && BigInt(a.id) > BigInt(b.id))).toBe(true);
    }
    expect(all.at(-1)!.action).toBe('import.run');
  });

  it('pages without gaps or repeats, totalCount the same on every page', async () => {
    const ids = await expectConsistentPaging(async (first, after) => {
      const r: GqlResult = await app.gql(EVENTS, { first, after }, t.accounts.bureau.token);
      expect(r.errors).toBeUndefined();
      return r.data.auditEvents as PageResult;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('filters by actor (id, exact label, label prefix)', async () => {
    const byDept = await events({ actorId: t.accounts.deptA.id });
    expect(byDept.map((e) => e.action)).toEqual(['organisation.rename']);
    const byLabel = await events({ actorLabel: `account:${t.accounts.bureau.username}` });
    expect(byLabel.length).toBeGreaterThan(0);
    expect(byLabel.every((e) => e.actorId === t.accounts.bureau.id)).toBe(true);
    const byPrefix = await events({ actorLabelPrefix: 'system:' });
    expect(byPrefix.map((e) => e.action)).toEqual(['import.person', 'import.check', 'import.run', 'import.run']);
    expect(await events({ actorLabel: 'system:' })).toEqual([]);
  });

  it('filters by record (type and id) and by action, exact or prefix', async () => {
    const unit = await events({ entityType: 'organisation', entityId: unitId });
    expect(unit.map((e) => e.action)).toEqual(['organisation.rename', 'organisation.create']);
    expect(unit[0]!.before).toMatchObject({ name: '审计日志单位' });
    expect(unit[0]!.after).toMatchObject({ name: '审计日志单位（改名）' });
    expect((await events({ entityType: 'professional' })).map((e) => e.entityId)).toContain(professionalId);
    const organisation = await events({ actionPrefix: 'organisation.' });
    expect(organisation.map((e) => e.action).sort()).toEqual(['organisation.create', 'organisation.rename']);
    expect((await events({ action: 'organisation.create' })).map((e) => e.entityId)).toEqual([unitId]);
    expect(await events({ action: 'organisation.' })).toEqual([]);
    expect((await events({ actionPrefix: 'import.', actorId: t.accounts.deptA.id })).length).toBe(0);
  });

  it('filters by China-time days, both ends inclusive', async () => {
    const day = await events({ from: '2024-03-02', to: '2024-03-02' });
    expect(day.map((e) => e.at)).toEqual(['2024-03-01T16:30:00.000Z']);
    const before = await events({ to: '2024-03-01' });
    expect(before.map((e) => e.at)).toEqual(['2024-03-01T15:30:00.000Z']);
    const span = await events({ from: '2024-03-01', to: '2024-03-03', actionPrefix: 'import.' });
    expect(span.map((e) => e.action)).toEqual(['import.check', 'import.run', 'import.run']);
  });

  it('never answers a full ID number: write-time masked fields and any other place alike', async () => {
    const created = (await events({ action: 'professional.create' }))[0]!;
    expect(created.after!.idNumber).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    const raw = (await events({ action: 'import.person' }))[0]!;
    const masked = `${hidden.slice(0, 4)}**********${hidden.slice(-4)}`;
    expect(raw.entityId).toBe(masked);
    expect(raw.after).toEqual({ person: { id_number: masked }, note: `导入 ${masked}`, list: [masked] });
    const r = await app.gql(EVENTS, {}, t.accounts.bureau.token);
    expect(JSON.stringify(r.data)).not.toMatch(FULL_ID_NUMBER);
  });

  it('counts at most 10,000 (as the review queues do) and exactly below', async () => {
    const r = await app.gql(`query { auditEvents(filter: { actionPrefix: "import." }, first: 1) { totalCount pageInfo { hasNextPage } } }`, {}, t.accounts.bureau.token);
    expect(r.data.auditEvents).toEqual({ totalCount: 4, pageInfo: { hasNextPage: true } });
  });
});

describe('who may read it', () => {
  it.each([
    ['a unit official', 'unitA1'],
    ['a department official', 'deptA'],
    ['a professional', 'personA1'],
  ] as const)('%s is refused (FORBIDDEN)', async (_who, account) => {
    const r = await app.gql(EVENTS, {}, t.accounts[account].token);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data).toBeNull();
  });

  it('an anonymous caller is refused (UNAUTHENTICATED)', async () => {
    expect(codes(await app.gql(EVENTS, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('another tenant’s bureau sees only its own events, never this tenant’s (row-level security)', async () => {
    const mine = new Set((await events()).map((e) => e.id));
    const theirs = await events(null, other.accounts.bureau.token);
    expect(theirs.map((e) => e.action)).toEqual(['organisation.create']);
    expect(theirs.some((e) => mine.has(e.id))).toBe(false);
    expect(await events({ entityType: 'organisation', entityId: unitId }, other.accounts.bureau.token)).toEqual([]);
    expect(await events({ actorId: t.accounts.bureau.id }, other.accounts.bureau.token)).toEqual([]);
  });
});

describe('bad input is refused on its field', () => {
  it.each([
    [{ from: '2024-02-30' }, 'filter.from'],
    [{ to: '2024-3-1' }, 'filter.to'],
    [{ from: '2024-03-05', to: '2024-03-01' }, 'filter.to'],
    [{ actorId: 'not-a-uuid' }, 'filter.actorId'],
    [{ actionPrefix: '' }, 'filter.actionPrefix'],
  ])('%j → BAD_USER_INPUT on %s', async (filter, field) => {
    expect(failure(await app.gql(EVENTS, { f: filter }, t.accounts.bureau.token))).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('a cursor that is not one of ours → BAD_USER_INPUT on after; first above 100 → on first', async () => {
    expect(failure(await app.gql(EVENTS, { after: 'bm9wZQ' }, t.accounts.bureau.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(failure(await app.gql(EVENTS, { first: 101 }, t.accounts.bureau.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

// Completion statistics (the officials' dashboard): per organisation under the caller, how many
// completed the year; the hours each kind brought; how far the rest are short. Verdicts are the
// engine's, in the caller's scope only, and one request judges at most STATISTICS_MAX_PEOPLE.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type PersonFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let t: TenantFixture;
let other: TenantFixture;
const Y = 2026;
// one signing secret, so the tokens of the fixture work on the second (small budget) server too
const secret = randomBytes(32).toString('hex');
const qingdao = loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('qingdao')!;

const STATS = `query($y: Int!, $under: ID) { completionStatistics(year: $y, under: $under) {
  year organisationId scanned total complete
  byOrganisation { organisationId name kind headcount complete noRequirement rate }
  hoursByKind { kind label hours people }
  shortfallDistribution { label from to count } } }`;

interface Stats {
  organisationId: string;
  scanned: number;
  total: number;
  complete: boolean;
  byOrganisation: { organisationId: string; kind: string; headcount: number; complete: number; rate: number }[];
  hoursByKind: { kind: string; label: string; hours: number; people: number }[];
  shortfallDistribution: { label: string; from: number; to: number; count: number }[];
}

async function transferIn(f: TenantFixture, p: PersonFixture, pub: number, prof: number) {
  await app.owner.query(`INSERT INTO activity (tenant_id, professional_id, kind, year, params) VALUES ($1, $2, 'transferIn', $3, $4)`, [
    f.tenantId,
    p.id,
    Y,
    { fromPlace: '测试', publicHours: pub, professionalHours: prof },
  ]);
}

async function publicCourse(f: TenantFixture, p: PersonFixture, hours: number) {
  await app.owner.query(`INSERT INTO activity (tenant_id, professional_id, kind, year, params) VALUES ($1, $2, 'publicCourse', $3, $4)`, [f.tenantId, p.id, Y, { hours }]);
}

async function stats(token: string, under: string | null = null, on: TestApp = app): Promise<Stats> {
  const r = await on.gql(STATS, { y: Y, under }, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.completionStatistics;
}

const buckets = (s: Stats) => s.shortfallDistribution.map((b) => b.count);
const row = (s: Stats, id: string) => s.byOrganisation.find((r) => r.organisationId === id);

beforeAll(async () => {
  app = await startTestApp({}, undefined, secret);
  t = await createTenantFixture(app, 'cst');
  other = await createTenantFixture(app, 'cso');
  await publishInitialPolicy(app.owner, t.tenantId, qingdao, 'test');
  await publishInitialPolicy(app.owner, other.tenantId, qingdao, 'test');
  const { a1, a2, b1 } = t.people;
  await transferIn(t, a1[0], 30, 60); // complete
  await publicCourse(t, a1[1], 30); // short 60
  // a1[2]: nothing, short 90
  await transferIn(t, a2[0], 25, 60); // short 5
  await publicCourse(t, a2[1], 40); // the course is capped at 30 a year: short 60
  await transferIn(t, a2[2], 10, 10); // short 70
  await transferIn(t, b1[0], 30, 60); // complete
  await transferIn(t, b1[1], 30, 40); // short 20
  // b1[2]: nothing, short 90
  // the other tenant: everyone complete, with many hours (never counted above)
  for (const p of [...other.people.a1, ...other.people.a2, ...other.people.b1]) await transferIn(other, p, 100, 200);
});
afterAll(() => app.close());

describe('completion statistics', () => {
  it('bureau: one row per department with headcount, complete and rate; credited hours per kind; people per shortfall bucket', async () => {
    const s = await stats(t.accounts.bureau.token);
    expect(s).toMatchObject({ organisationId: t.nodes.bureau, scanned: 9, total: 9, complete: true });
    expect(s.byOrganisation).toHaveLength(2);
    expect(row(s, t.nodes.deptA)).toMatchObject({ kind: 'DEPARTMENT', headcount: 6, complete: 1 });
    expect(row(s, t.nodes.deptA)!.rate).toBeCloseTo(1 / 6);
    expect(row(s, t.nodes.deptB)).toMatchObject({ kind: 'DEPARTMENT', headcount: 3, complete: 1 });
    expect(row(s, t.nodes.deptB)!.rate).toBeCloseTo(1 / 3);
    // transferIn: 90 + 85 + 20 + 90 + 70; publicCourse: 30 + 30 (40 capped at 30)
    expect(s.hoursByKind).toEqual([
      { kind: 'transferIn', label: qingdao.versions[0]!.kinds.transferIn!.name, hours: 355, people: 5 },
      { kind: 'publicCourse', label: qingdao.versions[0]!.kinds.publicCourse!.name, hours: 60, people: 2 },
    ]);
    expect(s.shortfallDistribution.map((b) => [b.from, b.to])).toEqual([
      [0, 0],
      [1, 10],
      [11, 30],
      [31, 60],
      [61, 90],
    ]);
    expect(buckets(s)).toEqual([2, 1, 1, 2, 3]);
  });

  it('a department official sees its units only', async () => {
    const s = await stats(t.accounts.deptA.token);
    expect(s).toMatchObject({ organisationId: t.nodes.deptA, scanned: 6, total: 6, complete: true });
    expect(s.byOrganisation.map((r) => r.organisationId).sort()).toEqual([t.nodes.unitA1, t.nodes.unitA2].sort());
    expect(row(s, t.nodes.unitA1)).toMatchObject({ kind: 'UNIT', headcount: 3, complete: 1 });
    expect(row(s, t.nodes.unitA2)).toMatchObject({ kind: 'UNIT', headcount: 3, complete: 0, rate: 0 });
    expect(buckets(s)).toEqual([1, 1, 0, 2, 2]);
    expect(s.hoursByKind.find((k) => k.kind === 'transferIn')).toMatchObject({ hours: 195, people: 3 });
  });

  it('a unit official sees their unit as the one row', async () => {
    const s = await stats(t.accounts.unitA1.token);
    expect(s.byOrganisation).toEqual([expect.objectContaining({ organisationId: t.nodes.unitA1, kind: 'UNIT', headcount: 3, complete: 1 })]);
    expect(row(s, t.nodes.unitA1)!.rate).toBeCloseTo(1 / 3);
    expect(s).toMatchObject({ total: 3, scanned: 3, complete: true });
    expect(buckets(s)).toEqual([1, 0, 0, 1, 1]);
  });

  it('`under` narrows the scope to an organisation inside it', async () => {
    const s = await stats(t.accounts.bureau.token, t.nodes.deptB);
    expect(s.byOrganisation).toEqual([expect.objectContaining({ organisationId: t.nodes.unitB1, headcount: 3, complete: 1 })]);
    expect(buckets(s)).toEqual([1, 0, 1, 0, 1]);
  });

  it('`under` outside the caller’s scope, in another tenant or malformed is ORGANISATION_NOT_FOUND on under', async () => {
    for (const [token, under] of [
      [t.accounts.deptA.token, t.nodes.deptB],
      [t.accounts.deptA.token, t.nodes.unitB1],
      [t.accounts.unitA1.token, t.nodes.deptA],
      [t.accounts.bureau.token, other.nodes.unitA1],
      [t.accounts.bureau.token, 'not-an-id'],
    ] as const) {
      const r = await app.gql(STATS, { y: Y, under }, token);
      expect(codes(r)).toEqual(['ORGANISATION_NOT_FOUND']);
      expect(r.errors![0]!.extensions?.field).toBe('under');
    }
  });

  it('another tenant’s people never count, and it sees only its own', async () => {
    const mine = await stats(t.accounts.bureau.token);
    expect(mine.total).toBe(9);
    const theirs = await stats(other.accounts.bureau.token);
    expect(theirs).toMatchObject({ total: 9, scanned: 9 });
    expect(buckets(theirs)).toEqual([9, 0, 0, 0, 0]);
    expect(theirs.hoursByKind).toEqual([expect.objectContaining({ kind: 'transferIn', hours: 9 * 300, people: 9 })]);
  });

  it('professionals and anonymous callers are refused', async () => {
    expect(codes(await app.gql(STATS, { y: Y }, t.accounts.personA1.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(STATS, { y: Y }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the budget', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await startTestApp({ STATISTICS_MAX_PEOPLE: '4' }, undefined, secret);
  });
  afterAll(() => small.close());

  it('beyond STATISTICS_MAX_PEOPLE the answer is partial: complete false, the figures cover the people scanned', async () => {
    const s = await stats(t.accounts.bureau.token, null, small);
    expect(s).toMatchObject({ scanned: 4, total: 9, complete: false });
    expect(s.byOrganisation.reduce((n, r) => n + r.headcount, 0)).toBe(4);
    expect(buckets(s).reduce((n, c) => n + c, 0)).toBe(4);
  });

  it('a scope within the budget is complete', async () => {
    const s = await stats(t.accounts.unitA1.token, null, small);
    expect(s).toMatchObject({ scanned: 3, total: 3, complete: true });
  });
});

// Policy impact preview (policyImpact): the bureau asks what a change would do to a year's
// verdicts before publishing it. Qingdao, 2025: 30 public + 60 professional hours; public
// courses count at most 30 a year. The people and hours below are chosen so that the answer
// can be worked out by hand; nothing is ever published, bad input fails exactly as
// publishPolicyVersion fails, only the bureau may ask, and the scan stops at its budget.
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { codes, type GqlResult, startTestApp, type TestApp } from '../support/harness';
import { createTenantFixture, type PersonFixture, type TenantFixture } from '../support/fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- policy versions are JSON

const Y = 2025;
const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));
const IMPACT = `query($i: PublishPolicyVersionInput!, $y: Int!, $first: Int! = 20) { policyImpact(input: $i, year: $y, first: $first) {
  scanned total complete changedCount becameComplete becameIncomplete hoursChanged
  changes { professionalId name idNumber unitName
    before { status complete publicHours professionalHours totalHours } after { status complete publicHours professionalHours totalHours } } } }`;
const PUBLISH = `mutation($i: PublishPolicyVersionInput!) { publishPolicyVersion(input: $i) { revision } }`;

let app: TestApp;
let t: TenantFixture;
let base: Json;

async function activity(p: PersonFixture, kind: string, params: object): Promise<void> {
  await app.owner.query(`INSERT INTO activity (tenant_id, professional_id, kind, year, params) VALUES ($1, $2, $3, $4, $5)`, [t.tenantId, p.id, kind, Y, params]);
}

/** `pub` hours of public courses (capped at 30 a year) and 60 professional hours transferred in. */
async function hours(p: PersonFixture, pub: number): Promise<void> {
  await activity(p, 'publicCourse', { hours: pub });
  await activity(p, 'transferIn', { fromPlace: '测试', publicHours: 0, professionalHours: 60 });
}

const impact = (input: object, token = t.accounts.bureau.token, vars: object = {}) => app.gql(IMPACT, { i: input, y: Y, ...vars }, token);
const revisions = async (): Promise<number> => (await app.owner.query(`SELECT count(*)::int AS n FROM policy_revision WHERE tenant_id = $1`, [t.tenantId]))[0].n;
const withVersion = (change: (v: Json) => void): { version: Json } => {
  const v = JSON.parse(JSON.stringify(base)) as Json;
  change(v);
  return { version: v };
};
const capPublicCourses = (perYear: number) => withVersion((v) => (v.kinds.publicCourse.caps.perYear = perYear));

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'pim');
  await publishInitialPolicy(app.owner, t.tenantId, policies.get('qingdao')!, 'test');
  const { a1, a2, b1 } = t.people;
  await hours(a1[0], 30); // complete; with a cap of 20: incomplete
  await hours(a1[1], 25); // short of 5 public; with a cap of 20: still short, 5 hours fewer
  await hours(a1[2], 15); // short either way, under either cap
  await activity(a2[0], 'transferIn', { fromPlace: '测试', publicHours: 30, professionalHours: 60 }); // no public courses: unaffected
  await hours(a2[1], 40); // 30 counted (the cap); with a cap of 20: incomplete
  await hours(a2[2], 30); // would change, but has left: not counted
  await app.owner.query(`UPDATE professional SET status = 'LEFT' WHERE tenant_id = $1 AND id = $2`, [t.tenantId, a2[2].id]);
  await hours(b1[0], 30); // would change, but the year is certified: it keeps its certified verdict
  await app.owner.query(
    `INSERT INTO year_certification (tenant_id, professional_id, year, policy_revision_id, complete, result)
     SELECT $1, $2, $3, id, true, '{}' FROM policy_revision WHERE tenant_id = $1`,
    [t.tenantId, b1[0].id, Y],
  );
  const r = await app.gql(`query($y: Int!) { policy(year: $y) { version } }`, { y: Y }, t.accounts.bureau.token);
  base = r.data.policy.version as Json;
});
afterAll(() => app.close());

const verdict = (complete: boolean, pub: number) => ({ status: complete ? 'COMPLETE' : 'INCOMPLETE', complete, publicHours: pub, professionalHours: 60, totalHours: pub + 60 });

describe('what a change would do', () => {
  it('lowering the public-course cap from 30 to 20: two people become incomplete, three lose hours; who left and certified years do not count', async () => {
    const r = await impact(capPublicCourses(20));
    expect(r.errors).toBeUndefined();
    const { changes, ...counts } = r.data.policyImpact;
    expect(counts).toEqual({ scanned: 8, total: 8, complete: true, changedCount: 3, becameComplete: 0, becameIncomplete: 2, hoursChanged: 3 });
    const { a1, a2 } = t.people;
    const expected = [
      { person: a1[0], unitName: '甲一医院', before: verdict(true, 30), after: verdict(false, 20) },
      { person: a1[1], unitName: '甲一医院', before: verdict(false, 25), after: verdict(false, 20) },
      { person: a2[1], unitName: '甲二中学', before: verdict(true, 30), after: verdict(false, 20) },
    ].sort((x, y) => (x.person.id < y.person.id ? -1 : 1));
    expect(changes).toEqual(
      expected.map(({ person, unitName, before, after }) => ({
        professionalId: person.id,
        name: person.name,
        idNumber: `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`,
        unitName,
        before,
        after,
      })),
    );
  });

  it('lowering the public requirement from 30 to 25: the one person with 25 hours becomes complete, nobody’s hours change', async () => {
    const r = await impact(withVersion((v) => (v.requirement.PUBLIC = 25)));
    const { changes, ...counts } = r.data.policyImpact;
    expect(counts).toEqual({ scanned: 8, total: 8, complete: true, changedCount: 1, becameComplete: 1, becameIncomplete: 0, hoursChanged: 0 });
    expect(changes.map((c: { professionalId: string }) => c.professionalId)).toEqual([t.people.a1[1].id]);
    expect(changes[0].after).toEqual({ ...verdict(true, 25) });
  });

  it('the same policy again changes nobody; `first` lists fewer people, the counts stay whole', async () => {
    const same = await impact(withVersion(() => undefined));
    expect(same.data.policyImpact).toMatchObject({ changedCount: 0, changes: [] });
    const one = await impact(capPublicCourses(20), t.accounts.bureau.token, { first: 1 });
    expect(one.data.policyImpact.changedCount).toBe(3);
    expect(one.data.policyImpact.changes).toHaveLength(1);
  });

  it('publishes nothing: the revisions and the audit log are as they were', async () => {
    const before = await revisions();
    const audit = async () => (await app.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1`, [t.tenantId]))[0].n;
    const auditBefore = await audit();
    expect((await impact({ ...capPublicCourses(20), note: '预估', sources: [{ key: 'qd2026-9', title: '通知' }] })).errors).toBeUndefined();
    expect(await revisions()).toBe(before);
    expect(await audit()).toBe(auditBefore);
    const history = await app.gql(`{ policyRevisions(first: 10) { totalCount } }`, {}, t.accounts.bureau.token);
    expect(history.data.policyRevisions.totalCount).toBe(before);
  });
});

describe('bad input fails exactly as publishPolicyVersion fails it (and publishes nothing)', () => {
  const cases: [string, () => object][] = [
    ['nothing to publish', () => ({})],
    ['a version without fromYear', () => withVersion((v) => delete v.fromYear)],
    ['a wrong value inside the version', () => withVersion((v) => (v.kinds.publicCourse.rule = { type: 'fixed', hours: 'thirty' }))],
    ['a kind with recorded activities dropped', () => withVersion((v) => delete v.kinds.publicCourse)],
    ['an impossible deadline', () => ({ deadline: { monthDay: '02-31', source: '001 一、' } })],
    ['a source key given twice', () => ({ sources: [{ key: 'a', title: '甲' }, { key: 'a', title: '乙' }] })],
    ['an outdated expectedRevision', () => ({ ...capPublicCourses(20), expectedRevision: 7 })],
    ['a note over 500 characters', () => ({ ...capPublicCourses(20), note: '长'.repeat(501) })],
  ];

  it.each(cases)('%s', async (_label, input) => {
    const before = await revisions();
    const errorOf = (r: GqlResult) => ({ code: r.errors?.[0]?.extensions?.code, field: r.errors?.[0]?.extensions?.field, message: r.errors?.[0]?.message });
    const published = errorOf(await app.gql(PUBLISH, { i: input() }, t.accounts.bureau.token));
    const previewed = errorOf(await impact(input()));
    expect(published.code).toBeDefined();
    expect(previewed).toEqual(published);
    expect(await revisions()).toBe(before);
  });

  it('a year the policy has no version for → POLICY_NO_VERSION_FOR_YEAR on year; `first` over 100 → BAD_USER_INPUT on first', async () => {
    const old = await app.gql(IMPACT, { i: capPublicCourses(20), y: 2010 }, t.accounts.bureau.token);
    expect(old.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_NO_VERSION_FOR_YEAR', field: 'year' });
    const many = await impact(capPublicCourses(20), t.accounts.bureau.token, { first: 101 });
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('who may ask', () => {
  it.each(['deptA', 'unitA1', 'personA1'] as const)('%s is refused as publishPolicyVersion refuses it (FORBIDDEN)', async (account) => {
    const token = t.accounts[account].token;
    expect(codes(await impact(capPublicCourses(20), token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(PUBLISH, { i: capPublicCourses(20) }, token))).toEqual(['FORBIDDEN']);
  });

  it('twice in one request (aliases) is refused before it runs (QUERY_TOO_COMPLEX)', async () => {
    const twice = `query($i: PublishPolicyVersionInput!) { a: policyImpact(input: $i, year: ${Y}) { changedCount } b: policyImpact(input: $i, year: ${Y}) { changedCount } }`;
    const r = await app.gql(twice, { i: capPublicCourses(20) }, t.accounts.bureau.token);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.errors![0]!.message).toContain('policyImpact');
  });
});

describe('the work is bounded (POLICY_IMPACT_MAX_PEOPLE)', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await startTestApp({ POLICY_IMPACT_MAX_PEOPLE: '5' });
  });
  afterAll(() => small.close());

  it('judges the first 5 people by id and says the answer is incomplete, with the tenant’s total', async () => {
    // a token of this server (its signing secret is its own)
    const { token } = await small.server.tokens.issue({ sub: t.accounts.bureau.id, kind: 'account', tid: t.tenantId });
    const r = await small.gql(IMPACT, { i: capPublicCourses(20), y: Y }, token);
    expect(r.errors).toBeUndefined();
    const { scanned, total, complete, changedCount } = r.data.policyImpact;
    expect({ scanned, total, complete }).toEqual({ scanned: 5, total: 8, complete: false });
    const active = (await app.owner.query(`SELECT id FROM professional WHERE tenant_id = $1 AND status = 'ACTIVE' ORDER BY id LIMIT 5`, [t.tenantId])).map((p: { id: string }) => p.id);
    const expected = [t.people.a1[0], t.people.a1[1], t.people.a2[1]].filter((p) => active.includes(p.id)).length;
    expect(changedCount).toBe(expected);
  });
});

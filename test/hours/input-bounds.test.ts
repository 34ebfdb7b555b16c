// Out-of-range input is refused everywhere, with the field at fault, and
// nothing is written: years outside 1990..next year (certifying: ..this year,
// China time), and numeric activity parameters beyond the policy's `max` or,
// where the policy gives none, the product-wide ceiling (hours ≤ 2000, counts ≤ 1000).
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { chinaToday } from '../../server/platform/clock';
import { codes, GqlResult, startTestApp, TestApp } from '../support/harness';
import { auditRows, createTenantFixture, TenantFixture } from '../support/fixtures';

const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));

const RECORD = `mutation($i: RecordActivityInput!) { recordActivity(input: $i) { id } }`;
const CERTIFY = `mutation($p: ID!, $y: Int!) { certifyYear(professionalId: $p, year: $y) { complete } }`;
const STATUS = `query($id: String!, $y: Int!) { completionStatus(idNumber: $id, year: $y) { evaluation { complete } } }`;
const ELIGIBILITY = `query($id: String!, $y: Int!) { titleEligibility(idNumber: $id, targetLevel: DEPUTY_SENIOR, applicationYear: $y) { eligible } }`;
const BATCH = `query($id: String!, $y: Int!) { titleEligibilityBatch(applicants: [{ idNumber: $id, targetLevel: DEPUTY_SENIOR }], applicationYear: $y) { errorCode } }`;
const PREVIEW = `query($i: PreviewHoursInput!) { previewHours(input: $i) { complete } }`;
const ACTIVITIES = `query($p: ID!, $y: Int) { activities(professionalId: $p, year: $y) { totalCount } }`;

const THIS_YEAR = Number(chinaToday().slice(0, 4));
const HUGE_YEARS = [9999, 2147483647, -2147483648, 0, 1989, THIS_YEAR + 2];

let app: TestApp;
let t: TenantFixture;
beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'bnd');
  const policy = policies.get('qingdao');
  if (!policy) throw new Error('no policy file for qingdao');
  await publishInitialPolicy(app.owner, t.tenantId, policy, 'test');
});
afterAll(() => app.close());

const rows = async (table: string): Promise<number> =>
  (await app.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [t.tenantId]))[0].n;

function expectBadInput(r: GqlResult, field: string): void {
  expect(r.status === 200 || r.status === 400).toBe(true);
  expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
}

describe('years outside the product’s range are refused', () => {
  it('certifyYear: 9999, 2147483647, next year → BAD_USER_INPUT on year, nothing certified', async () => {
    const p = t.people.a1[0];
    const audit = (await auditRows(app, t.tenantId)).length;
    for (const y of [9999, 2147483647, -2147483648, THIS_YEAR + 1]) {
      expectBadInput(await app.gql(CERTIFY, { p: p.id, y }, t.accounts.bureau.token), 'year');
    }
    // a year no policy version covers
    expect(codes(await app.gql(CERTIFY, { p: p.id, y: 1995 }, t.accounts.bureau.token))).toEqual(['POLICY_NO_VERSION_FOR_YEAR']);
    expect(await rows('year_certification')).toBe(0);
    expect((await auditRows(app, t.tenantId)).length).toBe(audit);
  });

  it('recordActivity: a year past next year (2100) or absurd → BAD_USER_INPUT on year, nothing stored', async () => {
    const before = await rows('activity');
    for (const y of [2100, ...HUGE_YEARS]) {
      const r = await app.gql(RECORD, { i: { professionalId: t.people.a1[0].id, year: y, kind: 'publicCourse', params: { hours: 30 } } }, t.accounts.unitA1.token);
      expectBadInput(r, 'year');
    }
    expect(await rows('activity')).toBe(before);
  });

  it('completionStatus, titleEligibility and titleEligibilityBatch: -2147483648 and the like → BAD_USER_INPUT', async () => {
    const id = t.people.a1[0].idNumber;
    for (const y of HUGE_YEARS) {
      expectBadInput(await app.gql(STATUS, { id, y }, t.accounts.bureau.token), 'year');
      expectBadInput(await app.gql(ELIGIBILITY, { id, y }, t.accounts.bureau.token), 'applicationYear');
      expectBadInput(await app.gql(BATCH, { id, y }, t.accounts.bureau.token), 'applicationYear');
    }
    // in range still answers
    expect((await app.gql(STATUS, { id, y: THIS_YEAR - 3 }, t.accounts.bureau.token)).errors).toBeUndefined();
  });

  it('policy, activityKinds, previewHours and activities(year) → BAD_USER_INPUT', async () => {
    const token = t.accounts.bureau.token;
    for (const y of HUGE_YEARS) {
      expectBadInput(await app.gql(`query($y: Int!) { policy(year: $y) { revision } }`, { y }, token), 'year');
      expectBadInput(await app.gql(`query($y: Int!) { activityKinds(year: $y) { code } }`, { y }, token), 'year');
      expectBadInput(await app.gql(ACTIVITIES, { p: t.people.a1[0].id, y }, token), 'year');
    }
    const profile = { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING' };
    expectBadInput(await app.gql(PREVIEW, { i: { year: 2147483647, profile, activities: [] } }, token), 'year');
    expectBadInput(await app.gql(PREVIEW, { i: { year: 2023, profile, activities: [{ kind: 'publicCourse', year: 9999, params: { hours: 1 } }] } }, token), 'activities[0].year');
    // unauthenticated calculator, too
    expectBadInput(await app.gql(`query($y: Int!) { policy(year: $y, tenantCode: "${t.code}") { revision } }`, { y: 9999 }), 'year');
  });
});

describe('numeric activity parameters are bounded', () => {
  it('recordActivity: hours 1e300 is refused (the year does not flip to complete), nothing stored', async () => {
    const p = t.people.a1[1];
    const before = await rows('activity');
    const y = 2023;
    const huge = await app.gql(RECORD, { i: { professionalId: p.id, year: y, kind: 'publicCourse', params: { hours: 1e300 } } }, t.accounts.unitA1.token);
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'ACTIVITY_PARAMS_INVALID', field: 'params.hours' });
    const job = await app.gql(RECORD, { i: { professionalId: p.id, year: y, kind: 'jobTraining', params: { category: 'job', hours: 1e300, days: 8 } } }, t.accounts.unitA1.token);
    expect(job.errors?.[0]?.extensions).toMatchObject({ code: 'ACTIVITY_PARAMS_INVALID', field: 'params.hours' });
    const over = await app.gql(RECORD, { i: { professionalId: p.id, year: y, kind: 'publicCourse', params: { hours: 2001 } } }, t.accounts.unitA1.token);
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'ACTIVITY_PARAMS_INVALID', field: 'params.hours' });
    expect(over.errors?.[0]?.message).toMatch(/2000/);
    const days = await app.gql(RECORD, { i: { professionalId: p.id, year: y, kind: 'jobTraining', params: { category: 'job', hours: 60, days: 1e9 } } }, t.accounts.unitA1.token);
    expect(days.errors?.[0]?.extensions).toMatchObject({ code: 'ACTIVITY_PARAMS_INVALID', field: 'params.days' });
    expect(await rows('activity')).toBe(before);
    const status = await app.gql(STATUS, { id: p.idNumber, y }, t.accounts.bureau.token);
    expect(status.data.completionStatus.evaluation.complete).toBe(false);
    // a sane value is still accepted (recorded by the bureau: counted at once)
    const ok = await app.gql(RECORD, { i: { professionalId: p.id, year: y, kind: 'publicCourse', params: { hours: 30 } } }, t.accounts.bureau.token);
    expect(ok.errors).toBeUndefined();
  });

  it('previewHours: the same bounds, and the policy’s own max still applies', async () => {
    const profile = { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING' };
    const r = await app.gql(PREVIEW, { i: { year: 2023, profile, activities: [{ kind: 'publicCourse', params: { hours: 1e300 } }] } }, t.accounts.bureau.token);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ACTIVITY_PARAMS_INVALID', field: 'activities[0].params.hours' });
  });

  it('activityKinds shows the bounds that apply (the policy’s max where given, else the product ceiling)', async () => {
    const r = await app.gql(`{ activityKinds(year: 2023) { code params { name min max } } }`, {}, t.accounts.bureau.token);
    expect(r.errors).toBeUndefined();
    const params = (r.data.activityKinds as { code: string; params: { name: string; min: number | null; max: number | null }[] }[]).flatMap((k) => k.params);
    expect(params.find((p) => p.name === 'hours')).toMatchObject({ min: 0, max: 2000 });
    expect(params.find((p) => p.name === 'score')).toMatchObject({ max: 100 });
  });
});

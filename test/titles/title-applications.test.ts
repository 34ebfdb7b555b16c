// Title applications (职称申报) as records: target, route, year and filing date. Eligibility is
// judged for an application: Binzhou counts only what was done before the materials were filed
// (004 三、(一)); the inline form gives third parties the same answer without a stored record.
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';

const CREATE = `mutation($i: CreateTitleApplicationInput!) { createTitleApplication(input: $i) { id version status route filedOn applicationYear targetLevel } }`;
const UPDATE = `mutation($i: UpdateTitleApplicationInput!) { updateTitleApplication(input: $i) { id version status filedOn } }`;
const ELIGIBILITY = `query($id: ID!) { titleApplicationEligibility(applicationId: $id) {
  eligible applicationId route filedOn yearsChecked excludedActivities { activityId reason } reasons } }`;
const LIST = `query($y: Int!, $first: Int, $after: String) { titleApplications(applicationYear: $y, first: $first, after: $after) {
  totalCount nodes { id professionalId } pageInfo { hasNextPage endCursor } } }`;

let app: TestApp;
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'tap');
  const policy = loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('binzhou')!;
  await publishInitialPolicy(app.owner, t.tenantId, policy, 'test');
});
afterAll(() => app.close());

const bureau = () => t.accounts.bureau.token;
const create = (professionalId: string, more: object = {}, token = bureau()) =>
  app.gql(CREATE, { i: { professionalId, targetLevel: 'DEPUTY_SENIOR', targetSeries: 'HEALTH', applicationYear: 2025, ...more } }, token);
const applicationRows = async (professionalId: string) =>
  (await app.owner.query(`SELECT count(*)::int AS n FROM title_application WHERE tenant_id = $1 AND professional_id = $2`, [t.tenantId, professionalId]))[0].n as number;

/**
 * Records a complete Binzhou 2025 year dated `date`, as if recorded that day, for a person whose
 * current title dates from 2024 (so that only 2025 is checked).
 */
async function binzhouYear(professionalId: string, date: string): Promise<string[]> {
  const { version } = (await app.gql(`query($id: ID!) { professional(id: $id) { version } }`, { id: professionalId }, bureau())).data.professional;
  const title = await app.gql(`mutation($i: RecordTitleInput!) { recordTitle(input: $i) { id } }`, {
    i: { professionalId, version, level: 'INTERMEDIATE', series: 'HEALTH', obtainedOn: '2024-06-01', issuingBody: '滨州市人力资源和社会保障局' },
  }, bureau());
  expect(title.errors).toBeUndefined();
  const ids: string[] = [];
  for (const [kind, params] of [['publicCourse', { hours: 30 }], ['professionalTraining', { hours: 60 }]] as const) {
    const r = await app.gql(`mutation($i: RecordActivityInput!) { recordActivity(input: $i) { id } }`, { i: { professionalId, year: 2025, date, kind, params } }, bureau());
    expect(r.errors).toBeUndefined();
    ids.push(r.data.recordActivity.id);
  }
  // the platform records the day it learns of an activity; here: the day it happened
  await app.owner.query(`UPDATE activity SET recorded_at = ($2::date + time '10:00') AT TIME ZONE 'Asia/Shanghai' WHERE tenant_id = $1 AND id = ANY($3::uuid[])`, [t.tenantId, date, ids]);
  return ids;
}

describe('title applications: records with a filing date', () => {
  it('Binzhou: hours done one day before the filing date count; one day after do not, and are listed', async () => {
    const [early, late] = [t.people.a1[1], t.people.a2[1]];
    await binzhouYear(early.id, '2025-04-29');
    const lateIds = await binzhouYear(late.id, '2025-05-01');
    const a = await create(early.id, { filedOn: '2025-04-30' });
    const b = await create(late.id, { filedOn: '2025-04-30' });
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    const yes = (await app.gql(ELIGIBILITY, { id: a.data.createTitleApplication.id }, bureau())).data.titleApplicationEligibility;
    const no = (await app.gql(ELIGIBILITY, { id: b.data.createTitleApplication.id }, bureau())).data.titleApplicationEligibility;
    expect(yes).toMatchObject({ eligible: true, filedOn: '2025-04-30', applicationId: a.data.createTitleApplication.id, excludedActivities: [] });
    expect(no.eligible).toBe(false);
    expect(no.excludedActivities.map((x: { activityId: string }) => x.activityId).sort()).toEqual([...lateIds].sort());
    expect(no.excludedActivities[0].reason).toContain('晚于截止日期2025-04-30');
  });

  it('the same question inline (for third parties) gives the same answer; hours recorded after filing are excluded too', async () => {
    const p = t.people.b1[1];
    const ids = await binzhouYear(p.id, '2025-03-01');
    const ask = (filedOn: string) =>
      app.gql(`query($id: String!, $f: String) { titleEligibility(idNumber: $id, targetLevel: DEPUTY_SENIOR, applicationYear: 2025, filedOn: $f) { eligible excludedActivities { recordedOn } } }`, { id: p.idNumber, f: filedOn }, bureau());
    expect((await ask('2025-04-30')).data.titleEligibility.eligible).toBe(true);
    await app.owner.query(`UPDATE activity SET recorded_at = '2025-05-06 10:00+08' WHERE tenant_id = $1 AND id = $2`, [t.tenantId, ids[1]]);
    const after = (await ask('2025-04-30')).data.titleEligibility;
    expect(after.eligible).toBe(false);
    expect(after.excludedActivities).toEqual([{ recordedOn: '2025-05-06' }]);
    const batch = await app.gql(`query($a: [EligibilityApplicant!]!) { titleEligibilityBatch(applicants: $a, applicationYear: 2025) { errorCode result { eligible } } }`, {
      a: [{ idNumber: p.idNumber, targetLevel: 'DEPUTY_SENIOR', filedOn: '2025-04-30' }, { idNumber: p.idNumber, targetLevel: 'DEPUTY_SENIOR', filedOn: '2024-04-30' }],
    }, bureau());
    expect(batch.data.titleEligibilityBatch).toEqual([{ errorCode: null, result: { eligible: false } }, { errorCode: 'TITLE_APPLICATION_FILED_OUTSIDE_YEAR', result: null }]);
  });

  it('a batch by application ids answers each in the order asked; an unknown or foreign id gets its error, not data', async () => {
    const p = t.people.b1[0];
    await binzhouYear(p.id, '2025-02-01');
    const mine = await create(p.id, { targetLevel: 'SENIOR', targetSeries: 'ENGINEERING', filedOn: '2025-01-31' });
    const later = await create(p.id, { targetLevel: 'SENIOR', targetSeries: 'HEALTH', filedOn: '2025-03-01' });
    const other = await createTenantFixture(app, 'tapb');
    const foreign = await app.gql(CREATE, { i: { professionalId: other.people.a1[0].id, targetLevel: 'SENIOR', targetSeries: 'HEALTH', applicationYear: 2025 } }, other.accounts.bureau.token);
    const ids = [later.data.createTitleApplication.id, foreign.data.createTitleApplication.id, mine.data.createTitleApplication.id, '00000000-0000-4000-8000-000000000000'];
    const r = await app.gql(`query($ids: [ID!]!) { titleApplicationEligibilityBatch(applicationIds: $ids) { applicationId errorCode result { eligible filedOn } } }`, { ids }, bureau());
    expect(r.errors).toBeUndefined();
    expect(r.data.titleApplicationEligibilityBatch).toEqual([
      { applicationId: ids[0], errorCode: null, result: { eligible: true, filedOn: '2025-03-01' } },
      { applicationId: ids[1], errorCode: 'TITLE_APPLICATION_NOT_FOUND', result: null },
      // filed the day before the training: its hours do not count for this application
      { applicationId: ids[2], errorCode: null, result: { eligible: false, filedOn: '2025-01-31' } },
      { applicationId: ids[3], errorCode: 'TITLE_APPLICATION_NOT_FOUND', result: null },
    ]);
  });

  it.each([
    ['filed outside its year', { filedOn: '2024-12-31' }, 'TITLE_APPLICATION_FILED_OUTSIDE_YEAR', 'filedOn'],
    ['filed in the future', { applicationYear: 2026, filedOn: '2026-12-31' }, 'TITLE_APPLICATION_FILED_IN_FUTURE', 'filedOn'],
    ['direct application for an intermediate title', { route: 'DIRECT_APPLICATION', targetLevel: 'INTERMEDIATE' }, 'TITLE_APPLICATION_ROUTE_LEVEL', 'route'],
    ['an application year out of range', { applicationYear: 1800 }, 'BAD_USER_INPUT', 'applicationYear'],
    ['an impossible filing date', { filedOn: '2025-02-30' }, 'BAD_USER_INPUT', 'filedOn'],
  ])('an application %s is refused with the field and nothing is written', async (_what, more, code, field) => {
    const p = t.people.a1[0];
    const before = await applicationRows(p.id);
    const r = await create(p.id, more);
    expect(codes(r)).toEqual([code]);
    expect(r.errors![0]!.extensions!.field).toBe(field);
    expect(await applicationRows(p.id)).toBe(before);
  });

  it('one active application per person, year, level and series; a withdrawn one frees the slot and cannot be changed again', async () => {
    const p = t.people.a2[0];
    const first = await create(p.id, { targetLevel: 'SENIOR' });
    expect(first.errors).toBeUndefined();
    expect(codes(await create(p.id, { targetLevel: 'SENIOR' }))).toEqual(['TITLE_APPLICATION_DUPLICATE']);
    const { id, version } = first.data.createTitleApplication;
    expect(codes(await app.gql(UPDATE, { i: { id, version: version + 5, filedOn: '2025-03-01' } }, bureau()))).toEqual(['VERSION_CONFLICT']);
    const withdrawn = await app.gql(UPDATE, { i: { id, version, status: 'WITHDRAWN' } }, bureau());
    expect(withdrawn.data.updateTitleApplication.status).toBe('WITHDRAWN');
    expect(codes(await app.gql(UPDATE, { i: { id, version: version + 1, filedOn: '2025-03-01' } }, bureau()))).toEqual(['TITLE_APPLICATION_WITHDRAWN']);
    expect((await create(p.id, { targetLevel: 'SENIOR' })).errors).toBeUndefined();
    const audit = await app.owner.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 ORDER BY id`, [t.tenantId, id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['titleApplication.create', 'titleApplication.withdraw']);
  });

  it('at most 10 applications a person a year, withdrawn ones included (no endless create-and-withdraw)', async () => {
    const p = t.people.a2[1];
    for (let i = 0; i < 10; i++) {
      const r = await create(p.id, { applicationYear: 2024, targetLevel: 'SENIOR' });
      expect(r.errors).toBeUndefined();
      const { id, version } = r.data.createTitleApplication;
      expect((await app.gql(UPDATE, { i: { id, version, status: 'WITHDRAWN' } }, bureau())).errors).toBeUndefined();
    }
    const eleventh = await create(p.id, { applicationYear: 2024, targetLevel: 'SENIOR' });
    expect(codes(eleventh)).toEqual(['TITLE_APPLICATION_LIMIT']);
    expect(eleventh.errors![0]!.extensions!.field).toBe('applicationYear');
  });

  it('a list of applications asking for eligibility gets each answer as the single query gives it (judged together)', async () => {
    const people = [t.people.b1[2], t.people.a2[2]];
    const ids: string[] = [];
    for (const [i, p] of people.entries()) {
      await binzhouYear(p.id, '2025-03-10');
      const r = await create(p.id, { targetLevel: 'SENIOR', targetSeries: 'ARTS', filedOn: i === 0 ? '2025-04-01' : '2025-03-01' });
      expect(r.errors).toBeUndefined();
      ids.push(r.data.createTitleApplication.id);
    }
    const list = await app.gql(`{ titleApplications(applicationYear: 2025, first: 50) { nodes { id eligibility { eligible applicationId excludedActivities { activityId } } } } }`, {}, bureau());
    expect(list.errors).toBeUndefined();
    const byId = new Map(list.data.titleApplications.nodes.map((n: { id: string; eligibility: unknown }) => [n.id, n.eligibility]));
    for (const id of ids) {
      const single = (await app.gql(`query($id: ID!) { titleApplicationEligibility(applicationId: $id) { eligible applicationId excludedActivities { activityId } } }`, { id }, bureau())).data.titleApplicationEligibility;
      expect(byId.get(id)).toEqual(single);
    }
    expect([(byId.get(ids[0]!) as { eligible: boolean }).eligible, (byId.get(ids[1]!) as { eligible: boolean }).eligible]).toEqual([true, false]);
  });

  it('a professional may apply for themself, and sees only their own applications; a unit official sees only their unit’s', async () => {
    const me = t.people.a1[0];
    const mine = await create(me.id, { targetLevel: 'ASSISTANT', route: 'DIRECT_APPLICATION' }, t.accounts.personA1.token);
    expect(mine.errors).toBeUndefined();
    expect(codes(await create(t.people.a1[2].id, {}, t.accounts.personA1.token))).toEqual(['PROFESSIONAL_NOT_FOUND']);
    await create(t.people.b1[2].id, { targetLevel: 'INTERMEDIATE' });
    const own = (await app.gql(LIST, { y: 2025, first: 50 }, t.accounts.personA1.token)).data.titleApplications;
    expect(new Set(own.nodes.map((n: { professionalId: string }) => n.professionalId))).toEqual(new Set([me.id]));
    const unitIds = new Set([t.people.a1[0].id, t.people.a1[1].id, t.people.a1[2].id]);
    const unit = (await app.gql(LIST, { y: 2025, first: 50 }, t.accounts.unitA1.token)).data.titleApplications;
    expect(unit.nodes.every((n: { professionalId: string }) => unitIds.has(n.professionalId))).toBe(true);
    const all = (await app.gql(LIST, { y: 2025, first: 50 }, bureau())).data.titleApplications;
    expect(all.totalCount).toBeGreaterThan(unit.totalCount);
  });

  it('another tenant cannot read an application or its eligibility', async () => {
    const a = await create(t.people.b1[0].id, { targetLevel: 'INTERMEDIATE', targetSeries: 'ENGINEERING' });
    const other = await createTenantFixture(app, 'tap2');
    const r = await app.gql(ELIGIBILITY, { id: a.data.createTitleApplication.id }, other.accounts.bureau.token);
    expect(codes(r)).toEqual(['TITLE_APPLICATION_NOT_FOUND']);
    const read = await app.gql(`query($id: ID!) { titleApplication(id: $id) { id } }`, { id: a.data.createTitleApplication.id }, other.accounts.bureau.token);
    expect(read.data.titleApplication).toBeNull();
  });

  it.each([
    ['titleEligibility with a filing date outside the year', `{ titleEligibility(idNumber: "ID", targetLevel: SENIOR, applicationYear: 2025, filedOn: "2024-12-01") { eligible } }`, 'TITLE_APPLICATION_FILED_OUTSIDE_YEAR', 'filedOn'],
    ['titleEligibility with direct application for a senior title', `{ titleEligibility(idNumber: "ID", targetLevel: SENIOR, applicationYear: 2025, route: DIRECT_APPLICATION) { eligible } }`, 'TITLE_APPLICATION_ROUTE_LEVEL', 'route'],
    ['titleEligibility with an impossible filing date', `{ titleEligibility(idNumber: "ID", targetLevel: SENIOR, applicationYear: 2025, filedOn: "2025-02-30") { eligible } }`, 'BAD_USER_INPUT', 'filedOn'],
    ['titleApplications for a year out of range', `{ titleApplications(applicationYear: 1800, first: 5) { totalCount } }`, 'BAD_USER_INPUT', 'applicationYear'],
    ['titleApplicationEligibility with a malformed id', `{ titleApplicationEligibility(applicationId: "x'; DROP TABLE t;--") { eligible } }`, 'TITLE_APPLICATION_NOT_FOUND', 'applicationId'],
  ])('bad input: %s → a 4xx-class answer with its code and field, never a 500', async (_what, query, code, field) => {
    const r = await app.gql(query.replace('"ID"', JSON.stringify(t.people.a1[0].idNumber)), {}, bureau());
    expect(r.status).toBeLessThan(500);
    expect(codes(r)).toEqual([code]);
    expect(r.errors![0]!.extensions!.field).toBe(field);
  });

  it('bad input: more than 5,000 application ids in one batch are refused before any work', async () => {
    const ids = Array.from({ length: 5001 }, () => '00000000-0000-4000-8000-000000000000');
    const r = await app.gql(`query($ids: [ID!]!) { titleApplicationEligibilityBatch(applicationIds: $ids) { applicationId } }`, { ids }, bureau());
    expect(r.status).toBeLessThan(500);
    expect(r.data?.titleApplicationEligibilityBatch ?? null).toBeNull();
    expect(codes(r)).toHaveLength(1);
    expect(['BATCH_TOO_LARGE', 'QUERY_TOO_COMPLEX']).toContain(codes(r)[0]);
  });
});

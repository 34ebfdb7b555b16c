// Bad input to a declaration is refused with a specific code and the field at fault, and
// nothing is written: the kind and parameters are checked exactly as every recorded activity
// is (ActivitiesService.checkActivity), the year is one the product covers, dates are real.
import { codes, startTestApp, type TestApp } from '../support/harness';
import type { TenantFixture } from '../support/fixtures';
import { addNode, CREATE, ok, policyTenant, RECORD, SUBMIT, UPDATE, writtenRows } from './declarations-support';

let app: TestApp;
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  // Qingdao: studyTour needs a title; jobTraining a category, hours and days
  t = await policyTenant(app, 'qingdao', 'dinp');
  // the fixture's people are of the health series: their department step is the health commission
  await addNode(app, t, t.nodes.bureau, 'DEPARTMENT', '市卫生健康委员会', 'qd-health');
});
afterAll(() => app.close());

const THIS_YEAR = Number(new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4));
const valid = { kind: 'studyTour', year: 2024, date: '2024-04-01', params: { title: '考察' } };

describe('bad input is refused with its code and field, and nothing is written', () => {
  it.each([
    ['an unknown kind', 'ACTIVITY_UNKNOWN_KIND', 'kind', { kind: 'spaceTravel' }],
    ['a parameter the kind does not have', 'ACTIVITY_PARAMS_INVALID', 'params.bogus', { params: { title: '考察', bogus: 1 } }],
    ['a required parameter missing', 'ACTIVITY_PARAMS_INVALID', 'params.days', { kind: 'jobTraining', params: { category: 'job', hours: 8 } }],
    ['a parameter of the wrong type', 'ACTIVITY_PARAMS_INVALID', 'params.hours', { kind: 'jobTraining', params: { category: 'job', hours: 'eight', days: 1 } }],
    ['hours beyond the product’s bound', 'ACTIVITY_PARAMS_INVALID', 'params.hours', { kind: 'jobTraining', params: { category: 'job', hours: 1e300, days: 1 } }],
    ['a year before 1990', 'BAD_USER_INPUT', 'year', { year: 1989, date: null }],
    ['a year after next year', 'BAD_USER_INPUT', 'year', { year: THIS_YEAR + 2, date: null }],
    ['a date outside the year', 'ACTIVITY_YEAR', 'date', { date: '2023-12-31' }],
    ['an impossible date', 'BAD_USER_INPUT', 'date', { date: '2024-02-30' }],
    ['a certificate issued in the future', 'DECLARATION_ISSUED_IN_FUTURE', 'evidence.issuedOn', { evidence: { issuedOn: `${THIS_YEAR + 1}-01-01` } }],
    ['a blank issuer', 'BAD_USER_INPUT', 'evidence.issuer', { evidence: { issuer: '   ' } }],
    ['a blank result title', 'BAD_USER_INPUT', 'evidence.resultTitle', { evidence: { resultTitle: '  ' } }],
    ['a result title over 200 characters', 'BAD_USER_INPUT', 'evidence.resultTitle', { evidence: { resultTitle: '题'.repeat(201) } }],
    ['an evidence file id that is not a file', 'EVIDENCE_NOT_FOUND', 'evidence.fileIds', { evidence: { fileIds: ['00000000-0000-4000-8000-000000000000'] } }],
  ])('createDeclaration with %s → %s on %s', async (_what, code, field, change) => {
    const rows = await writtenRows(app, t.tenantId);
    const r = await app.gql(CREATE, { i: { ...valid, ...change, submit: true } }, t.accounts.personA1.token);
    expect(codes(r)).toEqual([code]);
    expect(r.errors![0]!.extensions!.field).toBe(field);
    expect(await writtenRows(app, t.tenantId)).toEqual(rows);
  });

  it('recordActivity checks the same way (unknown kind → ACTIVITY_UNKNOWN_KIND on kind), nothing written', async () => {
    const rows = await writtenRows(app, t.tenantId);
    const r = await app.gql(RECORD, { i: { professionalId: t.people.a1[0].id, year: 2024, kind: 'spaceTravel', params: {} } }, t.accounts.bureau.token);
    expect(codes(r)).toEqual(['ACTIVITY_UNKNOWN_KIND']);
    expect(r.errors![0]!.extensions!.field).toBe('kind');
    expect(await writtenRows(app, t.tenantId)).toEqual(rows);
  });

  it('an edit with wrong params is refused on its field and the draft stays as it was', async () => {
    const d = ok<{ id: string; version: number }>(await app.gql(CREATE, { i: valid }, t.accounts.personA1.token), 'createDeclaration');
    const r = await app.gql(UPDATE, { i: { id: d.id, version: d.version, kind: 'jobTraining' } }, t.accounts.personA1.token);
    expect(codes(r)).toEqual(['ACTIVITY_PARAMS_INVALID']);
    expect(r.errors![0]!.extensions!.field).toMatch(/^params\./);
    const [row] = await app.owner.query(`SELECT kind, version FROM declaration WHERE tenant_id = $1 AND id = $2`, [t.tenantId, d.id]);
    expect(row).toEqual({ kind: 'studyTour', version: d.version });
  });

  it('a submission at a version read before an edit is refused (VERSION_CONFLICT) and stays a draft', async () => {
    const d = ok<{ id: string; version: number }>(await app.gql(CREATE, { i: valid }, t.accounts.personA1.token), 'createDeclaration');
    ok(await app.gql(UPDATE, { i: { id: d.id, version: d.version, params: { title: '改过的名称' } } }, t.accounts.personA1.token), 'updateDeclaration');
    expect(codes(await app.gql(SUBMIT, { id: d.id, v: d.version }, t.accounts.personA1.token))).toEqual(['VERSION_CONFLICT']);
    const [row] = await app.owner.query(`SELECT status FROM declaration WHERE tenant_id = $1 AND id = $2`, [t.tenantId, d.id]);
    expect(row.status).toBe('DRAFT');
  });
});

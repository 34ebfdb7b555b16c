// A declaration's whole life at each launch tenant's review chain (policy `review` sections):
// declared with evidence, previewed, reviewed level by level up the organisation tree (with
// Qingdao's and the Corps' sector routes, and units without a department), and counted in
// completionStatus only once the last level has approved it.
import { codes, startTestApp, type TestApp } from '../support/harness';
import type { TenantFixture } from '../support/fixtures';
import {
  addAccount,
  addNode,
  addProfessional,
  APPROVE,
  CREATE,
  credited,
  GET,
  type LaunchTenant,
  ok,
  policyTenant,
} from './declarations-support';

let app: TestApp;
const tenants = new Map<LaunchTenant, TenantFixture>();

beforeAll(async () => {
  app = await startTestApp();
  for (const code of ['linyi', 'qingdao', 'jining', 'binzhou', 'bingtuan'] as const) tenants.set(code, await policyTenant(app, code, `dl${code.slice(0, 2)}`));
});
afterAll(() => app.close());

const Y = 2024;

interface Declared {
  id: string;
  status: string;
  currentLevel: string | null;
  chain: { level: string; organisationId: string; current: boolean }[];
  chainNote: string | null;
  activityId: string | null;
  version: number;
}

async function declare(token: string, kind: string, params: object, more: object = {}): Promise<Declared> {
  return ok<Declared>(await app.gql(CREATE, { i: { kind, year: Y, date: `${Y}-05-10`, params, submit: true, ...more } }, token), 'createDeclaration');
}

/**
 * Each reviewer in turn approves; before the last approval the hours do not count (the
 * person's year stays as it was), after it they do, under the declaration's id.
 */
async function walk(t: TenantFixture, d: Declared, person: { idNumber: string }, reviewers: { token: string; level: string }[], hours: { public: number; professional: number }) {
  const before = await credited(app, t.accounts.bureau.token, person.idNumber, Y);
  let current = d;
  for (const [i, reviewer] of reviewers.entries()) {
    expect(current.status).toBe('SUBMITTED');
    expect(current.currentLevel).toBe(reviewer.level);
    expect(await credited(app, t.accounts.bureau.token, person.idNumber, Y)).toEqual(before);
    current = ok<Declared>(await app.gql(APPROVE, { id: d.id, c: `第${i + 1}级通过` }, reviewer.token), 'approveDeclaration');
  }
  expect(current).toMatchObject({ status: 'RECORDED', currentLevel: null, activityId: d.id });
  const after = await credited(app, t.accounts.bureau.token, person.idNumber, Y);
  expect(after.activityIds).toContain(d.id);
  expect({ public: after.public - before.public, professional: after.professional - before.professional }).toEqual(hours);
  const full = ok<{ decisions: { level: string; decision: string }[] }>(await app.gql(GET, { id: d.id }, t.accounts.bureau.token), 'declaration');
  expect(full.decisions.map((x) => [x.level, x.decision])).toEqual(reviewers.map((r) => [r.level, 'APPROVED']));
}

describe('a declaration’s whole life at each launch tenant’s chain', () => {
  it('Qingdao: a health worker’s declaration goes unit → the health commission (not the district) → bureau, and counts only after the bureau', async () => {
    const t = tenants.get('qingdao')!;
    const commission = await addNode(app, t, t.nodes.bureau, 'DEPARTMENT', '青岛市卫生健康委员会', 'qd-health');
    const commissionToken = await addAccount(app, t, 'DEPARTMENT_OFFICIAL', commission);
    const person = await addProfessional(app, t, t.nodes.unitA1, 'HEALTH');
    const d = await declare(person.token, 'studyTour', { title: '赴德国医院考察' }, { evidence: { certificateNo: 'QD-2024-001', issuer: '青岛市卫生健康委员会', issuedOn: '2024-06-01' } });
    expect(d.chain.map((s) => [s.level, s.organisationId])).toEqual([
      ['UNIT', t.nodes.unitA1],
      ['DEPARTMENT', commission],
      ['BUREAU', t.nodes.bureau],
    ]);
    expect(d.chainNote).toContain('青岛市卫生健康委员会');
    expect(d.chainNote).toContain('青人社字〔2023〕14号 五、');
    // the preview shows at once what the policy gives, with the rule
    const preview = ok<{ preview: { hours: { professionalHours: number; rule: string } } }>(await app.gql(GET, { id: d.id }, person.token), 'declaration').preview;
    expect(preview.hours.professionalHours).toBe(10);
    expect(preview.hours.rule).not.toBe('');
    await walk(t, d, person, [
      { token: t.accounts.unitA1.token, level: 'UNIT' },
      { token: commissionToken, level: 'DEPARTMENT' },
      { token: t.accounts.bureau.token, level: 'BUREAU' },
    ], { public: 0, professional: 10 });
  });

  it('Qingdao: an engineer in a unit with no department goes unit → bureau', async () => {
    const t = tenants.get('qingdao')!;
    const cityUnit = await addNode(app, t, t.nodes.bureau, 'UNIT', '青岛市直属设计院');
    const unitToken = await addAccount(app, t, 'UNIT_OFFICIAL', cityUnit);
    const person = await addProfessional(app, t, cityUnit, 'ENGINEERING');
    const d = await declare(person.token, 'studyTour', { title: '新技术推广考察' });
    expect(d.chain.map((s) => s.level)).toEqual(['UNIT', 'BUREAU']);
    expect(d.chainNote).toBeNull();
    await walk(t, d, person, [
      { token: unitToken, level: 'UNIT' },
      { token: t.accounts.bureau.token, level: 'BUREAU' },
    ], { public: 0, professional: 10 });
  });

  it('Qingdao: an engineer without an employer goes unit (the agency) → the title office → bureau', async () => {
    const t = tenants.get('qingdao')!;
    const office = await addNode(app, t, t.nodes.bureau, 'DEPARTMENT', '青岛市职称工作办公室', 'qd-title');
    const officeToken = await addAccount(app, t, 'DEPARTMENT_OFFICIAL', office);
    const agency = await addNode(app, t, t.nodes.deptA, 'UNIT', '青岛市人才服务中心（人事代理）');
    const typed = await app.gql(`mutation($i: SetEmployerTypeInput!) { setOrganisationEmployerType(input: $i) { id } }`, { i: { id: agency, version: 1, employerType: 'NO_EMPLOYER' } }, t.accounts.bureau.token);
    expect(typed.errors).toBeUndefined();
    const agencyToken = await addAccount(app, t, 'UNIT_OFFICIAL', agency);
    const person = await addProfessional(app, t, agency, 'ENGINEERING');
    const d = await declare(person.token, 'studyTour', { title: '新材料应用考察' });
    expect(d.chain.map((s) => [s.level, s.organisationId])).toEqual([
      ['UNIT', agency],
      ['DEPARTMENT', office],
      ['BUREAU', t.nodes.bureau],
    ]);
    expect(d.chainNote).toContain('无用人单位');
    await walk(t, d, person, [
      { token: agencyToken, level: 'UNIT' },
      { token: officeToken, level: 'DEPARTMENT' },
      { token: t.accounts.bureau.token, level: 'BUREAU' },
    ], { public: 0, professional: 10 });
  });

  it('Linyi: unit → the county bureau (department), which records; the city bureau does not review (000 八、1)', async () => {
    const t = tenants.get('linyi')!;
    const person = await addProfessional(app, t, t.nodes.unitA2, 'SCHOOL_TEACHING');
    const unitToken = await addAccount(app, t, 'UNIT_OFFICIAL', t.nodes.unitA2);
    const d = await declare(person.token, 'specialTraining', { hours: 24 });
    expect(d.chain.map((s) => [s.level, s.organisationId])).toEqual([
      ['UNIT', t.nodes.unitA2],
      ['DEPARTMENT', t.nodes.deptA],
    ]);
    await walk(t, d, person, [
      { token: unitToken, level: 'UNIT' },
      { token: t.accounts.deptA.token, level: 'DEPARTMENT' },
    ], { public: 0, professional: 24 });
  });

  it('Linyi: a city-level unit directly under the bureau records its own staff’s hours (000 八、1)', async () => {
    const t = tenants.get('linyi')!;
    const cityUnit = await addNode(app, t, t.nodes.bureau, 'UNIT', '临沂市直属医院');
    const unitToken = await addAccount(app, t, 'UNIT_OFFICIAL', cityUnit);
    const person = await addProfessional(app, t, cityUnit);
    const d = await declare(person.token, 'publicCourse', {});
    expect(d.chain.map((s) => s.level)).toEqual(['UNIT']);
    await walk(t, d, person, [{ token: unitToken, level: 'UNIT' }], { public: 30, professional: 0 });
  });

  it('Jining: unit → department → bureau (002 四、(四))', async () => {
    const t = tenants.get('jining')!;
    const person = await addProfessional(app, t, t.nodes.unitA1);
    const d = await declare(person.token, 'contest', { contestName: '全市护理技能大赛', level: 'city' });
    await walk(t, d, person, [
      { token: t.accounts.unitA1.token, level: 'UNIT' },
      { token: t.accounts.deptA.token, level: 'DEPARTMENT' },
      { token: t.accounts.bureau.token, level: 'BUREAU' },
    ], { public: 0, professional: 10 });
  });

  it('Binzhou: a unit under the district bureau goes unit → district bureau → city bureau; a unit with no department, unit → city bureau (004 三、(二)(四))', async () => {
    const t = tenants.get('binzhou')!;
    const district = await addNode(app, t, t.nodes.bureau, 'DEPARTMENT', '滨城区人力资源和社会保障局');
    const districtToken = await addAccount(app, t, 'DEPARTMENT_OFFICIAL', district);
    const privateFirm = await addNode(app, t, district, 'UNIT', '滨城区某民营企业');
    const firmToken = await addAccount(app, t, 'UNIT_OFFICIAL', privateFirm);
    const worker = await addProfessional(app, t, privateFirm, 'ENGINEERING');
    const a = await declare(worker.token, 'professionalTraining', { hours: 40 });
    expect(a.chain.map((s) => s.organisationId)).toEqual([privateFirm, district, t.nodes.bureau]);
    await walk(t, a, worker, [
      { token: firmToken, level: 'UNIT' },
      { token: districtToken, level: 'DEPARTMENT' },
      { token: t.accounts.bureau.token, level: 'BUREAU' },
    ], { public: 0, professional: 40 });

    const cityUnit = await addNode(app, t, t.nodes.bureau, 'UNIT', '滨州市直属医院');
    const cityToken = await addAccount(app, t, 'UNIT_OFFICIAL', cityUnit);
    const doctor = await addProfessional(app, t, cityUnit);
    const b = await declare(doctor.token, 'professionalTraining', { hours: 12 });
    expect(b.chain.map((s) => s.level)).toEqual(['UNIT', 'BUREAU']);
    await walk(t, b, doctor, [
      { token: cityToken, level: 'UNIT' },
      { token: t.accounts.bureau.token, level: 'BUREAU' },
    ], { public: 0, professional: 12 });
  });

  it('Corps: the health series’ 25 credits go to the health commission (003 第17问); online hours to the unit’s department', async () => {
    const t = tenants.get('bingtuan')!;
    const commission = await addNode(app, t, t.nodes.bureau, 'DEPARTMENT', '兵团卫生健康委员会', 'bt-health');
    const commissionToken = await addAccount(app, t, 'DEPARTMENT_OFFICIAL', commission);
    const nurse = await addProfessional(app, t, t.nodes.unitA1, 'HEALTH');
    const credits = await declare(nurse.token, 'healthCredits', { credits: 25, approved: true });
    expect(credits.chain.map((s) => s.organisationId)).toEqual([t.nodes.unitA1, commission, t.nodes.bureau]);
    expect(credits.chainNote).toContain('第17问');
    const online = await declare(nurse.token, 'professionalOnline', { hours: 20 });
    expect(online.chain.map((s) => s.organisationId)).toEqual([t.nodes.unitA1, t.nodes.deptA, t.nodes.bureau]);
    await walk(t, online, nurse, [
      { token: t.accounts.unitA1.token, level: 'UNIT' },
      { token: t.accounts.deptA.token, level: 'DEPARTMENT' },
      { token: t.accounts.bureau.token, level: 'BUREAU' },
    ], { public: 0, professional: 20 });
    // the department above the unit is not the credits' reviewer
    expect(ok(await app.gql(APPROVE, { id: credits.id }, t.accounts.unitA1.token), 'approveDeclaration')).toMatchObject({ currentLevel: 'DEPARTMENT' });
    expect(codes(await app.gql(APPROVE, { id: credits.id }, t.accounts.deptA.token))).toEqual(['DECLARATION_NOT_YOUR_STEP']);
    expect(ok(await app.gql(APPROVE, { id: credits.id }, commissionToken), 'approveDeclaration')).toMatchObject({ currentLevel: 'BUREAU' });
  });

  it('the chain is fixed at submission: a unit moved to another department meanwhile does not reroute it', async () => {
    const t = tenants.get('jining')!;
    const unit = await addNode(app, t, t.nodes.deptA, 'UNIT', '待调整的单位');
    const unitToken = await addAccount(app, t, 'UNIT_OFFICIAL', unit);
    const deptBToken = await addAccount(app, t, 'DEPARTMENT_OFFICIAL', t.nodes.deptB);
    const person = await addProfessional(app, t, unit);
    const d = await declare(person.token, 'professionalCourse', { hours: 6 });
    const moved = await app.gql(`mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`, { i: { id: unit, newParentId: t.nodes.deptB } }, t.accounts.bureau.token);
    expect(moved.errors).toBeUndefined();
    ok(await app.gql(APPROVE, { id: d.id }, unitToken), 'approveDeclaration');
    // the new department supervises the unit now (it sees the declaration) but is not its reviewer
    expect(codes(await app.gql(APPROVE, { id: d.id }, deptBToken))).toEqual(['DECLARATION_NOT_YOUR_STEP']);
    expect(ok<Declared>(await app.gql(APPROVE, { id: d.id }, t.accounts.deptA.token), 'approveDeclaration').currentLevel).toBe('BUREAU');
  });

  it('Qingdao: a route naming a node the tree does not have is refused at submission, naming the code, and nothing is written', async () => {
    const t = await policyTenant(app, 'qingdao', 'dlqm');
    const person = await addProfessional(app, t, t.nodes.unitA1, 'ACCOUNTING');
    const r = await app.gql(CREATE, { i: { kind: 'studyTour', year: Y, params: { title: '考察' }, submit: true } }, person.token);
    expect(codes(r)).toEqual(['REVIEW_ROUTE_NODE_MISSING']);
    expect(r.errors![0]!.message).toContain('qd-finance');
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM declaration WHERE tenant_id = $1`, [t.tenantId]);
    expect(n).toBe(0);
  });
});

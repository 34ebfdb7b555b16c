import path from 'node:path';
import { publishInitialPolicy, loadPolicyFiles } from '../../server/policy/initial-policies';
import { codes, startTestApp, TestApp } from '../support/harness';
import { auditRows, createTenantFixture, PersonFixture, TenantFixture } from '../support/fixtures';

const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));

const PREVIEW = `query($i: PreviewHoursInput!, $t: String) { previewHours(input: $i, tenantCode: $t) {
  year complete public { credited shortfall } professional { credited shortfall }
  activities { activityId kindName publicHours professionalHours rule source cappedBy { cap cut } } reasons policyRevision } }`;
const RECORD = `mutation($i: RecordActivityInput!) { recordActivity(input: $i) { id kind year } }`;
const STATUS = `query($id: String!, $y: Int!) { completionStatus(idNumber: $id, year: $y) { idNumber name year evaluation { complete certified policyRevision professional { credited } public { credited } } } }`;
const ELIGIBILITY = `query($id: String!, $l: TitleLevel!, $y: Int!) { titleEligibility(idNumber: $id, targetLevel: $l, applicationYear: $y) {
  idNumber eligible yearsChecked years { year status certified reason } reasons } }`;
const BATCH = `query($a: [EligibilityApplicant!]!, $y: Int!) { titleEligibilityBatch(applicants: $a, applicationYear: $y) { idNumber errorCode result { eligible yearsChecked } } }`;

const CODES = ['linyi', 'qingdao', 'jining', 'binzhou', 'bingtuan'] as const;
type TenantCode = (typeof CODES)[number];

let app: TestApp;
/**
 * One tenant per policy file, shared by the tests that only read. A test that
 * writes, or tries to (records, certifies, publishes), makes its own tenant
 * with policyTenant, so that no test depends on another having run first.
 */
const tenants = {} as Record<TenantCode, TenantFixture>;

/** A fresh tenant with the policy of `code` published as revision 1. */
async function policyTenant(code: TenantCode): Promise<TenantFixture> {
  const t = await createTenantFixture(app, code.slice(0, 3));
  const policy = policies.get(code);
  if (!policy) throw new Error(`no policy file for ${code}`);
  await publishInitialPolicy(app.owner, t.tenantId, policy, 'test');
  return t;
}

/**
 * A fresh Qingdao tenant where a1[1] has 30 public and 60 professional hours
 * (job training over 8 days) recorded in each year 2019–2023, all under
 * revision 1: every year complete, eligible for DEPUTY_SENIOR in 2023.
 */
async function qingdaoWithFiveCompleteYears(): Promise<{ t: TenantFixture; person: PersonFixture }> {
  const t = await policyTenant('qingdao');
  const person = t.people.a1[1];
  for (const y of [2019, 2020, 2021, 2022, 2023]) {
    for (const a of [
      { kind: 'publicCourse', params: { hours: 30 } },
      { kind: 'jobTraining', params: { category: 'job', hours: 60, days: 8 } },
    ]) {
      // recorded by the bureau (the chain's last level): counted at once
      const r = await app.gql(RECORD, { i: { professionalId: person.id, year: y, ...a } }, t.accounts.bureau.token);
      expect(r.errors).toBeUndefined();
    }
  }
  return { t, person };
}

beforeAll(async () => {
  app = await startTestApp();
  for (const code of CODES) tenants[code] = await policyTenant(code);
});
afterAll(() => app.close());

const preview = (code: TenantCode, year: number, activities: object[], profile: object = {}) =>
  app.gql(PREVIEW, { i: { year, profile: { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING', ...profile }, activities } }, tenants[code].accounts.personA1.token);

describe('previewHours (the calculator, stores nothing)', () => {
  it('Qingdao: 3 training days of 30 claimed hours → 24, with the rule and its source', async () => {
    const r = await preview('qingdao', 2023, [{ kind: 'jobTraining', params: { category: 'job', hours: 30, days: 3 } }]);
    expect(r.errors).toBeUndefined();
    expect(r.data.previewHours.activities[0]).toMatchObject({ professionalHours: 24, publicHours: 0 });
    expect(r.data.previewHours.activities[0].source).toMatch(/^青人社字〔2023〕14号 /);
    expect(r.data.previewHours.professional).toEqual({ credited: 24, shortfall: 36 });
    expect(r.data.previewHours.policyRevision).toBe(1);
  });

  it('Binzhou: a provincial 2nd prize, rank 5 → 25 hours', async () => {
    const r = await preview('binzhou', 2021, [{ kind: 'award', params: { title: '科技进步奖', level: 'provincial', grade: 'second', rank: 5 } }]);
    // the conversion cap (≤ 5 public + ≤ 30 professional) lets 25 through
    expect(r.data.previewHours.activities[0].publicHours + r.data.previewHours.activities[0].professionalHours).toBe(25);
  });

  it('Linyi: a grade-A foreign-language exam with 61 points → 30 public hours', async () => {
    const r = await preview('linyi', 2018, [{ kind: 'foreignLanguageExam', params: { grade: 'A', score: 61 } }]);
    expect(r.data.previewHours.public.credited).toBe(30);
  });

  it('Jining: a provincial skill contest → 20 professional hours', async () => {
    const r = await preview('jining', 2021, [{ kind: 'contest', params: { contestName: '技能大赛', level: 'provincial' } }]);
    expect(r.data.previewHours.professional.credited).toBe(20);
  });

  it('Corps: a 访惠聚 work-team year is exempt, so the year is complete', async () => {
    const r = await preview('bingtuan', 2021, [{ kind: 'fanghuiju', params: { dispatchProof: '名单' } }]);
    expect(r.data.previewHours.complete).toBe(true);
  });

  it('anyone may use the calculator by naming the tenant; nothing is written', async () => {
    // counted in the named tenant only: other test files write activities into the same database meanwhile
    const activities = async () =>
      (await app.owner.query(`SELECT count(*)::int AS n FROM activity WHERE tenant_id = $1`, [tenants.qingdao.tenantId]))[0].n;
    const before = await activities();
    const r = await app.gql(PREVIEW, {
      i: { year: 2023, profile: { titleLevel: 'NONE', titleSeries: 'HEALTH' }, activities: [{ kind: 'studyTour', params: { title: '考察' } }] },
      t: tenants.qingdao.code,
    });
    expect(r.data.previewHours.professional.credited).toBe(10);
    expect(await activities()).toBe(before);
  });

  it('rejects an unknown kind and a bad parameter with the field at fault', async () => {
    const unknown = await preview('qingdao', 2023, [{ kind: 'noSuchKind', params: {} }]);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'ACTIVITY_UNKNOWN_KIND', field: 'activities[0].kind' });
    const bad = await preview('qingdao', 2023, [{ kind: 'jobTraining', params: { category: 'job', hours: 'thirty', days: 3 } }]);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'ACTIVITY_PARAMS_INVALID', field: 'activities[0].params.hours' });
    const year = await preview('qingdao', 1995, []);
    expect(codes(year)).toEqual(['POLICY_NO_VERSION_FOR_YEAR']);
  });
});

describe('policy and activity kinds', () => {
  it('reads the version of a year, and the kinds with their declaration parameters', async () => {
    const t = tenants.binzhou;
    const credit = await app.gql(`{ policy(year: 2019) { regime fromYear revision } }`, {}, t.accounts.bureau.token);
    expect(credit.data.policy).toMatchObject({ regime: 'CREDITS', revision: 1 });
    const hours = await app.gql(`{ policy(year: 2021) { regime requiredPublic requiredProfessional } }`, {}, t.accounts.bureau.token);
    expect(hours.data.policy).toEqual({ regime: 'HOURS', requiredPublic: 30, requiredProfessional: 60 });
    const kinds = await app.gql(`{ activityKinds(year: 2021) { code name params { name type label required values { value label } } } }`, {}, t.accounts.unitA1.token);
    const award = kinds.data.activityKinds.find((k: { code: string }) => k.code === 'award');
    expect(award.name).toMatch(/[\u4e00-\u9fff]/);
    expect(award.params.find((p: { name: string }) => p.name === 'level').values.map((v: { value: string }) => v.value)).toContain('provincial');
  });

  it('states the review chain, the deadline’s basis and the closures, as the console shows them', async () => {
    const q = `{ policy(year: 2025) { deadline deadlineSource review { levels source routes { series kinds employerTypes departmentCode source } } calendarClosures { from to name source } } }`;
    const binzhou = (await app.gql(q, {}, tenants.binzhou.accounts.bureau.token)).data.policy;
    expect(binzhou.review.levels).toEqual(['UNIT', 'DEPARTMENT', 'BUREAU']);
    expect(binzhou.review.source).toMatch(/^004 三、\(四\)/);
    expect(binzhou.deadlineSource).toMatch(/^\d{3} /);
    expect(binzhou.calendarClosures).toEqual([]);
    const qingdao = (await app.gql(q, {}, tenants.qingdao.accounts.bureau.token)).data.policy;
    expect(qingdao.review.routes.length).toBeGreaterThan(0);
    expect(qingdao.review.routes[0].departmentCode).toMatch(/\S/);
  });

  it('a signed-in caller cannot read another tenant’s policy by naming it', async () => {
    const r = await app.gql(`query($t: String) { policy(year: 2021, tenantCode: $t) { tenantCode } }`, { t: tenants.qingdao.code }, tenants.binzhou.accounts.bureau.token);
    expect(codes(r)).toEqual(['POLICY_TENANT_MISMATCH']);
  });
});

describe('stored activities, completion status and eligibility', () => {
  it('records activities (audited), then reports completion and eligibility with masked ID numbers', async () => {
    const { t, person } = await qingdaoWithFiveCompleteYears();
    // each record is a declaration filed by the bureau (one audit row each), recorded at once
    const audit = (await auditRows(app, t.tenantId)).filter((r) => r.action === 'declaration.file');
    expect(audit).toHaveLength(10);
    expect(audit.every((r) => r.after?.status === 'RECORDED')).toBe(true);

    const status = await app.gql(STATUS, { id: person.idNumber, y: 2023 }, t.accounts.deptA.token);
    expect(status.data.completionStatus.evaluation).toMatchObject({ complete: true, certified: false, public: { credited: 30 }, professional: { credited: 60 } });
    expect(status.data.completionStatus.idNumber).toBe(`${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`);

    const el = await app.gql(ELIGIBILITY, { id: person.idNumber, l: 'DEPUTY_SENIOR', y: 2023 }, t.accounts.bureau.token);
    expect(el.data.titleEligibility).toMatchObject({ eligible: true, yearsChecked: [2019, 2020, 2021, 2022, 2023] });

    const other = t.people.a1[2];
    const notYet = await app.gql(ELIGIBILITY, { id: other.idNumber, l: 'DEPUTY_SENIOR', y: 2023 }, t.accounts.bureau.token);
    expect(notYet.data.titleEligibility.eligible).toBe(false);
    expect(notYet.data.titleEligibility.reasons.join('')).toMatch(/未/);
  });

  it('rejects a parameter the policy does not know, writing nothing', async () => {
    const t = await policyTenant('qingdao');
    const r = await app.gql(RECORD, { i: { professionalId: t.people.a1[0].id, year: 2023, kind: 'publicCourse', params: { hours: 30, bogus: 1 } } }, t.accounts.unitA1.token);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ACTIVITY_PARAMS_INVALID', field: 'params.bogus' });
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM activity WHERE professional_id = $1`, [t.people.a1[0].id]);
    expect(n).toBe(0);
  });

  it('scope: a unit official cannot ask about another unit’s professional; a professional only about themself', async () => {
    const t = tenants.qingdao;
    const outside = await app.gql(STATUS, { id: t.people.b1[0].idNumber, y: 2023 }, t.accounts.unitA1.token);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'PROFESSIONAL_NOT_FOUND', field: 'idNumber' });
    const self = await app.gql(STATUS, { id: t.people.a1[0].idNumber, y: 2023 }, t.accounts.personA1.token);
    expect(self.errors).toBeUndefined();
    const peer = await app.gql(STATUS, { id: t.people.a1[1].idNumber, y: 2023 }, t.accounts.personA1.token);
    expect(codes(peer)).toEqual(['PROFESSIONAL_NOT_FOUND']);
  });

  it('another tenant’s professional is not found, even by their real ID number', async () => {
    const r = await app.gql(STATUS, { id: tenants.qingdao.people.a1[1].idNumber, y: 2023 }, tenants.linyi.accounts.bureau.token);
    expect(codes(r)).toEqual(['PROFESSIONAL_NOT_FOUND']);
  });

  it('an API client needs the completion:read scope', async () => {
    const { t, person } = await qingdaoWithFiveCompleteYears();
    const mk = async (scopes: string[]) =>
      (await app.gql(`mutation($s: [ApiScope!]!) { createApiClient(input: { name: "评审系统", scopes: $s }) { apiKey } }`, { s: scopes }, t.accounts.bureau.token)).data.createApiClient.apiKey;
    const reader = await mk(['COMPLETION_READ']);
    const provider = await mk(['TRAINING_REPORT']);
    const ok = await app.gql(STATUS, { id: person.idNumber, y: 2023 }, { apiKey: reader });
    expect(ok.data.completionStatus.evaluation.complete).toBe(true);
    expect(ok.data.completionStatus.idNumber).toContain('**********');
    const refused = await app.gql(STATUS, { id: person.idNumber, y: 2023 }, { apiKey: provider });
    expect(codes(refused)).toEqual(['SCOPE_REQUIRED']);
  });

  it('batch eligibility answers per applicant, flagging bad and unknown ID numbers', async () => {
    const { t, person } = await qingdaoWithFiveCompleteYears();
    const r = await app.gql(
      BATCH,
      {
        a: [
          { idNumber: person.idNumber, targetLevel: 'DEPUTY_SENIOR' },
          { idNumber: t.people.a1[2].idNumber, targetLevel: 'INTERMEDIATE' },
          { idNumber: '37020219850612001', targetLevel: 'INTERMEDIATE' },
          { idNumber: tenants.linyi.people.a1[0].idNumber, targetLevel: 'INTERMEDIATE' },
        ],
        y: 2023,
      },
      t.accounts.bureau.token,
    );
    const items: { idNumber: string; errorCode: string | null; result: { eligible: boolean } | null }[] = r.data.titleEligibilityBatch;
    expect(items.map((i) => i.errorCode)).toEqual([null, null, 'ID_NUMBER_LENGTH', 'PROFESSIONAL_NOT_FOUND']);
    expect(items.map((i) => i.result?.eligible ?? null)).toEqual([true, false, null, null]);
    expect(items.every((i) => !/^\d{17}[\dX]$/.test(i.idNumber))).toBe(true);
  });
});

describe('publishing a policy version', () => {
  it('is audited, and does not change a certified year', async () => {
    const { t, person } = await qingdaoWithFiveCompleteYears();
    const cert = await app.gql(`mutation($p: ID!) { certifyYear(professionalId: $p, year: 2023) { complete policyRevision } }`, { p: person.id }, t.accounts.bureau.token);
    expect(cert.data.certifyYear).toEqual({ complete: true, policyRevision: 1 });
    const again = await app.gql(`mutation($p: ID!) { certifyYear(professionalId: $p, year: 2023) { complete } }`, { p: person.id }, t.accounts.bureau.token);
    expect(codes(again)).toEqual(['YEAR_ALREADY_CERTIFIED']);

    // the bureau lowers the per-day ceiling of training to 4 hours from 2019 on
    const current = (await app.gql(`{ policy(year: 2023) { version } }`, {}, t.accounts.bureau.token)).data.policy.version;
    const changed = JSON.parse(JSON.stringify(current));
    changed.kinds.jobTraining.rule.maxPerDay = 4;
    const auditBefore = (await auditRows(app, t.tenantId)).length;
    const published = await app.gql(`mutation($v: JSONObject!) { publishPolicyVersion(input: { version: $v, note: "培训每日上限调整为4学时" }) { revision note } }`, { v: changed }, t.accounts.bureau.token);
    expect(published.errors).toBeUndefined();
    expect(published.data.publishPolicyVersion.revision).toBe(2);
    const audit = await auditRows(app, t.tenantId);
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit[audit.length - 1]).toMatchObject({ action: 'policy.publish', actor_id: t.accounts.bureau.id });

    // 60 claimed hours over 8 days now give 32: 2022 is incomplete under revision 2 ...
    const y2022 = await app.gql(STATUS, { id: person.idNumber, y: 2022 }, t.accounts.bureau.token);
    expect(y2022.data.completionStatus.evaluation).toMatchObject({ complete: false, policyRevision: 2, professional: { credited: 32 } });
    // ... but certified 2023 keeps the verdict of revision 1
    const y2023 = await app.gql(STATUS, { id: person.idNumber, y: 2023 }, t.accounts.bureau.token);
    expect(y2023.data.completionStatus.evaluation).toMatchObject({ complete: true, certified: true, policyRevision: 1 });
    const el = await app.gql(ELIGIBILITY, { id: person.idNumber, l: 'DEPUTY_SENIOR', y: 2023 }, t.accounts.bureau.token);
    const y23 = el.data.titleEligibility.years.find((y: { year: number }) => y.year === 2023);
    expect(y23).toMatchObject({ status: 'COMPLETE', certified: true });
    expect(el.data.titleEligibility.eligible).toBe(false); // 2019–2022 fall short under revision 2
  });

  it('the yearly deadline can be changed: activities after it stop counting', async () => {
    const t = await policyTenant('jining');
    const person = t.people.a2[0];
    const r = await app.gql(RECORD, { i: { professionalId: person.id, year: 2022, date: '2022-11-15', kind: 'contest', params: { contestName: '技能大赛', level: 'city' } } }, t.accounts.bureau.token);
    expect(r.errors).toBeUndefined();
    const before = await app.gql(STATUS, { id: person.idNumber, y: 2022 }, t.accounts.bureau.token);
    expect(before.data.completionStatus.evaluation.professional.credited).toBe(10);
    const published = await app.gql(
      `mutation { publishPolicyVersion(input: { deadline: { monthDay: "10-31", source: "002 测试：提前截止" }, note: "截止日期提前" }) { revision } }`,
      {},
      t.accounts.bureau.token,
    );
    expect(published.data.publishPolicyVersion.revision).toBe(2);
    expect((await app.gql(`{ policy(year: 2022) { deadline revision } }`, {}, t.accounts.bureau.token)).data.policy).toEqual({ deadline: '10-31', revision: 2 });
    const after = await app.gql(STATUS, { id: person.idNumber, y: 2022 }, t.accounts.bureau.token);
    expect(after.data.completionStatus.evaluation.professional.credited).toBe(0);
    const bad = await app.gql(`mutation { publishPolicyVersion(input: { deadline: { monthDay: "13-01", source: "x" } }) { revision } }`, {}, t.accounts.bureau.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline.monthDay' });
    const empty = await app.gql(`mutation { publishPolicyVersion(input: {}) { revision } }`, {}, t.accounts.bureau.token);
    expect(codes(empty)).toEqual(['POLICY_INVALID']);
  });

  it('rejects an invalid version (negative cap) with the path, and only the bureau may publish', async () => {
    const t = await policyTenant('binzhou');
    const current = (await app.gql(`{ policy(year: 2021) { version } }`, {}, t.accounts.bureau.token)).data.policy.version;
    const broken = JSON.parse(JSON.stringify(current));
    const kinds = Object.keys(broken.kinds);
    const kind = kinds.find((k) => broken.kinds[k].caps?.perYear !== undefined) ?? kinds[0];
    if (kind === undefined) throw new Error('the Binzhou policy of 2021 declares no activity kind');
    broken.kinds[kind].caps = { perYear: -5 };
    const r = await app.gql(`mutation($v: JSONObject!) { publishPolicyVersion(input: { version: $v }) { revision } }`, { v: broken }, t.accounts.bureau.token);
    expect(codes(r)).toEqual(['POLICY_INVALID']);
    expect(r.errors?.[0]?.extensions?.field).toContain(`kinds.${kind}.caps.perYear`);
    const dept = await app.gql(`mutation($v: JSONObject!) { publishPolicyVersion(input: { version: $v }) { revision } }`, { v: current }, t.accounts.deptA.token);
    expect(codes(dept)).toEqual(['FORBIDDEN']);
    const revs = await app.gql(`{ policyRevisions { totalCount nodes { revision } } }`, {}, t.accounts.bureau.token);
    expect(revs.data.policyRevisions).toEqual({ totalCount: 1, nodes: [{ revision: 1 }] });
  });
});

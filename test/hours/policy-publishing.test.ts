// Publishing a policy revision through the API: sources a bureau can cite, errors that
// point into what the caller sent, refused deadlines and names, kinds that have recorded
// activities; and the answers that follow from a revision (citations, exempt years,
// flexible hours) agree across previewHours, completionStatus and titleEligibility.
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { codes, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';

const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));
const PUBLISH = `mutation($i: PublishPolicyVersionInput!) { publishPolicyVersion(input: $i) { revision } }`;
const PREVIEW = `query($i: PreviewHoursInput!) { previewHours(input: $i) {
  complete public { credited shortfall deemed } professional { credited shortfall deemed } deemedComplete
  activities { kind publicHours professionalHours source notes cappedBy { cut } } reasons } }`;
// recorded by the bureau: the review chain's last level, so the activity counts at once
const RECORD = `mutation($i: RecordActivityInput!) { recordActivity(input: $i) { id } }`;
const STATUS = `query($id: String!, $y: Int!) { completionStatus(idNumber: $id, year: $y) {
  evaluation { complete public { shortfall deemed } professional { shortfall deemed } reasons activities { source notes } } } }`;
const ELIGIBILITY = `query($id: String!, $l: TitleLevel!, $y: Int!) { titleEligibility(idNumber: $id, targetLevel: $l, applicationYear: $y) {
  years { year status reason } reasons } }`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- policy versions are JSON

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function policyTenant(code: 'qingdao' | 'binzhou' | 'bingtuan'): Promise<TenantFixture> {
  const t = await createTenantFixture(app, code.slice(0, 3));
  await publishInitialPolicy(app.owner, t.tenantId, policies.get(code)!, 'test');
  return t;
}

async function versionOf(t: TenantFixture, year: number): Promise<Json> {
  const r = await app.gql(`query($y: Int!) { policy(year: $y) { version } }`, { y: year }, t.accounts.bureau.token);
  expect(r.errors).toBeUndefined();
  return JSON.parse(JSON.stringify(r.data.policy.version)) as Json;
}

const revisions = async (t: TenantFixture): Promise<number> =>
  (await app.owner.query(`SELECT count(*)::int AS n FROM policy_revision WHERE tenant_id = $1`, [t.tenantId]))[0].n;

const publish = (t: TenantFixture, input: object) => app.gql(PUBLISH, { i: input }, t.accounts.bureau.token);

const preview = (t: TenantFixture, year: number, activities: object[]) =>
  app.gql(PREVIEW, { i: { year, profile: { titleLevel: 'INTERMEDIATE', titleSeries: 'ENGINEERING' }, activities } }, t.accounts.personA1.token);

describe('sources a bureau can cite', () => {
  it('the policy view lists the sources as records', async () => {
    const t = await policyTenant('qingdao');
    const r = await app.gql(`{ policy(year: 2023) { sources { key number title issuer date } } }`, {}, t.accounts.bureau.token);
    expect(r.data.policy.sources).toEqual([
      { key: '001', number: '青人社字〔2023〕14号', title: '关于做好专业技术人员继续教育工作有关问题的通知', issuer: '青岛市人力资源和社会保障局', date: '2023-02-20' },
      // the platform's own rules (transfer in), where no seed of the tenant has one
      { key: 'platform', number: null, title: expect.stringContaining('外地调入人员'), issuer: '继续教育平台（产品决定）', date: null },
    ]);
  });

  it('a revision adds a new document (qd2026-1, 青人社字〔2026〕1号) and cites it; explanations show its number', async () => {
    const t = await policyTenant('qingdao');
    const v = await versionOf(t, 2023);
    v.kinds.studyTour.source = 'qd2026-1 二、(一)';
    const sources = [{ key: 'qd2026-1', number: '青人社字〔2026〕1号', title: '关于调整继续教育学时折算标准的通知', issuer: '青岛市人力资源和社会保障局', date: '2026-01-05' }];
    const r = await publish(t, { version: v, sources, note: '新文件' });
    expect(r.errors).toBeUndefined();
    expect(r.data.publishPolicyVersion.revision).toBe(2);
    const view = await app.gql(`{ policy(year: 2023) { sources { key number } } activityKinds(year: 2023) { code source } }`, {}, t.accounts.bureau.token);
    expect(view.data.policy.sources).toEqual([
      { key: '001', number: '青人社字〔2023〕14号' },
      { key: 'platform', number: null },
      { key: 'qd2026-1', number: '青人社字〔2026〕1号' },
    ]);
    expect(view.data.activityKinds.find((k: { code: string }) => k.code === 'studyTour').source).toBe('青人社字〔2026〕1号 二、(一)');
    const p = await preview(t, 2023, [{ kind: 'studyTour', params: { title: '考察' } }, { kind: 'jobTraining', params: { category: 'job', hours: 30, days: 3 } }]);
    expect(p.data.previewHours.activities.map((a: { source: string }) => a.source)).toEqual(['青人社字〔2026〕1号 二、(一)', expect.stringMatching(/^青人社字〔2023〕14号 四、/)]);
  });

  it('citing a document the revision does not list is refused at version.kinds.x.source, nothing written', async () => {
    const t = await policyTenant('qingdao');
    const v = await versionOf(t, 2023);
    v.kinds.studyTour.source = '临人社字〔2026〕1号 二、';
    const r = await publish(t, { version: v });
    expect(codes(r)).toEqual(['POLICY_INVALID']);
    expect(r.errors?.[0]?.extensions?.field).toBe('version.kinds.studyTour.source');
    expect(r.errors?.[0]?.message).toContain('“临人社字〔2026〕1号”未列出');
    expect(r.errors?.[0]?.message).not.toMatch(/versions\[/);
    expect(await revisions(t)).toBe(1);
  });

  it('a bad source record is refused at its place in the input (sources[0].date, sources[1].key)', async () => {
    const t = await policyTenant('qingdao');
    const bad = await publish(t, { sources: [{ key: 'qd2026-1', title: '通知', date: '2026-02-30' }] });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_INVALID', field: 'sources[0].date' });
    const twice = await publish(t, { sources: [{ key: 'a', title: '甲' }, { key: 'a', title: '乙' }] });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_INVALID', field: 'sources[1].key' });
    const reserved = await publish(t, { sources: [{ key: 'x', title: '甲' }, { key: '__proto__', title: '乙' }] });
    expect(reserved.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_INVALID', field: 'sources[1].key' });
    expect(await revisions(t)).toBe(1);
  });
});

describe('publishing errors point into what the caller sent', () => {
  it('a deadline citing an unlisted document is refused at deadline.source', async () => {
    const t = await policyTenant('binzhou');
    const r = await publish(t, { deadline: { monthDay: '11-30', source: '临人社字〔2026〕1号 一、' } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_INVALID', field: 'deadline.source' });
    expect(r.errors?.[0]?.message).toContain('deadline.source');
    expect(await revisions(t)).toBe(1);
  });

  it('a wrong value inside the version is refused at version.kinds.<kind>.rule.hours (Binzhou has two versions: not versions[1])', async () => {
    const t = await policyTenant('binzhou');
    const v = await versionOf(t, 2021);
    v.kinds.publicCourse.rule = { type: 'fixed', hours: 'thirty' };
    const r = await publish(t, { version: v });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_INVALID', field: 'version.kinds.publicCourse.rule.hours' });
    expect(r.errors?.[0]?.message).toContain('version.kinds.publicCourse.rule.hours');
    expect(r.errors?.[0]?.message).not.toMatch(/versions\[/);
  });

  it.each(['02-31', '04-31', '02-30'])('an impossible deadline %s is refused at deadline.monthDay, nothing written', async (monthDay) => {
    const t = await policyTenant('binzhou');
    const r = await publish(t, { deadline: { monthDay, source: '004 三、(一)' } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_INVALID', field: 'deadline.monthDay' });
    expect(await revisions(t)).toBe(1);
  });

  it('02-29 is accepted as a deadline (28 February in a common year)', async () => {
    const t = await policyTenant('binzhou');
    const r = await publish(t, { deadline: { monthDay: '02-29', source: '004 三、(一)' } });
    expect(r.errors).toBeUndefined();
    expect(r.data.publishPolicyVersion.revision).toBe(2);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf'])('a kind named “%s” is refused at its place in the version (version.kinds.<name>)', async (name) => {
    const t = await policyTenant('binzhou');
    const v = await versionOf(t, 2021);
    // defined, not assigned: "__proto__" stays an own key, as it is in the JSON a client sends
    Object.defineProperty(v.kinds, name, { value: v.kinds.publicCourse, enumerable: true, configurable: true, writable: true });
    const r = await publish(t, { version: v });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_INVALID', field: `version.kinds.${name}` });
    expect(r.errors?.[0]?.message).toContain(`保留名称“${name}”`);
    expect(await revisions(t)).toBe(1);
  });
});

describe('a revision that drops a kind with recorded activities', () => {
  it('is refused with the kind and how many activities it has; dropping an unused kind is allowed', async () => {
    const t = await policyTenant('qingdao');
    const person = t.people.a1[1];
    for (const year of [2022, 2023]) {
      const r = await app.gql(RECORD, { i: { professionalId: person.id, year, kind: 'studyTour', params: { title: '考察' } } }, t.accounts.bureau.token);
      expect(r.errors).toBeUndefined();
    }
    const v = await versionOf(t, 2023);
    delete v.kinds.studyTour;
    const refused = await publish(t, { version: v });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_KIND_IN_USE', field: 'version.kinds.studyTour' });
    expect(refused.errors?.[0]?.message).toContain('（studyTour）已有2条学习记录或审核中的申报（2022、2023年度）');
    expect(await revisions(t)).toBe(1);

    const unused = await versionOf(t, 2023);
    delete unused.kinds.mentorship;
    const allowed = await publish(t, { version: unused });
    expect(allowed.errors).toBeUndefined();
    expect(await revisions(t)).toBe(2);
  });
});

describe('a revision that drops a kind with declarations under review', () => {
  it('is refused while a declaration of the kind waits for review (it would be recorded as a kind the policy no longer has)', async () => {
    const t = await policyTenant('qingdao');
    // a unit official's filing for an engineer waits at the department: nothing is recorded yet
    await app.owner.query(`UPDATE professional SET title_series = 'ENGINEERING' WHERE tenant_id = $1 AND id = $2`, [t.tenantId, t.people.a1[0].id]);
    const filed = await app.gql(RECORD, { i: { professionalId: t.people.a1[0].id, year: 2023, kind: 'mentorship', params: { mentor: '王医生', menteeCount: 3, evaluated: true, hours: 10 } } }, t.accounts.unitA1.token);
    expect(filed.errors).toBeUndefined();
    const [activities] = await app.owner.query(`SELECT count(*)::int AS n FROM activity WHERE tenant_id = $1`, [t.tenantId]);
    expect(activities.n).toBe(0);
    const v = await versionOf(t, 2023);
    delete v.kinds.mentorship;
    const refused = await publish(t, { version: v });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_KIND_IN_USE', field: 'version.kinds.mentorship' });
    expect(refused.errors?.[0]?.message).toContain('已有1条学习记录或审核中的申报（2023年度）');
    expect(await revisions(t)).toBe(1);
  });
});

describe('answers that agree', () => {
  it('Corps: a 访惠聚 year has no shortfall and no “尚缺” line in previewHours and completionStatus alike', async () => {
    const t = await policyTenant('bingtuan');
    const p = await preview(t, 2021, [{ kind: 'fanghuiju', params: { dispatchProof: '名单' } }]);
    expect(p.data.previewHours).toMatchObject({ complete: true, public: { shortfall: 0, deemed: true }, professional: { shortfall: 0, deemed: true } });
    expect(p.data.previewHours.reasons.join('\n')).not.toContain('尚缺');
    expect(p.data.previewHours.reasons[0]).toContain('免于继续教育');

    const person = t.people.a1[1];
    const rec = await app.gql(RECORD, { i: { professionalId: person.id, year: 2021, kind: 'fanghuiju', params: { dispatchProof: '名单' } } }, t.accounts.bureau.token);
    expect(rec.errors).toBeUndefined();
    const s = await app.gql(STATUS, { id: person.idNumber, y: 2021 }, t.accounts.bureau.token);
    expect(s.data.completionStatus.evaluation).toMatchObject({ complete: true, public: { shortfall: 0 }, professional: { shortfall: 0 } });
    expect(s.data.completionStatus.evaluation.reasons).toEqual(p.data.previewHours.reasons);
  });

  it('Qingdao: a COVID-19 year deemed complete reads the same in titleEligibility (no “尚缺”)', async () => {
    const t = await policyTenant('qingdao');
    const person = t.people.a1[1];
    const rec = await app.gql(RECORD, { i: { professionalId: person.id, year: 2022, kind: 'covidFrontline', params: { proof: '证明' } } }, t.accounts.bureau.token);
    expect(rec.errors).toBeUndefined();
    const s = await app.gql(STATUS, { id: person.idNumber, y: 2022 }, t.accounts.bureau.token);
    expect(s.data.completionStatus.evaluation).toMatchObject({ complete: true, public: { shortfall: 0 }, professional: { shortfall: 0 } });
    const e = await app.gql(ELIGIBILITY, { id: person.idNumber, l: 'DEPUTY_SENIOR', y: 2023 }, t.accounts.bureau.token);
    expect(e.errors).toBeUndefined();
    const y2022 = e.data.titleEligibility.years.find((y: { year: number }) => y.year === 2022);
    expect(y2022.status).toBe('COMPLETE');
    expect(y2022.reason).toContain('视同完成继续教育');
    expect(y2022.reason).not.toContain('尚缺');
  });

  it('Binzhou: previewHours and completionStatus say where a conversion’s hours were placed', async () => {
    const t = await policyTenant('binzhou');
    const award = { kind: 'award', params: { title: '科技进步奖', level: 'provincial', grade: 'second', rank: 1 } };
    const p = await preview(t, 2021, [{ kind: 'publicCourse', params: { hours: 25 } }, award]);
    expect(p.data.previewHours.activities[1]).toMatchObject({ publicHours: 5, professionalHours: 25, notes: ['计入公需科目5学时（补足公需科目缺口），其余25学时计入专业科目'] });

    const person = t.people.a1[1];
    for (const a of [{ kind: 'publicCourse', params: { hours: 25 } }, award]) {
      const r = await app.gql(RECORD, { i: { professionalId: person.id, year: 2021, ...a } }, t.accounts.bureau.token);
      expect(r.errors).toBeUndefined();
    }
    const s = await app.gql(STATUS, { id: person.idNumber, y: 2021 }, t.accounts.bureau.token);
    expect(s.data.completionStatus.evaluation.activities.flatMap((a: { notes: string[] }) => a.notes)).toEqual(['计入公需科目5学时（补足公需科目缺口），其余25学时计入专业科目']);
  });
});

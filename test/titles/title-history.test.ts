// Title history (职称记录): units record the titles a professional obtained, audited and
// version-checked; the latest record is the current title; tenure-based look-backs read it.
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';

const PERSON = `query($id: ID!) { professional(id: $id) { id version titleLevel titleSeries titleObtainedOn birthDate
  titleHistory { id level series obtainedOn issuingBody certificateNo } } }`;
const RECORD = `mutation($i: RecordTitleInput!) { recordTitle(input: $i) { id version titleLevel titleSeries titleObtainedOn titleHistory { id level obtainedOn } } }`;
const REMOVE = `mutation($i: RemoveTitleRecordInput!) { removeTitleRecord(input: $i) { version titleLevel titleObtainedOn titleHistory { id } } }`;
const ELIGIBILITY = `query($id: String!, $level: TitleLevel!, $year: Int!) {
  titleEligibility(idNumber: $id, targetLevel: $level, applicationYear: $year) { eligible yearsChecked yearsNotChecked { year reason } reasons } }`;

let app: TestApp;
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'th');
  const policy = loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('qingdao')!;
  await publishInitialPolicy(app.owner, t.tenantId, policy, 'test');
});
afterAll(() => app.close());

const unit = () => t.accounts.unitA1.token;
const person = async (id: string, token = unit()) => (await app.gql(PERSON, { id }, token)).data.professional;
const record = (professionalId: string, version: number, more: object = {}, token = unit()) =>
  app.gql(RECORD, {
    i: { professionalId, version, level: 'INTERMEDIATE', series: 'HEALTH', obtainedOn: '2021-09-01', issuingBody: '青岛市卫生健康委员会', certificateNo: 'QD-2021-001', ...more },
  }, token);
const historyRows = async (professionalId: string) =>
  (await app.owner.query(`SELECT count(*)::int AS n FROM title_record WHERE tenant_id = $1 AND professional_id = $2`, [t.tenantId, professionalId]))[0].n as number;

describe('recordTitle: the latest record is the current title', () => {
  it('records a title, makes it current with its date, bumps the version and writes an audit entry', async () => {
    const p = t.people.a1[0];
    const before = await person(p.id);
    expect(before.titleLevel).toBe('JUNIOR');
    expect(before.titleObtainedOn).toBeNull();
    const r = await record(p.id, before.version, { level: 'ASSISTANT', obtainedOn: '2019-07-01' });
    expect(r.errors).toBeUndefined();
    const later = await record(p.id, r.data.recordTitle.version, { level: 'INTERMEDIATE', obtainedOn: '2022-12-20' });
    expect(later.errors).toBeUndefined();
    expect(later.data.recordTitle).toMatchObject({ titleLevel: 'INTERMEDIATE', titleObtainedOn: '2022-12-20', version: before.version + 2 });
    expect(later.data.recordTitle.titleHistory.map((h: { level: string }) => h.level)).toEqual(['INTERMEDIATE', 'ASSISTANT']);
    const audit = await app.owner.query(`SELECT action, after FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 AND action = 'title.record' ORDER BY at`, [t.tenantId, p.id]);
    expect(audit).toHaveLength(2);
    expect(audit[1].after).toMatchObject({ titleLevel: 'INTERMEDIATE', titleObtainedOn: '2022-12-20' });
  });

  it('an older record added later does not displace the current title', async () => {
    const p = t.people.a1[1];
    const v = (await person(p.id)).version;
    const newer = await record(p.id, v, { level: 'INTERMEDIATE', obtainedOn: '2020-05-01' });
    const older = await record(p.id, newer.data.recordTitle.version, { level: 'ASSISTANT', obtainedOn: '2015-05-01' });
    expect(older.errors).toBeUndefined();
    expect(older.data.recordTitle).toMatchObject({ titleLevel: 'INTERMEDIATE', titleObtainedOn: '2020-05-01' });
  });

  it('a stale version is refused with VERSION_CONFLICT and nothing is written', async () => {
    const p = t.people.a2[0];
    const dept = t.accounts.deptA.token;
    const v = (await person(p.id, dept)).version;
    expect((await record(p.id, v, {}, dept)).errors).toBeUndefined();
    const n = await historyRows(p.id);
    const stale = await record(p.id, v, { obtainedOn: '2023-01-01' }, dept);
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    expect(stale.errors![0]!.extensions!.field).toBe('version');
    expect(await historyRows(p.id)).toBe(n);
  });

  it.each([
    ['before the person was born', { obtainedOn: '1950-01-01' }, 'TITLE_OBTAINED_BEFORE_BIRTH', 'obtainedOn'],
    ['in the future', { obtainedOn: '2099-01-01' }, 'TITLE_OBTAINED_IN_FUTURE', 'obtainedOn'],
    ['an impossible date', { obtainedOn: '2021-02-30' }, 'BAD_USER_INPUT', 'obtainedOn'],
    ['level "none"', { level: 'NONE' }, 'TITLE_LEVEL_REQUIRED', 'level'],
    ['a blank issuing body', { issuingBody: '   ' }, 'BAD_USER_INPUT', 'issuingBody'],
  ])('a title obtained %s is refused with the field, nothing written', async (_what, more, code, field) => {
    const p = t.people.a2[1];
    const dept = t.accounts.deptA.token;
    const before = await person(p.id, dept);
    const r = await record(p.id, before.version, more, dept);
    expect(codes(r)).toEqual([code]);
    expect(r.errors![0]!.extensions!.field).toBe(field);
    expect(await historyRows(p.id)).toBe(0);
    expect((await person(p.id, dept)).version).toBe(before.version);
  });

  it('a unit official cannot record a title for someone outside their unit; another tenant cannot see the history', async () => {
    const outside = t.people.b1[0];
    const v = (await person(outside.id, t.accounts.bureau.token)).version;
    expect(codes(await record(outside.id, v))).toEqual(['PROFESSIONAL_NOT_FOUND']);
    const other = await createTenantFixture(app, 'th2');
    const seen = await app.gql(PERSON, { id: t.people.a1[0].id }, other.accounts.bureau.token);
    expect(seen.data.professional).toBeNull();
  });

  it('a transfer keeps the history; updateProfessional cannot overwrite a title that comes from the history', async () => {
    const p = t.people.a1[2];
    const v = (await person(p.id)).version;
    const r = await record(p.id, v, { level: 'DEPUTY_SENIOR', obtainedOn: '2018-03-01' });
    expect(r.errors).toBeUndefined();
    const moved = await app.gql(`mutation($i: TransferProfessionalInput!) { transferProfessional(input: $i) { id } }`, {
      i: { id: p.id, unitId: t.nodes.unitA2, joinedUnitOn: '2024-01-01' },
    }, t.accounts.deptA.token);
    expect(moved.errors).toBeUndefined();
    const after = await person(p.id, t.accounts.deptA.token);
    expect(after.titleHistory).toHaveLength(1);
    expect(after.titleObtainedOn).toBe('2018-03-01');
    const overwrite = await app.gql(`mutation($i: UpdateProfessionalInput!) { updateProfessional(input: $i) { id } }`, {
      i: { id: p.id, version: after.version, titleLevel: 'SENIOR' },
    }, t.accounts.deptA.token);
    expect(codes(overwrite)).toEqual(['PROFESSIONAL_TITLE_FROM_HISTORY']);
    expect(overwrite.errors![0]!.extensions!.field).toBe('titleLevel');
  });

  it('a person holds at most 10 title records: the 11th is refused, nothing written', async () => {
    const p = t.people.b1[0];
    const token = t.accounts.bureau.token;
    let version = (await person(p.id, token)).version;
    for (let i = 0; i < 10; i++) {
      const r = await record(p.id, version, { obtainedOn: `20${10 + i}-01-01` }, token);
      expect(r.errors).toBeUndefined();
      version = r.data.recordTitle.version;
    }
    const full = await record(p.id, version, { obtainedOn: '2024-01-01' }, token);
    expect(codes(full)).toEqual(['TITLE_HISTORY_FULL']);
    expect(await historyRows(p.id)).toBe(10);
  });

  it('removing a record falls back to the latest remaining one (audited)', async () => {
    const p = t.people.b1[1];
    const token = t.accounts.bureau.token;
    const v = (await person(p.id, token)).version;
    const first = await record(p.id, v, { level: 'ASSISTANT', obtainedOn: '2016-01-01' }, token);
    const second = await record(p.id, first.data.recordTitle.version, { level: 'INTERMEDIATE', obtainedOn: '2020-01-01' }, token);
    const latestId = second.data.recordTitle.titleHistory[0].id;
    const r = await app.gql(REMOVE, { i: { id: latestId, version: second.data.recordTitle.version } }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data.removeTitleRecord).toMatchObject({ titleLevel: 'ASSISTANT', titleObtainedOn: '2016-01-01' });
    expect(r.data.removeTitleRecord.titleHistory).toHaveLength(1);
    const audit = await app.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 AND action = 'title.remove'`, [t.tenantId, p.id]);
    expect(audit[0].n).toBe(1);
  });
});

describe('Qingdao (001 四、): the look-back shortens to the years since the current title, from the stored history', () => {
  const qingdaoYear = async (professionalId: string, year: number) => {
    for (const [kind, params] of [['publicCourse', { hours: 30 }], ['jobTraining', { category: 'job', hours: 60, days: 8 }]] as const) {
      const r = await app.gql(`mutation($i: RecordActivityInput!) { recordActivity(input: $i) { id } }`, { i: { professionalId, year, kind, params } }, t.accounts.bureau.token);
      expect(r.errors).toBeUndefined();
    }
  };

  it('title obtained two years before the application → 2024–2025 checked and eligible; six years before → five years checked, not eligible', async () => {
    const [recent, longAgo] = [t.people.b1[2], t.people.a2[2]];
    for (const p of [recent, longAgo]) for (const y of [2023, 2024, 2025]) await qingdaoYear(p.id, y);
    const token = t.accounts.bureau.token;
    const v1 = (await person(recent.id, token)).version;
    expect((await record(recent.id, v1, { level: 'SENIOR', obtainedOn: '2023-10-01' }, token)).errors).toBeUndefined();
    const v2 = (await person(longAgo.id, token)).version;
    expect((await record(longAgo.id, v2, { level: 'SENIOR', obtainedOn: '2019-10-01' }, token)).errors).toBeUndefined();
    const ask = (idNumber: string) => app.gql(ELIGIBILITY, { id: idNumber, level: 'SENIOR', year: 2025 }, token);
    const short = (await ask(recent.idNumber)).data.titleEligibility;
    expect(short.yearsChecked).toEqual([2024, 2025]);
    expect(short.eligible).toBe(true);
    expect(short.yearsNotChecked.map((y: { year: number }) => y.year)).toEqual([2021, 2022, 2023]);
    expect(short.yearsNotChecked[0].reason).toContain('2023-10-01取得现职称');
    const full = (await ask(longAgo.idNumber)).data.titleEligibility;
    expect(full.yearsChecked).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(full.eligible).toBe(false);
  });
});

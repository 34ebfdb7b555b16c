// Officials recording hours for someone (`recordActivity`) file a declaration that enters the
// chain at their own level: their level's decision is theirs (FILED), the levels above still
// review, and only a record with no level above (the bureau's) counts at once. Nothing
// bypasses the record.
import { codes, startTestApp, type TestApp } from '../support/harness';
import type { TenantFixture } from '../support/fixtures';
import { addAccount, addNode, addProfessional, APPROVE, CREATE, credited, GET, ok, policyTenant, RECORD, REJECT, storedFile, SUBMIT, UPDATE, writtenRows } from './declarations-support';

let app: TestApp;
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  // Jining: unit → department → bureau
  t = await policyTenant(app, 'jining', 'doff');
});
afterAll(() => app.close());

const Y = 2024;

interface D {
  id: string;
  status: string;
  currentLevel: string | null;
  activityId: string | null;
  chain: { level: string; organisationId: string }[];
}

const record = (professionalId: string, token: string, hours = 12, evidence?: object) =>
  app.gql(RECORD, { i: { professionalId, year: Y, date: `${Y}-09-01`, kind: 'professionalCourse', params: { hours } }, e: evidence }, token);
const decisions = async (id: string) =>
  ((await app.gql(GET, { id }, t.accounts.bureau.token)).data.declaration.decisions as { level: string; decision: string }[]).map((d) => [d.level, d.decision]);

describe('recordActivity files a declaration at the official’s level', () => {
  it('a bureau official’s record is recorded at once (its own level is the last) and counts now', async () => {
    const p = t.people.a2[0];
    const before = await credited(app, t.accounts.bureau.token, p.idNumber, Y);
    const d = ok<D>(await record(p.id, t.accounts.bureau.token, 12), 'recordActivity');
    expect(d).toMatchObject({ status: 'RECORDED', activityId: d.id, currentLevel: null });
    expect(await decisions(d.id)).toEqual([['BUREAU', 'FILED']]);
    const after = await credited(app, t.accounts.bureau.token, p.idNumber, Y);
    expect(after.professional - before.professional).toBe(12);
    expect(after.activityIds).toContain(d.id);
    const audit = await app.owner.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_id = $2`, [t.tenantId, d.id]);
    expect(audit).toEqual([{ action: 'declaration.file' }]);
  });

  it('a unit official’s record waits for the department and the bureau; it counts only after the bureau', async () => {
    const p = t.people.a1[2];
    const before = await credited(app, t.accounts.bureau.token, p.idNumber, Y);
    const d = ok<D>(await record(p.id, t.accounts.unitA1.token, 20), 'recordActivity');
    expect(d).toMatchObject({ status: 'SUBMITTED', currentLevel: 'DEPARTMENT', activityId: null });
    expect(await decisions(d.id)).toEqual([['UNIT', 'FILED']]);
    expect(await credited(app, t.accounts.bureau.token, p.idNumber, Y)).toEqual(before);
    ok(await app.gql(APPROVE, { id: d.id }, t.accounts.deptA.token), 'approveDeclaration');
    expect(await credited(app, t.accounts.bureau.token, p.idNumber, Y)).toEqual(before);
    ok(await app.gql(APPROVE, { id: d.id }, t.accounts.bureau.token), 'approveDeclaration');
    expect((await credited(app, t.accounts.bureau.token, p.idNumber, Y)).professional - before.professional).toBe(20);
    expect(await decisions(d.id)).toEqual([
      ['UNIT', 'FILED'],
      ['DEPARTMENT', 'APPROVED'],
      ['BUREAU', 'APPROVED'],
    ]);
  });

  it('a department official’s record passes the unit, is theirs at the department, and waits for the bureau', async () => {
    const d = ok<D>(await record(t.people.a2[1].id, t.accounts.deptA.token), 'recordActivity');
    expect(d).toMatchObject({ status: 'SUBMITTED', currentLevel: 'BUREAU' });
    expect(await decisions(d.id)).toEqual([['DEPARTMENT', 'FILED']]);
  });

  it('an official’s record rejected above them is corrected and resubmitted by that official: round 2 enters again at their level', async () => {
    const d = ok<D & { version: number }>(await record(t.people.a1[1].id, t.accounts.unitA1.token, 70), 'recordActivity');
    const rejected = ok<D & { version: number }>(await app.gql(REJECT, { id: d.id, r: '培训学时与证书不符' }, t.accounts.deptA.token), 'rejectDeclaration');
    const fixed = ok<D & { version: number }>(await app.gql(UPDATE, { i: { id: d.id, version: rejected.version, params: { hours: 7 } } }, t.accounts.unitA1.token), 'updateDeclaration');
    const again = ok<D & { round: number }>(await app.gql(SUBMIT, { id: d.id, v: fixed.version }, t.accounts.unitA1.token), 'submitDeclaration');
    expect(again).toMatchObject({ status: 'SUBMITTED', round: 2, currentLevel: 'DEPARTMENT' });
    expect(await decisions(d.id)).toEqual([
      ['UNIT', 'FILED'],
      ['DEPARTMENT', 'REJECTED'],
      ['UNIT', 'FILED'],
    ]);
  });

  it('Qingdao: a district official’s record for a health worker still goes to the health commission (the route is not bypassed)', async () => {
    const q = await policyTenant(app, 'qingdao', 'doqd');
    const commission = await addNode(app, q, q.nodes.bureau, 'DEPARTMENT', '市卫生健康委员会', 'qd-health');
    const commissionToken = await addAccount(app, q, 'DEPARTMENT_OFFICIAL', commission);
    const r = await app.gql(RECORD, { i: { professionalId: q.people.a1[0].id, year: Y, kind: 'studyTour', params: { title: '考察' } } }, q.accounts.deptA.token);
    const d = ok<D>(r, 'recordActivity');
    expect(d).toMatchObject({ status: 'SUBMITTED', currentLevel: 'DEPARTMENT' });
    expect(d.chain.find((s) => s.level === 'DEPARTMENT')!.organisationId).toBe(commission);
    expect(codes(await app.gql(APPROVE, { id: d.id }, q.accounts.deptA.token))).toEqual(['DECLARATION_NOT_YOUR_STEP']);
    expect(ok<D>(await app.gql(APPROVE, { id: d.id }, commissionToken), 'approveDeclaration').currentLevel).toBe('BUREAU');
  });

  it('Linyi: the bureau is above the chain (unit → department), so its record counts at once with no decision of its own', async () => {
    const l = await policyTenant(app, 'linyi', 'doly');
    const r = await app.gql(RECORD, { i: { professionalId: l.people.a1[0].id, year: Y, kind: 'specialTraining', params: { hours: 8 } } }, l.accounts.bureau.token);
    expect(ok<D>(r, 'recordActivity')).toMatchObject({ status: 'RECORDED' });
  });

  it('a professional cannot record (FORBIDDEN); an official cannot declare as a professional (DECLARATION_PROFESSIONALS_ONLY); nothing is written', async () => {
    const rows = await writtenRows(app, t.tenantId);
    expect(codes(await record(t.people.a1[0].id, t.accounts.personA1.token))).toEqual(['FORBIDDEN']);
    const r = await app.gql(CREATE, { i: { kind: 'professionalCourse', year: Y, params: { hours: 2 } } }, t.accounts.unitA1.token);
    expect(codes(r)).toEqual(['DECLARATION_PROFESSIONALS_ONLY']);
    expect(await writtenRows(app, t.tenantId)).toEqual(rows);
  });

  it('an official records only for people in their scope: another unit’s person is PROFESSIONAL_NOT_FOUND', async () => {
    expect(codes(await record(t.people.b1[0].id, t.accounts.unitA1.token))).toEqual(['PROFESSIONAL_NOT_FOUND']);
  });
});

describe('evidence files', () => {
  it('a declaration names its filer’s own uploaded files; another person’s file is EVIDENCE_NOT_FOUND on evidence.fileIds, nothing written', async () => {
    const person = await addProfessional(app, t, t.nodes.unitA1);
    const mine = await storedFile(app, t, person.id);
    const theirs = await storedFile(app, t, t.people.a1[0].id);
    const d = ok<{ evidence: { fileIds: string[] } }>(
      await app.gql(CREATE, { i: { kind: 'professionalCourse', year: Y, params: { hours: 4 }, evidence: { fileIds: [mine], certificateNo: 'JN-001' } } }, person.token),
      'createDeclaration',
    );
    expect(d.evidence).toMatchObject({ fileIds: [mine], certificateNo: 'JN-001' });
    const rows = await writtenRows(app, t.tenantId);
    const r = await app.gql(CREATE, { i: { kind: 'professionalCourse', year: Y, params: { hours: 4 }, evidence: { fileIds: [mine, theirs] } } }, person.token);
    expect(codes(r)).toEqual(['EVIDENCE_NOT_FOUND']);
    expect(r.errors![0]!.extensions!.field).toBe('evidence.fileIds');
    expect(await writtenRows(app, t.tenantId)).toEqual(rows);
  });
});

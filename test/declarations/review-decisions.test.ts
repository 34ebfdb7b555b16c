// The decisions a reviewer takes and what the professional can do with their declaration:
// drafts edited at the version read; rejection with a reason, correction and resubmission as
// a new round; withdrawal until the first decision and not after; adjusted hours that are
// what counts; every decision an append-only row and an audit row.
import { codes, startTestApp, type TestApp } from '../support/harness';
import type { TenantFixture } from '../support/fixtures';
import { ADJUST, APPROVE, CREATE, credited, GET, ok, policyTenant, REJECT, SUBMIT, UPDATE, WITHDRAW, writtenRows } from './declarations-support';

let app: TestApp;
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  // Jining: unit → department → bureau, no routes
  t = await policyTenant(app, 'jining', 'drev');
});
afterAll(() => app.close());

const Y = 2024;
const person = () => t.people.a1[0];
const me = () => t.accounts.personA1.token;
const unit = () => t.accounts.unitA1.token;
const dept = () => t.accounts.deptA.token;
const bureau = () => t.accounts.bureau.token;

interface D {
  id: string;
  status: string;
  round: number;
  version: number;
  currentLevel: string | null;
  rejectionReason: string | null;
  params: Record<string, unknown>;
  adjustedHours: { publicHours: number; professionalHours: number; reason: string } | null;
}

const draft = async (params: object = { hours: 16 }, kind = 'professionalCourse') =>
  ok<D>(await app.gql(CREATE, { i: { kind, year: Y, date: `${Y}-03-01`, params } }, me()), 'createDeclaration');
const submitted = async (params: object = { hours: 16 }, kind = 'professionalCourse') => {
  const d = await draft(params, kind);
  return ok<D>(await app.gql(SUBMIT, { id: d.id, v: d.version }, me()), 'submitDeclaration');
};
interface DecisionRow {
  round: number;
  level: string;
  decision: string;
  comment: string | null;
}
const decisionRows = (id: string) =>
  app.owner.query<DecisionRow[]>(`SELECT round, level, decision, comment FROM declaration_decision WHERE tenant_id = $1 AND declaration_id = $2 ORDER BY id`, [t.tenantId, id]);
const auditActions = async (id: string) =>
  (await app.owner.query<{ action: string }[]>(`SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 ORDER BY id`, [t.tenantId, id])).map((r) => r.action);

describe('drafts', () => {
  it('a draft is edited at the version read; a stale version is refused (VERSION_CONFLICT) and changes nothing', async () => {
    const d = await draft();
    const edited = ok<D>(await app.gql(UPDATE, { i: { id: d.id, version: d.version, params: { hours: 20 } } }, me()), 'updateDeclaration');
    expect(edited).toMatchObject({ status: 'DRAFT', version: d.version + 1, params: { hours: 20 } });
    const stale = await app.gql(UPDATE, { i: { id: d.id, version: d.version, params: { hours: 99 } } }, me());
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    expect(ok<D>(await app.gql(GET, { id: d.id }, me()), 'declaration').params).toEqual({ hours: 20 });
  });

  it('a draft is the filer’s alone: officials do not see it, and it is in no queue', async () => {
    const d = await draft();
    expect((await app.gql(GET, { id: d.id }, unit())).data.declaration).toBeNull();
    expect((await app.gql(GET, { id: d.id }, bureau())).data.declaration).toBeNull();
    expect(codes(await app.gql(APPROVE, { id: d.id }, unit()))).toEqual(['DECLARATION_NOT_FOUND']);
  });

  it('a submitted declaration can no longer be edited', async () => {
    const d = await submitted();
    expect(codes(await app.gql(UPDATE, { i: { id: d.id, version: d.version, params: { hours: 1 } } }, me()))).toEqual(['DECLARATION_NOT_EDITABLE']);
  });
});

describe('rejection, correction, resubmission', () => {
  it('rejected with a reason, back to the professional; corrected and resubmitted as round 2, it starts again at the unit and counts only when recorded', async () => {
    const before = await credited(app, bureau(), person().idNumber, Y);
    const d = await submitted({ hours: 300 });
    ok(await app.gql(APPROVE, { id: d.id }, unit()), 'approveDeclaration');
    const rejected = ok<D>(await app.gql(REJECT, { id: d.id, r: '证书载明学时为30学时，请按证书填写' }, dept()), 'rejectDeclaration');
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: '证书载明学时为30学时，请按证书填写', currentLevel: null, round: 1 });
    // the professional sees the reason, corrects and resubmits
    const seen = ok<D>(await app.gql(GET, { id: d.id }, me()), 'declaration');
    expect(seen.rejectionReason).toBe('证书载明学时为30学时，请按证书填写');
    const fixed = ok<D>(await app.gql(UPDATE, { i: { id: d.id, version: seen.version, params: { hours: 30 } } }, me()), 'updateDeclaration');
    expect(fixed.status).toBe('REJECTED');
    const again = ok<D>(await app.gql(SUBMIT, { id: d.id, v: fixed.version }, me()), 'submitDeclaration');
    expect(again).toMatchObject({ status: 'SUBMITTED', round: 2, currentLevel: 'UNIT', rejectionReason: null });
    expect(await credited(app, bureau(), person().idNumber, Y)).toEqual(before);
    for (const token of [unit(), dept(), bureau()]) ok(await app.gql(APPROVE, { id: d.id }, token), 'approveDeclaration');
    const after = await credited(app, bureau(), person().idNumber, Y);
    expect(after.professional - before.professional).toBe(30);
    expect(await decisionRows(d.id)).toEqual([
      { round: 1, level: 'UNIT', decision: 'APPROVED', comment: null },
      { round: 1, level: 'DEPARTMENT', decision: 'REJECTED', comment: '证书载明学时为30学时，请按证书填写' },
      { round: 2, level: 'UNIT', decision: 'APPROVED', comment: null },
      { round: 2, level: 'DEPARTMENT', decision: 'APPROVED', comment: null },
      { round: 2, level: 'BUREAU', decision: 'APPROVED', comment: null },
    ]);
    expect(await auditActions(d.id)).toEqual([
      'declaration.create',
      'declaration.submit',
      'declaration.approve',
      'declaration.reject',
      'declaration.update',
      'declaration.resubmit',
      'declaration.approve',
      'declaration.approve',
      'declaration.approve',
    ]);
  });

  it('a rejection without a reason (blank) is refused with DECLARATION_REASON_REQUIRED on reason, and nothing is written', async () => {
    const d = await submitted();
    const rows = await writtenRows(app, t.tenantId);
    const r = await app.gql(REJECT, { id: d.id, r: '   ' }, unit());
    expect(codes(r)).toEqual(['DECLARATION_REASON_REQUIRED']);
    expect(r.errors![0]!.extensions!.field).toBe('reason');
    expect(await writtenRows(app, t.tenantId)).toEqual(rows);
    expect(ok<D>(await app.gql(GET, { id: d.id }, me()), 'declaration')).toMatchObject({ status: 'SUBMITTED', currentLevel: 'UNIT' });
  });
});

describe('withdrawal', () => {
  it('the professional withdraws before the first decision; the declaration leaves the queue', async () => {
    const d = await submitted();
    const w = ok<D>(await app.gql(WITHDRAW, { id: d.id }, me()), 'withdrawDeclaration');
    expect(w.status).toBe('WITHDRAWN');
    expect(codes(await app.gql(APPROVE, { id: d.id }, unit()))).toEqual(['ALREADY_DECIDED']);
    expect(await decisionRows(d.id)).toEqual([]);
  });

  it('after the first decision a withdrawal is refused (DECLARATION_WITHDRAW_TOO_LATE) and changes nothing', async () => {
    const d = await submitted();
    ok(await app.gql(APPROVE, { id: d.id }, unit()), 'approveDeclaration');
    const r = await app.gql(WITHDRAW, { id: d.id }, me());
    expect(codes(r)).toEqual(['DECLARATION_WITHDRAW_TOO_LATE']);
    expect(ok<D>(await app.gql(GET, { id: d.id }, me()), 'declaration')).toMatchObject({ status: 'SUBMITTED', currentLevel: 'DEPARTMENT' });
  });

  it('only the filer withdraws: a reviewer cannot (DECLARATION_NOT_FILER)', async () => {
    const d = await submitted();
    expect(codes(await app.gql(WITHDRAW, { id: d.id }, unit()))).toEqual(['DECLARATION_NOT_FILER']);
  });
});

describe('adjustment', () => {
  it('a reviewer adjusts the hours with a reason; the adjusted hours are what counts once recorded, with the explanation', async () => {
    const before = await credited(app, bureau(), person().idNumber, Y);
    const d = await submitted({ hours: 40 });
    const adjusted = ok<D>(await app.gql(ADJUST, { id: d.id, p: 0, q: 24, r: '其中16学时为往返路途，不计' }, unit()), 'adjustDeclaration');
    expect(adjusted).toMatchObject({ status: 'SUBMITTED', currentLevel: 'DEPARTMENT', adjustedHours: { publicHours: 0, professionalHours: 24, reason: '其中16学时为往返路途，不计' } });
    const preview = ok<{ preview: { hours: { professionalHours: number; notes: string[] } } }>(await app.gql(GET, { id: d.id }, dept()), 'declaration').preview;
    expect(preview.hours.professionalHours).toBe(24);
    expect(preview.hours.notes.join()).toContain('经审核调整为24学时（按规则为40学时）');
    ok(await app.gql(APPROVE, { id: d.id }, dept()), 'approveDeclaration');
    ok(await app.gql(APPROVE, { id: d.id }, bureau()), 'approveDeclaration');
    const after = await credited(app, bureau(), person().idNumber, Y);
    expect(after.professional - before.professional).toBe(24);
    expect((await decisionRows(d.id))[0]).toMatchObject({ level: 'UNIT', decision: 'ADJUSTED', comment: '其中16学时为往返路途，不计' });
    const [activity] = await app.owner.query(`SELECT adjusted_public, adjusted_professional, source, declaration_id FROM activity WHERE tenant_id = $1 AND id = $2`, [t.tenantId, d.id]);
    expect(activity).toEqual({ adjusted_public: 0, adjusted_professional: 24, source: 'DECLARATION', declaration_id: d.id });
  });

  it.each([
    ['public hours for a professional-only kind', { p: 5, q: 10 }, 'DECLARATION_ADJUST_SUBJECT', 'publicHours'],
    ['negative hours', { p: 0, q: -1 }, 'DECLARATION_ADJUST_BOUNDS', 'professionalHours'],
    ['hours beyond the product’s bound (2000)', { p: 0, q: 2001 }, 'DECLARATION_ADJUST_BOUNDS', 'professionalHours'],
    ['a blank reason', { p: 0, q: 10, r: ' ' }, 'DECLARATION_REASON_REQUIRED', 'reason'],
  ])('an adjustment with %s is refused with its field, and nothing is written', async (_what, args, code, field) => {
    const d = await submitted();
    const rows = await writtenRows(app, t.tenantId);
    const r = await app.gql(ADJUST, { id: d.id, r: '核减', ...args }, unit());
    expect(codes(r)).toEqual([code]);
    expect(r.errors![0]!.extensions!.field).toBe(field);
    expect(await writtenRows(app, t.tenantId)).toEqual(rows);
  });
});

describe('the record of decisions', () => {
  it('a reviewer whose level has decided gets ALREADY_DECIDED; one above before its turn, DECLARATION_NOT_YOUR_STEP', async () => {
    const d = await submitted();
    expect(codes(await app.gql(APPROVE, { id: d.id }, dept()))).toEqual(['DECLARATION_NOT_YOUR_STEP']);
    ok(await app.gql(APPROVE, { id: d.id }, unit()), 'approveDeclaration');
    expect(codes(await app.gql(APPROVE, { id: d.id }, unit()))).toEqual(['ALREADY_DECIDED']);
    expect((await decisionRows(d.id)).length).toBe(1);
  });

  it('approving at a version read before another change is refused with VERSION_CONFLICT', async () => {
    const d = await submitted();
    const r = await app.gql(APPROVE, { id: d.id, v: d.version - 1 }, unit());
    expect(codes(r)).toEqual(['VERSION_CONFLICT']);
    expect(ok(await app.gql(APPROVE, { id: d.id, v: d.version }, unit()), 'approveDeclaration')).toMatchObject({ currentLevel: 'DEPARTMENT' });
  });
});

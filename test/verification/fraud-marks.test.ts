// Marking a declaration fraudulent (认定虚假申报, Jining 002 四、(四)3): the declaration is
// revoked with the reason (its hours withdrawn if recorded), the person goes on the title-
// review integrity record from the marking date for the policy's term (3 years), and title
// eligibility refuses an application filed in the term and not one filed after it. Only a
// bureau official of the tenant may mark; a declaration is marked once.
import { randomUUID } from 'node:crypto';
import { asRuntimeRole, pgError } from '../support/runtime-role';
import type { TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { addProfessional, CREATE, credited, GET, ok, policyTenant, REJECT, SUBMIT } from '../declarations/declarations-support';
import { completeJiningYear, eligibility, MARK, recorded, shift, THIS_YEAR, titleObtained, TODAY } from './verification-support';

let app: TestApp;
let t: TenantFixture;
let other: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  t = await policyTenant(app, 'jining', 'vfm');
  other = await policyTenant(app, 'jining', 'vfo');
});
afterAll(() => app.close());

const bureau = () => t.accounts.bureau.token;
const mark = (id: string, reason = '证书系伪造', token = bureau()) => app.gql(MARK, { id, r: reason }, token);

/** A person of unit A2 whose current year is complete (only it is checked), and an extra recorded declaration. */
async function completePerson(i: 0 | 1 | 2) {
  const p = t.people.a2[i];
  await titleObtained(app, t, p.id, `${THIS_YEAR - 1}-06-01`);
  await completeJiningYear(app, t, p.id, THIS_YEAR);
  const extra = await recorded(app, t, p.id, THIS_YEAR, 'publicElective', { hours: 4 });
  return { ...p, extra };
}

describe('the integrity record (Jining: 3 years)', () => {
  it('a fraud mark puts the person on the record for 3 years from the marking date: an application filed in the term is ineligible, with the record as the reason', async () => {
    const p = await completePerson(0);
    expect((await eligibility(app, t, p.idNumber, THIS_YEAR, TODAY)).eligible).toBe(true);
    const marked = ok<{ integrityRecord: { from: string; until: string; reason: string; declarationId: string } }>(await mark(p.extra), 'markDeclarationFraudulent');
    expect(marked.integrityRecord).toMatchObject({ from: TODAY, until: shift(TODAY, 3, -1), declarationId: p.extra });
    expect(marked.integrityRecord.reason).toContain('证书系伪造');
    const after = await eligibility(app, t, p.idNumber, THIS_YEAR, TODAY);
    expect(after.eligible).toBe(false);
    // the years are still complete: the record alone blocks
    expect(after.years.every((y) => y.status === 'COMPLETE')).toBe(true);
    expect(after.integrityRecord).toEqual({ from: TODAY, until: shift(TODAY, 3, -1), reason: expect.stringContaining('虚假申报学时') });
    expect(after.reasons.join('\n')).toContain('诚信档案');
    // without a filing date: judged today, in the term
    expect((await eligibility(app, t, p.idNumber, THIS_YEAR)).eligible).toBe(false);
  });

  it('the record blocks an application filed on its last day and not one filed the day after (a mark made 3 years ago)', async () => {
    const p = await completePerson(1);
    // as the mark of a declaration 3 years ago wrote it: its term ended yesterday
    const from = shift(TODAY, -3);
    await app.owner.query(
      `INSERT INTO integrity_record (tenant_id, professional_id, from_date, to_date, reason) VALUES ($1, $2, $3, ($3::date + interval '3 years')::date - 1, '虚假申报学时')`,
      [t.tenantId, p.id, from],
    );
    const lastDay = shift(TODAY, 0, -1);
    expect((await eligibility(app, t, p.idNumber, THIS_YEAR, TODAY)).eligible).toBe(true);
    expect((await eligibility(app, t, p.idNumber, THIS_YEAR)).integrityRecord).toBeNull();
    if (lastDay.startsWith(String(THIS_YEAR))) {
      const inTerm = await eligibility(app, t, p.idNumber, THIS_YEAR, lastDay);
      expect(inTerm).toMatchObject({ eligible: false, integrityRecord: { from, until: lastDay } });
    }
  });

  it('a tenant whose policy sets no term records the mark and shows it, and it blocks nothing', async () => {
    const q = await policyTenant(app, 'qingdao', 'vfq');
    const p = q.people.a1[1];
    const declarationId = await recorded(app, q, p.id, THIS_YEAR, 'publicCourse', { hours: 4 });
    const before = await eligibility(app, q, p.idNumber, THIS_YEAR, TODAY);
    const marked = ok<{ integrityRecord: { from: string; until: string | null } }>(await app.gql(MARK, { id: declarationId, r: '材料不实' }, q.accounts.bureau.token), 'markDeclarationFraudulent');
    expect(marked.integrityRecord).toMatchObject({ from: TODAY, until: null });
    const after = await eligibility(app, q, p.idNumber, THIS_YEAR, TODAY);
    expect(after.integrityRecord).toBeNull();
    expect(after.reasons.join('\n')).not.toContain('诚信档案');
    expect(after.years.map((y) => y.status)).toEqual(before.years.map((y) => y.status));
    const listed = await app.gql(`query($id: ID!) { integrityRecords(professionalId: $id) { from until reason } }`, { id: p.id }, q.accounts.bureau.token);
    expect(listed.data.integrityRecords).toEqual([{ from: TODAY, until: null, reason: expect.stringContaining('材料不实') }]);
  });
});

describe('marking a declaration fraudulent', () => {
  it('a recorded declaration is revoked with the reason, its hours stop counting, the decision is appended, and both steps are audited', async () => {
    const p = t.people.b1[0];
    const id = await recorded(app, t, p.id, THIS_YEAR, 'professionalCourse', { hours: 12 });
    expect((await credited(app, bureau(), p.idNumber, THIS_YEAR)).professional).toBe(12);
    const r = ok<{ declaration: { status: string; revocationReason: string; activityId: string | null }; hoursWithdrawn: boolean }>(await mark(id), 'markDeclarationFraudulent');
    expect(r.declaration).toMatchObject({ status: 'REVOKED', revocationReason: '认定为虚假申报：证书系伪造' });
    expect(r.hoursWithdrawn).toBe(true);
    expect((await credited(app, bureau(), p.idNumber, THIS_YEAR)).professional).toBe(0);
    // the activity is kept, withdrawn with the reason
    const [activity] = await app.owner.query(`SELECT withdrawn_at IS NOT NULL AS withdrawn, withdrawal_reason FROM activity WHERE tenant_id = $1 AND id = $2`, [t.tenantId, id]);
    expect(activity).toEqual({ withdrawn: true, withdrawal_reason: '认定为虚假申报：证书系伪造' });
    const decisions = ok<{ decisions: { decision: string; level: string; comment: string }[] }>(await app.gql(GET, { id }, bureau()), 'declaration').decisions;
    expect(decisions.at(-1)).toMatchObject({ decision: 'FRAUD', level: 'BUREAU', comment: '认定为虚假申报：证书系伪造' });
    const actions = await app.owner.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND (entity_id = $2 OR entity_type = 'integrity_record') ORDER BY id`, [t.tenantId, id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['integrity.record', 'declaration.mark_fraudulent']));
  });

  it('a submitted declaration is revoked (not merely rejected: it cannot be corrected and resubmitted) and no hours were withdrawn', async () => {
    const person = await addProfessional(app, t, t.nodes.unitA1);
    const d = ok<{ id: string; version: number }>(await app.gql(CREATE, { i: { kind: 'professionalCourse', year: THIS_YEAR, date: `${THIS_YEAR}-01-10`, params: { hours: 8 } } }, person.token), 'createDeclaration');
    ok(await app.gql(SUBMIT, { id: d.id, v: d.version }, person.token), 'submitDeclaration');
    const r = ok<{ declaration: { status: string; version: number }; hoursWithdrawn: boolean }>(await mark(d.id), 'markDeclarationFraudulent');
    expect(r).toMatchObject({ declaration: { status: 'REVOKED' }, hoursWithdrawn: false });
    // the person reads the reason on their declaration, and cannot resubmit it
    const mine = ok<{ status: string; revocationReason: string }>(await app.gql(`query($id: ID!) { declaration(id: $id) { status revocationReason } }`, { id: d.id }, person.token), 'declaration');
    expect(mine).toEqual({ status: 'REVOKED', revocationReason: '认定为虚假申报：证书系伪造' });
    expect(codes(await app.gql(SUBMIT, { id: d.id, v: r.declaration.version }, person.token))).toEqual(['DECLARATION_NOT_EDITABLE']);
  });

  it('a second mark of the same declaration is refused (DECLARATION_ALREADY_REVOKED) and adds no second record', async () => {
    const p = t.people.b1[1];
    const id = await recorded(app, t, p.id, THIS_YEAR, 'professionalCourse', { hours: 6 });
    ok(await mark(id), 'markDeclarationFraudulent');
    expect(codes(await mark(id, '再次认定'))).toEqual(['DECLARATION_ALREADY_REVOKED']);
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM integrity_record WHERE tenant_id = $1 AND declaration_id = $2`, [t.tenantId, id]);
    expect(n).toBe(1);
  });

  it('bad input is refused with its code and changes nothing: a blank reason, a rejected declaration, an unknown id', async () => {
    const p = t.people.b1[2];
    const id = await recorded(app, t, p.id, THIS_YEAR, 'professionalCourse', { hours: 6 });
    expect((await mark(id, '   ')).errors?.[0]?.extensions).toMatchObject({ code: 'VERIFICATION_REASON_REQUIRED', field: 'reason' });
    const person = await addProfessional(app, t, t.nodes.unitA1);
    const d = ok<{ id: string; version: number }>(await app.gql(CREATE, { i: { kind: 'professionalCourse', year: THIS_YEAR, date: `${THIS_YEAR}-01-10`, params: { hours: 8 }, submit: true } }, person.token), 'createDeclaration');
    ok(await app.gql(REJECT, { id: d.id, r: '材料不全' }, t.accounts.unitA1.token), 'rejectDeclaration');
    expect(codes(await mark(d.id))).toEqual(['DECLARATION_NOT_REVOCABLE']);
    expect(codes(await mark(randomUUID()))).toEqual(['DECLARATION_NOT_FOUND']);
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM integrity_record WHERE tenant_id = $1 AND professional_id = ANY($2::uuid[])`, [t.tenantId, [p.id, person.id]]);
    expect(n).toBe(0);
  });

  it('only a bureau official of the tenant may mark: department and unit officials, the person, and another tenant’s bureau cannot', async () => {
    const p = t.people.a1[2];
    const id = await recorded(app, t, p.id, THIS_YEAR, 'professionalCourse', { hours: 6 });
    expect(codes(await mark(id, 'x', t.accounts.deptA.token))).toEqual(['FORBIDDEN']);
    expect(codes(await mark(id, 'x', t.accounts.unitA1.token))).toEqual(['FORBIDDEN']);
    expect(codes(await mark(id, 'x', t.accounts.personA1.token))).toEqual(['FORBIDDEN']);
    expect(codes(await mark(id, 'x', other.accounts.bureau.token))).toEqual(['DECLARATION_NOT_FOUND']);
    const [row] = await app.owner.query(`SELECT status FROM declaration WHERE tenant_id = $1 AND id = $2`, [t.tenantId, id]);
    expect(row.status).toBe('RECORDED');
  });

  it('the integrity record is append-only and a withdrawal cannot be undone, even below the API', async () => {
    const p = t.people.a1[1];
    const id = await recorded(app, t, p.id, THIS_YEAR, 'professionalCourse', { hours: 6 });
    ok(await mark(id), 'markDeclarationFraudulent');
    await asRuntimeRole(app.runtime, t.tenantId, async (em) => {
      await em.query('SAVEPOINT s');
      expect((await pgError(em.query(`UPDATE integrity_record SET to_date = from_date WHERE declaration_id = $1`, [id]))).code).toBe('42501');
      await em.query('ROLLBACK TO SAVEPOINT s');
      expect((await pgError(em.query(`DELETE FROM integrity_record WHERE declaration_id = $1`, [id]))).code).toBe('42501');
      await em.query('ROLLBACK TO SAVEPOINT s');
      expect((await pgError(em.query(`UPDATE activity SET withdrawn_at = NULL, withdrawal_reason = NULL WHERE id = $1`, [id]))).code).toBe('42501');
    });
  });
});

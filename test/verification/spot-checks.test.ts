// Spot checks (随机抽查, 001 六、(三)): the bureau draws ⌈p% × n⌉ of each department's recorded
// declarations of a year, in an order fixed by a seed (the same seed draws the same sample),
// and records each re-check once. A failed re-check revokes the declaration: its hours stop
// counting, the year's status and the eligibility built on it change, a certified year is
// revoked, and the person reads the reason; a passed one changes nothing.
import { randomUUID } from 'node:crypto';
import type { TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { asRuntimeRole, pgError } from '../support/runtime-role';
import { addNode, addPerson, addProfessional, credited, ok, policyTenant } from '../declarations/declarations-support';
import { CHECK, completeJiningYear, DRAW, eligibility, OUTCOME, recorded, titleObtained } from './verification-support';

let app: TestApp;
let t: TenantFixture;
let other: TenantFixture;
/** A unit directly under the bureau (its declarations are sampled with the bureau's group). */
let direct: string;

const Y = 2024;

beforeAll(async () => {
  app = await startTestApp();
  t = await policyTenant(app, 'jining', 'vsc');
  other = await policyTenant(app, 'jining', 'vso');
  direct = await addNode(app, t, t.nodes.bureau, 'UNIT', '市直属单位');
  const directPerson = await addPerson(app, t, direct);
  // year Y: 10 recorded declarations in department A, 5 in department B, 3 directly under the bureau
  for (let i = 0; i < 10; i++) await recorded(app, t, t.people[i % 2 ? 'a1' : 'a2'][i % 3]!.id, Y, 'professionalCourse', { hours: 1 + i });
  for (let i = 0; i < 5; i++) await recorded(app, t, t.people.b1[i % 3]!.id, Y, 'professionalCourse', { hours: 1 + i });
  for (let i = 0; i < 3; i++) await recorded(app, t, directPerson.id, Y, 'professionalCourse', { hours: 1 + i });
});
afterAll(() => app.close());

const bureau = () => t.accounts.bureau.token;
/**
 * A draw over the groups the setup filled (departments A and B, the bureau's own units): tests
 * of outcomes add recorded declarations in departments of their own, in any order.
 */
const draw = (i: object, token = bureau()) =>
  app.gql(DRAW, { i: { year: Y, percentage: 25, seed: 'seed-1', departmentIds: [t.nodes.deptA, t.nodes.deptB, t.nodes.bureau], ...i } }, token);

interface Item {
  id: string;
  departmentId: string;
  position: number;
  declarationId: string;
  outcome: string;
  reason: string | null;
  declaration: { id: string; status: string; revocationReason: string | null };
}

async function itemsOf(checkId: string, outcome: string | null = null): Promise<Item[]> {
  const out: Item[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { nodes: Item[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = ok<{ items: { nodes: Item[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      await app.gql(CHECK, { id: checkId, o: outcome, first: 4, after }, bureau()),
      'spotCheck',
    ).items;
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

const sample = async (seed: string) => (await itemsOf(ok<{ id: string }>(await draw({ seed }), 'drawSpotCheck').id)).map((i) => i.declarationId);

describe('drawing a spot check', () => {
  it('each department gives ⌈p% × its recorded declarations⌉; units directly under the bureau form the bureau’s group', async () => {
    const c = ok<{ population: number; itemCount: number; pending: number; departments: { departmentId: string; population: number; drawn: number }[] }>(await draw({}), 'drawSpotCheck');
    expect(c).toMatchObject({ population: 18, itemCount: 6, pending: 6 });
    const by = new Map(c.departments.map((d) => [d.departmentId, d]));
    expect(by.get(t.nodes.deptA)).toMatchObject({ population: 10, drawn: 3 });
    expect(by.get(t.nodes.deptB)).toMatchObject({ population: 5, drawn: 2 });
    expect(by.get(t.nodes.bureau)).toMatchObject({ population: 3, drawn: 1 });
    const items = await itemsOf((c as unknown as { id: string }).id);
    expect(items).toHaveLength(6);
    expect(items.filter((i) => i.departmentId === t.nodes.deptA)).toHaveLength(3);
    expect(items.every((i) => i.outcome === 'PENDING' && i.declaration.status === 'RECORDED')).toBe(true);
  });

  it('the same seed draws the same sample; another seed draws another', async () => {
    const a = await sample('reproducible-7');
    const b = await sample('reproducible-7');
    expect(b).toEqual(a);
    const others = await Promise.all(['x1', 'x2', 'x3'].map((s) => sample(s)));
    expect(others.some((o) => o.join() !== a.join())).toBe(true);
  });

  it('a draw may be limited to some departments; 100% takes every recorded declaration of them', async () => {
    const c = ok<{ id: string; itemCount: number; departments: { departmentId: string }[] }>(await draw({ percentage: 100, departmentIds: [t.nodes.deptB] }), 'drawSpotCheck');
    expect(c.itemCount).toBe(5);
    expect(c.departments.map((d) => d.departmentId)).toEqual([t.nodes.deptB]);
    expect((await itemsOf(c.id)).every((i) => i.departmentId === t.nodes.deptB)).toBe(true);
  });

  it('bad input is refused with its code and field, and writes nothing', async () => {
    const [{ n: before }] = await app.owner.query(`SELECT count(*)::int AS n FROM spot_check WHERE tenant_id = $1`, [t.tenantId]);
    const field = async (i: object) => (await draw(i)).errors?.[0]?.extensions;
    expect(await field({ percentage: 0 })).toMatchObject({ code: 'SPOT_CHECK_PERCENTAGE', field: 'input.percentage' });
    expect(await field({ percentage: 100.5 })).toMatchObject({ code: 'SPOT_CHECK_PERCENTAGE' });
    expect(await field({ percentage: 12.3456 })).toMatchObject({ code: 'SPOT_CHECK_PERCENTAGE' });
    expect(await field({ seed: 'a b' })).toMatchObject({ code: 'SPOT_CHECK_SEED', field: 'input.seed' });
    expect(await field({ seed: '' })).toMatchObject({ code: 'SPOT_CHECK_SEED' });
    expect(await field({ departmentIds: [t.nodes.unitA1] })).toMatchObject({ code: 'SPOT_CHECK_DEPARTMENT_INVALID', field: 'input.departmentIds' });
    expect(await field({ departmentIds: [other.nodes.deptA] })).toMatchObject({ code: 'SPOT_CHECK_DEPARTMENT_INVALID' });
    expect(await field({ departmentIds: ['nope'] })).toMatchObject({ code: 'SPOT_CHECK_DEPARTMENT_INVALID' });
    expect(await field({ year: Y - 3 })).toMatchObject({ code: 'SPOT_CHECK_EMPTY' });
    const [{ n: after }] = await app.owner.query(`SELECT count(*)::int AS n FROM spot_check WHERE tenant_id = $1`, [t.tenantId]);
    expect(after).toBe(before);
  });

  it('only the tenant’s bureau draws and sees spot checks: department and unit officials and the person cannot; another tenant sees none', async () => {
    for (const token of [t.accounts.deptA.token, t.accounts.unitA1.token, t.accounts.personA1.token]) {
      expect(codes(await draw({}, token))).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(`{ spotChecks { totalCount } }`, {}, token))).toEqual(['FORBIDDEN']);
    }
    const c = ok<{ id: string }>(await draw({}), 'drawSpotCheck');
    const [item] = await itemsOf(c.id);
    expect(codes(await app.gql(CHECK, { id: c.id }, other.accounts.bureau.token))).toEqual(['SPOT_CHECK_NOT_FOUND']);
    expect(codes(await app.gql(OUTCOME, { id: item!.id, p: false, r: '伪造' }, other.accounts.bureau.token))).toEqual(['SPOT_CHECK_ITEM_NOT_FOUND']);
    expect(codes(await app.gql(OUTCOME, { id: item!.id, p: true }, t.accounts.deptA.token))).toEqual(['FORBIDDEN']);
    const theirs = ok<{ totalCount: number }>(await app.gql(`{ spotChecks { totalCount } }`, {}, other.accounts.bureau.token), 'spotChecks');
    expect(theirs.totalCount).toBe(0);
  });
});

describe('recording outcomes', () => {
  /** A person alone in a new department whose year Y is complete (only Y is checked), and a 100% draw of that department. */
  async function checkedPerson() {
    const dept = await addNode(app, t, t.nodes.bureau, 'DEPARTMENT', `抽查部门${randomUUID().slice(0, 6)}`);
    const unit = await addNode(app, t, dept, 'UNIT', '抽查单位');
    const person = await addProfessional(app, t, unit);
    await titleObtained(app, t, person.id, `${Y - 1}-06-01`);
    const ids = await completeJiningYear(app, t, person.id, Y);
    const c = ok<{ id: string }>(await draw({ percentage: 100, departmentIds: [dept] }), 'drawSpotCheck');
    const items = await itemsOf(c.id);
    const itemOf = (declarationId: string) => items.find((i) => i.declarationId === declarationId)!;
    return { person, ids, check: c.id, itemOf };
  }

  it('a failed re-check turns an eligible applicant ineligible, with the reason in the year and the answer; the person reads it on the declaration', async () => {
    const { person, ids, itemOf } = await checkedPerson();
    expect((await eligibility(app, t, person.idNumber, Y)).eligible).toBe(true);
    const failed = ok<Item>(await app.gql(OUTCOME, { id: itemOf(ids[3]!).id, p: false, r: '培训证明与培训机构记录不符' }, bureau()), 'recordSpotCheckOutcome');
    expect(failed).toMatchObject({ outcome: 'FAILED', declaration: { status: 'REVOKED', revocationReason: '抽查复核未通过：培训证明与培训机构记录不符' } });
    expect((await credited(app, bureau(), person.idNumber, Y)).professional).toBe(30);
    const after = await eligibility(app, t, person.idNumber, Y);
    expect(after.eligible).toBe(false);
    expect(after.years).toEqual([expect.objectContaining({ year: Y, status: 'INCOMPLETE', reason: expect.stringContaining('培训证明与培训机构记录不符') })]);
    expect(after.reasons.join('\n')).toContain('学时已撤销');
    const mine = ok<{ status: string; revocationReason: string }>(await app.gql(`query($id: ID!) { declaration(id: $id) { status revocationReason } }`, { id: ids[3] }, person.token), 'declaration');
    expect(mine).toEqual({ status: 'REVOKED', revocationReason: '抽查复核未通过：培训证明与培训机构记录不符' });
  });

  it('a stored title application’s eligibility (the batch path) changes the same way', async () => {
    const { person, ids, itemOf } = await checkedPerson();
    const app1 = ok<{ id: string }>(
      await app.gql(`mutation($i: CreateTitleApplicationInput!) { createTitleApplication(input: $i) { id } }`, {
        i: { professionalId: person.id, targetLevel: 'DEPUTY_SENIOR', targetSeries: 'HEALTH', applicationYear: Y },
      }, bureau()),
      'createTitleApplication',
    );
    const batch = async () =>
      ok<{ result: { eligible: boolean; reasons: string[] } }[]>(
        await app.gql(`query($ids: [ID!]!) { titleApplicationEligibilityBatch(applicationIds: $ids) { result { eligible reasons } } }`, { ids: [app1.id] }, bureau()),
        'titleApplicationEligibilityBatch',
      )[0]!.result;
    expect((await batch()).eligible).toBe(true);
    ok(await app.gql(OUTCOME, { id: itemOf(ids[0]!).id, p: false, r: '必修课未实际参加' }, bureau()), 'recordSpotCheckOutcome');
    const after = await batch();
    expect(after.eligible).toBe(false);
    expect(after.reasons.join('\n')).toContain('必修课未实际参加');
  });

  it('a certified year that counted the withdrawn hours is revoked: the year is judged again without them, and may be certified again', async () => {
    const { person, ids, itemOf } = await checkedPerson();
    const certify = () => app.gql(`mutation($p: ID!, $y: Int!) { certifyYear(professionalId: $p, year: $y) { complete } }`, { p: person.id, y: Y }, bureau());
    expect(ok<{ complete: boolean }>(await certify(), 'certifyYear').complete).toBe(true);
    expect((await eligibility(app, t, person.idNumber, Y)).years[0]).toMatchObject({ certified: true, status: 'COMPLETE' });
    ok(await app.gql(OUTCOME, { id: itemOf(ids[1]!).id, p: false, r: '选修课记录重复' }, bureau()), 'recordSpotCheckOutcome');
    const [cert] = await app.owner.query(`SELECT revocation_reason FROM year_certification WHERE tenant_id = $1 AND professional_id = $2 AND year = $3`, [t.tenantId, person.id, Y]);
    expect(cert.revocation_reason).toContain('选修课记录重复');
    expect((await eligibility(app, t, person.idNumber, Y)).years[0]).toMatchObject({ certified: false, status: 'INCOMPLETE' });
    expect(ok<{ complete: boolean }>(await certify(), 'certifyYear').complete).toBe(false);
    expect((await eligibility(app, t, person.idNumber, Y)).years[0]).toMatchObject({ certified: true, status: 'INCOMPLETE' });
  });

  it('a passed re-check changes nothing but the item; an outcome is recorded once; a failed one needs a reason', async () => {
    const { person, ids, itemOf } = await checkedPerson();
    const item = itemOf(ids[2]!);
    expect((await app.gql(OUTCOME, { id: item.id, p: false }, bureau())).errors?.[0]?.extensions).toMatchObject({ code: 'VERIFICATION_REASON_REQUIRED', field: 'reason' });
    expect((await app.gql(OUTCOME, { id: item.id, p: false, r: '  ' }, bureau())).errors?.[0]?.extensions).toMatchObject({ code: 'VERIFICATION_REASON_REQUIRED' });
    const passed = ok<Item>(await app.gql(OUTCOME, { id: item.id, p: true }, bureau()), 'recordSpotCheckOutcome');
    expect(passed).toMatchObject({ outcome: 'PASSED', reason: null, declaration: { status: 'RECORDED', revocationReason: null } });
    expect((await credited(app, bureau(), person.idNumber, Y)).professional).toBe(60);
    expect((await eligibility(app, t, person.idNumber, Y)).eligible).toBe(true);
    expect(codes(await app.gql(OUTCOME, { id: item.id, p: false, r: '改判' }, bureau()))).toEqual(['SPOT_CHECK_ALREADY_DECIDED']);
    expect(codes(await app.gql(OUTCOME, { id: randomUUID(), p: true }, bureau()))).toEqual(['SPOT_CHECK_ITEM_NOT_FOUND']);
  });

  it('items can be listed by outcome; the draw and each outcome are audited; a decided item cannot be changed even below the API', async () => {
    const { ids, check, itemOf } = await checkedPerson();
    ok(await app.gql(OUTCOME, { id: itemOf(ids[0]!).id, p: true, r: '核对无误' }, bureau()), 'recordSpotCheckOutcome');
    ok(await app.gql(OUTCOME, { id: itemOf(ids[1]!).id, p: false, r: '无培训记录' }, bureau()), 'recordSpotCheckOutcome');
    expect((await itemsOf(check, 'PASSED')).map((i) => i.declarationId)).toEqual([ids[0]]);
    expect((await itemsOf(check, 'FAILED')).map((i) => i.declarationId)).toEqual([ids[1]]);
    expect((await itemsOf(check, 'PENDING')).map((i) => i.declarationId).sort()).toEqual([ids[2], ids[3]].sort());
    const actions = await app.owner.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_id = ANY($2::text[]) ORDER BY id`, [
      t.tenantId,
      [check, itemOf(ids[0]!).id, itemOf(ids[1]!).id],
    ]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['spot_check.draw', 'spot_check.outcome', 'spot_check.outcome']);
    await asRuntimeRole(app.runtime, t.tenantId, async (em) => {
      await em.query('SAVEPOINT s');
      expect((await pgError(em.query(`UPDATE spot_check_item SET outcome = 'PASSED', reason = NULL WHERE id = $1`, [itemOf(ids[1]!).id]))).code).toBe('42501');
      await em.query('ROLLBACK TO SAVEPOINT s');
      expect((await pgError(em.query(`DELETE FROM spot_check_item WHERE id = $1`, [itemOf(ids[2]!).id]))).code).toBe('42501');
      await em.query('ROLLBACK TO SAVEPOINT s');
      expect((await pgError(em.query(`UPDATE declaration_decision SET comment = 'x' WHERE declaration_id = $1`, [ids[1]]))).code).toBe('42501');
    });
  });
});

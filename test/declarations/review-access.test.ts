// A reviewer outside a declaration's chain — another unit, another department, another
// tenant — can neither see nor decide it, by queue or by id; and the record of decisions
// cannot be changed by the runtime database role (谁审核，谁负责).
import type { EntityManager } from 'typeorm';
import { codes, startTestApp, type TestApp } from '../support/harness';
import type { TenantFixture } from '../support/fixtures';
import { addAccount, ADJUST, APPROVE, COUNTS, CREATE, GET, ok, policyTenant, QUEUE, REJECT, writtenRows } from './declarations-support';
import { asRuntimeRole, pgError } from '../support/runtime-role';

let app: TestApp;
let t: TenantFixture;
let other: TenantFixture;
const outsiders: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  // Jining: unit → department → bureau
  t = await policyTenant(app, 'jining', 'dacc');
  other = await policyTenant(app, 'jining', 'dacx');
  outsiders['another unit (same department)'] = await addAccount(app, t, 'UNIT_OFFICIAL', t.nodes.unitA2);
  outsiders['another department'] = await addAccount(app, t, 'DEPARTMENT_OFFICIAL', t.nodes.deptB);
  outsiders['a unit under another department'] = await addAccount(app, t, 'UNIT_OFFICIAL', t.nodes.unitB1);
  outsiders['another tenant’s bureau'] = other.accounts.bureau.token;
  outsiders['another tenant’s department'] = other.accounts.deptA.token;
  outsiders['another professional of the same unit'] = await addAccount(app, t, 'PROFESSIONAL', t.nodes.unitA1, t.people.a1[1].id);
});
afterAll(() => app.close());

async function submitted(): Promise<string> {
  const r = await app.gql(CREATE, { i: { kind: 'professionalCourse', year: 2024, params: { hours: 6 }, submit: true } }, t.accounts.personA1.token);
  return ok<{ id: string }>(r, 'createDeclaration').id;
}

const queueIds = async (token: string, status = 'WAITING') => {
  const r = await app.gql(QUEUE, { f: { status }, first: 100 }, token);
  return r.errors ? codes(r) : (r.data.reviewQueue.nodes as { id: string }[]).map((n) => n.id);
};

describe('outside the chain: neither seen nor decided', () => {
  it.each([
    'another unit (same department)',
    'another department',
    'a unit under another department',
    'another tenant’s bureau',
    'another tenant’s department',
    'another professional of the same unit',
  ])('%s: not by id, not in any queue, and every decision refused (DECLARATION_NOT_FOUND; a professional: FORBIDDEN) with nothing written', async (who) => {
    const id = await submitted();
    const token = outsiders[who]!;
    expect((await app.gql(GET, { id }, token)).data.declaration).toBeNull();
    const queue = await queueIds(token);
    expect(queue).not.toContain(id);
    const rows = await writtenRows(app, t.tenantId);
    for (const attempt of [
      app.gql(APPROVE, { id }, token),
      app.gql(REJECT, { id, r: '不符合' }, token),
      app.gql(ADJUST, { id, p: 0, q: 1, r: '核减' }, token),
    ]) {
      const r = await attempt;
      expect(codes(r)).toEqual([who.includes('professional') ? 'FORBIDDEN' : 'DECLARATION_NOT_FOUND']);
    }
    expect(await writtenRows(app, t.tenantId)).toEqual(rows);
  });

  it('the chain’s reviewers see it: the unit in its queue now, the department and bureau once it reaches them', async () => {
    const id = await submitted();
    expect(await queueIds(t.accounts.unitA1.token)).toContain(id);
    expect(await queueIds(t.accounts.deptA.token)).not.toContain(id);
    ok(await app.gql(APPROVE, { id }, t.accounts.unitA1.token), 'approveDeclaration');
    expect(await queueIds(t.accounts.unitA1.token)).not.toContain(id);
    expect(await queueIds(t.accounts.unitA1.token, 'FORWARDED')).toContain(id);
    expect(await queueIds(t.accounts.deptA.token)).toContain(id);
    expect(await queueIds(t.accounts.bureau.token)).not.toContain(id);
    expect(await queueIds(t.accounts.bureau.token, 'FORWARDED')).not.toContain(id);
    // another department's queue, in every state, never holds it
    for (const status of ['WAITING', 'FORWARDED', 'RECORDED', 'REJECTED', 'WITHDRAWN']) {
      expect(await queueIds(outsiders['another department']!, status)).not.toContain(id);
    }
  });

  it('a professional has no review queue (FORBIDDEN)', async () => {
    expect(codes(await app.gql(QUEUE, {}, t.accounts.personA1.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(COUNTS, {}, t.accounts.personA1.token))).toEqual(['FORBIDDEN']);
  });
});

// Below the API: the runtime role (what the server runs as) and the decision table.
const asRuntime = <T>(tenantId: string, work: (em: EntityManager) => Promise<T>): Promise<T> => asRuntimeRole(app.runtime, tenantId, work);

describe('the record of decisions cannot be altered', () => {
  it('the runtime role cannot UPDATE or DELETE decision rows, even its own tenant’s (permission denied); they stay as written', async () => {
    const id = await submitted();
    ok(await app.gql(REJECT, { id, r: '证书模糊，请重新上传' }, t.accounts.unitA1.token), 'rejectDeclaration');
    const before = await app.owner.query(`SELECT * FROM declaration_decision WHERE tenant_id = $1 AND declaration_id = $2`, [t.tenantId, id]);
    expect(before).toHaveLength(1);
    const update = await pgError(asRuntime(t.tenantId, (em) => em.query(`UPDATE declaration_decision SET decision = 'APPROVED', comment = '改' WHERE declaration_id = $1`, [id])));
    expect(update.code).toBe('42501');
    expect(update.message).toMatch(/permission denied/);
    const del = await pgError(asRuntime(t.tenantId, (em) => em.query(`DELETE FROM declaration_decision WHERE declaration_id = $1`, [id])));
    expect(del.code).toBe('42501');
    expect(del.message).toMatch(/permission denied/);
    expect(await app.owner.query(`SELECT * FROM declaration_decision WHERE tenant_id = $1 AND declaration_id = $2`, [t.tenantId, id])).toEqual(before);
  });

  it('even the owner cannot UPDATE or DELETE a decision row (the append-only trigger)', async () => {
    const id = await submitted();
    ok(await app.gql(APPROVE, { id }, t.accounts.unitA1.token), 'approveDeclaration');
    const update = await pgError(app.owner.query(`UPDATE declaration_decision SET comment = '改' WHERE declaration_id = $1`, [id]));
    expect(update.message).toMatch(/append-only/);
    const del = await pgError(app.owner.query(`DELETE FROM declaration_decision WHERE declaration_id = $1`, [id]));
    expect(del.message).toMatch(/append-only/);
  });

  it('the runtime role of one tenant sees and writes no decision of another', async () => {
    const id = await submitted();
    ok(await app.gql(APPROVE, { id }, t.accounts.unitA1.token), 'approveDeclaration');
    const seen = await asRuntime(other.tenantId, (em) => em.query(`SELECT count(*)::int AS n FROM declaration_decision WHERE declaration_id = $1`, [id]));
    expect(seen[0].n).toBe(0);
    const forged = await pgError(
      asRuntime(other.tenantId, (em) =>
        em.query(
          `INSERT INTO declaration_decision (tenant_id, declaration_id, round, level, node_id, decision, reviewer_id, reviewer_label)
           VALUES ($1, $2, 1, 'DEPARTMENT', $3, 'APPROVED', $4, 'forged')`,
          [t.tenantId, id, t.nodes.deptA, t.accounts.deptA.id],
        ),
      ),
    );
    expect(forged.code).toBe('42501');
  });
});

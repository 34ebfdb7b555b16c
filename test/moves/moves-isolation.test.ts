// The tenant wall around a move (issue 15), below the API: as the runtime role the server runs
// as, each tenant sees exactly its own rows before and after a move (every tenant-owned table,
// row by row), and changes only where the move says; the database function that does the move
// refuses anyone but the consenting party of that very request, whatever the session's settings
// claim; the history it writes is immutable and the runtime role cannot write it or settle a
// request by itself.
import type { EntityManager } from 'typeorm';
import type { TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { pgError } from '../support/runtime-role';
import { policyTenant } from '../declarations/declarations-support';
import { mover, movedProfessional, plainPerson, requested } from './moves-support';

let app: TestApp;
let from: TenantFixture;
let to: TenantFixture;
let third: TenantFixture;
let tables: string[];

beforeAll(async () => {
  app = await startTestApp();
  [from, to, third] = await Promise.all([policyTenant(app, 'jining', 'mif'), policyTenant(app, 'qingdao', 'mit'), policyTenant(app, 'linyi', 'mix')]);
  tables = (
    await app.owner.query(
      `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).map((r: { table_name: string }) => r.table_name);
});
afterAll(() => app.close());

/** Statements as the runtime role, in one transaction carrying these settings (as a request's). */
async function asSession<T>(settings: { tenantId?: string | null; actorId?: string | null }, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return app.runtime.transaction(async (em) => {
    await em.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.actor_id', $2, true)`, [settings.tenantId ?? '', settings.actorId ?? '']);
    return work(em);
  });
}

interface Visible {
  /** per table: a fingerprint of every row the tenant's session sees */
  rows: Map<string, Set<string>>;
  /** rows of any other tenant seen (must be none) */
  foreign: number;
}

async function visibleTo(tenantId: string): Promise<Visible> {
  return asSession({ tenantId }, async (em) => {
    const rows = new Map<string, Set<string>>();
    let foreign = 0;
    for (const table of tables) {
      const found: { h: string; other: boolean }[] = await em.query(`SELECT md5(t::text) AS h, t.tenant_id <> $1::uuid AS other FROM ${table} t`, [tenantId]);
      rows.set(table, new Set(found.map((r) => r.h)));
      foreign += found.filter((r) => r.other).length;
    }
    return { rows, foreign };
  });
}

/** Per table, how many rows appeared (new or changed) and disappeared (changed or gone) between two views. */
function changes(before: Visible, after: Visible): Record<string, { added: number; removed: number }> {
  const out: Record<string, { added: number; removed: number }> = {};
  for (const table of tables) {
    const b = before.rows.get(table)!;
    const a = after.rows.get(table)!;
    const added = [...a].filter((h) => !b.has(h)).length;
    const removed = [...b].filter((h) => !a.has(h)).length;
    if (added || removed) out[table] = { added, removed };
  }
  return out;
}

const requestStatus = async (id: string) => (await app.owner.query(`SELECT status FROM move_request WHERE id = $1`, [id]))[0].status as string;
const accountOf = async (t: TenantFixture, professionalId: string) =>
  (await app.owner.query(`SELECT id FROM account WHERE tenant_id = $1 AND professional_id = $2`, [t.tenantId, professionalId]))[0].id as string;
const decide = (em: EntityManager, id: string, decision = 'CONSENT', reason: string | null = null) =>
  em.query(`SELECT * FROM app_move_decide($1, $2, $3, 'test')`, [id, decision, reason]);

describe('after a move neither tenant sees any row of the other (SQL as the runtime role, every tenant-owned table)', () => {
  it('the sending tenant gains one audit row and its record marked moved out; the receiving tenant the person, the certified years, the settled request and one audit row; nothing else changes', async () => {
    const p = await mover(app, from);
    const id = await requested(app, to, p);
    const before = { from: await visibleTo(from.tenantId), to: await visibleTo(to.tenantId) };
    expect(tables).toEqual(expect.arrayContaining(['professional', 'activity', 'year_certification', 'declaration', 'evidence_file', 'move_request', 'moved_year']));
    await asSession({ tenantId: from.tenantId, actorId: await accountOf(from, p.id) }, (em) => decide(em, id));
    const after = { from: await visibleTo(from.tenantId), to: await visibleTo(to.tenantId) };
    expect([before.from.foreign, before.to.foreign, after.from.foreign, after.to.foreign]).toEqual([0, 0, 0, 0]);
    expect(changes(before.from, after.from)).toEqual({ professional: { added: 1, removed: 1 }, audit_log: { added: 1, removed: 0 } });
    expect(changes(before.to, after.to)).toEqual({
      professional: { added: 1, removed: 0 },
      moved_year: { added: 4, removed: 0 },
      move_request: { added: 1, removed: 1 },
      audit_log: { added: 1, removed: 0 },
    });
    // the sending tenant's rows are not among the receiving tenant's (a row is seen only by its own tenant)
    const theirs = (await asSession({ tenantId: to.tenantId }, (em) => em.query(`SELECT count(*)::int AS n FROM professional WHERE id = $1`, [p.id])))[0].n;
    expect(theirs).toBe(0);
    // the third tenant sees nothing of either
    const outside = await visibleTo(third.tenantId);
    expect(outside.foreign).toBe(0);
    expect(await asSession({ tenantId: third.tenantId }, (em) => em.query(`SELECT count(*)::int AS n FROM moved_year`))).toEqual([{ n: 0 }]);
  });
});

describe('app_move_decide, called directly as the runtime role', () => {
  it('refuses every session that is not the consenting party of that request, whatever tenant or actor it claims; nothing changes', async () => {
    const p = await plainPerson(app, from);
    const id = await requested(app, to, p);
    const other = await plainPerson(app, from);
    const refused = async (tenantId: string | null, actorId: string | null) => (await pgError(asSession({ tenantId, actorId }, (em) => decide(em, id)))).message;
    const [fromUnit, fromBureau] = [from.accounts.unitA1.id, from.accounts.bureau.id];
    expect(await refused(to.tenantId, to.accounts.bureau.id)).toBe('move:MOVE_REQUEST_NOT_FOUND');
    expect(await refused(third.tenantId, third.accounts.bureau.id)).toBe('move:MOVE_REQUEST_NOT_FOUND');
    expect(await refused(from.tenantId, await accountOf(from, other.id))).toBe('move:MOVE_REQUEST_NOT_FOUND');
    expect(await refused(from.tenantId, fromUnit)).toBe('move:MOVE_NOT_PARTY');
    expect(await refused(from.tenantId, third.accounts.bureau.id)).toBe('move:MOVE_NOT_PARTY');
    expect(await refused(third.tenantId, fromBureau)).toBe('move:MOVE_NOT_PARTY');
    expect(await refused(from.tenantId, null)).toBe('move:MOVE_NOT_PARTY');
    expect(await refused(null, fromBureau)).toBe('move:MOVE_NOT_PARTY');
    expect(await refused(from.tenantId, 'x; DROP TABLE move_request')).toBe('move:MOVE_NOT_PARTY');
    expect(await requestStatus(id)).toBe('PENDING');
    expect((await app.owner.query(`SELECT status FROM professional WHERE id = $1`, [p.id]))[0].status).toBe('ACTIVE');
    // the sending bureau's own session does it
    const [done] = await asSession({ tenantId: from.tenantId, actorId: fromBureau }, (em) => decide(em, id));
    expect(done).toMatchObject({ source_professional_id: p.id, years_moved: 0 });
    expect(await requestStatus(id)).toBe('CONSENTED');
  });

  it('the runtime role cannot list, write or settle across tenants by itself: no INSERT into the history, no settling a request, no editing it', async () => {
    const p = await mover(app, from);
    const id = await requested(app, to, p);
    const inTo = (sql: string, params: unknown[] = []) => pgError(asSession({ tenantId: to.tenantId }, (em) => em.query(sql, params)));
    expect((await inTo(`INSERT INTO moved_year (tenant_id, professional_id, move_request_id, year, regime, public_hours, professional_hours, complete,
        policy_revision, policy_revision_id, issuing_tenant_code, issuing_tenant_name, certified_at)
      SELECT $1, p.id, $2, 2020, 'HOURS', 30, 60, true, 1, 'x', 'x', 'x', now() FROM professional p LIMIT 1`, [to.tenantId, id])).code).toBe('42501');
    expect((await inTo(`UPDATE move_request SET status = 'CONSENTED', decided_at = now() WHERE id = $1`, [id])).code).toBe('23514');
    expect((await inTo(`UPDATE move_request SET professional_id = NULL, years_moved = 9 WHERE id = $1`, [id])).code).toBe('42501');
    expect((await inTo(`DELETE FROM move_request WHERE id = $1`, [id])).code).toBe('42501');
    // the sending side cannot read the request or the receiving tenant's people (only through the functions)
    const seen = await asSession({ tenantId: from.tenantId, actorId: from.accounts.bureau.id }, (em) => em.query(`SELECT count(*)::int AS n FROM move_request WHERE id = $1`, [id]));
    expect(seen).toEqual([{ n: 0 }]);
    expect(await requestStatus(id)).toBe('PENDING');
  });

  it('moved years are immutable for everyone, the owner included (the trigger)', async () => {
    const p = await mover(app, from);
    const id = await requested(app, to, p);
    await asSession({ tenantId: from.tenantId, actorId: await accountOf(from, p.id) }, (em) => decide(em, id));
    const here = await movedProfessional(app, to, id);
    const asRuntime = await pgError(asSession({ tenantId: to.tenantId }, (em) => em.query(`UPDATE moved_year SET complete = false WHERE professional_id = $1`, [here])));
    expect(asRuntime.code).toBe('42501');
    for (const sql of [`UPDATE moved_year SET public_hours = 90 WHERE professional_id = $1`, `DELETE FROM moved_year WHERE professional_id = $1`]) {
      const e = await pgError(app.owner.query(sql, [here]));
      expect(e.message).toContain('moved_year is immutable');
    }
    expect((await app.owner.query(`SELECT count(*)::int AS n FROM moved_year WHERE professional_id = $1 AND public_hours = 30`, [here]))[0].n).toBe(4);
  });
});

describe('the look-ups across tenants answer only what they say', () => {
  it('app_move_candidate_exists: true only for a person of another tenant with that ID number and name; false without a tenant', async () => {
    const p = await plainPerson(app, from);
    const exists = (tenantId: string | null, idNumber: string, name: string) =>
      asSession({ tenantId }, async (em) => (await em.query(`SELECT app_move_candidate_exists($1, $2) AS e`, [idNumber, name]))[0].e as boolean);
    expect(await exists(to.tenantId, p.idNumber, p.name)).toBe(true);
    expect(await exists(to.tenantId, p.idNumber, `${p.name}某`)).toBe(false);
    expect(await exists(from.tenantId, p.idNumber, p.name)).toBe(false);
    expect(await exists(null, p.idNumber, p.name)).toBe(false);
  });

  it('app_move_requests_to_consent: the person’s own requests to them, their bureau all of its people’s; nobody else anything', async () => {
    const p = await plainPerson(app, from);
    const id = await requested(app, to, p);
    const list = async (tenantId: string, actorId: string) =>
      (await asSession({ tenantId, actorId }, (em) => em.query(`SELECT * FROM app_move_requests_to_consent(NULL, NULL, 1000)`))).map((r: { id: string }) => r.id);
    expect(await list(from.tenantId, await accountOf(from, p.id))).toEqual([id]);
    expect(await list(from.tenantId, from.accounts.bureau.id)).toContain(id);
    for (const [tenantId, actorId] of [
      [from.tenantId, from.accounts.unitA1.id],
      [from.tenantId, from.accounts.deptA.id],
      [to.tenantId, to.accounts.bureau.id],
      [third.tenantId, third.accounts.bureau.id],
      [from.tenantId, to.accounts.bureau.id],
    ] as const) {
      expect(await list(tenantId, actorId)).not.toContain(id);
    }
    const [row] = await asSession({ tenantId: from.tenantId, actorId: await accountOf(from, p.id) }, (em) =>
      em.query(`SELECT * FROM app_move_requests_to_consent(NULL, NULL, 10)`),
    );
    expect(Object.keys(row).sort()).toEqual(['expires_at', 'id', 'professional_id', 'receiving_tenant_name', 'receiving_unit_name', 'requested_at']);
  });
});

// Two reviewers acting on one declaration at once, in real parallel transactions (two HTTP
// requests, each its own transaction): exactly one wins, the other gets ALREADY_DECIDED, and
// there is exactly one decision row, one audit row and — at the last level — one activity.
// Also bulk approval of a queue page, item by item.
import type { QueryRunner } from 'typeorm';
import { codes, startTestApp, type GqlResult, type TestApp } from '../support/harness';
import type { TenantFixture } from '../support/fixtures';
import { addAccount, APPROVE, CREATE, ok, policyTenant, REJECT } from './declarations-support';

let app: TestApp;
let t: TenantFixture;
let unitB: string;
let bureauB: string;

beforeAll(async () => {
  app = await startTestApp();
  t = await policyTenant(app, 'jining', 'dcon');
  // a second official at the same unit and at the bureau: the same step, two reviewers
  unitB = await addAccount(app, t, 'UNIT_OFFICIAL', t.nodes.unitA1);
  bureauB = await addAccount(app, t, 'BUREAU_OFFICIAL', t.nodes.bureau);
});
afterAll(() => app.close());

const BULK = `mutation($ids: [ID!]!) { bulkApproveDeclarations(ids: $ids) { id errorCode declaration { id currentLevel } } }`;

async function submitted(hours = 8): Promise<string> {
  const r = await app.gql(CREATE, { i: { kind: 'professionalCourse', year: 2024, params: { hours }, submit: true } }, t.accounts.personA1.token);
  return ok<{ id: string }>(r, 'createDeclaration').id;
}

async function counts(id: string) {
  const [row] = await app.owner.query(
    `SELECT (SELECT count(*)::int FROM declaration_decision WHERE tenant_id = $1 AND declaration_id = $2) AS decisions,
            (SELECT count(*)::int FROM audit_log WHERE tenant_id = $1 AND entity_id = $2::text AND action LIKE 'declaration.%' AND action NOT IN ('declaration.create')) AS audits,
            (SELECT count(*)::int FROM activity WHERE tenant_id = $1 AND declaration_id = $2) AS activities`,
    [t.tenantId, id],
  );
  return row as { decisions: number; audits: number; activities: number };
}

/** Exactly one of two results succeeded; the other is ALREADY_DECIDED. */
function oneWins(results: GqlResult[]): void {
  const outcomes = results.map((r) => (r.errors ? codes(r).join() : 'OK')).sort();
  expect(outcomes).toEqual(['ALREADY_DECIDED', 'OK']);
}

/**
 * Holds the declaration's row lock in a transaction of its own while `fire` runs, until both
 * requests wait on it at their conditional UPDATE (both have read the declaration as still
 * undecided), then lets them go: the race is decided at the UPDATE, not before it.
 */
async function atTheUpdate<T>(id: string, fire: () => Promise<T>): Promise<T> {
  const runner: QueryRunner = app.owner.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [t.tenantId]);
    await runner.query(`SELECT 1 FROM declaration WHERE id = $1 FOR UPDATE`, [id]);
    const pending = fire();
    let waiting = 0;
    for (let i = 0; i < 500 && waiting < 2; i++) {
      const [row]: { n: number }[] = await app.owner.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE declaration SET status%'`,
      );
      waiting = row?.n ?? 0;
      if (waiting < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await runner.rollbackTransaction();
    // both requests had read the declaration as undecided and were waiting at their UPDATE
    expect(waiting).toBeGreaterThanOrEqual(2);
    return await pending;
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('two reviewers at once', () => {
  it('two approvals of the same step fired together, 12 times: exactly one wins each time, one decision row, one audit row', async () => {
    for (let i = 0; i < 12; i++) {
      const id = await submitted();
      const results = await Promise.all([app.gql(APPROVE, { id }, t.accounts.unitA1.token), app.gql(APPROVE, { id }, unitB)]);
      oneWins(results);
      expect(await counts(id)).toEqual({ decisions: 1, audits: 1, activities: 0 });
    }
  });

  it('both read it undecided and meet at the conditional update, 6 times: one wins, the other ALREADY_DECIDED, one decision row', async () => {
    for (let i = 0; i < 6; i++) {
      const id = await submitted();
      const results = await atTheUpdate(id, () => Promise.all([app.gql(APPROVE, { id }, t.accounts.unitA1.token), app.gql(APPROVE, { id }, unitB)]));
      oneWins(results);
      expect(await counts(id)).toEqual({ decisions: 1, audits: 1, activities: 0 });
    }
  });

  it('an approval and a rejection of the same step at once: one wins, never both', async () => {
    for (let i = 0; i < 4; i++) {
      const id = await submitted();
      const results = await atTheUpdate(id, () =>
        Promise.all([app.gql(APPROVE, { id }, t.accounts.unitA1.token), app.gql(REJECT, { id, r: '材料不全' }, unitB)]),
      );
      oneWins(results);
      const [row] = await app.owner.query(`SELECT status, step FROM declaration WHERE tenant_id = $1 AND id = $2`, [t.tenantId, id]);
      expect([{ status: 'SUBMITTED', step: 2 }, { status: 'REJECTED', step: 1 }]).toContainEqual(row);
      expect((await counts(id)).decisions).toBe(1);
    }
  });

  it('two bureau officials recording at once: one activity, not two', async () => {
    for (let i = 0; i < 4; i++) {
      const id = await submitted();
      ok(await app.gql(APPROVE, { id }, t.accounts.unitA1.token), 'approveDeclaration');
      ok(await app.gql(APPROVE, { id }, t.accounts.deptA.token), 'approveDeclaration');
      const results = await atTheUpdate(id, () => Promise.all([app.gql(APPROVE, { id }, t.accounts.bureau.token), app.gql(APPROVE, { id }, bureauB)]));
      oneWins(results);
      expect(await counts(id)).toEqual({ decisions: 3, audits: 3, activities: 1 });
    }
  });
});

describe('bulk approval of a queue page', () => {
  it('approves item by item: one already decided by someone else answers ALREADY_DECIDED, the others go on', async () => {
    const ids = [await submitted(), await submitted(), await submitted()];
    ok(await app.gql(APPROVE, { id: ids[1] }, unitB), 'approveDeclaration');
    const r = ok<{ id: string; errorCode: string | null; declaration: { currentLevel: string } | null }[]>(await app.gql(BULK, { ids }, t.accounts.unitA1.token), 'bulkApproveDeclarations');
    expect(r.map((x) => [x.id, x.errorCode, x.declaration?.currentLevel ?? null])).toEqual([
      [ids[0], null, 'DEPARTMENT'],
      [ids[1], 'ALREADY_DECIDED', null],
      [ids[2], null, 'DEPARTMENT'],
    ]);
    for (const id of ids) expect((await counts(id)).decisions).toBe(1);
  });

  it('at the last level each approved declaration is recorded: one decision, one audit row and one activity each, as one by one', async () => {
    const ids = [await submitted(3), await submitted(4), await submitted(5)];
    for (const token of [t.accounts.unitA1.token, t.accounts.deptA.token]) ok(await app.gql(BULK, { ids }, token), 'bulkApproveDeclarations');
    const r = ok<{ errorCode: string | null; declaration: { currentLevel: string | null } | null }[]>(await app.gql(BULK, { ids: [...ids, ids[0]] }, t.accounts.bureau.token), 'bulkApproveDeclarations');
    expect(r.map((x) => [x.errorCode, x.declaration?.currentLevel ?? null])).toEqual([[null, null], [null, null], [null, null]]);
    for (const id of ids) expect(await counts(id)).toEqual({ decisions: 3, audits: 3, activities: 1 });
    const [row] = await app.owner.query(
      `SELECT array_agg(a.params->>'hours' ORDER BY a.params->>'hours') AS hours, bool_and(abs(extract(epoch FROM a.recorded_at - d.submitted_at)) < 0.001) AS dated,
              bool_and(l.after->'decision'->>'recorded' = 'true') AS audited
         FROM activity a JOIN declaration d ON d.tenant_id = a.tenant_id AND d.id = a.declaration_id AND d.status = 'RECORDED'
         JOIN audit_log l ON l.tenant_id = a.tenant_id AND l.entity_id = a.declaration_id::text AND l.action = 'declaration.approve' AND l.actor_id = $3
        WHERE a.tenant_id = $1 AND a.declaration_id = ANY($2::uuid[])`,
      [t.tenantId, ids, t.accounts.bureau.id],
    );
    expect(row).toEqual({ hours: ['3', '4', '5'], dated: true, audited: true });
  });

  it('more than a page (50) is refused before anything is written', async () => {
    const ids = Array.from({ length: 51 }, () => '00000000-0000-4000-8000-000000000000');
    const r = await app.gql(BULK, { ids }, t.accounts.unitA1.token);
    expect(codes(r)).toEqual(['DECLARATION_BATCH_TOO_LARGE']);
  });

  it('is priced as a batch: twice in one operation is refused before anything runs (QUERY_TOO_COMPLEX)', async () => {
    const id = await submitted();
    const r = await app.gql(`mutation($ids: [ID!]!) { a: bulkApproveDeclarations(ids: $ids) { id } b: bulkApproveDeclarations(ids: $ids) { id } }`, { ids: [id] }, t.accounts.unitA1.token);
    expect(codes(r)).toEqual(['QUERY_TOO_COMPLEX']);
    expect((await counts(id)).decisions).toBe(0);
  });

  it('a bulk approval and a single approval racing on the same page: each declaration decided once', async () => {
    const ids = [await submitted(), await submitted(), await submitted(), await submitted()];
    const [bulk, single] = await Promise.all([app.gql(BULK, { ids }, t.accounts.unitA1.token), app.gql(APPROVE, { id: ids[2] }, unitB)]);
    expect(bulk.errors).toBeUndefined();
    const failed = (bulk.data.bulkApproveDeclarations as { errorCode: string | null }[]).filter((x) => x.errorCode !== null).length;
    expect(failed).toBe(single.errors ? 0 : 1);
    for (const id of ids) expect((await counts(id)).decisions).toBe(1);
  });
});

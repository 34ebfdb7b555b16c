// Under row-level security an index serves a filter only if its operators are
// leakproof. These checks EXPLAIN the repository's own list queries as the
// runtime role (sequential scans switched off, so any usable index is chosen).
import type { EntityManager } from 'typeorm';
import { ProfessionalQuery, ProfessionalsRepository } from '../../server/professionals/professionals.repository';
import { generateProfessionals } from '../../server/tools/generator';
import { startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';

let app: TestApp;
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app);
  // enough rows, analysed, for the planner to prefer selective indexes as it would in production
  await generateProfessionals({ ownerUrl: process.env.TEST_DATABASE_URL!, tenantCode: t.code, count: 20000, seed: 11 });
});
afterAll(() => app.close());

async function planOf(query: ProfessionalQuery, count = false): Promise<string> {
  return app.runtime.transaction(async (em: EntityManager) => {
    await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [t.tenantId]);
    await em.query(`SET LOCAL enable_seqscan = off`);
    let captured: { sql: string; params: unknown[] } | null = null;
    const original = em.query.bind(em);
    em.query = (sql: string, params: unknown[]) => {
      captured = { sql, params };
      return original(sql, params);
    };
    const repo = new ProfessionalsRepository();
    if (count) await repo.count(em, query);
    else await repo.findPage(em, query, null, 21);
    const { sql, params } = captured!;
    const rows = await original(`EXPLAIN ${sql}`, params);
    return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
  });
}

describe('professional list plans under row-level security', () => {
  const cases: [string, string, () => ProfessionalQuery][] = [
    ['a title level (whole tenant)', 'professional_by_level', () => ({ path: null, titleLevel: 'SENIOR' })],
    ['a title series (whole tenant)', 'professional_by_series', () => ({ path: null, titleSeries: 'AUDITING' })],
    ['a full name', 'professional_by_name', () => ({ path: null, name: t.people.b1[2].name })],
    ['an exact ID number', 'professional_id_number', () => ({ path: null, idNumber: t.people.b1[2].idNumber })],
    ['nothing but the tenant', 'professional_by_path', () => ({ path: null })],
  ];

  it.each(cases)('filtering by %s uses %s', async (_label, index, query) => {
    const plan = await planOf(query());
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/Seq Scan on professional/);
  });

  it('the subtree range is an index condition, not a filter', async () => {
    const [{ path }] = await app.owner.query(`SELECT path FROM org_node WHERE id = $1`, [t.nodes.deptA]);
    const plan = await planOf({ path, titleLevel: 'INTERMEDIATE' });
    expect(plan).toMatch(/Index Cond: .*unit_path >= /);
  });

  it('counting a subtree uses an index too', async () => {
    const [{ path }] = await app.owner.query(`SELECT path FROM org_node WHERE id = $1`, [t.nodes.deptA]);
    const plan = await planOf({ path }, true);
    expect(plan).toMatch(/Index (Only )?Scan using professional_by_path/);
  });
});

// Every auditEvents filter is served by an index under row-level security, newest first: the
// repository's own page query is EXPLAINed as the runtime role (sequential scans off, so any
// usable index is chosen) over a tenant with enough rows, analysed, for real choices.
import type { EntityManager } from 'typeorm';
import { type AuditQuery, AuditEventsRepository } from '../../server/audit/audit-events.repository';
import { startTestApp, type TestApp } from '../support/harness';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';

let app: TestApp;
let t: TenantFixture;

const none: AuditQuery = { actorId: null, actorLabel: null, actorLabelPrefix: null, entityType: null, entityId: null, action: null, actionPrefix: null, from: null, to: null };

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'aep');
  await app.owner.query(
    `INSERT INTO audit_log (tenant_id, at, request_id, actor_kind, actor_id, actor_label, action, entity_type, entity_id, after)
     SELECT $1, now() - make_interval(mins => i), 'r' || i, 'ACCOUNT', md5((i % 500)::text)::uuid, 'account:u' || (i % 500),
            (ARRAY['declaration.approve', 'declaration.create', 'professional.update', 'policy.publish'])[1 + i % 4],
            (ARRAY['declaration', 'declaration', 'professional', 'policy_revision'])[1 + i % 4], (i % 3000)::text, '{}'::jsonb
       FROM generate_series(1, 30000) i`,
    [t.tenantId],
  );
  await app.owner.query(`ANALYZE audit_log`);
});
afterAll(() => app.close());

async function planOf(query: AuditQuery, after: [string, string] | null = null): Promise<string> {
  return app.runtime.transaction(async (em: EntityManager) => {
    await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [t.tenantId]);
    await em.query(`SET LOCAL enable_seqscan = off`);
    let captured: { sql: string; params: unknown[] } | null = null;
    const original = em.query.bind(em);
    em.query = (sql: string, params: unknown[]) => {
      captured = { sql, params };
      return original(sql, params);
    };
    await new AuditEventsRepository().findPage(em, query, after, 21);
    const { sql, params } = captured!;
    const rows = await original(`EXPLAIN ${sql}`, params);
    return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
  });
}

describe('audit log list plans under row-level security', () => {
  const actor = '9bf31c7f-f062-936a-96d3-c8bd1f8f2ff3'; // md5('12')
  const cases: [string, string, AuditQuery][] = [
    ['nothing but the tenant', 'audit_log_recent', none],
    ['days', 'audit_log_recent', { ...none, from: '2024-01-01', to: '2099-12-31' }],
    ['an actor id', 'audit_log_actor', { ...none, actorId: actor }],
    ['an exact actor label', 'audit_log_actor_label', { ...none, actorLabel: 'account:u12' }],
    ['a record', 'audit_log_entity', { ...none, entityType: 'professional', entityId: '14' }],
    ['a record type', 'audit_log_entity_type', { ...none, entityType: 'policy_revision' }],
    ['an exact action', 'audit_log_action', { ...none, action: 'policy.publish' }],
  ];

  it.each(cases)('filtering by %s reads %s in order (no sort)', async (_label, index, query) => {
    const plan = await planOf(query);
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/Seq Scan|Sort/);
  });

  it('a later page starts at the cursor inside the index', async () => {
    const plan = await planOf({ ...none, actorId: actor }, ['2030-01-01T00:00:00.000000Z', '999999']);
    expect(plan).toMatch(/Index Cond: .*ROW\(at, id\) < ROW/);
  });

  it.each([
    ['an action prefix', { ...none, actionPrefix: 'policy.' }],
    ['an actor label prefix', { ...none, actorLabelPrefix: 'account:u49' }],
  ])('%s is an index range, never a scan of the table', async (_label, query) => {
    const plan = await planOf(query);
    expect(plan).toMatch(/Index (Only )?Scan/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});

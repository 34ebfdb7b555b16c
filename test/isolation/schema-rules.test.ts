// Rules every tenant-owned table must keep, checked against the live schema so
// that a table added later is covered without editing this file.
import { startTestApp, TestApp } from '../support/harness';
import { createTenantFixture } from '../support/fixtures';

let app: TestApp;
let tables: string[];

beforeAll(async () => {
  app = await startTestApp();
  await createTenantFixture(app); // so every check below has rows to hide
  tables = (
    await app.owner.query(
      `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).map((r: { table_name: string }) => r.table_name);
});
afterAll(() => app.close());

describe('tenant-owned tables', () => {
  it('are found (the check below is not vacuous)', () => {
    expect(tables).toEqual(expect.arrayContaining(['org_node', 'professional', 'account', 'audit_log', 'activity', 'policy_revision']));
  });

  it('all have row-level security enabled and forced', async () => {
    const rows: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[] = await app.owner.query(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) AND relkind = 'r'`,
      [tables],
    );
    expect(rows.filter((r) => !r.relrowsecurity || !r.relforcerowsecurity).map((r) => r.relname)).toEqual([]);
  });

  it('all have tenant_id in the primary key and in every foreign key to another tenant-owned table', async () => {
    const bad = await app.owner.query(
      `SELECT con.conname FROM pg_constraint con
         JOIN pg_class rel ON rel.oid = con.conrelid
         JOIN pg_class ref ON ref.oid = con.confrelid
         JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attname = 'tenant_id'
        WHERE rel.relname = ANY($1) AND con.contype = 'f' AND ref.relname = ANY($1) AND NOT att.attnum = ANY(con.conkey)
       UNION ALL
       SELECT rel.relname FROM pg_class rel
         JOIN pg_constraint con ON con.conrelid = rel.oid AND con.contype = 'p'
         JOIN pg_attribute att ON att.attrelid = rel.oid AND att.attname = 'tenant_id'
        WHERE rel.relname = ANY($1) AND NOT att.attnum = ANY(con.conkey)`,
      [tables],
    );
    expect(bad).toEqual([]);
  });

  it('read as empty to the runtime role when no tenant is set', async () => {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const [row] = await app.runtime.query(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = row.n;
    }
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM professional`);
    expect(n).toBeGreaterThan(0);
  });

  it('are not owned by the runtime role, which cannot bypass row-level security', async () => {
    const [me] = await app.runtime.query(`SELECT current_user AS name, rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user`);
    expect(me).toMatchObject({ rolbypassrls: false, rolsuper: false });
    const owned = await app.owner.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1`, [me.name]);
    expect(owned).toEqual([]);
  });
});

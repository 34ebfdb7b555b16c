// The tenant wall on one table: row-level security enabled and forced (so the
// table's owner is held to it too), and the policy that shows and accepts only
// rows of the transaction's tenant (app_current_tenant(), set by
// applySettings). Migrations call this for every tenant-owned table.
import { execute, type Queryable } from './sql';

/** The name of the policy every tenant-owned table carries. */
export const TENANT_ISOLATION_POLICY = 'tenant_isolation';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The statements that put `table` behind the tenant wall. */
export function tenantIsolationSql(table: string): string {
  if (!IDENTIFIER.test(table)) throw new Error(`not a plain table name: ${JSON.stringify(table)}`);
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY ${TENANT_ISOLATION_POLICY} ON ${table}
      USING (tenant_id = (SELECT app_current_tenant()))
      WITH CHECK (tenant_id = (SELECT app_current_tenant()));
  `;
}

/** Puts `table` behind the tenant wall (a migration's QueryRunner is a Queryable). */
export async function enableTenantIsolation(db: Queryable, table: string): Promise<void> {
  await execute(db, tenantIsolationSql(table));
}

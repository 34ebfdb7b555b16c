// Every query the tenants capability makes, including the one way a tenant
// comes to exist (provisionTenant): the operator's mutation, the demo seed,
// the data generator and the tests all call it.
import { applySettings } from '../platform/transaction';
import { changedRows, queryOne, queryRows, type Queryable } from '../platform/sql';
import { Tenant, TenantStatus } from './tenants.types';

interface TenantRow {
  id: string;
  code: string;
  name: string;
  status: TenantStatus;
  suspended_at: Date | null;
  suspension_reason: string | null;
}

const COLUMNS = `id, code, name, status, suspended_at, suspension_reason`;

function toTenant(row: TenantRow): Tenant {
  return Object.assign(new Tenant(), {
    id: row.id,
    code: row.code,
    name: row.name,
    status: row.status,
    suspendedAt: row.suspended_at,
    suspensionReason: row.suspension_reason,
  });
}

export interface ProvisionedTenant {
  tenant: Tenant;
  bureauId: string;
}

export class TenantsRepository {
  async findOne(db: Queryable, id: string): Promise<Tenant | null> {
    const row = await queryOne<TenantRow>(db, `SELECT ${COLUMNS} FROM tenant WHERE id = $1`, [id]);
    return row && toTenant(row);
  }

  /** All tenants (an operator transaction sees them all), by code: start-up work, a few dozen rows. */
  async findMany(db: Queryable): Promise<Tenant[]> {
    return (await queryRows<TenantRow>(db, `SELECT ${COLUMNS} FROM tenant ORDER BY code`)).map(toTenant);
  }

  /** One page by code, after the keyset position. */
  async findPage(db: Queryable, afterCode: string | null, limit: number): Promise<Tenant[]> {
    const rows = await queryRows<TenantRow>(
      db,
      `SELECT ${COLUMNS} FROM tenant WHERE ($2::text IS NULL OR code > $2) ORDER BY code LIMIT $1`,
      [limit, afterCode],
    );
    return rows.map(toTenant);
  }

  async count(db: Queryable): Promise<number> {
    return (await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM tenant`))?.n ?? 0;
  }

  /** Suspends an active tenant; null when it is not active (unknown or already suspended). */
  async suspend(db: Queryable, id: string, reason: string): Promise<Tenant | null> {
    const rows = await changedRows<TenantRow>(
      db,
      `UPDATE tenant SET status = 'SUSPENDED', suspended_at = now(), suspension_reason = $2 WHERE id = $1 AND status = 'ACTIVE' RETURNING ${COLUMNS}`,
      [id, reason],
    );
    return rows[0] ? toTenant(rows[0]) : null;
  }

  /** Resumes a suspended tenant; null when it is not suspended (unknown or active). */
  async resume(db: Queryable, id: string): Promise<Tenant | null> {
    const rows = await changedRows<TenantRow>(
      db,
      `UPDATE tenant SET status = 'ACTIVE', suspended_at = NULL, suspension_reason = NULL WHERE id = $1 AND status = 'SUSPENDED' RETURNING ${COLUMNS}`,
      [id],
    );
    return rows[0] ? toTenant(rows[0]) : null;
  }

  /**
   * A tenant by code from outside any tenant (sign-in, the public calculator),
   * through a SECURITY DEFINER function that reveals only id and status.
   */
  async findIdByCode(db: Queryable, code: string): Promise<{ id: string; status: TenantStatus } | null> {
    return queryOne<{ id: string; status: TenantStatus }>(db, `SELECT id, status FROM app_tenant_by_code($1)`, [code]);
  }
}

/**
 * A new tenant with its bureau at the root of its organisation tree. Runs in
 * the caller's operator transaction, which it leaves bound to the new tenant.
 * A duplicate code fails on the unique constraint `tenant_code_key`.
 */
export async function provisionTenant(em: Queryable, t: { code: string; name: string; bureauName: string; bureauCode?: string | null }): Promise<ProvisionedTenant> {
  const rows = await queryRows<TenantRow>(em, `INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING ${COLUMNS}`, [t.code, t.name]);
  const tenant = toTenant(rows[0]!);
  await applySettings(em, { tenantId: tenant.id, operator: true });
  const bureau = await queryRows<{ id: string }>(
    em,
    `INSERT INTO org_node (tenant_id, kind, name, code, path, depth) VALUES ($1, 'BUREAU', $2, $3, '', 0) RETURNING id`,
    [tenant.id, t.bureauName, t.bureauCode ?? null],
  );
  return { tenant, bureauId: bureau[0]!.id };
}

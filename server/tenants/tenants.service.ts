// Tenants (a city or the Corps). Platform operators onboard them; everyone
// else sees only their own.
import type { Context } from '../app/context';
import { AuditService } from '../audit/audit.service';
import { requireOperator } from '../platform/access';
import { uniqueViolation } from '../platform/pg-errors';
import { applySettings } from '../platform/transaction';
import { accountError } from '../accounts/accounts.errors';
import { CreateTenantInput, Tenant } from '../accounts/accounts.types';

export class TenantsService {
  constructor(private readonly audit: AuditService) {}

  async current(ctx: Context): Promise<Tenant | null> {
    if (!ctx.tenantId) return null;
    const rows = await (await ctx.db()).query(`SELECT id, code, name, status FROM tenant WHERE id = $1`, [ctx.tenantId]);
    return rows[0] ?? null;
  }

  async findMany(ctx: Context): Promise<Tenant[]> {
    requireOperator(ctx);
    return (await ctx.db()).query(`SELECT id, code, name, status FROM tenant ORDER BY code`);
  }

  /** A new tenant with its bureau at the root of its organisation tree. */
  async create(ctx: Context, input: CreateTenantInput): Promise<Tenant> {
    requireOperator(ctx);
    const em = await ctx.db();
    let tenant: Tenant;
    try {
      [tenant] = await em.query(`INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING id, code, name, status`, [input.code, input.name.trim()]);
    } catch (error) {
      if (uniqueViolation(error) === 'tenant_code_key') throw accountError('TENANT_CODE_TAKEN', 'code');
      throw error;
    }
    await applySettings(em, { tenantId: tenant.id, operator: true });
    await em.query(`INSERT INTO org_node (tenant_id, kind, name, path, depth) VALUES ($1, 'BUREAU', $2, '', 0)`, [tenant.id, input.bureauName.trim()]);
    await this.audit.record(ctx, { action: 'tenant.create', entityType: 'tenant', entityId: tenant.id, after: { code: tenant.code, name: tenant.name } }, { tenantId: tenant.id });
    return tenant;
  }
}

// Tenants (a city or the Corps). Platform operators onboard them; everyone
// else sees only their own.
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { requireOperator } from '../platform/access';
import type { Context } from '../platform/context';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { uniqueViolation } from '../platform/pg-errors';
import { tenantError } from './tenants.errors';
import { provisionTenant, type TenantsRepository } from './tenants.repository';
import { type CreateTenantInput, type Tenant, TenantStatus } from './tenants.types';

export class TenantsService {
  constructor(
    private readonly repo: TenantsRepository,
    private readonly audit: AuditService,
    /** for lookups by code outside any tenant's transaction */
    private readonly runtime: DataSource,
  ) {}

  /** The request's tenant (or the one a public question was bound to). */
  async current(ctx: Context, tenantId: string | null = ctx.tenantId): Promise<Tenant | null> {
    if (!tenantId) return null;
    return this.repo.findOne(await ctx.db(), tenantId);
  }

  async findMany(ctx: Context, page: PageRequest): Promise<Connection<Tenant>> {
    requireOperator(ctx);
    const em = await ctx.db();
    const rows = await this.repo.findPage(em, decodeCursor(page.after, 1)?.[0] ?? null, page.first + 1);
    return toConnection(rows, page, (t) => [t.code], () => this.repo.count(em));
  }

  /** A new tenant with its bureau at the root of its organisation tree. */
  async create(ctx: Context, input: CreateTenantInput): Promise<Tenant> {
    requireOperator(ctx);
    const em = await ctx.db();
    let tenant: Tenant;
    try {
      ({ tenant } = await provisionTenant(em, { code: input.code, name: input.name.trim(), bureauName: input.bureauName.trim() }));
    } catch (error) {
      if (uniqueViolation(error) === 'tenant_code_key') throw tenantError('TENANT_CODE_TAKEN', 'code');
      throw error;
    }
    await this.audit.record(ctx, { action: 'tenant.create', entityType: 'tenant', entityId: tenant.id, after: { code: tenant.code, name: tenant.name } }, { tenantId: tenant.id });
    return tenant;
  }

  /** The id of an active tenant named by code, from outside any tenant; null when there is none. */
  async activeIdByCode(code: string): Promise<string | null> {
    const found = await this.repo.findIdByCode(this.runtime, code);
    return found?.status === TenantStatus.ACTIVE ? found.id : null;
  }
}

// Tenants (a city or the Corps). Platform operators onboard them, with the
// tenant's policy file as its first published revision when they have one;
// everyone else sees only their own.
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { requireOperator } from '../platform/access';
import type { Context } from '../platform/context';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { uniqueViolation } from '../platform/pg-errors';
import { commonError, withExtensions } from '../platform/errors';
import type { PolicyDocument } from '../engine';
import { MAX_POLICY_FILE_BYTES } from '../policy/input-bounds';
import type { PolicyFileProblem } from '../policy/policy-file-check';
import type { PolicyRepository } from '../policy/policy.repository';
import { applySettings } from '../platform/transaction';
import { isUuid } from '../platform/uuid';
import { tenantStatusCache } from './tenant-status';
import { tenantError } from './tenants.errors';
import { provisionTenant, type TenantsRepository } from './tenants.repository';
import { type CreateTenantInput, type PolicyFileCheck, type Tenant, TenantStatus } from './tenants.types';

export class TenantsService {
  constructor(
    private readonly repo: TenantsRepository,
    private readonly audit: AuditService,
    /** for lookups by code outside any tenant's transaction */
    private readonly runtime: DataSource,
    /** the first revision of a tenant onboarded with its policy file */
    private readonly policies: PolicyRepository,
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

  /**
   * A new tenant with its bureau at the root of its organisation tree and, given its policy
   * file, that policy as its first published revision. The file is checked before anything
   * is written, and everything is written in the request's one transaction: a file with a
   * problem creates nothing.
   */
  async create(ctx: Context, input: CreateTenantInput): Promise<Tenant> {
    requireOperator(ctx);
    const policy = input.policy != null ? await policyOrThrow(input.policy, input.code) : null;
    const em = await ctx.db();
    let tenant: Tenant;
    try {
      ({ tenant } = await provisionTenant(em, { code: input.code, name: input.name.trim(), bureauName: input.bureauName.trim() }));
    } catch (error) {
      if (uniqueViolation(error) === 'tenant_code_key') throw tenantError('TENANT_CODE_TAKEN', 'code');
      throw error;
    }
    // provisionTenant left the transaction bound to the new tenant, as the revision's row needs
    if (policy) await this.policies.insertInitial(em, tenant.id, policy, '初始版本（开通租户时提交的政策文件）');
    const after = { code: tenant.code, name: tenant.name, ...(policy ? { policy: '初始版本' } : {}) };
    await this.audit.record(ctx, { action: 'tenant.create', entityType: 'tenant', entityId: tenant.id, after }, { tenantId: tenant.id });
    return tenant;
  }

  /** What createTenant would say of this policy file for a tenant of this code; writes nothing. */
  async checkPolicyFile(ctx: Context, text: string, code: string): Promise<PolicyFileCheck> {
    requireOperator(ctx);
    requireSize(text);
    const result = (await policyFileCheck()).checkPolicyFile(text, code);
    return result.ok ? { ok: true, problems: [] } : { ok: false, problems: result.problems };
  }

  /**
   * Suspends an active tenant: from its next request on (at once in this
   * process, within the status cache's TTL in others) its bearer tokens and
   * API keys are refused with TENANT_SUSPENDED, and sign-in to it is refused.
   * Suspending a suspended tenant is TENANT_ALREADY_SUSPENDED (not silently
   * accepted: the first reason and time are kept, and the audit trail shows
   * one suspension per suspension).
   */
  async suspend(ctx: Context, id: string, reason: string): Promise<Tenant> {
    const operator = requireOperator(ctx);
    const tenantId = tenantIdArg(id);
    const why = reason.trim();
    if (why.length < 1 || why.length > 500) throw commonError('BAD_USER_INPUT', 'reason', '暂停原因须为 1–500 个字符');
    const em = await ctx.db();
    const tenant = await this.repo.suspend(em, tenantId, why);
    if (!tenant) throw tenantError((await this.repo.findOne(em, tenantId)) ? 'TENANT_ALREADY_SUSPENDED' : 'TENANT_NOT_FOUND', 'id');
    tenantStatusCache(this.runtime).invalidate(tenantId);
    await this.auditStatusChange(ctx, operator.id, tenant, 'tenant.suspend', TenantStatus.ACTIVE, { reason: why });
    return tenant;
  }

  /** Resumes a suspended tenant; resuming an active one is TENANT_NOT_SUSPENDED. */
  async resume(ctx: Context, id: string): Promise<Tenant> {
    const operator = requireOperator(ctx);
    const tenantId = tenantIdArg(id);
    const em = await ctx.db();
    const before = await this.repo.findOne(em, tenantId);
    const tenant = await this.repo.resume(em, tenantId);
    if (!tenant) throw tenantError(before ? 'TENANT_NOT_SUSPENDED' : 'TENANT_NOT_FOUND', 'id');
    tenantStatusCache(this.runtime).invalidate(tenantId);
    await this.auditStatusChange(ctx, operator.id, tenant, 'tenant.resume', TenantStatus.SUSPENDED, { reason: before?.suspensionReason ?? null });
    return tenant;
  }

  /** The audit row goes into the tenant's own trail, so the operator transaction is bound to it. */
  private async auditStatusChange(ctx: Context, operatorId: string, tenant: Tenant, action: string, from: TenantStatus, extra: Record<string, unknown>): Promise<void> {
    const em = await ctx.db();
    await applySettings(em, { tenantId: tenant.id, operator: true, actorId: operatorId });
    const before = action === 'tenant.suspend' ? { status: from } : { status: from, ...extra };
    const after = action === 'tenant.suspend' ? { status: tenant.status, ...extra } : { status: tenant.status };
    await this.audit.record(ctx, { action, entityType: 'tenant', entityId: tenant.id, before, after }, { tenantId: tenant.id });
  }

  /** The id of an active tenant named by code, from outside any tenant; null when there is none. */
  async activeIdByCode(code: string): Promise<string | null> {
    const found = await this.repo.findIdByCode(this.runtime, code);
    return found?.status === TenantStatus.ACTIVE ? found.id : null;
  }
}

function requireSize(text: string): void {
  if (Buffer.byteLength(text, 'utf8') > MAX_POLICY_FILE_BYTES) throw commonError('BAD_USER_INPUT', 'policy', '政策文件不能超过 512 KB');
}

/** The checker of policy files, with the yaml parser: loaded when an operator first submits a file, not with the server. */
const policyFileCheck = () => import('../policy/policy-file-check');

/** The document of a valid policy file; POLICY_FILE_INVALID on `policy` with every problem at its line otherwise. */
async function policyOrThrow(text: string, code: string): Promise<PolicyDocument> {
  requireSize(text);
  const result = (await policyFileCheck()).checkPolicyFile(text, code);
  if (result.ok) return result.document;
  const [first] = result.problems as [PolicyFileProblem, ...PolicyFileProblem[]];
  const more = result.problems.length > 1 ? `等 ${result.problems.length} 处问题` : '';
  const detail = `第 ${first.line} 行第 ${first.column} 列${first.path ? `（${first.path}）` : ''}：${first.message}${more ? `；${more}` : ''}`;
  throw withExtensions(tenantError('POLICY_FILE_INVALID', 'policy', detail), { problems: result.problems });
}

/** A tenant id argument: malformed is BAD_USER_INPUT on `id` (never a database error). */
function tenantIdArg(id: string): string {
  if (!isUuid(id)) throw commonError('BAD_USER_INPUT', 'id', 'ID 格式无效');
  return id;
}

// What every public sign-up does before its own work, in this order: bind the request to the
// tenant named by code (its row-level security then holds every statement), count the
// sign-up against the limits (registration-limits.ts) before anything else is done, check the
// password against the product's rules, and hash it with argon2 in a slot of the process-wide
// gate — before the request's transaction opens, so a queue for the gate holds no connection.
import type { WorkGate } from '../accounts/argon2-gate';
import { hashPassword, passwordProblem } from '../accounts/passwords';
import type { Context } from '../platform/context';
import { AppError, errorWithMessage, commonError } from '../platform/errors';
import type { PoliciesService } from '../policy/policy.service';
import { tenantError } from '../tenants/tenants.errors';
import type { TenantsService } from '../tenants/tenants.service';
import type { RegistrationLimits } from './registration-limits';
import { registrationError } from './registrations.errors';

/** Without a `registration` section in the tenant's policy (product decision). */
export const DEFAULT_PENDING_DAYS = 30;

/**
 * The request's tenant for a public question about the tenant named `code` (active tenants
 * only): bound to the request before its first statement. A signed-in caller may ask about
 * their own tenant only.
 */
export async function bindTenant(ctx: Context, tenants: TenantsService, code: string): Promise<string> {
  const tenantId = await tenants.activeIdByCode(code);
  if (!tenantId) throw tenantError('TENANT_NOT_FOUND', 'tenantCode', `没有代码为“${code}”的地区`);
  if (ctx.tenantId || ctx.tx.isOpen) {
    if (ctx.tenantId !== tenantId) throw registrationError('REGISTRATION_TENANT_MISMATCH', 'tenantCode');
    return tenantId;
  }
  ctx.tx.setTenant({ tenantId });
  return tenantId;
}

export class SignUpGuard {
  constructor(
    private readonly tenants: TenantsService,
    private readonly policies: PoliciesService,
    private readonly limits: RegistrationLimits,
    private readonly gate: WorkGate,
  ) {}

  /** The sign-up's tenant, bound to the request, once the sign-up is counted (TOO_MANY_REQUESTS past a limit). */
  async admit(ctx: Context, tenantCode: string): Promise<string> {
    const tenantId = await bindTenant(ctx, this.tenants, tenantCode);
    await this.limits.consume(tenantId, ctx.clientAddress);
    return tenantId;
  }

  /** The argon2id hash of a password that keeps the product's rules (those of activateAccount). */
  async hash(password: string, field = 'password'): Promise<string> {
    const problem = passwordProblem(password);
    if (problem) throw new AppError('PASSWORD_TOO_WEAK', problem, field);
    let release: () => void;
    try {
      release = await this.gate.acquire();
    } catch {
      throw errorWithMessage(commonError, 'TOO_MANY_REQUESTS', '注册请求过多，服务器正忙，请稍后再试');
    }
    try {
      return await hashPassword(password);
    } finally {
      release();
    }
  }

  /** How many days a sign-up waits for its decision: the tenant policy's `registration.pendingDays`. */
  async pendingDays(ctx: Context): Promise<number> {
    try {
      return (await this.policies.current(ctx)).document.registration?.pendingDays ?? DEFAULT_PENDING_DAYS;
    } catch (error) {
      if (error instanceof AppError && error.code === 'POLICY_NOT_PUBLISHED') return DEFAULT_PENDING_DAYS;
      throw error;
    }
  }
}

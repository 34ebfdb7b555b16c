// Sign-in for officials and professionals (password, argon2), first-time
// activation with a one-time code, and platform operators. Failures say the
// same thing whether or not the username exists, and are throttled.
import type { DataSource } from 'typeorm';
import type { Context } from '../platform/context';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../platform/actor';
import { AppError } from '../platform/errors';
import { normalizeIdNumber } from '../platform/id-number';
import { inTransaction } from '../platform/transaction';
import { accountError } from './accounts.errors';
import { AccountRecord, AccountsRepository, publicAccount } from './accounts.repository';
import { AccountRole, AccountStatus, ActivateAccountInput, OperatorSignInInput, SignInInput, SignInResult } from './accounts.types';
import { hashPassword, passwordProblem, timingDummyHash, verifyPassword } from './passwords';
import { SignInThrottle } from './throttle';
import { TokenService } from './tokens';
import type { TenantsService } from '../tenants/tenants.service';

export class SignInService {
  constructor(
    private readonly runtime: DataSource,
    private readonly repo: AccountsRepository,
    private readonly tokens: TokenService,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
    private readonly tenants: TenantsService,
  ) {}

  async signIn(ctx: Context, input: SignInInput, address: string): Promise<SignInResult> {
    const username = normalizeUsername(input.username);
    const key = `${input.tenantCode}:${username}`;
    await this.throttle.check(key, address);
    const tenantId = await this.tenantId(input.tenantCode);
    // its own transaction: the request may still carry an earlier session's token
    const account = await inTransaction(this.runtime, { tenantId }, async (em) => {
      const found = tenantId ? await this.repo.findByUsername(em, username) : null;
      const ok = await verifyPassword(found?.passwordHash ?? (await timingDummyHash()), input.password);
      if (!found || !ok || found.status !== AccountStatus.ACTIVE) return null;
      await this.repo.touchSignIn(em, found.id);
      await this.audit.record(ctx, { action: 'account.signIn', entityType: 'account', entityId: found.id }, { actor: asActor(tenantId!, found), tenantId: tenantId!, em });
      return found;
    });
    if (!account) {
      await this.throttle.fail(key, address);
      ctx.log.warn({ event: 'sign_in_failed', tenant: input.tenantCode }, 'sign-in failed');
      throw accountError('INVALID_CREDENTIALS', 'password');
    }
    await this.throttle.succeed(key);
    const { token, expiresAt } = await this.tokens.issue({ sub: account.id, kind: 'account', tid: tenantId! });
    return { token, expiresAt, account: publicAccount(account) };
  }

  /** First sign-in: a one-time code issued by the unit, and a password the person chooses. */
  async activate(ctx: Context, input: ActivateAccountInput, address: string): Promise<SignInResult> {
    const problem = passwordProblem(input.newPassword);
    if (problem) throw new AppError('PASSWORD_TOO_WEAK', problem, 'newPassword');
    const username = normalizeUsername(input.username);
    const key = `activate:${input.tenantCode}:${username}`;
    await this.throttle.check(key, address);
    const tenantId = await this.tenantId(input.tenantCode);
    const account = await inTransaction(this.runtime, { tenantId }, async (em) => {
      const found = tenantId ? await this.repo.findByUsername(em, username) : null;
      const code = found && found.status !== AccountStatus.DISABLED ? await this.repo.liveActivationCode(em, found.id) : null;
      const ok = await verifyPassword(code?.codeHash ?? (await timingDummyHash()), input.activationCode.trim().toUpperCase());
      if (!found || !code || !ok || !(await this.repo.useActivationCode(em, code.id))) return null;
      await this.repo.setPassword(em, found.id, await hashPassword(input.newPassword));
      await this.repo.touchSignIn(em, found.id);
      await this.audit.record(ctx, { action: 'account.activate', entityType: 'account', entityId: found.id }, { actor: asActor(tenantId!, found), tenantId: tenantId!, em });
      return found;
    });
    if (!account) {
      await this.throttle.fail(key, address);
      throw accountError('ACTIVATION_CODE_INVALID', 'activationCode');
    }
    await this.throttle.succeed(key);
    const { token, expiresAt } = await this.tokens.issue({ sub: account.id, kind: 'account', tid: tenantId! });
    return { token, expiresAt, account: publicAccount({ ...account, status: AccountStatus.ACTIVE }) };
  }

  async operatorSignIn(ctx: Context, input: OperatorSignInInput, address: string): Promise<SignInResult> {
    const key = `operator:${input.username}`;
    await this.throttle.check(key, address);
    const operator = await inTransaction(this.runtime, { tenantId: null, operator: true }, async (em) => {
      const found = await this.repo.findOperatorCredentials(em, input.username);
      if (found) await this.repo.touchOperatorSignIn(em, found.id);
      return found;
    });
    const ok = await verifyPassword(operator?.passwordHash ?? (await timingDummyHash()), input.password);
    if (!operator || !ok) {
      await this.throttle.fail(key, address);
      throw accountError('INVALID_CREDENTIALS', 'password');
    }
    await this.throttle.succeed(key);
    ctx.log.info({ event: 'operator_sign_in', operator: input.username }, 'operator signed in');
    const { token, expiresAt } = await this.tokens.issue({ sub: operator.id, kind: 'operator' });
    return { token, expiresAt, account: null };
  }

  private tenantId(code: string): Promise<string | null> {
    return this.tenants.activeIdByCode(code);
  }
}

/** ID numbers are usernames too: accept a lowercase x. */
function normalizeUsername(username: string): string {
  const trimmed = username.trim();
  return /^[0-9]{17}[0-9xX]$/.test(trimmed) ? normalizeIdNumber(trimmed) : trimmed.toLowerCase();
}

function asActor(tenantId: string, a: AccountRecord): Actor {
  return {
    kind: 'ACCOUNT',
    id: a.id,
    tenantId,
    role: a.role,
    label: `account:${a.role === AccountRole.PROFESSIONAL ? a.id : a.username}`,
    orgNodeId: a.orgNodeId,
    orgPath: a.orgPath,
    professionalId: a.professionalId,
  };
}

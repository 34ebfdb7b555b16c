// Sign-in for officials and professionals (password, argon2), first-time
// activation with a one-time code, and platform operators. Failures say the
// same thing whether or not the username exists. Every attempt is counted
// before its secret is checked (sign-in-limits.ts) and its argon2 work waits
// for a slot of the process-wide gate (argon2-gate.ts).
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
import type { WorkGate } from './argon2-gate';
import type { Attempt, SignInLimits } from './sign-in-limits';
import { TokenService } from './tokens';
import type { TenantsService } from '../tenants/tenants.service';

export class SignInService {
  constructor(
    private readonly runtime: DataSource,
    private readonly repo: AccountsRepository,
    private readonly tokens: TokenService,
    private readonly limits: SignInLimits,
    private readonly gate: WorkGate,
    private readonly audit: AuditService,
    private readonly tenants: TenantsService,
  ) {}

  async signIn(ctx: Context, input: SignInInput, address: string): Promise<SignInResult> {
    const username = normalizeUsername(input.username);
    const attempt = await this.limits.consume({ scope: 'signIn', realm: input.tenantCode, username, address, field: 'password' });
    const tenantId = await this.tenantId(input.tenantCode);
    // its own transactions (the request may still carry an earlier session's
    // token), and none open during the hash: a queue for the argon2 gate
    // must not hold pooled connections
    const found = tenantId ? await inTransaction(this.runtime, { tenantId }, (em) => this.repo.findByUsername(em, username)) : null;
    const ok = await this.evaluate(attempt, async () => verifyPassword(found?.passwordHash ?? (await timingDummyHash()), input.password));
    const account =
      found && ok && found.status === AccountStatus.ACTIVE
        ? await inTransaction(this.runtime, { tenantId }, async (em) => {
            // still active now that the hash is checked
            if (!(await this.repo.touchSignIn(em, found.id))) return null;
            await this.audit.record(ctx, { action: 'account.signIn', entityType: 'account', entityId: found.id }, { actor: asActor(tenantId!, found), tenantId: tenantId!, em });
            return found;
          })
        : null;
    if (!account) {
      ctx.log.warn({ event: 'sign_in_failed', tenant: input.tenantCode }, 'sign-in failed');
      throw accountError('INVALID_CREDENTIALS', 'password');
    }
    await attempt.succeeded();
    const { token, expiresAt } = await this.tokens.issue({ sub: account.id, kind: 'account', tid: tenantId! });
    return { token, expiresAt, account: publicAccount(account) };
  }

  /** First sign-in: a one-time code issued by the unit, and a password the person chooses. */
  async activate(ctx: Context, input: ActivateAccountInput, address: string): Promise<SignInResult> {
    const problem = passwordProblem(input.newPassword);
    if (problem) throw new AppError('PASSWORD_TOO_WEAK', problem, 'newPassword');
    const username = normalizeUsername(input.username);
    const attempt = await this.limits.consume({ scope: 'activate', realm: input.tenantCode, username, address, field: 'activationCode' });
    const tenantId = await this.tenantId(input.tenantCode);
    const { found, code } = tenantId
      ? await inTransaction(this.runtime, { tenantId }, async (em) => {
          const account = await this.repo.findByUsername(em, username);
          return { found: account, code: account && account.status !== AccountStatus.DISABLED ? await this.repo.liveActivationCode(em, account.id) : null };
        })
      : { found: null, code: null };
    // argon2 outside any transaction: verify the code, and hash the new password only for a right one
    const passwordHash = await this.evaluate(attempt, async () => {
      const ok = await verifyPassword(code?.codeHash ?? (await timingDummyHash()), input.activationCode.trim().toUpperCase());
      return found && code && ok ? hashPassword(input.newPassword) : null;
    });
    const account =
      found && code && passwordHash
        ? await inTransaction(this.runtime, { tenantId }, async (em) => {
            // the code is used once, and only while still live (not expired, not replaced meanwhile)
            if (!(await this.repo.useActivationCode(em, code.id))) return null;
            await this.repo.setPassword(em, found.id, passwordHash);
            await this.repo.touchSignIn(em, found.id);
            await this.audit.record(ctx, { action: 'account.activate', entityType: 'account', entityId: found.id }, { actor: asActor(tenantId!, found), tenantId: tenantId!, em });
            return found;
          })
        : null;
    if (!account) throw accountError('ACTIVATION_CODE_INVALID', 'activationCode');
    await attempt.succeeded();
    const { token, expiresAt } = await this.tokens.issue({ sub: account.id, kind: 'account', tid: tenantId! });
    return { token, expiresAt, account: publicAccount({ ...account, status: AccountStatus.ACTIVE }) };
  }

  async operatorSignIn(ctx: Context, input: OperatorSignInInput, address: string): Promise<SignInResult> {
    const attempt = await this.limits.consume({ scope: 'operator', realm: 'operator', username: input.username, address, field: 'password' });
    const operator = await inTransaction(this.runtime, { tenantId: null, operator: true }, (em) => this.repo.findOperatorCredentials(em, input.username));
    const ok = await this.evaluate(attempt, async () => verifyPassword(operator?.passwordHash ?? (await timingDummyHash()), input.password));
    if (!operator || !ok) throw accountError('INVALID_CREDENTIALS', 'password');
    // the last sign-in is recorded once the password is checked, never for a failed guess
    await inTransaction(this.runtime, { tenantId: null, operator: true }, (em) => this.repo.touchOperatorSignIn(em, operator.id));
    await attempt.succeeded();
    ctx.log.info({ event: 'operator_sign_in', operator: input.username }, 'operator signed in');
    const { token, expiresAt } = await this.tokens.issue({ sub: operator.id, kind: 'operator' });
    return { token, expiresAt, account: null };
  }

  /**
   * Runs the argon2 step of a counted attempt in a slot of the gate. Refused
   * for want of a slot, the attempt was never evaluated and is not counted.
   */
  private async evaluate<T>(attempt: Attempt, work: () => Promise<T>): Promise<T> {
    let release: () => void;
    try {
      release = await this.gate.acquire();
    } catch (error) {
      await attempt.refund();
      throw error;
    }
    try {
      return await work();
    } finally {
      release();
    }
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

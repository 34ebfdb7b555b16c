// Accounts: officials are created by the level above with a one-time
// activation code (never a default password); a professional's account is
// created when their unit issues their first activation code.
import type { Context } from '../platform/context';
import { AuditService } from '../audit/audit.service';
import { requireAccount, requireOfficial, requireTenant } from '../platform/access';
import { isOfficial, pathInScope, scopeOf } from '../platform/actor';
import { Connection, decodeCursor, PageRequest, toConnection } from '../platform/pagination';
import { uniqueViolation } from '../platform/pg-errors';
import { isUuid } from '../platform/uuid';
import { OrganisationsService } from '../organisations/organisations.service';
import { OrgKind } from '../organisations/organisations.types';
import { ProfessionalsService } from '../professionals/professionals.service';
import { accountError } from './accounts.errors';
import { AccountRecord, AccountsRepository, publicAccount } from './accounts.repository';
import {
  Account,
  AccountRole,
  ActivationCodeResult,
  CreateOfficialAccountInput,
  IssueActivationCodeInput,
} from './accounts.types';
import { generateActivationCode, hashPassword } from './passwords';

const ACTIVATION_DAYS = 14;

const RANK: Record<AccountRole, number> = { BUREAU_OFFICIAL: 3, DEPARTMENT_OFFICIAL: 2, UNIT_OFFICIAL: 1, PROFESSIONAL: 0 };

const KIND_OF_ROLE: Record<Exclude<AccountRole, 'PROFESSIONAL'>, OrgKind> = {
  BUREAU_OFFICIAL: OrgKind.BUREAU,
  DEPARTMENT_OFFICIAL: OrgKind.DEPARTMENT,
  UNIT_OFFICIAL: OrgKind.UNIT,
};

/** Which official roles each role may create. */
const MAY_CREATE: Record<AccountRole, AccountRole[]> = {
  BUREAU_OFFICIAL: [AccountRole.BUREAU_OFFICIAL, AccountRole.DEPARTMENT_OFFICIAL, AccountRole.UNIT_OFFICIAL],
  DEPARTMENT_OFFICIAL: [AccountRole.DEPARTMENT_OFFICIAL, AccountRole.UNIT_OFFICIAL],
  UNIT_OFFICIAL: [],
  PROFESSIONAL: [],
};

export class AccountsService {
  constructor(
    private readonly repo: AccountsRepository,
    private readonly organisations: OrganisationsService,
    private readonly professionals: ProfessionalsService,
    private readonly audit: AuditService,
  ) {}

  /** The signed-in account's own display name (any role may read its own). */
  async ownDisplayName(ctx: Context): Promise<string | null> {
    const actor = requireAccount(ctx);
    return (await this.repo.findOne(await ctx.db(), actor.id))?.displayName ?? null;
  }

  /** An account an official may manage (its organisation is in their scope), or null. */
  async findOne(ctx: Context, id: string): Promise<Account | null> {
    const actor = requireAccount(ctx);
    // null, not FORBIDDEN, for a professional: node(id) must not tell which kind of record an id is
    if (!isOfficial(actor)) return null;
    const account = await this.repo.findOne(await ctx.db(), id);
    return account && pathInScope(scopeOf(actor), account.orgPath) ? publicAccount(account) : null;
  }

  /** The accounts of the official's part of the tree, by username. */
  async findMany(ctx: Context, page: PageRequest): Promise<Connection<Account>> {
    const actor = requireOfficial(ctx);
    const scope = scopeOf(actor);
    const path = scope.kind === 'SUBTREE' ? scope.path : null;
    const afterId = decodeCursor(page.after, 1, ([id]) => isUuid(id!))?.[0] ?? null;
    const em = await ctx.db();
    const rows = await this.repo.findPage(em, path, afterId, page.first + 1);
    return toConnection(rows.map(publicAccount), page, (a) => [a.id], () => this.repo.count(em, path));
  }

  async createOfficial(ctx: Context, input: CreateOfficialAccountInput): Promise<ActivationCodeResult> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    if (input.role === AccountRole.PROFESSIONAL || !MAY_CREATE[actor.role].includes(input.role)) {
      throw accountError('ROLE_NOT_ALLOWED', 'role');
    }
    const node = await this.organisations.findOneOrThrow(ctx, input.orgNodeId, 'orgNodeId');
    if (!pathInScope(scopeOf(actor), node.path)) throw accountError('ROLE_NOT_ALLOWED', 'orgNodeId');
    if (KIND_OF_ROLE[input.role] !== node.kind) throw accountError('ROLE_ORGANISATION_MISMATCH', 'orgNodeId');
    const em = await ctx.db();
    let account: AccountRecord;
    try {
      account = await this.repo.insert(em, tenantId, {
        username: input.username,
        displayName: input.displayName.trim(),
        role: input.role,
        orgNodeId: node.id,
      });
    } catch (error) {
      if (uniqueViolation(error) === 'account_username') throw accountError('USERNAME_TAKEN', 'username');
      throw error;
    }
    const { code, expiresAt } = await this.newCode(ctx, tenantId, account.id);
    await this.audit.record(ctx, {
      action: 'account.createOfficial',
      entityType: 'account',
      entityId: account.id,
      after: { username: account.username, role: account.role, orgNodeId: account.orgNodeId },
    });
    return { account: publicAccount(account), activationCode: code, expiresAt };
  }

  /**
   * A one-time code for a professional's first sign-in (creating their
   * account), or for an existing account whose password must be reset.
   */
  async issueActivationCode(ctx: Context, input: IssueActivationCodeInput): Promise<ActivationCodeResult> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    if (!!input.professionalId === !!input.accountId) throw accountError('ACTIVATION_TARGET', 'professionalId');
    const em = await ctx.db();
    let account: AccountRecord | null;
    let created = false;
    if (input.professionalId) {
      const p = await this.professionals.findOneOrThrow(ctx, input.professionalId, 'professionalId');
      account = await this.repo.findByProfessional(em, p.id);
      if (!account) {
        account = await this.repo.insert(em, tenantId, {
          username: p.idNumber,
          displayName: p.name,
          role: AccountRole.PROFESSIONAL,
          orgNodeId: p.unitId,
          professionalId: p.id,
        });
        created = true;
      }
    } else {
      account = await this.repo.findOne(em, input.accountId!);
      if (!account || !pathInScope(scopeOf(actor), account.orgPath) || account.id === actor.id) {
        throw accountError('ACCOUNT_NOT_FOUND', 'accountId');
      }
      // an official may reset accounts strictly below their own role only
      if (RANK[account.role] >= RANK[actor.role]) {
        throw accountError('ROLE_NOT_ALLOWED', 'accountId');
      }
    }
    const { code, expiresAt } = await this.newCode(ctx, tenantId, account.id);
    await this.audit.record(ctx, {
      action: created ? 'account.createProfessional' : 'account.issueActivationCode',
      entityType: 'account',
      entityId: account.id,
      after: { role: account.role, expiresAt },
    });
    return { account: publicAccount(account), activationCode: code, expiresAt };
  }

  private async newCode(ctx: Context, tenantId: string, accountId: string) {
    requireAccount(ctx);
    const code = generateActivationCode();
    const expiresAt = new Date(Date.now() + ACTIVATION_DAYS * 86400e3);
    await this.repo.insertActivationCode(await ctx.db(), tenantId, accountId, await hashPassword(code), expiresAt, ctx.actor.kind === 'ACCOUNT' ? ctx.actor.id : null);
    return { code, expiresAt };
  }
}

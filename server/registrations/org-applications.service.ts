// Units and departments register themselves (002 四、(二), 004 三、(二)): a new unit applies
// under its department, or — with none (属地) — under the district HR bureau (a department
// node) or the city bureau; a department applies under the bureau. With it come its first
// administrator's account details and the password they chose. The parent's officials (and
// the bureau's, for any application) approve — the organisation node and the active
// administrator account (UNIT_OFFICIAL or DEPARTMENT_OFFICIAL) are created in the same
// transaction — or reject with a reason the applicant reads with their receipt.
import type { AuditService } from '../audit/audit.service';
import { accountError } from '../accounts/accounts.errors';
import { requireOfficial, requireTenant } from '../platform/access';
import type { AccountActor, AccountRole } from '../platform/actor';
import type { Context } from '../platform/context';
import { uniqueViolation } from '../platform/pg-errors';
import type { DirectoryRepository } from './directory.repository';
import type { OrganisationApplication, OrganisationApplicationInput } from './org-application.types';
import type { OrgApplicationsRepository } from './org-applications.repository';
import { newReceipt, receiptHash } from './receipts';
import type { QueueColumn } from './registration-queue';
import { ApplicationQueue } from './application-queue';
import { registrationError } from './registrations.errors';
import type { RegistrationProgress, RegistrationReceipt } from './registrations.types';
import type { SignUpGuard } from './sign-up-guard';

const ROLE_OF: Record<OrganisationApplication['kind'], AccountRole> = { UNIT: 'UNIT_OFFICIAL', DEPARTMENT: 'DEPARTMENT_OFFICIAL' };
const PARENT_KINDS: Record<OrganisationApplication['kind'], readonly string[]> = { UNIT: ['BUREAU', 'DEPARTMENT'], DEPARTMENT: ['BUREAU'] };

/** A department reads the applications under it; the bureau, the whole tenant's; a unit, none. */
function applicationQueueOf(actor: AccountActor): QueueColumn {
  if (actor.role === 'DEPARTMENT_OFFICIAL') return 'parent_id';
  return actor.role === 'BUREAU_OFFICIAL' ? null : 'NONE';
}

function inQueueOf(actor: AccountActor, a: OrganisationApplication): boolean {
  const column = applicationQueueOf(actor);
  return column === null || (column === 'parent_id' && a.parentId === actor.orgNodeId);
}

/** A unique index an insert hit, as the error the applicant reads. */
function takenError(constraint: string | null) {
  if (constraint === 'org_application_pending_name' || constraint === 'org_node_sibling_name') return registrationError('REGISTRATION_NAME_TAKEN', 'name');
  if (constraint === 'org_application_pending_code' || constraint === 'org_node_code') return registrationError('REGISTRATION_CODE_TAKEN', 'code');
  if (constraint === 'org_application_pending_username' || constraint === 'account_username') return accountError('USERNAME_TAKEN', 'adminUsername');
  return null;
}

export class OrgApplicationsService extends ApplicationQueue<never, OrganisationApplication> {
  constructor(
    private readonly repo: OrgApplicationsRepository,
    private readonly directory: DirectoryRepository,
    private readonly guard: SignUpGuard,
    audit: AuditService,
  ) {
    super(repo, audit, { queueOf: applicationQueueOf, nodeColumn: 'parent_id', inQueueOf, action: 'orgApplication', entityType: 'org_application', snapshot });
  }

  /** An application: counted first, checked, written with its audit row in the request's one transaction. */
  async apply(ctx: Context, input: OrganisationApplicationInput): Promise<RegistrationReceipt> {
    const tenantId = await this.guard.admit(ctx, input.tenantCode);
    const passwordHash = await this.guard.hash(input.password);
    const em = await ctx.db();
    const parent = await this.directory.findOne(em, input.parentId);
    if (!parent || parent.kind === 'UNIT') throw registrationError('REGISTRATION_PARENT_NOT_FOUND', 'parentId');
    if (!PARENT_KINDS[input.kind].includes(parent.kind)) throw registrationError('REGISTRATION_PARENT_KIND', 'parentId');
    const fields = { parentId: parent.id, name: input.name.trim(), code: input.code ?? null, adminUsername: input.adminUsername };
    const taken = await this.directory.nameOrCodeTaken(em, parent.id, fields.name, fields.code);
    if (taken) throw takenError(taken === 'name' ? 'org_node_sibling_name' : 'org_node_code')!;
    if (await this.repo.usernameTaken(em, fields.adminUsername)) throw accountError('USERNAME_TAKEN', 'adminUsername');
    await this.repo.sweep(em, fields);
    const receipt = newReceipt();
    let created: OrganisationApplication;
    try {
      created = await this.repo.insert(em, tenantId, {
        ...fields,
        kind: input.kind,
        adminName: input.adminName.trim(),
        adminPhone: input.adminPhone,
        passwordHash,
        receiptHash: receiptHash(receipt)!,
        pendingDays: await this.guard.pendingDays(ctx),
      });
    } catch (error) {
      throw takenError(uniqueViolation(error)) ?? error;
    }
    await this.audit.record(ctx, { action: 'orgApplication.apply', entityType: 'org_application', entityId: created.id, after: snapshot(created) }, { tenantId });
    return { receipt, progress: progressOf(created) };
  }

  /** Approves: the organisation node under the parent and its administrator's active account are created with the decision. */
  async approve(ctx: Context, id: string, comment: string | null): Promise<OrganisationApplication> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    const { before, passwordHash } = await this.lockPending(ctx, actor, id);
    const em = await ctx.db();
    let nodeId: string;
    let accountId: string;
    try {
      nodeId = await this.repo.insertNode(em, tenantId, before);
      accountId = await this.repo.insertAccount(em, tenantId, before, ROLE_OF[before.kind], nodeId, passwordHash);
    } catch (error) {
      // taken meanwhile (an official created the node or account): the request's transaction is rolled back
      throw takenError(uniqueViolation(error)) ?? error;
    }
    const text = comment?.trim() || null;
    await this.repo.markApproved(em, before.id, actor, nodeId, accountId, text);
    const after = (await this.repo.findOne(em, before.id))!;
    await this.audit.recordMany(ctx, [
      { action: 'orgApplication.approve', entityType: 'org_application', entityId: before.id, before: snapshot(before), after: { ...snapshot(after), comment: text } },
      {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: nodeId,
        after: { name: before.name, kind: before.kind, code: before.code, parentId: before.parentId, version: 1, applicationId: before.id },
      },
      {
        action: 'account.createOfficial',
        entityType: 'account',
        entityId: accountId,
        after: { username: before.adminUsername, role: ROLE_OF[before.kind], orgNodeId: nodeId, status: 'ACTIVE', applicationId: before.id },
      },
    ]);
    return after;
  }

}

export function progressOf(a: OrganisationApplication): RegistrationProgress {
  return {
    kind: a.kind,
    status: a.status,
    name: a.name,
    organisationName: a.parentName,
    signInName: a.adminUsername,
    submittedAt: a.submittedAt,
    expiresAt: a.expiresAt,
    decidedAt: a.decidedAt,
    rejectionReason: a.rejectionReason,
  };
}

function snapshot(a: OrganisationApplication) {
  return {
    kind: a.kind,
    name: a.name,
    code: a.code,
    parentId: a.parentId,
    adminUsername: a.adminUsername,
    adminName: a.adminName,
    status: a.status,
    expiresAt: a.expiresAt,
    rejectionReason: a.rejectionReason,
    organisationId: a.organisationId,
    accountId: a.accountId,
  };
}

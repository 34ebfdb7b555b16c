// Professionals register themselves (002 四、(二), 004 三、(二)): a public sign-up for a
// tenant — ID number, name, mobile, title, the unit chosen from the tenant's tree, and the
// password they will sign in with — that waits for the unit. The unit's officials (and the
// levels above: the unit's department, the bureau) see it in their queue and approve it —
// the professional and their active account are created in the same transaction, so the
// person signs in with the password chosen at sign-up — or reject it with a reason the
// applicant reads with their receipt. Unanswered, it expires after the tenant's term.
import type { AuditService } from '../audit/audit.service';
import { requireOfficial, requireTenant } from '../platform/access';
import type { AccountActor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { idNumberError } from '../platform/errors';
import { parseIdNumber } from '../platform/id-number';
import { uniqueViolation } from '../platform/pg-errors';
import { isJoinDate } from '../professionals/professional-rules';
import type { DirectoryRepository } from './directory.repository';
import type { ProfessionalRegistration, ProfessionalSignUpInput } from './professional-registration.types';
import type { ProfessionalRegistrationsRepository } from './professional-registrations.repository';
import { newReceipt, receiptHash } from './receipts';
import type { QueueColumn } from './registration-queue';
import { ApplicationQueue } from './application-queue';
import { registrationError } from './registrations.errors';
import type { RegistrationProgress, RegistrationReceipt } from './registrations.types';
import type { SignUpGuard } from './sign-up-guard';

/** The queue an official reads: their unit's, their department's, or (the bureau) the whole tenant's. */
function registrationQueueOf(actor: AccountActor): QueueColumn {
  if (actor.role === 'UNIT_OFFICIAL') return 'unit_id';
  if (actor.role === 'DEPARTMENT_OFFICIAL') return 'department_id';
  return actor.role === 'BUREAU_OFFICIAL' ? null : 'NONE';
}

/** Is the registration in the official's queue (the only officials who see and decide it)? */
function inQueueOf(actor: AccountActor, r: ProfessionalRegistration): boolean {
  const column = registrationQueueOf(actor);
  if (column === 'unit_id') return r.unitId === actor.orgNodeId;
  if (column === 'department_id') return r.departmentId === actor.orgNodeId;
  return column === null;
}

export class ProfessionalRegistrationsService extends ApplicationQueue<never, ProfessionalRegistration> {
  constructor(
    private readonly repo: ProfessionalRegistrationsRepository,
    private readonly directory: DirectoryRepository,
    private readonly guard: SignUpGuard,
    audit: AuditService,
    private readonly clock: Clock,
  ) {
    super(repo, audit, { queueOf: registrationQueueOf, nodeColumn: 'unit_id', inQueueOf, action: 'registration', entityType: 'professional_registration', snapshot });
  }

  /** A sign-up: counted first, checked, written with its audit row in the request's one transaction. */
  async signUp(ctx: Context, input: ProfessionalSignUpInput): Promise<RegistrationReceipt> {
    const tenantId = await this.guard.admit(ctx, input.tenantCode);
    const id = parseIdNumber(input.idNumber);
    if (!id.ok) throw idNumberError(id.code, 'idNumber');
    const passwordHash = await this.guard.hash(input.password);
    const em = await ctx.db();
    // under the sign-up tenant's row-level security: another tenant's unit is not found
    const unit = await this.directory.findOne(em, input.unitId);
    if (!unit || unit.kind !== 'UNIT') throw registrationError('REGISTRATION_UNIT_NOT_FOUND', 'unitId');
    if (await this.repo.isProfessional(em, id.value)) throw registrationError('REGISTRATION_ALREADY_REGISTERED', 'idNumber');
    await this.repo.sweep(em, id.value);
    const receipt = newReceipt();
    let created: ProfessionalRegistration;
    try {
      created = await this.repo.insert(em, tenantId, {
        idNumber: id.value,
        name: input.name.trim(),
        gender: id.gender,
        birthDate: id.birthDate,
        phone: input.phone,
        titleLevel: input.titleLevel,
        titleSeries: input.titleSeries,
        unitId: unit.id,
        departmentId: await this.directory.nearestDepartment(em, unit),
        passwordHash,
        receiptHash: receiptHash(receipt)!,
        pendingDays: await this.guard.pendingDays(ctx),
      });
    } catch (error) {
      if (uniqueViolation(error) === 'professional_registration_pending') throw registrationError('REGISTRATION_ALREADY_PENDING', 'idNumber');
      throw error;
    }
    await this.audit.record(
      ctx,
      { action: 'registration.signUp', entityType: 'professional_registration', entityId: created.id, after: snapshot(created) },
      { tenantId },
    );
    return { receipt, progress: progressOf(created) };
  }

  /** Approves: the professional and their account (active, the sign-up's password) are created with the decision. */
  async approve(ctx: Context, id: string, joinedUnitOn: string | null, comment: string | null): Promise<ProfessionalRegistration> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    const joined = joinedUnitOn ?? this.clock.today();
    if (!isJoinDate(joined)) throw registrationError('REGISTRATION_JOIN_DATE', 'joinedUnitOn');
    const { before, passwordHash } = await this.lockPending(ctx, actor, id);
    const em = await ctx.db();
    let professionalId: string;
    let accountId: string;
    try {
      professionalId = await this.repo.insertProfessional(em, tenantId, before, joined);
      accountId = await this.repo.insertAccount(em, tenantId, before, professionalId, passwordHash);
    } catch (error) {
      // registered meanwhile (by the unit, an import or another registration): the request's transaction is rolled back
      const constraint = uniqueViolation(error);
      if (constraint === 'professional_id_number' || constraint === 'account_username') throw registrationError('REGISTRATION_ALREADY_REGISTERED', 'id');
      throw error;
    }
    const text = comment?.trim() || null;
    await this.repo.markApproved(em, before.id, actor, professionalId, text);
    const after = (await this.repo.findOne(em, before.id))!;
    await this.audit.recordMany(ctx, [
      { action: 'registration.approve', entityType: 'professional_registration', entityId: before.id, before: snapshot(before), after: { ...snapshot(after), comment: text } },
      { action: 'professional.create', entityType: 'professional', entityId: professionalId, after: { ...professionalSnapshot(after, joined), registrationId: before.id } },
      { action: 'account.createProfessional', entityType: 'account', entityId: accountId, after: { role: 'PROFESSIONAL', status: 'ACTIVE', registrationId: before.id } },
    ]);
    return after;
  }

}

/** What the applicant reads with their receipt. */
export function progressOf(r: ProfessionalRegistration): RegistrationProgress {
  return {
    kind: 'PROFESSIONAL',
    status: r.status,
    name: r.name,
    organisationName: r.unitName,
    signInName: r.idNumberMasked,
    submittedAt: r.submittedAt,
    expiresAt: r.expiresAt,
    decidedAt: r.decidedAt,
    rejectionReason: r.rejectionReason,
  };
}

function snapshot(r: ProfessionalRegistration) {
  return {
    idNumber: r.idNumber,
    name: r.name,
    unitId: r.unitId,
    titleLevel: r.titleLevel,
    titleSeries: r.titleSeries,
    status: r.status,
    expiresAt: r.expiresAt,
    rejectionReason: r.rejectionReason,
    professionalId: r.professionalId,
  };
}

/** As professionals.create records a new professional. */
function professionalSnapshot(r: ProfessionalRegistration, joinedUnitOn: string) {
  return { idNumber: r.idNumber, name: r.name, unitId: r.unitId, titleLevel: r.titleLevel, titleSeries: r.titleSeries, phone: r.phone, status: 'ACTIVE', joinedUnitOn, version: 1 };
}

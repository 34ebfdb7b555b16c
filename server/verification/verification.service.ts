// Verification by the bureau (人社局监督检查): marking a declaration fraudulent (认定虚假申报,
// Jining 002 四、(四)3) and revoking a declaration whose spot check failed (spot-checks.service).
// Revoking is terminal (a rejected declaration could be corrected and resubmitted; a revoked
// one cannot): the declaration says why, an append-only decision row records who (谁审核，
// 谁负责), the hours it became stop counting (the activity stays, withdrawn, with the reason)
// and a certified year that counted them is revoked, to be judged again without them.
import type { AuditService } from '../audit/audit.service';
import { insertDecision } from '../declarations/declaration-decisions.repository';
import { snapshot } from '../declarations/declaration-views';
import type { DeclarationsService } from '../declarations/declarations.service';
import type { Declaration } from '../declarations/declarations.types';
import type { ActivitiesService } from '../hours/activities.service';
import type { IntegrityService } from '../integrity/integrity.service';
import { requireOfficial, requireTenant } from '../platform/access';
import type { AccountActor } from '../platform/actor';
import type { Context } from '../platform/context';
import { verificationError } from './verification.errors';
import type { VerificationRepository } from './verification.repository';
import type { FraudMark } from './verification.types';

export interface Revocation {
  declaration: Declaration;
  hoursWithdrawn: boolean;
  certificationRevoked: boolean;
}

/** A reason a person will read: 1–500 characters, not blank. */
export function checkReason(reason: string | null | undefined, field = 'reason'): string {
  const text = reason?.trim() ?? '';
  if (!text || text.length > 500) throw verificationError('VERIFICATION_REASON_REQUIRED', field);
  return text;
}

export class VerificationService {
  constructor(
    private readonly repo: VerificationRepository,
    private readonly declarations: DeclarationsService,
    private readonly activities: ActivitiesService,
    private readonly integrity: IntegrityService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A bureau official marks a submitted or recorded declaration fraudulent: it is revoked
   * (its hours withdrawn if recorded) and the person goes on the integrity record from today
   * for the policy's term. A second mark of the same declaration is refused.
   */
  async markFraudulent(ctx: Context, id: string, reason: string): Promise<FraudMark> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const text = checkReason(reason);
    const before = await this.declarations.findOneOrThrow(ctx, id);
    const revoked = await this.revoke(ctx, actor, before, 'FRAUD', `认定为虚假申报：${text}`);
    const integrityRecord = await this.integrity.record(ctx, { professionalId: before.professionalId, declarationId: before.id, reason: `虚假申报学时：${text}` });
    // the revocation above is once per declaration, so the record cannot exist already
    if (!integrityRecord) throw verificationError('DECLARATION_ALREADY_REVOKED', 'id');
    await this.audit.record(ctx, {
      action: 'declaration.mark_fraudulent',
      entityType: 'declaration',
      entityId: before.id,
      before: snapshot(before),
      after: { ...snapshot(revoked.declaration), reason: text, integrityRecordId: integrityRecord.id, hoursWithdrawn: revoked.hoursWithdrawn, certificationRevoked: revoked.certificationRevoked },
    });
    return { ...revoked, integrityRecord };
  }

  /**
   * Revokes a submitted or recorded declaration (the caller has checked the actor may): locks
   * it, moves it from the state read under the lock, appends the decision, withdraws its hours.
   */
  async revoke(ctx: Context, actor: AccountActor, d: Declaration, kind: 'FRAUD' | 'SPOT_CHECK_FAILED', reason: string): Promise<Revocation> {
    const tenantId = requireTenant(ctx);
    const em = await ctx.db();
    const state = await this.repo.lockState(em, d.id);
    if (!state) throw verificationError('DECLARATION_NOT_REVOCABLE', 'id');
    if (state.status === 'REVOKED') throw verificationError('DECLARATION_ALREADY_REVOKED', 'id');
    if (state.status !== 'SUBMITTED' && state.status !== 'RECORDED') throw verificationError('DECLARATION_NOT_REVOCABLE', 'id');
    if (!(await this.repo.revoke(em, d.id, state.status, reason))) throw verificationError('DECLARATION_ALREADY_REVOKED', 'id');
    await insertDecision(em, {
      tenantId,
      declarationId: d.id,
      round: state.round,
      level: 'BUREAU',
      nodeId: actor.orgNodeId,
      decision: kind,
      reviewerId: actor.id,
      reviewerLabel: actor.label,
      comment: reason,
      publicHours: null,
      professionalHours: null,
    });
    const withdrawn = state.status === 'RECORDED' ? await this.activities.withdrawDeclared(ctx, d.id, reason) : null;
    const declaration = await this.declarations.reload(ctx, d.id);
    return { declaration, hoursWithdrawn: withdrawn !== null, certificationRevoked: withdrawn?.certificationRevoked ?? false };
  }
}

// Moved years (迁入年度): the years another tenant certified, brought by a move as read-only
// history with their provenance. Whether they count in this tenant's title windows is its
// policy (`transferIn.certifiedYears`): ACCEPT — as certified; REVIEW — each once a department
// or bureau official whose scope holds the person has accepted it (absent: REVIEW).
import type { AuditService } from '../audit/audit.service';
import type { PolicyDocument, RecognizedYear } from '../engine';
import { canSeeProfessional, requireOfficial, requireTenant } from '../platform/access';
import type { Context } from '../platform/context';
import { isUuid } from '../platform/uuid';
import type { PoliciesService } from '../policy/policy.service';
import type { Professional } from '../professionals/professionals.types';
import { moveError } from './moves.errors';
import type { MovedYearRecord, MovedYearsRepository } from './moved-years.repository';
import { MovedYearReview, type MovedYear, type ReviewMovedYearInput } from './moves.types';

type Mode = 'ACCEPT' | 'REVIEW';

export function transferInMode(doc: PolicyDocument): Mode {
  return doc.transferIn?.certifiedYears ?? 'REVIEW';
}

function reviewOf(r: MovedYearRecord, mode: Mode): MovedYearReview {
  if (r.decision) return r.decision;
  return mode === 'ACCEPT' ? MovedYearReview.NOT_REQUIRED : MovedYearReview.PENDING;
}

/** Counts here: accepted, or unreviewed under ACCEPT. A rejection always stands. */
const counts = (review: MovedYearReview) => review === MovedYearReview.ACCEPTED || review === MovedYearReview.NOT_REQUIRED;

function toMovedYear(r: MovedYearRecord, mode: Mode): MovedYear {
  const review = reviewOf(r, mode);
  return {
    id: r.id,
    professionalId: r.professionalId,
    year: r.year,
    regime: r.regime,
    publicHours: r.publicHours,
    professionalHours: r.professionalHours,
    complete: r.complete,
    policyRevision: r.policyRevision,
    policyRevisionId: r.policyRevisionId,
    issuingTenantCode: r.issuingTenantCode,
    issuingTenantName: r.issuingTenantName,
    certifiedAt: r.certifiedAt,
    movedAt: r.movedAt,
    review,
    reviewReason: r.reviewReason,
    reviewedAt: r.reviewedAt,
    counts: counts(review),
  };
}

export class MovedYearsService {
  constructor(
    private readonly repo: MovedYearsRepository,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
  ) {}

  /** A person's moved years (officials in scope and the person themself; anyone else: none). */
  async history(ctx: Context, p: Pick<Professional, 'id' | 'unitPath'>): Promise<MovedYear[]> {
    if (!canSeeProfessional(ctx.actor, p)) return [];
    const rows = await ctx.loaders.movedYears.load(p.id);
    if (!rows.length) return [];
    const mode = transferInMode((await this.policies.current(ctx)).document);
    return rows.map((r) => toMovedYear(r, mode));
  }

  /**
   * What the engine is given for these people's title windows up to a year: each moved year
   * that counts, and each awaiting review (pending: explained, not counted). Rejected years: none.
   */
  async recognizedOf(ctx: Context, ids: readonly string[], upToYear: number, doc: PolicyDocument): Promise<Map<string, RecognizedYear[]>> {
    const out = new Map<string, RecognizedYear[]>();
    const rows = await this.repo.historyOf(await ctx.db(), ids, upToYear);
    const mode = transferInMode(doc);
    for (const r of rows) {
      const review = reviewOf(r, mode);
      if (review === MovedYearReview.REJECTED) continue;
      const list = out.get(r.professionalId) ?? [];
      list.push({
        year: r.year,
        publicHours: r.publicHours,
        professionalHours: r.professionalHours,
        complete: r.complete,
        issuer: `${r.issuingTenantName}（第${r.policyRevision}版政策）`,
        ...(counts(review) ? {} : { pending: true }),
      });
      out.set(r.professionalId, list);
    }
    return out;
  }

  /** An official's decision on one moved year, where the policy reviews them: once, audited. */
  async review(ctx: Context, input: ReviewMovedYearInput): Promise<MovedYear> {
    const actor = requireOfficial(ctx, ['DEPARTMENT_OFFICIAL', 'BUREAU_OFFICIAL']);
    const tenantId = requireTenant(ctx);
    const db = await ctx.db();
    const found = isUuid(input.id) ? await this.repo.findOne(db, input.id) : null;
    if (!found || !canSeeProfessional(actor, { id: found.professionalId, unitPath: found.unitPath })) throw moveError('MOVED_YEAR_NOT_FOUND', 'id');
    const mode = transferInMode((await this.policies.current(ctx)).document);
    if (mode === 'ACCEPT') throw moveError('MOVED_YEAR_REVIEW_NOT_REQUIRED', 'id');
    const reason = input.reason?.trim() || null;
    if (!input.accept && !reason) throw moveError('MOVE_REASON_REQUIRED', 'reason');
    const decision = input.accept ? 'ACCEPTED' : 'REJECTED';
    if (!(await this.repo.insertReview(db, { tenantId, movedYearId: found.id, decision, reason, decidedBy: actor.id }))) {
      throw moveError('MOVED_YEAR_ALREADY_REVIEWED', 'id');
    }
    await this.audit.record(ctx, {
      action: 'moved_year.review',
      entityType: 'moved_year',
      entityId: found.id,
      after: { professionalId: found.professionalId, year: found.year, issuingTenant: found.issuingTenantCode, decision, reason },
    });
    ctx.loaders.movedYears.clear(found.professionalId);
    return toMovedYear((await this.repo.findOne(db, found.id))!, mode);
  }
}

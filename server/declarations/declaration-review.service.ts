// Review of declarations (审核): each level's queue, and the decisions — approve, reject with
// a reason (back to the professional, who may correct and resubmit), adjust the hours with a
// reason — taken by the reviewer of the declaration's current step. The last level's approval
// records the activity; only then does it count. Two reviewers acting at once: the decision
// is one conditional UPDATE that must change exactly one row (the step and round as read),
// so one wins and the other gets ALREADY_DECIDED; every decision is an append-only
// `declaration_decision` row and an audit row (谁审核，谁负责).
import type { AuditService } from '../audit/audit.service';
import type { ReviewLevel } from '../engine';
import { requireOfficial, requireTenant } from '../platform/access';
import type { AccountActor } from '../platform/actor';
import type { Context } from '../platform/context';
import { AppError, commonError } from '../platform/errors';
import { type Connection, decodeCursor, emptyConnection, type PageRequest, toConnection } from '../platform/pagination';
import { isUuid } from '../platform/uuid';
import { PARAM_CEILINGS } from '../policy/input-bounds';
import type { PoliciesService } from '../policy/policy.service';
import { isOnChain, levelOf } from './declaration-access';
import { declarationError } from './declarations.errors';
import { insertDecision, insertDecisions } from './declaration-decisions.repository';
import type { DeclarationsRepository } from './declarations.repository';
import type { QueueQuery, ReviewQueueRepository } from './review-queue.repository';
import { snapshot } from './declaration-views';
import type { DeclarationsService } from './declarations.service';
import type { BulkApprovalItem, Declaration, ReviewDecisionKind, ReviewQueueCounts, ReviewQueueFilter, ReviewQueueStatus } from './declarations.types';
import { nextStep, RECORDED_STEP, STEP_OF } from './review-chain';

/** A queue page: bulk approval takes at most this many. */
export const MAX_BULK = 50;

/**
 * Queue counts stop here: above it a count answers this number and says so (“10000+”). A
 * bureau's queue holds millions of recorded declarations; an exact count of them is a scan of
 * millions of index entries on every queue page, and no reviewer acts on the difference
 * between 2,000,000 and 10,000+. Below it every count is exact.
 */
export const QUEUE_COUNT_LIMIT = 10000;

interface Decision {
  kind: Exclude<ReviewDecisionKind, 'FILED'>;
  comment: string | null;
  version: number | null;
  adjusted: { PUBLIC: number; PROFESSIONAL: number } | null;
}

export class DeclarationReviewService {
  constructor(
    private readonly repo: DeclarationsRepository,
    private readonly queues: ReviewQueueRepository,
    private readonly declarations: DeclarationsService,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
  ) {}

  /** The caller's queue: declarations whose chain holds the caller's node at the caller's level, by state, in submission order. */
  async queue(ctx: Context, filter: ReviewQueueFilter | null, page: PageRequest): Promise<Connection<Declaration>> {
    const query = this.queueQuery(ctx, filter);
    const status = filter?.status ?? 'WAITING';
    const after = decodeCursor(page.after, 1, ([n]) => /^\d{1,19}$/.test(n ?? ''))?.[0] ?? null;
    if (query === null) return emptyConnection(page);
    const em = await ctx.db();
    const rows = await this.queues.queuePage(em, query, status, after, page.first + 1);
    for (const row of rows) ctx.loaders.declaration.prime(row.id, row);
    const count = async () => Math.min(QUEUE_COUNT_LIMIT, await this.queues.queueCount(em, query, status, QUEUE_COUNT_LIMIT));
    return toConnection(rows, page, (d) => [d.queueNo ?? '0'], count);
  }

  /** How many of the caller's queue are in each state (the same filter, its status aside). */
  async counts(ctx: Context, filter: ReviewQueueFilter | null): Promise<ReviewQueueCounts> {
    const query = this.queueQuery(ctx, filter);
    if (query === null) return { waiting: 0, forwarded: 0, recorded: 0, rejected: 0, withdrawn: 0, revoked: 0, limit: QUEUE_COUNT_LIMIT, capped: [] };
    const c = await this.queues.queueCounts(await ctx.db(), query, QUEUE_COUNT_LIMIT);
    const at = (s: ReviewQueueStatus) => Math.min(QUEUE_COUNT_LIMIT, c[s]);
    return {
      waiting: at('WAITING'),
      forwarded: at('FORWARDED'),
      recorded: at('RECORDED'),
      rejected: at('REJECTED'),
      withdrawn: at('WITHDRAWN'),
      revoked: at('REVOKED'),
      limit: QUEUE_COUNT_LIMIT,
      capped: (Object.keys(c) as ReviewQueueStatus[]).filter((s) => c[s] > QUEUE_COUNT_LIMIT),
    };
  }

  async approve(ctx: Context, id: string, version: number | null, comment: string | null): Promise<Declaration> {
    return this.decide(ctx, id, { kind: 'APPROVED', comment: blankToNull(comment), version, adjusted: null });
  }

  async reject(ctx: Context, id: string, version: number | null, reason: string): Promise<Declaration> {
    return this.decide(ctx, id, { kind: 'REJECTED', comment: reason, version, adjusted: null });
  }

  /** Approves with the reviewer's hours, which replace the rule's when the activity is recorded. */
  async adjust(ctx: Context, id: string, version: number | null, hours: { publicHours: number; professionalHours: number }, reason: string): Promise<Declaration> {
    return this.decide(ctx, id, { kind: 'ADJUSTED', comment: reason, version, adjusted: { PUBLIC: hours.publicHours, PROFESSIONAL: hours.professionalHours } });
  }

  /**
   * Approves a queue page (≤ 50), answering item by item: each is checked as `approve` checks
   * it, then all that may move are moved by one conditional UPDATE (each row changes only from
   * the step and round as read, so one already decided by someone else does not move and
   * answers ALREADY_DECIDED), and their decisions, recorded activities and audit rows are
   * written a statement each: a page costs a handful of statements, not fifty approvals'.
   */
  async bulkApprove(ctx: Context, ids: readonly string[], comment: string | null): Promise<BulkApprovalItem[]> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    if (ids.length > MAX_BULK) throw declarationError('DECLARATION_BATCH_TOO_LARGE', 'ids', `本次 ${ids.length} 条`);
    const level = levelOf(actor)!;
    const myStep = STEP_OF[level];
    const text = blankToNull(comment)?.trim() || null;
    const unique = [...new Set(ids)];
    const outcome = new Map<string, AppError | Declaration>();
    const before = await this.visible(ctx, unique);
    const moves: { before: Declaration; toStep: number; status: 'SUBMITTED' | 'RECORDED' }[] = [];
    for (const id of unique) {
      const d = before.get(id);
      const problem = d ? stepProblem(d, actor, myStep) : declarationError('DECLARATION_NOT_FOUND', 'id');
      if (problem || !d) outcome.set(id, problem!);
      else {
        const toStep = nextStep(d.review, myStep);
        moves.push({ before: d, toStep, status: toStep === RECORDED_STEP ? 'RECORDED' : 'SUBMITTED' });
      }
    }
    const em = await ctx.db();
    const moved = await this.repo.approveMany(
      em,
      moves.map((m) => ({ id: m.before.id, round: m.before.round, fromStep: myStep, status: m.status, toStep: m.toStep })),
    );
    const done = moves.filter((m) => moved.has(m.before.id));
    await insertDecisions(
      em,
      done.map((m) => ({
        tenantId,
        declarationId: m.before.id,
        round: m.before.round,
        level,
        nodeId: actor.orgNodeId,
        decision: 'APPROVED',
        reviewerId: actor.id,
        reviewerLabel: actor.label,
        comment: text,
        publicHours: null,
        professionalHours: null,
      })),
    );
    // as they are now: the moved ones after the move, the others as whoever came first left them
    for (const m of moves) {
      ctx.loaders.declaration.clear(m.before.id);
      ctx.loaders.declarationDecisions.clear(m.before.id);
    }
    const after = await this.visible(ctx, moves.map((m) => m.before.id));
    const recorded = done.filter((m) => m.status === 'RECORDED').map((m) => after.get(m.before.id)!);
    await this.declarations.recordActivitiesOf(ctx, recorded, actor);
    await this.audit.recordMany(
      ctx,
      done.map((m) => ({
        action: 'declaration.approve',
        entityType: 'declaration',
        entityId: m.before.id,
        before: snapshot(m.before),
        after: { ...snapshot(after.get(m.before.id)!), decision: { level, decision: 'APPROVED', comment: text, recorded: m.status === 'RECORDED' } },
      })),
    );
    for (const m of moves) {
      const now = after.get(m.before.id);
      if (moved.has(m.before.id) && now) outcome.set(m.before.id, now);
      else outcome.set(m.before.id, (now && stepProblem(now, actor, myStep)) || declarationError('ALREADY_DECIDED', 'id'));
    }
    return unique.map((id) => {
      const o = outcome.get(id)!;
      return o instanceof AppError ? { id, errorCode: o.code, errorMessage: o.message, declaration: null } : { id, errorCode: null, errorMessage: null, declaration: o };
    });
  }

  /** The declarations among `ids` the caller may see, by id (one read for all). */
  private async visible(ctx: Context, ids: readonly string[]): Promise<Map<string, Declaration>> {
    const found = await Promise.all(ids.map((id) => this.declarations.findOne(ctx, id)));
    return new Map(found.flatMap((d) => (d ? [[d.id, d] as const] : [])));
  }

  private async decide(ctx: Context, id: string, decision: Decision): Promise<Declaration> {
    const actor = requireOfficial(ctx);
    const tenantId = requireTenant(ctx);
    const before = await this.declarations.findOneOrThrow(ctx, id);
    const level = levelOf(actor)!;
    const myStep = STEP_OF[level];
    const problem = stepProblem(before, actor, myStep);
    if (problem) throw problem;
    if (decision.kind !== 'APPROVED' && !decision.comment?.trim()) throw declarationError('DECLARATION_REASON_REQUIRED', 'reason');
    if (decision.adjusted) await this.checkAdjustment(ctx, before, decision.adjusted);
    const toStep = decision.kind === 'REJECTED' ? myStep : nextStep(before.review, myStep);
    const status = decision.kind === 'REJECTED' ? 'REJECTED' : toStep === RECORDED_STEP ? 'RECORDED' : 'SUBMITTED';
    const comment = decision.comment?.trim() || null;
    const em = await ctx.db();
    const moved = await this.repo.transition(em, {
      id: before.id,
      round: before.round,
      fromStep: myStep,
      version: decision.version,
      status,
      toStep,
      rejectionReason: status === 'REJECTED' ? comment : null,
      adjusted: decision.adjusted && { ...decision.adjusted, reason: comment! },
    });
    if (!moved) throw await this.whyNotMoved(ctx, before, actor, myStep, decision.version);
    await insertDecision(em, {
      tenantId,
      declarationId: before.id,
      round: before.round,
      level,
      nodeId: actor.orgNodeId,
      decision: decision.kind,
      reviewerId: actor.id,
      reviewerLabel: actor.label,
      comment,
      publicHours: decision.adjusted?.PUBLIC ?? null,
      professionalHours: decision.adjusted?.PROFESSIONAL ?? null,
    });
    let after = await this.declarations.reload(ctx, before.id);
    if (status === 'RECORDED') {
      await this.declarations.recordActivityOf(ctx, after, actor);
      after = await this.declarations.reload(ctx, before.id);
    }
    await this.audit.record(ctx, {
      action: `declaration.${decision.kind === 'APPROVED' ? 'approve' : decision.kind === 'REJECTED' ? 'reject' : 'adjust'}`,
      entityType: 'declaration',
      entityId: before.id,
      before: snapshot(before),
      after: { ...snapshot(after), decision: { level, decision: decision.kind, comment, recorded: status === 'RECORDED' } },
    });
    return after;
  }

  /** The reviewer's hours: whole bounds as for any hours input, and in the kind's subject. */
  private async checkAdjustment(ctx: Context, d: Declaration, hours: { PUBLIC: number; PROFESSIONAL: number }): Promise<void> {
    const max = PARAM_CEILINGS.hours!;
    for (const [subject, field] of [['PUBLIC', 'publicHours'], ['PROFESSIONAL', 'professionalHours']] as const) {
      const h = hours[subject];
      if (!Number.isFinite(h) || h < 0 || h > max) throw declarationError('DECLARATION_ADJUST_BOUNDS', field, `应在 0 至 ${max} 之间`);
    }
    const version = this.policies.versionOrThrow((await this.policies.current(ctx)).document, d.year, 'id');
    const kind = Object.hasOwn(version.kinds, d.kind) ? version.kinds[d.kind] : undefined;
    if (!kind) return;
    if (kind.rule.type === 'deemComplete') throw declarationError('DECLARATION_ADJUST_NOT_HOURS', 'id');
    if (kind.subject === 'PUBLIC' && hours.PROFESSIONAL !== 0) throw declarationError('DECLARATION_ADJUST_SUBJECT', 'professionalHours', `“${kind.name}”只计公需科目`);
    if (kind.subject === 'PROFESSIONAL' && hours.PUBLIC !== 0) throw declarationError('DECLARATION_ADJUST_SUBJECT', 'publicHours', `“${kind.name}”只计专业科目`);
  }

  /** The conditional update changed nothing: someone decided first, or (with a version) it was changed since read. */
  private async whyNotMoved(ctx: Context, before: Declaration, actor: AccountActor, myStep: number, version: number | null): Promise<AppError> {
    const now = await this.declarations.reload(ctx, before.id);
    const unchanged = now.status === 'SUBMITTED' && now.step === myStep && now.round === before.round;
    if (unchanged && version !== null) return commonError('VERSION_CONFLICT', 'version');
    return stepProblem(now, actor, myStep) ?? declarationError('ALREADY_DECIDED', 'id');
  }

  private queueQuery(ctx: Context, filter: ReviewQueueFilter | null): QueueQuery | null {
    const actor = requireOfficial(ctx);
    const level: ReviewLevel = levelOf(actor)!;
    if (filter?.from && filter.to && filter.from > filter.to) throw commonError('BAD_USER_INPUT', 'filter.to', '结束日期不能早于开始日期');
    // an id that is not a UUID names no unit: nothing matches
    if (filter?.unitId && !isUuid(filter.unitId)) return null;
    return {
      level,
      nodeId: actor.orgNodeId,
      step: STEP_OF[level],
      unitId: filter?.unitId ?? null,
      kind: filter?.kind ?? null,
      titleSeries: filter?.titleSeries ?? null,
      from: filter?.from ?? null,
      to: filter?.to ?? null,
    };
  }
}

/**
 * Why this official cannot decide the declaration now, or null when its current step is
 * theirs: not on its chain, or not yet at their level → DECLARATION_NOT_YOUR_STEP; their
 * level decided already, or the declaration left the chain → ALREADY_DECIDED.
 */
function stepProblem(d: Declaration, actor: AccountActor, myStep: number): AppError | null {
  if (!isOnChain(actor, d)) return declarationError('DECLARATION_NOT_YOUR_STEP', 'id');
  if (d.status === 'WITHDRAWN') return declarationError('ALREADY_DECIDED', 'id', '申报人已撤回');
  if (d.status !== 'SUBMITTED') return declarationError('ALREADY_DECIDED', 'id');
  if (d.step > myStep) return declarationError('ALREADY_DECIDED', 'id');
  if (d.step < myStep) return declarationError('DECLARATION_NOT_YOUR_STEP', 'id', '尚未报送到本级');
  return null;
}

function blankToNull(text: string | null): string | null {
  return text?.trim() ? text : null;
}

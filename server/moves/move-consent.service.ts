// Moving between tenants (跨地区迁出), the sending side: the person themself (signed in here)
// or this tenant's bureau official sees the requests another tenant made for them, and consents
// or refuses. The request lives in the receiving tenant; this side reaches it only through the
// database functions of migration 1733830000001, which answer with what consenting needs and do
// the whole move (or the refusal) as one audited operation: nothing else crosses tenants.
import type { AccountActor } from '../platform/actor';
import { requireAccount, requireTenant } from '../platform/access';
import type { Context } from '../platform/context';
import { commonError } from '../platform/errors';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { uniqueViolation } from '../platform/pg-errors';
import { isUuid } from '../platform/uuid';
import { moveError, moveErrorOf } from './moves.errors';
import type { MoveRequestsRepository } from './move-requests.repository';
import { type MoveConsentRequest, type MoveDecision, MoveRequestStatus } from './moves.types';

/** The consent queue is counted up to this many requests (a person has one or two; a bureau a few at a time). */
const COUNT_LIMIT = 1000;

/** Only the person and the bureau of the tenant they are registered in may answer a request. */
function requireParty(ctx: Context): AccountActor {
  const actor = requireAccount(ctx);
  requireTenant(ctx);
  if (actor.role !== 'PROFESSIONAL' && actor.role !== 'BUREAU_OFFICIAL') throw moveError('MOVE_NOT_PARTY');
  return actor;
}

export class MoveConsentService {
  constructor(private readonly repo: MoveRequestsRepository) {}

  /** Pending requests naming the caller (a professional) or this tenant's people (the bureau), oldest first. */
  async queue(ctx: Context, page: PageRequest): Promise<Connection<MoveConsentRequest>> {
    const actor = requireAccount(ctx);
    if (actor.role !== 'PROFESSIONAL' && actor.role !== 'BUREAU_OFFICIAL') throw commonError('FORBIDDEN');
    const after = decodeCursor(page.after, 2, ([at, id]) => !Number.isNaN(Date.parse(at!)) && isUuid(id!));
    const db = await ctx.db();
    const rows = await this.repo.consentQueue(db, after, page.first + 1);
    return toConnection(rows, page, (r) => [r.requestedKey, r.id], async () => (await this.repo.consentQueue(db, null, COUNT_LIMIT)).length);
  }

  async consent(ctx: Context, requestId: string): Promise<MoveDecision> {
    return this.decide(ctx, requestId, 'CONSENT', null);
  }

  async refuse(ctx: Context, requestId: string, reason: string): Promise<MoveDecision> {
    const trimmed = reason.trim();
    if (trimmed.length < 1 || trimmed.length > 500) {
      requireParty(ctx);
      throw moveError('MOVE_REASON_REQUIRED', 'reason');
    }
    return this.decide(ctx, requestId, 'REFUSE', trimmed);
  }

  private async decide(ctx: Context, requestId: string, decision: 'CONSENT' | 'REFUSE', reason: string | null): Promise<MoveDecision> {
    requireParty(ctx);
    if (!isUuid(requestId)) throw moveError('MOVE_REQUEST_NOT_FOUND', 'requestId');
    let done: Awaited<ReturnType<MoveRequestsRepository['decide']>>;
    try {
      done = await this.repo.decide(await ctx.db(), requestId, decision, reason, ctx.requestId);
    } catch (error) {
      const code = moveErrorOf(error);
      if (code) throw moveError(code, code === 'MOVE_REASON_REQUIRED' ? 'reason' : 'requestId');
      // the receiving unit registered the same ID number at the same moment
      if (uniqueViolation(error) === 'professional_id_number') throw moveError('MOVE_CONFLICT', 'requestId');
      throw error;
    }
    // the sending record changed under the loaders (now MOVED_OUT)
    ctx.loaders.professional.clear(done.professionalId);
    return {
      requestId,
      status: decision === 'CONSENT' ? MoveRequestStatus.CONSENTED : MoveRequestStatus.REFUSED,
      receivingTenantName: done.receivingTenantName,
      yearsMoved: done.yearsMoved,
      professionalId: done.professionalId,
    };
  }
}

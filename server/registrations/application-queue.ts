// What the two kinds of application share as a service: an official's queue of them (by
// state, a page at a time, with capped counts), one of them if it is in that queue, the
// lock a decision takes, and a rejection with a reason. Each service extends this with how
// an official's queue is chosen, and adds its sign-up and its approval.
import type { AuditService } from '../audit/audit.service';
import { requireOfficial } from '../platform/access';
import type { AccountActor } from '../platform/actor';
import type { Context } from '../platform/context';
import { type Connection, emptyConnection, type PageRequest, toConnection } from '../platform/pagination';
import type { ApplicationStore } from './application-store';
import { cappedCounts, QUEUE_COUNT_LIMIT, type QueueColumn, queueCursor, queueQuery } from './registration-queue';
import { registrationError } from './registrations.errors';
import type { RegistrationQueueCounts, RegistrationQueueFilter, RegistrationStatus } from './registrations.types';

export interface QueuedApplication {
  id: string;
  queueNo: string;
  status: RegistrationStatus;
}

export interface ApplicationKind<Item> {
  /** The column an official's queue is chosen by (null: the whole tenant; 'NONE': no queue). */
  queueOf(actor: AccountActor): QueueColumn;
  /** The column a department's queue is chosen by when the filter names a node. */
  nodeColumn: 'unit_id' | 'parent_id';
  /** Is the application in the official's queue (the only officials who see and decide it)? */
  inQueueOf(actor: AccountActor, item: Item): boolean;
  /** The audit's names for it: `registration` / `orgApplication`, `professional_registration` / `org_application`. */
  action: string;
  entityType: string;
  snapshot(item: Item): object;
}

export class ApplicationQueue<Row, Item extends QueuedApplication> {
  constructor(
    protected readonly store: ApplicationStore<Row, Item>,
    protected readonly audit: AuditService,
    private readonly kind: ApplicationKind<Item>,
  ) {}

  async findOne(ctx: Context, id: string): Promise<Item | null> {
    const actor = requireOfficial(ctx);
    const item = await this.store.findOne(await ctx.db(), id);
    return item && this.kind.inQueueOf(actor, item) ? item : null;
  }

  /** The caller's queue, by state (default: pending), in the order they came, a page at a time. */
  async queue(ctx: Context, filter: RegistrationQueueFilter | null, page: PageRequest): Promise<Connection<Item>> {
    const q = queueQuery(requireOfficial(ctx), (a) => this.kind.queueOf(a), this.kind.nodeColumn, filter);
    const after = queueCursor(page);
    if (!q) return emptyConnection(page);
    const status = filter?.status ?? 'PENDING';
    const em = await ctx.db();
    const rows = await this.store.queuePage(em, q, status, after, page.first + 1);
    return toConnection(rows, page, (r) => [r.queueNo], async () => Math.min(QUEUE_COUNT_LIMIT, await this.store.queueCount(em, q, status, QUEUE_COUNT_LIMIT)));
  }

  async counts(ctx: Context, filter: RegistrationQueueFilter | null): Promise<RegistrationQueueCounts> {
    const q = queueQuery(requireOfficial(ctx), (a) => this.kind.queueOf(a), this.kind.nodeColumn, filter);
    const none = { PENDING: 0, APPROVED: 0, REJECTED: 0, EXPIRED: 0 };
    return cappedCounts(q ? await this.store.queueCounts(await ctx.db(), q, QUEUE_COUNT_LIMIT) : none);
  }

  async reject(ctx: Context, id: string, reason: string): Promise<Item> {
    const actor = requireOfficial(ctx);
    const why = reason.trim();
    if (!why) throw registrationError('REGISTRATION_REASON_REQUIRED', 'reason');
    const { before } = await this.lockPending(ctx, actor, id);
    const em = await ctx.db();
    await this.store.markRejected(em, before.id, actor, why);
    const after = (await this.store.findOne(em, before.id))!;
    const { action, entityType } = this.kind;
    await this.audit.record(ctx, { action: `${action}.reject`, entityType, entityId: before.id, before: this.kind.snapshot(before), after: this.kind.snapshot(after) });
    return after;
  }

  /** The application in the caller's queue, locked, still pending and in its term; else why not. */
  protected async lockPending(ctx: Context, actor: AccountActor, id: string): Promise<{ before: Item; passwordHash: string }> {
    const locked = await this.store.lock(await ctx.db(), id);
    if (!locked || !this.kind.inQueueOf(actor, locked.item)) throw registrationError('REGISTRATION_NOT_FOUND', 'id');
    const before = locked.item;
    if (before.status === 'EXPIRED') throw registrationError('REGISTRATION_EXPIRED', 'id');
    if (before.status !== 'PENDING' || !locked.passwordHash) throw registrationError('REGISTRATION_ALREADY_DECIDED', 'id');
    return { before, passwordHash: locked.passwordHash };
  }
}

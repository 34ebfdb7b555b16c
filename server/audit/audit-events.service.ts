// The audit log as the bureau reads it (审计日志): who did what to which record, newest first,
// filtered by actor, record, action and days. Only the bureau official reads it; row-level
// security keeps it to the caller's tenant. ID numbers are masked again on the way out: the
// trail keeps masked copies of the fields it knows (audit.service.ts), and this catches any
// other place one could sit (a nested value, a row written before masking, an entity id).
import { requireOfficial } from '../platform/access';
import type { Context } from '../platform/context';
import { commonError } from '../platform/errors';
import { maskIdNumber } from '../platform/id-number';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import type { AuditEventRow, AuditEventsRepository, AuditQuery } from './audit-events.repository';
import type { AuditActorKind, AuditEvent, AuditEventFilter } from './audit.types';

/**
 * Counts stop here (as the review queues' do): above it totalCount answers this number. A
 * tenant's log grows by every write; an exact count of millions of rows on every page is a
 * scan nobody acts on.
 */
export const AUDIT_COUNT_LIMIT = 10000;

const AT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
/** An ID number anywhere in a string: 17 digits and a check character, not inside a longer number. */
const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g;

export class AuditEventsService {
  constructor(private readonly repo: AuditEventsRepository) {}

  async findMany(ctx: Context, filter: AuditEventFilter | null, page: PageRequest): Promise<Connection<AuditEvent>> {
    requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const query = toQuery(filter);
    if (query.from && query.to && query.from > query.to) throw commonError('BAD_USER_INPUT', 'filter.to', '结束日期不能早于开始日期');
    const after = decodeCursor(page.after, 2, ([at, id]) => AT_KEY.test(at ?? '') && /^\d{1,19}$/.test(id ?? ''));
    const em = await ctx.db();
    const rows = await this.repo.findPage(em, query, after ? [after[0]!, after[1]!] : null, page.first + 1);
    const keys = new Map(rows.map((r) => [r.id, [r.atKey, r.id] as const]));
    const count = async () => Math.min(AUDIT_COUNT_LIMIT, await this.repo.count(em, query, AUDIT_COUNT_LIMIT));
    return toConnection(rows.map(toAuditEvent), page, (e) => keys.get(e.id)!, count);
  }

  /** How many events match the filter, counted up to `limit` + 1 (an export's bound: more than `limit` when it answers that). */
  async countUpTo(ctx: Context, filter: AuditEventFilter | null, limit: number): Promise<number> {
    requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    return this.repo.count(await ctx.db(), toQuery(filter), limit);
  }
}

function toQuery(f: AuditEventFilter | null): AuditQuery {
  return {
    actorId: f?.actorId ?? null,
    actorLabel: f?.actorLabel ?? null,
    actorLabelPrefix: f?.actorLabelPrefix ?? null,
    entityType: f?.entityType ?? null,
    entityId: f?.entityId ?? null,
    action: f?.action ?? null,
    actionPrefix: f?.actionPrefix ?? null,
    from: f?.from ?? null,
    to: f?.to ?? null,
  };
}

function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actorKind: row.actorKind as AuditActorKind,
    actorId: row.actorId,
    actorLabel: row.actorLabel === null ? null : maskText(row.actorLabel),
    action: row.action,
    entityType: row.entityType,
    entityId: maskText(row.entityId),
    before: maskJson(row.before) as Record<string, unknown> | null,
    after: maskJson(row.after) as Record<string, unknown> | null,
    requestId: row.requestId,
  };
}

function maskText(text: string): string {
  return text.replace(ID_NUMBER, (found) => maskIdNumber(found));
}

/** Every string in a JSON value, at any depth, with its ID numbers masked. */
export function maskJson(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(maskJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [maskText(k), maskJson(v)]));
  }
  return value;
}

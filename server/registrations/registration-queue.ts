// What the two registration queues (professionals' sign-ups, organisations' applications)
// share: which queue an official reads, the states as SQL, the filter, and the cursor. A
// queue is one equality on the column of the official's level (the unit's, the department's
// or the parent's id; the bureau's is the whole tenant), the state, and the keyset on
// `queue_no`: one index per queue gives a page in sign-up order, however long the history.
import type { AccountActor } from '../platform/actor';
import { commonError } from '../platform/errors';
import { decodeCursor, type PageRequest } from '../platform/pagination';
import { isUuid } from '../platform/uuid';
import type { RegistrationQueueFilter, RegistrationStatus } from './registrations.types';

/** Counts stop here (a bureau's history of approvals grows without end); below it they are exact. */
export const QUEUE_COUNT_LIMIT = 10000;

/** The queue column an official reads (null: the bureau's, the whole tenant), or 'NONE' when the role has no such queue. */
export type QueueColumn = 'unit_id' | 'department_id' | 'parent_id' | null | 'NONE';

/**
 * A state as the applicant and the reviewer see it: a PENDING row past its `expires_at` is
 * EXPIRED, marked so or not yet (the sweep marks it later); `now()` is the transaction's.
 */
export const STATUS_SQL: Readonly<Record<RegistrationStatus, string>> = {
  PENDING: `r.status = 'PENDING' AND r.expires_at > now()`,
  APPROVED: `r.status = 'APPROVED'`,
  REJECTED: `r.status = 'REJECTED'`,
  EXPIRED: `r.status IN ('PENDING', 'EXPIRED') AND (r.status = 'EXPIRED' OR r.expires_at <= now())`,
};

/** The state column as read: PENDING past its term reads EXPIRED. */
export const EFFECTIVE_STATUS = `CASE WHEN r.status = 'PENDING' AND r.expires_at <= now() THEN 'EXPIRED' ELSE r.status END`;

/** One queue, by the official's node, with the filter (the organisation column: `unit_id` or `parent_id`). */
export interface QueueQuery {
  column: 'unit_id' | 'department_id' | 'parent_id' | null;
  nodeId: string;
  orgColumn: 'unit_id' | 'parent_id';
  orgId: string | null;
  from: string | null;
  to: string | null;
}

/** The WHERE clauses of a queue, its state aside (parameters appended to `params`). */
export function queueWhere(q: QueueQuery, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (q.column) add((p) => `r.${q.column} = ${p}`, q.nodeId);
  if (q.orgId) add((p) => `r.${q.orgColumn} = ${p}`, q.orgId);
  // sign-up days in China time
  if (q.from) add((p) => `r.created_at >= (${p}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, q.from);
  if (q.to) add((p) => `r.created_at < (${p}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, q.to);
  return where;
}

/**
 * The caller's queue with the filter, or null when nothing can match (a role without this
 * queue, an organisation id that is not one). Dates are checked here: from ≤ to.
 */
export function queueQuery(
  actor: AccountActor,
  columnOf: (actor: AccountActor) => QueueColumn,
  orgColumn: QueueQuery['orgColumn'],
  filter: RegistrationQueueFilter | null,
): QueueQuery | null {
  if (filter?.from && filter.to && filter.from > filter.to) throw commonError('BAD_USER_INPUT', 'filter.to', '结束日期不能早于开始日期');
  const column = columnOf(actor);
  if (column === 'NONE') return null;
  if (filter?.orgId && !isUuid(filter.orgId)) return null;
  return { column, nodeId: actor.orgNodeId, orgColumn, orgId: filter?.orgId ?? null, from: filter?.from ?? null, to: filter?.to ?? null };
}

/** The queue number a cursor holds (null on the first page). */
export function queueCursor(page: PageRequest): string | null {
  return decodeCursor(page.after, 1, ([n]) => /^\d{1,19}$/.test(n ?? ''))?.[0] ?? null;
}

/** Each state's count, capped at QUEUE_COUNT_LIMIT, as the counts type answers. */
export function cappedCounts(c: Record<RegistrationStatus, number>) {
  const at = (s: RegistrationStatus) => Math.min(QUEUE_COUNT_LIMIT, c[s]);
  return {
    pending: at('PENDING'),
    approved: at('APPROVED'),
    rejected: at('REJECTED'),
    expired: at('EXPIRED'),
    limit: QUEUE_COUNT_LIMIT,
    capped: (Object.keys(c) as RegistrationStatus[]).filter((s) => c[s] > QUEUE_COUNT_LIMIT),
  };
}

/** SQL of one page of a queue: `select` is the statement up to its WHERE (rows aliased r). */
export function pageSql(select: string, q: QueueQuery, status: RegistrationStatus, afterQueueNo: string | null, limit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = [...queueWhere(q, params), STATUS_SQL[status]];
  if (afterQueueNo !== null) {
    params.push(afterQueueNo);
    where.push(`r.queue_no > $${params.length}::bigint`);
  }
  params.push(limit);
  return { sql: `${select} WHERE ${where.join(' AND ')} ORDER BY r.queue_no LIMIT $${params.length}`, params };
}

/** SQL of every state's count of a queue in one statement, each counted up to `limit` + 1. */
export function countsSql(table: string, q: QueueQuery, limit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = queueWhere(q, params);
  const base = where.length ? `${where.join(' AND ')} AND ` : '';
  const statuses = Object.keys(STATUS_SQL) as RegistrationStatus[];
  const sql = `SELECT ${statuses
    .map((s) => `(SELECT count(*)::int FROM (SELECT 1 FROM ${table} r WHERE ${base}${STATUS_SQL[s]} LIMIT ${limit + 1}) x) AS ${s.toLowerCase()}`)
    .join(', ')}`;
  return { sql, params };
}

/** The count of one state of a queue (for a connection's totalCount), up to `limit` + 1. */
export function countSql(table: string, q: QueueQuery, status: RegistrationStatus, limit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = [...queueWhere(q, params), STATUS_SQL[status]];
  return { sql: `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${table} r WHERE ${where.join(' AND ')} LIMIT ${limit + 1}) x`, params };
}

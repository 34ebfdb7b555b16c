// The audit log read back, newest first (keyset on the time and the row id). Every filter
// is served by an index that tenant_id leads, ending in (at, id), so a page reads its rows
// in order (migration 1733600000000). Prefixes are ranges in the "C" collation: `LIKE` is
// not leakproof, and under row-level security it would lose its index.
import { type Queryable, queryOne, queryRows } from '../platform/sql';

export interface AuditQuery {
  actorId: string | null;
  actorLabel: string | null;
  actorLabelPrefix: string | null;
  entityType: string | null;
  entityId: string | null;
  action: string | null;
  actionPrefix: string | null;
  /** first day (China time), YYYY-MM-DD */
  from: string | null;
  /** last day (China time), YYYY-MM-DD */
  to: string | null;
}

export interface AuditEventRow {
  id: string;
  at: Date;
  /** `at` to the microsecond, in UTC: the first half of the cursor */
  atKey: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

const COLUMNS = `id::text AS id, at, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "atKey",
  actor_kind AS "actorKind", actor_id AS "actorId", actor_label AS "actorLabel", action, entity_type AS "entityType",
  entity_id AS "entityId", before, after, request_id AS "requestId"`;

/** Past every string that starts with the prefix (in the "C" collation). */
const prefixEnd = (prefix: string) => prefix + '\u{10FFFF}';

function where(q: AuditQuery, params: unknown[]): string[] {
  const clauses: string[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql.replace(/\?/g, () => `$${params.push(values.shift())}`));
  };
  if (q.actorId) add(`actor_id = ?::uuid`, q.actorId);
  if (q.actorLabel) add(`actor_label COLLATE "C" = ?`, q.actorLabel);
  if (q.actorLabelPrefix) add(`actor_label COLLATE "C" >= ? AND actor_label COLLATE "C" < ?`, q.actorLabelPrefix, prefixEnd(q.actorLabelPrefix));
  if (q.entityType) add(`entity_type = ?`, q.entityType);
  if (q.entityId) add(`entity_id = ?`, q.entityId);
  if (q.action) add(`action COLLATE "C" = ?`, q.action);
  if (q.actionPrefix) add(`action COLLATE "C" >= ? AND action COLLATE "C" < ?`, q.actionPrefix, prefixEnd(q.actionPrefix));
  // days in China time
  if (q.from) add(`at >= (?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, q.from);
  if (q.to) add(`at < (?::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, q.to);
  return clauses;
}

export class AuditEventsRepository {
  /** One page, newest first, after the keyset position (at, id). */
  async findPage(db: Queryable, q: AuditQuery, after: readonly [string, string] | null, limit: number): Promise<AuditEventRow[]> {
    const params: unknown[] = [];
    const clauses = where(q, params);
    if (after) clauses.push(`(at, id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::bigint)`);
    const filter = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    // qualified: the output column `id` is text, and ORDER BY id would sort by it
    return queryRows<AuditEventRow>(db, `SELECT ${COLUMNS} FROM audit_log a ${filter} ORDER BY a.at DESC, a.id DESC LIMIT $${params.push(limit)}`, params);
  }

  /** How many match, counted up to `limit` + 1 (more than `limit` when it answers that). */
  async count(db: Queryable, q: AuditQuery, limit: number): Promise<number> {
    const params: unknown[] = [];
    const clauses = where(q, params);
    const filter = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const row = await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_log ${filter} LIMIT ${limit + 1}) x`, params);
    return row?.n ?? 0;
  }
}

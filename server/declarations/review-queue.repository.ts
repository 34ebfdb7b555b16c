// The review queues: the declarations whose chain holds an organisation node at a level, by
// their state as seen from that level, in submission order (keyset on the queue number).
import type { ReviewLevel } from '../engine';
import type { TitleSeries } from '../engine/titles';
import { queryOne, queryRows, type Queryable } from '../platform/sql';
import type { Declaration, ReviewQueueStatus } from './declarations.types';
import { type DeclarationRow, SELECT_DECLARATION, toDeclaration } from './declaration-row';
import { RECORDED_STEP } from './review-chain';

/** A review queue: the declarations whose chain holds `nodeId` at `level`, seen from that level. */
export interface QueueQuery {
  level: ReviewLevel;
  nodeId: string;
  step: number;
  unitId: string | null;
  kind: string | null;
  titleSeries: TitleSeries | null;
  from: string | null;
  to: string | null;
}

const QUEUE_COLUMN: Record<ReviewLevel, string> = { UNIT: 'review_unit_id', DEPARTMENT: 'review_department_id', BUREAU: 'review_bureau_id' };

/**
 * The declarations that reached the level, by their state seen from it. `step` is the
 * level's step number (STEP_OF: 1–3, never input), written into the statement. Steps are
 * named as a list of values, not a range, and a recorded declaration's step (always 4) is
 * named: with (status, step) equal, the queue index gives the rows in queue order, so a page
 * of the bureau's millions of recorded declarations reads 50 index entries, not all of them.
 */
const QUEUE_STATUS: Record<ReviewQueueStatus, (step: number) => string> = {
  WAITING: (s) => `d.status = 'SUBMITTED' AND d.step = ${s}`,
  FORWARDED: (s) => `d.status = 'SUBMITTED' AND d.step IN (${stepsFrom(s + 1)})`,
  RECORDED: () => `d.status = 'RECORDED' AND d.step = ${RECORDED_STEP}`,
  REJECTED: (s) => `d.status = 'REJECTED' AND d.step IN (${stepsFrom(s)})`,
  WITHDRAWN: (s) => `d.status = 'WITHDRAWN' AND d.step IN (${stepsFrom(s)})`,
  // revoked while under review (from the level it had reached) or after it was recorded
  REVOKED: (s) => `d.status = 'REVOKED' AND d.step IN (${stepsFrom(s)}, ${RECORDED_STEP})`,
};

/** The review steps from `from` to the last (3); 0, which no declaration in the chain has, when none. */
function stepsFrom(from: number): string {
  const steps = [1, 2, 3].filter((s) => s >= from);
  return steps.length ? steps.join(', ') : '0';
}

function stepOf(q: QueueQuery): number {
  if (![1, 2, 3].includes(q.step)) throw new Error(`not a review step: ${q.step}`);
  return q.step;
}

function queueWhere(q: QueueQuery, params: unknown[]): string[] {
  params.push(q.nodeId);
  const where = [`d.${QUEUE_COLUMN[q.level]} = $${params.length}`];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (q.unitId) add((p) => `d.unit_id = ${p}`, q.unitId);
  if (q.kind) add((p) => `d.kind = ${p}`, q.kind);
  if (q.titleSeries) add((p) => `d.title_series = ${p}`, q.titleSeries);
  // submission days in China time
  if (q.from) add((p) => `d.submitted_at >= (${p}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, q.from);
  if (q.to) add((p) => `d.submitted_at < (${p}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, q.to);
  return where;
}

export class ReviewQueueRepository {
  /** One page of a review queue, in submission order (keyset: the queue number). */
  async queuePage(em: Queryable, q: QueueQuery, status: ReviewQueueStatus, afterQueueNo: string | null, limit: number): Promise<Declaration[]> {
    const params: unknown[] = [];
    const where = queueWhere(q, params);
    where.push(QUEUE_STATUS[status](stepOf(q)));
    if (afterQueueNo !== null) {
      params.push(afterQueueNo);
      where.push(`d.queue_no > $${params.length}::bigint`);
    }
    params.push(limit);
    const rows = await queryRows<DeclarationRow>(em, `${SELECT_DECLARATION} WHERE ${where.join(' AND ')} ORDER BY d.queue_no LIMIT $${params.length}`, params);
    return rows.map(toDeclaration);
  }

  /** How many of the queue are in the state, counted up to `limit` + 1 (more than `limit` when it answers that). */
  async queueCount(em: Queryable, q: QueueQuery, status: ReviewQueueStatus, limit: number): Promise<number> {
    const params: unknown[] = [];
    const where = queueWhere(q, params);
    where.push(QUEUE_STATUS[status](stepOf(q)));
    const row = await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM (SELECT 1 FROM declaration d WHERE ${where.join(' AND ')} LIMIT ${limit + 1}) x`, params);
    return row?.n ?? 0;
  }

  /**
   * Every state's count of one queue, in one statement, each counted up to `limit` + 1: a
   * state's count reads at most that many index entries (the queue index, state by state)
   * however many millions the bureau's queue holds.
   */
  async queueCounts(em: Queryable, q: QueueQuery, limit: number): Promise<Record<ReviewQueueStatus, number>> {
    const params: unknown[] = [];
    const where = queueWhere(q, params).join(' AND ');
    const s = stepOf(q);
    const statuses = Object.keys(QUEUE_STATUS) as ReviewQueueStatus[];
    const row = await queryOne<Record<Lowercase<ReviewQueueStatus>, number>>(
      em,
      `SELECT ${statuses
        .map((k) => `(SELECT count(*)::int FROM (SELECT 1 FROM declaration d WHERE ${where} AND ${QUEUE_STATUS[k](s)} LIMIT ${limit + 1}) x) AS ${k.toLowerCase()}`)
        .join(', ')}`,
      params,
    );
    return {
      WAITING: row?.waiting ?? 0,
      FORWARDED: row?.forwarded ?? 0,
      RECORDED: row?.recorded ?? 0,
      REJECTED: row?.rejected ?? 0,
      WITHDRAWN: row?.withdrawn ?? 0,
      REVOKED: row?.revoked ?? 0,
    };
  }
}

// Every query of move requests: the receiving tenant's own rows (row-level security), and the
// three functions that reach across tenants (migration 1733830000001), each for one purpose.
import { subtreeEnd } from '../platform/actor';
import { maskIdNumber } from '../platform/id-number';
import { changedRows, execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import type { TitleLevel, TitleSeries } from '../engine/titles';
import type { MoveConsentRequest, MoveParty, MoveRequest, MoveRequestStatus } from './moves.types';

interface RequestRow {
  id: string;
  id_number: string;
  name: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  title_level: TitleLevel;
  title_series: TitleSeries;
  joined_unit_on: string;
  status: MoveRequestStatus;
  requested_at: Date;
  /** requested_at to the microsecond (UTC text): the first half of the cursor */
  requested_key: string;
  expires_at: Date;
  decided_at: Date | null;
  decided_by: MoveParty | null;
  refusal_reason: string | null;
  source_tenant_name: string | null;
  professional_id: string | null;
  years_moved: number | null;
}

/** A request as its tenant reads it: a pending one past its expiry reads EXPIRED. */
const COLUMNS = `r.id, r.id_number, r.name, r.unit_id, u.name AS unit_name, u.path AS unit_path, r.title_level, r.title_series,
  r.joined_unit_on::text AS joined_unit_on,
  CASE WHEN r.status = 'PENDING' AND r.expires_at <= now() THEN 'EXPIRED' ELSE r.status END AS status,
  r.requested_at, to_char(r.requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS requested_key,
  r.expires_at, CASE WHEN r.status = 'PENDING' AND r.expires_at <= now() THEN r.expires_at ELSE r.decided_at END AS decided_at,
  r.decided_by, r.refusal_reason, r.source_tenant_name, r.professional_id, r.years_moved`;
const FROM = `move_request r JOIN org_node u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id`;

export type MoveRequestRecord = MoveRequest & { requestedKey: string };

function toRequest(row: RequestRow): MoveRequestRecord {
  return {
    id: row.id,
    idNumberMasked: maskIdNumber(row.id_number),
    name: row.name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitPath: row.unit_path,
    titleLevel: row.title_level,
    titleSeries: row.title_series,
    joinedUnitOn: row.joined_unit_on,
    status: row.status,
    requestedAt: row.requested_at,
    requestedKey: row.requested_key,
    expiresAt: row.expires_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    refusalReason: row.refusal_reason,
    sourceTenantName: row.source_tenant_name,
    professionalId: row.professional_id,
    yearsMoved: row.years_moved,
  };
}

export interface NewMoveRequest {
  tenantId: string;
  idNumber: string;
  name: string;
  gender: string;
  birthDate: string;
  unitId: string;
  titleLevel: TitleLevel;
  titleSeries: TitleSeries;
  phone: string | null;
  joinedUnitOn: string;
  requestedBy: string;
  validDays: number;
}

/** The receiving side's list: a subtree of its tree (null: the whole tenant), maybe one status. */
export interface MoveRequestQuery {
  path: string | null;
  status: MoveRequestStatus | null;
}

function whereOf(q: MoveRequestQuery, params: unknown[]): string {
  const clauses: string[] = [];
  if (q.path) clauses.push(`u.path >= $${params.push(q.path)} AND u.path < $${params.push(subtreeEnd(q.path))}`);
  if (q.status) {
    const status = `$${params.push(q.status)}`;
    clauses.push(`(CASE WHEN r.status = 'PENDING' AND r.expires_at <= now() THEN 'EXPIRED' ELSE r.status END) = ${status}`);
  }
  return clauses.length ? clauses.join(' AND ') : 'true';
}

export class MoveRequestsRepository {
  async findOne(db: Queryable, id: string): Promise<MoveRequestRecord | null> {
    const row = await queryOne<RequestRow>(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1`, [id]);
    return row && toRequest(row);
  }

  /** Newest first, keyset on (requested_at, id). */
  async findPage(db: Queryable, q: MoveRequestQuery, after: readonly string[] | null, limit: number): Promise<MoveRequestRecord[]> {
    const params: unknown[] = [];
    let where = whereOf(q, params);
    if (after) where += ` AND (r.requested_at, r.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`;
    const rows = await queryRows<RequestRow>(
      db,
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where} ORDER BY r.requested_at DESC, r.id DESC LIMIT $${params.push(limit)}`,
      params,
    );
    return rows.map(toRequest);
  }

  async count(db: Queryable, q: MoveRequestQuery): Promise<number> {
    const params: unknown[] = [];
    return (await queryOne<{ n: number }>(db, `SELECT count(*)::int AS n FROM ${FROM} WHERE ${whereOf(q, params)}`, params))?.n ?? 0;
  }

  /** A pending request for this person that has expired is closed first, so a new one may be made. */
  async closeExpired(db: Queryable, idNumber: string): Promise<void> {
    await execute(db, `UPDATE move_request SET status = 'EXPIRED', decided_at = expires_at WHERE id_number = $1 AND status = 'PENDING' AND expires_at <= now()`, [
      idNumber,
    ]);
  }

  /** Inserts the request (the unique index refuses a second pending one) and reads it back. */
  async insert(db: Queryable, r: NewMoveRequest): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      db,
      `INSERT INTO move_request (tenant_id, id_number, name, gender, birth_date, unit_id, title_level, title_series, phone, joined_unit_on,
                                 requested_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() + make_interval(days => $12)) RETURNING id`,
      [r.tenantId, r.idNumber, r.name, r.gender, r.birthDate, r.unitId, r.titleLevel, r.titleSeries, r.phone, r.joinedUnitOn, r.requestedBy, r.validDays],
    );
    return row!.id;
  }

  /** Cancels a pending, unexpired request; false when it is not (any more). */
  async cancel(db: Queryable, id: string): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      db,
      `UPDATE move_request SET status = 'CANCELLED', decided_at = now() WHERE id = $1 AND status = 'PENDING' AND expires_at > now() RETURNING id`,
      [id],
    );
    return rows.length === 1;
  }

  /** The receiving tenant's own record of this ID number, if any. */
  async registeredHere(db: Queryable, idNumber: string): Promise<{ unitId: string; status: string } | null> {
    return queryOne<{ unitId: string; status: string }>(db, `SELECT unit_id AS "unitId", status FROM professional WHERE id_number = $1`, [idNumber]);
  }

  /** Is a person with this ID number and name registered (not moved out) in another, active tenant? Nothing more. */
  async candidateExists(db: Queryable, idNumber: string, name: string): Promise<boolean> {
    const row = await queryOne<{ exists: boolean }>(db, `SELECT app_move_candidate_exists($1, $2) AS exists`, [idNumber, name]);
    return row?.exists === true;
  }

  /** Pending requests naming the caller, or the caller's tenant's people (its bureau), oldest first. */
  async consentQueue(db: Queryable, after: readonly string[] | null, limit: number): Promise<(MoveConsentRequest & { requestedKey: string })[]> {
    return queryRows(
      db,
      `SELECT id, receiving_tenant_name AS "receivingTenantName", receiving_unit_name AS "receivingUnitName", requested_at AS "requestedAt",
              to_char(requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "requestedKey",
              expires_at AS "expiresAt", professional_id AS "professionalId"
         FROM app_move_requests_to_consent($1::timestamptz, $2::uuid, $3)`,
      [after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  /** The whole decision, in the database (app_move_decide); errors are raised as `move:<CODE>`. */
  async decide(
    db: Queryable,
    requestId: string,
    decision: 'CONSENT' | 'REFUSE',
    reason: string | null,
    requestRef: string,
  ): Promise<{ receivingTenantName: string; professionalId: string; yearsMoved: number }> {
    const [row] = await queryRows<{ receivingTenantName: string; professionalId: string; yearsMoved: number }>(
      db,
      `SELECT receiving_tenant_name AS "receivingTenantName", source_professional_id AS "professionalId", years_moved AS "yearsMoved"
         FROM app_move_decide($1, $2, $3, $4)`,
      [requestId, decision, reason, requestRef],
    );
    return row!;
  }
}

// Every query of the integrity record: entries are appended (a trigger refuses changes),
// one per declaration at most; the eligibility read is one set-based query.
import type { IntegrityPeriod } from '../engine';
import { queryOne, queryRows, type Queryable } from '../platform/sql';
import type { IntegrityRecordView } from './integrity.types';

interface RecordRow {
  id: string;
  professional_id: string;
  declaration_id: string | null;
  from_date: string;
  to_date: string | null;
  reason: string;
  recorded_at: Date;
}

const COLUMNS = `id, professional_id, declaration_id, from_date::text AS from_date, to_date::text AS to_date, reason, recorded_at`;

function toRecord(row: RecordRow): IntegrityRecordView {
  return {
    id: row.id,
    professionalId: row.professional_id,
    declarationId: row.declaration_id,
    from: row.from_date,
    until: row.to_date,
    reason: row.reason,
    recordedAt: row.recorded_at,
  };
}

export interface NewIntegrityRecord {
  tenantId: string;
  professionalId: string;
  declarationId: string | null;
  from: string;
  /** The policy's term; null: recorded without an end, blocking nothing. */
  termYears: number | null;
  reason: string;
  recordedBy: string;
}

export class IntegrityRepository {
  /** Null when the declaration is on the record already. The term ends the day before the same date `termYears` later. */
  async insert(db: Queryable, r: NewIntegrityRecord): Promise<IntegrityRecordView | null> {
    const row = await queryOne<RecordRow>(
      db,
      `INSERT INTO integrity_record (tenant_id, professional_id, declaration_id, from_date, to_date, reason, recorded_by)
       VALUES ($1, $2, $3, $4::date, CASE WHEN $5::int IS NULL THEN NULL ELSE ($4::date + make_interval(years => $5::int))::date - 1 END, $6, $7)
       ON CONFLICT (tenant_id, declaration_id) WHERE declaration_id IS NOT NULL DO NOTHING
       RETURNING ${COLUMNS}`,
      [r.tenantId, r.professionalId, r.declarationId, r.from, r.termYears, r.reason, r.recordedBy],
    );
    return row && toRecord(row);
  }

  /** The periods with an end (those that can block), per person. */
  async periodsOf(db: Queryable, ids: readonly string[]): Promise<Map<string, IntegrityPeriod[]>> {
    const out = new Map<string, IntegrityPeriod[]>();
    if (!ids.length) return out;
    const rows = await queryRows<RecordRow>(db, `SELECT ${COLUMNS} FROM integrity_record WHERE professional_id = ANY($1::uuid[]) AND to_date IS NOT NULL`, [ids]);
    for (const row of rows) {
      const list = out.get(row.professional_id) ?? [];
      list.push({ from: row.from_date, to: row.to_date!, reason: row.reason });
      out.set(row.professional_id, list);
    }
    return out;
  }

  /** A person's entries, newest first (a handful at most: bounded all the same). */
  async findByProfessional(db: Queryable, professionalId: string, limit: number): Promise<IntegrityRecordView[]> {
    const rows = await queryRows<RecordRow>(db, `SELECT ${COLUMNS} FROM integrity_record WHERE professional_id = $1 ORDER BY from_date DESC, id LIMIT $2`, [professionalId, limit]);
    return rows.map(toRecord);
  }
}

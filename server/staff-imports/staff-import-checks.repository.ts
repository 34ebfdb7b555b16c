// What a staged import is checked against, and how it is written — set-based: a statement
// covers every row of the job, whatever its size.
// - Units are looked up by code or by name inside the tenant (row-level security) and the
//   caller's part of the tree (the path range): another tenant's unit, or one outside the
//   caller's scope, is simply not found. The unit found is staged with the row.
// - People are matched by ID number in the tenant: one in another unit, or one whose title
//   comes from a title history and would change, is an error; one in the same unit is updated.
// - The write is one INSERT … ON CONFLICT DO UPDATE over the job's valid rows, which changes
//   a person only when something differs (a re-import changes nothing).
// Every join goes from the staged rows to an index (professional by ID number, org_node by
// id, the job's errors by row), so no plan turns quadratic while the freshly staged rows
// have no statistics yet.
import { subtreeEnd } from '../platform/actor';
import { maskedIdNumberSql } from '../platform/id-number';
import { execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import type { DryRunCounts } from './staff-imports.repository';
import { COLUMN_BY_KEY, type ColumnKey } from './staff-import-columns';

/** An organisation a unit reference names (by code or by name), inside the caller's scope. */
export interface UnitHit {
  ref: string;
  id: string;
  kind: 'BUREAU' | 'DEPARTMENT' | 'UNIT';
  byCode: boolean;
}

const no = (key: ColumnKey) => COLUMN_BY_KEY[key].no;
const scopeParams = (scopePath: string | null) => [scopePath, scopePath === null ? null : subtreeEnd(scopePath)];

// the staged rows without an error, each with its unit (as it is now) and the person registered under its ID number
const VALID = `valid AS (
  SELECT r.*, o.path AS unit_path, p.id AS professional_id
    FROM staff_import_row r
    JOIN org_node o ON o.id = r.unit_id
    LEFT JOIN professional p ON p.id_number = r.id_number
   WHERE r.job_id = $1 AND NOT EXISTS (SELECT 1 FROM staff_import_error e WHERE e.job_id = r.job_id AND e.row_no = r.row_no)
)`;
// a person's record as their audit rows keep it (the ID number masked)
const SNAPSHOT = (p: string) => `jsonb_build_object('idNumber', ${maskedIdNumberSql(`${p}.id_number`)}, 'name', ${p}.name, 'unitId', ${p}.unit_id, 'titleLevel', ${p}.title_level,
  'titleSeries', ${p}.title_series, 'phone', ${p}.phone, 'status', ${p}.status, 'joinedUnitOn', ${p}.joined_unit_on, 'version', ${p}.version)`;

export class StaffImportChecksRepository {
  /** The organisations `refs` name by code or by name, within `scopePath` (null: the whole tenant). */
  async findUnits(em: Queryable, refs: readonly string[], scopePath: string | null): Promise<UnitHit[]> {
    if (!refs.length) return [];
    const rows = await queryRows<{ ref: string; id: string; kind: UnitHit['kind']; by_code: boolean }>(
      em,
      `SELECT o.code AS ref, o.id, o.kind, true AS by_code FROM org_node o
        WHERE o.code = ANY($1::text[]) AND ($2::text IS NULL OR (o.path >= $2 AND o.path < $3))
       UNION ALL
       SELECT o.name, o.id, o.kind, false FROM org_node o
        WHERE o.name = ANY($1::text[]) AND ($2::text IS NULL OR (o.path >= $2 AND o.path < $3))`,
      [refs, ...scopeParams(scopePath)],
    );
    return rows.map((r) => ({ ref: r.ref, id: r.id, kind: r.kind, byCode: r.by_code }));
  }

  /**
   * The findings the database decides, for rows whose unit was found: the unit no longer a
   * unit in the caller's scope (it may have moved since the dry run), the person registered
   * in another unit, a title that comes from a title history and would change, an employer
   * type that disagrees with the unit's.
   */
  async insertDatabaseErrors(em: Queryable, jobId: string, scopePath: string | null): Promise<void> {
    await execute(
      em,
      `WITH matched AS (
         SELECT r.tenant_id, r.row_no, r.title_level, r.title_series, r.employer_type, r.unit_id,
                o.id IS NOT NULL AND o.kind = 'UNIT' AND ($2::text IS NULL OR (o.path >= $2 AND o.path < $3)) AS unit_ok,
                o.effective_employer_type AS unit_employer_type,
                p.unit_id AS person_unit, p.title_obtained_on, p.title_level AS person_level, p.title_series AS person_series
           FROM staff_import_row r
           LEFT JOIN org_node o ON o.id = r.unit_id
           LEFT JOIN professional p ON p.id_number = r.id_number
          WHERE r.job_id = $1 AND r.unit_id IS NOT NULL
       )
       INSERT INTO staff_import_error (tenant_id, job_id, row_no, column_no, code, detail, rechecked)
       SELECT tenant_id, $1, row_no, column_no, code, detail, true FROM (
         SELECT tenant_id, row_no, ${no('UNIT')} AS column_no, 'UNIT_UNKNOWN' AS code, NULL AS detail FROM matched WHERE NOT unit_ok
         UNION ALL
         SELECT tenant_id, row_no, ${no('ID_NUMBER')}, 'IN_OTHER_UNIT', NULL
           FROM matched WHERE unit_ok AND person_unit IS NOT NULL AND person_unit <> unit_id
         UNION ALL
         SELECT tenant_id, row_no, CASE WHEN title_level IS DISTINCT FROM person_level THEN ${no('TITLE_LEVEL')} ELSE ${no('TITLE_SERIES')} END,
                'TITLE_FROM_HISTORY', NULL
           FROM matched
          WHERE unit_ok AND person_unit = unit_id AND title_obtained_on IS NOT NULL AND title_level IS NOT NULL AND title_series IS NOT NULL
            AND (title_level, title_series) IS DISTINCT FROM (person_level, person_series)
         UNION ALL
         SELECT tenant_id, row_no, ${no('EMPLOYER_TYPE')}, 'EMPLOYER_TYPE_MISMATCH', unit_employer_type
           FROM matched WHERE unit_ok AND employer_type IS NOT NULL AND unit_employer_type IS NOT NULL AND employer_type <> unit_employer_type
       ) found
       ON CONFLICT DO NOTHING`,
      [jobId, ...scopeParams(scopePath)],
    );
  }

  /** The dry run's counts over the staged rows and their errors. */
  async count(em: Queryable, jobId: string): Promise<DryRunCounts> {
    // an empty phone keeps the one on record, so it changes nothing
    const row = await queryOne<{ total: number; valid: number; errors: number; to_create: number; to_update: number }>(
      em,
      `WITH ${VALID}
       SELECT (SELECT count(*)::int FROM staff_import_row WHERE job_id = $1) AS total,
              (SELECT count(*)::int FROM staff_import_error WHERE job_id = $1) AS errors,
              count(*)::int AS valid,
              (count(*) FILTER (WHERE v.professional_id IS NULL))::int AS to_create,
              (count(*) FILTER (WHERE p.id IS NOT NULL AND (p.name, p.title_level, p.title_series, p.phone, p.joined_unit_on)
                 IS DISTINCT FROM (v.name, v.title_level, v.title_series, COALESCE(v.phone, p.phone), v.joined_on)))::int AS to_update
         FROM valid v LEFT JOIN professional p ON p.id = v.professional_id`,
      [jobId],
    );
    const r = row!;
    return { totalRows: r.total, validRows: r.valid, errorCount: r.errors, toCreate: r.to_create, toUpdate: r.to_update, unchanged: r.valid - r.to_create - r.to_update };
  }

  /**
   * Registers the job's valid rows and updates the people already registered in the same
   * unit (a person who moved to another unit meanwhile is left alone), then writes an audit
   * row for each person written (`audit`: the audit capability's INSERT over a sub-select,
   * its parameters numbered from 2). Three statements, each driven by the staged rows and
   * joined to indexes: the records before, kept on the staged rows; the write; the audit rows,
   * which find the people written by the transaction's time (now() is the same all through
   * it: a person created has it as created_at, one changed as updated_at). Answers how many
   * people were created and how many written.
   */
  async apply(em: Queryable, tenantId: string, jobId: string, audit: (source: string, firstParam: number) => { sql: string; params: unknown[] }): Promise<{ created: number; written: number }> {
    await execute(em, `UPDATE staff_import_row r SET before = ${SNAPSHOT('p')} FROM professional p WHERE r.job_id = $1 AND p.id_number = r.id_number`, [jobId]);
    await execute(
      em,
      `WITH ${VALID}
       INSERT INTO professional AS p (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)
       SELECT $2, v.id_number, v.name, v.gender, v.birth_date, v.unit_id, v.unit_path, v.title_level, v.title_series, v.phone, v.joined_on FROM valid v
       ON CONFLICT (tenant_id, id_number) DO UPDATE
         SET name = EXCLUDED.name, title_level = EXCLUDED.title_level, title_series = EXCLUDED.title_series,
             phone = COALESCE(EXCLUDED.phone, p.phone), joined_unit_on = EXCLUDED.joined_unit_on, version = p.version + 1, updated_at = now()
         WHERE p.unit_id = EXCLUDED.unit_id
           AND (p.name, p.title_level, p.title_series, p.phone, p.joined_unit_on)
               IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.title_level, EXCLUDED.title_series, COALESCE(EXCLUDED.phone, p.phone), EXCLUDED.joined_unit_on)`,
      [jobId, tenantId],
    );
    // what a single registration (professional.create) or edit (professional.update) records, naming the import
    const entries = audit(
      `(SELECT CASE WHEN p.created_at = now() THEN 'professional.create' ELSE 'professional.update' END AS action, 'professional' AS entity_type,
               p.id::text AS entity_id, CASE WHEN p.created_at = now() THEN NULL ELSE r.before END AS before,
               ${SNAPSHOT('p')} || jsonb_build_object('importId', $1::uuid) AS after
          FROM staff_import_row r JOIN professional p ON p.id_number = r.id_number
         WHERE r.job_id = $1 AND p.updated_at = now()
           AND NOT EXISTS (SELECT 1 FROM staff_import_error e WHERE e.job_id = r.job_id AND e.row_no = r.row_no))`,
      2,
    );
    const row = await queryOne<{ created: number; written: number }>(
      em,
      `WITH audited AS (${entries.sql})
       SELECT (count(*) FILTER (WHERE action = 'professional.create'))::int AS created, count(*)::int AS written FROM audited`,
      [jobId, ...entries.params],
    );
    return row ?? { created: 0, written: 0 };
  }
}

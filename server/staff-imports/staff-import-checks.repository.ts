// What a staged import is checked against, and how it is written — set-based: a statement
// covers every row of the job, whatever its size.
// - Units are looked up by code or by name inside the tenant (row-level security) and the
//   caller's part of the tree (the path range): another tenant's unit, or one outside the
//   caller's scope, is simply not found.
// - People are matched by ID number in the tenant: one in another unit, or one whose title
//   comes from a title history and would change, is an error; one in the same unit is updated.
// - The write is one INSERT … ON CONFLICT DO UPDATE over the job's valid rows, which changes
//   a person only when something differs (a re-import changes nothing).
import type { EntityManager } from 'typeorm';
import { subtreeEnd } from '../platform/actor';
import { execute, queryOne, queryRows } from '../platform/sql';
import type { EmployerType, TitleLevel, TitleSeries } from '../engine/titles';
import type { ProfessionalStatus } from '../professionals/professionals.types';
import type { DryRunCounts } from './staff-imports.repository';
import { COLUMN_BY_KEY } from './staff-import-columns';
import type { Problem } from './staff-import-problems';

/** The units a job's rows name, resolved; `problem` set where a reference found no single unit. */
export interface UnitResolution {
  refs: string[];
  unitIds: (string | null)[];
  unitPaths: (string | null)[];
  employerTypes: (EmployerType | null)[];
  problems: (Problem | null)[];
}

interface UnitHit {
  unit_ref: string;
  id: string;
  kind: 'BUREAU' | 'DEPARTMENT' | 'UNIT';
  path: string;
  effective_employer_type: EmployerType | null;
  by_code: boolean;
}

/** A person as the import wrote them, with what they were before (null for a new registration). */
export interface WrittenPerson {
  id: string;
  inserted: boolean;
  after: PersonSnapshot;
  before: PersonSnapshot | null;
}

export interface PersonSnapshot {
  idNumber: string;
  name: string;
  unitId: string;
  titleLevel: TitleLevel;
  titleSeries: TitleSeries;
  phone: string | null;
  status: ProfessionalStatus;
  joinedUnitOn: string;
  version: number;
}

// the resolved units, as a relation the statements join the staged rows to
const UNITS = `units AS (SELECT * FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[]) AS u(ref, id, path, employer_type) WHERE u.id IS NOT NULL)`;
// the staged rows without an error, each with its unit and the person already registered under its ID number
const VALID = `valid AS (
  SELECT r.*, u.id AS unit_id, u.path AS unit_path, p.id AS professional_id
    FROM staff_import_row r
    JOIN units u ON u.ref = r.unit_ref
    LEFT JOIN professional p ON p.id_number = r.id_number
   WHERE r.job_id = $1 AND NOT EXISTS (SELECT 1 FROM staff_import_error e WHERE e.job_id = r.job_id AND e.row_no = r.row_no)
)`;
// what an existing person would look like after the row (an empty phone keeps the one on record)
const DIFFERS = `(p.name, p.title_level, p.title_series, p.phone, p.joined_unit_on)
  IS DISTINCT FROM (v.name, v.title_level, v.title_series, COALESCE(v.phone, p.phone), v.joined_on)`;

function unitParams(jobId: string, u: UnitResolution): unknown[] {
  return [jobId, u.refs, u.unitIds, u.unitPaths, u.employerTypes];
}

export class StaffImportChecksRepository {
  /**
   * The units the job's rows name, within `scopePath` (null: the whole tenant). A code wins
   * over a name (codes are unique); a name must name one unit.
   */
  async resolveUnits(em: EntityManager, jobId: string, scopePath: string | null): Promise<UnitResolution> {
    const hits = await queryRows<UnitHit>(
      em,
      `WITH refs AS (SELECT DISTINCT unit_ref FROM staff_import_row WHERE job_id = $1 AND unit_ref IS NOT NULL),
       hits AS (
         SELECT r.unit_ref, o.id, o.kind, o.path, o.effective_employer_type, true AS by_code FROM refs r JOIN org_node o ON o.code = r.unit_ref
         UNION ALL
         SELECT r.unit_ref, o.id, o.kind, o.path, o.effective_employer_type, false FROM refs r JOIN org_node o ON o.name = r.unit_ref
       )
       SELECT r.unit_ref, h.id, h.kind, h.path, h.effective_employer_type, h.by_code
         FROM refs r LEFT JOIN hits h ON h.unit_ref = r.unit_ref AND ($2::text IS NULL OR (h.path >= $2 AND h.path < $3))`,
      [jobId, scopePath, scopePath === null ? null : subtreeEnd(scopePath)],
    );
    const byRef = new Map<string, UnitHit[]>();
    for (const h of hits) {
      const list = byRef.get(h.unit_ref) ?? [];
      if (h.id) list.push(h);
      byRef.set(h.unit_ref, list);
    }
    const out: UnitResolution = { refs: [], unitIds: [], unitPaths: [], employerTypes: [], problems: [] };
    for (const [ref, list] of byRef) {
      const byCode = list.find((h) => h.by_code);
      const ids = new Set(list.map((h) => h.id));
      const hit = byCode ?? (ids.size === 1 ? list[0] : undefined);
      const problem: Problem | null = hit ? (hit.kind === 'UNIT' ? null : 'NOT_A_UNIT') : ids.size > 1 ? 'UNIT_AMBIGUOUS' : 'UNIT_UNKNOWN';
      out.refs.push(ref);
      out.unitIds.push(problem ? null : hit!.id);
      out.unitPaths.push(problem ? null : hit!.path);
      out.employerTypes.push(problem ? null : hit!.effective_employer_type);
      out.problems.push(problem);
    }
    return out;
  }

  /**
   * The findings the database decides: units not found (or not one unit), people registered
   * in another unit, a title that comes from a title history and would change, an employer
   * type that disagrees with the unit's.
   */
  async insertDatabaseErrors(em: EntityManager, jobId: string, units: UnitResolution): Promise<void> {
    const no = (key: keyof typeof COLUMN_BY_KEY) => COLUMN_BY_KEY[key].no;
    await execute(
      em,
      `INSERT INTO staff_import_error (tenant_id, job_id, row_no, column_no, code, detail, source)
       SELECT r.tenant_id, r.job_id, r.row_no, ${no('UNIT')}, u.problem, NULL, 'DATABASE'
         FROM staff_import_row r JOIN unnest($2::text[], $3::text[]) AS u(ref, problem) ON u.ref = r.unit_ref
        WHERE r.job_id = $1 AND u.problem IS NOT NULL
       ON CONFLICT DO NOTHING`,
      [jobId, units.refs, units.problems],
    );
    await execute(
      em,
      `WITH ${UNITS},
       matched AS (
         SELECT r.tenant_id, r.row_no, r.title_level, r.title_series, r.employer_type, u.id AS unit_id, u.employer_type AS unit_employer_type,
                p.unit_id AS person_unit, p.title_obtained_on, p.title_level AS person_level, p.title_series AS person_series
           FROM staff_import_row r
           JOIN units u ON u.ref = r.unit_ref
           LEFT JOIN professional p ON p.id_number = r.id_number
          WHERE r.job_id = $1
       )
       INSERT INTO staff_import_error (tenant_id, job_id, row_no, column_no, code, detail, source)
       SELECT tenant_id, $1, row_no, column_no, code, detail, 'DATABASE' FROM (
         SELECT tenant_id, row_no, ${no('ID_NUMBER')} AS column_no, 'IN_OTHER_UNIT' AS code, NULL AS detail
           FROM matched WHERE person_unit IS NOT NULL AND person_unit <> unit_id
         UNION ALL
         SELECT tenant_id, row_no, CASE WHEN title_level IS DISTINCT FROM person_level THEN ${no('TITLE_LEVEL')} ELSE ${no('TITLE_SERIES')} END,
                'TITLE_FROM_HISTORY', NULL
           FROM matched
          WHERE person_unit = unit_id AND title_obtained_on IS NOT NULL AND title_level IS NOT NULL AND title_series IS NOT NULL
            AND (title_level, title_series) IS DISTINCT FROM (person_level, person_series)
         UNION ALL
         SELECT tenant_id, row_no, ${no('EMPLOYER_TYPE')}, 'EMPLOYER_TYPE_MISMATCH', unit_employer_type
           FROM matched WHERE employer_type IS NOT NULL AND unit_employer_type IS NOT NULL AND employer_type <> unit_employer_type
       ) found
       ON CONFLICT DO NOTHING`,
      unitParams(jobId, units),
    );
  }

  /** The dry run's counts over the staged rows and their errors. */
  async count(em: EntityManager, jobId: string, units: UnitResolution): Promise<DryRunCounts> {
    const row = await queryOne<{ total: number; valid: number; errors: number; to_create: number; to_update: number }>(
      em,
      `WITH ${UNITS}, ${VALID}
       SELECT (SELECT count(*)::int FROM staff_import_row WHERE job_id = $1) AS total,
              (SELECT count(*)::int FROM staff_import_error WHERE job_id = $1) AS errors,
              (SELECT count(*)::int FROM valid) AS valid,
              (SELECT count(*)::int FROM valid WHERE professional_id IS NULL) AS to_create,
              (SELECT count(*)::int FROM valid v JOIN professional p ON p.id = v.professional_id WHERE ${DIFFERS}) AS to_update`,
      unitParams(jobId, units),
    );
    const r = row!;
    return { totalRows: r.total, validRows: r.valid, errorCount: r.errors, toCreate: r.to_create, toUpdate: r.to_update, unchanged: r.valid - r.to_create - r.to_update };
  }

  /**
   * Registers the job's valid rows and updates the people already registered in the same
   * unit, in one statement; a person who moved to another unit meanwhile is left alone. Only
   * the people written come back (with their state before).
   */
  async apply(em: EntityManager, tenantId: string, jobId: string, units: UnitResolution): Promise<WrittenPerson[]> {
    const rows = await queryRows<{
      id: string;
      inserted: boolean;
      after: PersonSnapshot;
      before: PersonSnapshot | null;
    }>(
      em,
      `WITH ${UNITS}, ${VALID},
       before AS (
         SELECT p.id, jsonb_build_object('idNumber', p.id_number, 'name', p.name, 'unitId', p.unit_id, 'titleLevel', p.title_level,
                  'titleSeries', p.title_series, 'phone', p.phone, 'status', p.status, 'joinedUnitOn', p.joined_unit_on, 'version', p.version) AS snapshot
           FROM valid v JOIN professional p ON p.id = v.professional_id
       ),
       written AS (
         INSERT INTO professional AS p (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)
         SELECT $6, v.id_number, v.name, v.gender, v.birth_date, v.unit_id, v.unit_path, v.title_level, v.title_series, v.phone, v.joined_on FROM valid v
         ON CONFLICT (tenant_id, id_number) DO UPDATE
           SET name = EXCLUDED.name, title_level = EXCLUDED.title_level, title_series = EXCLUDED.title_series,
               phone = COALESCE(EXCLUDED.phone, p.phone), joined_unit_on = EXCLUDED.joined_unit_on, version = p.version + 1, updated_at = now()
           WHERE p.unit_id = EXCLUDED.unit_id
             AND (p.name, p.title_level, p.title_series, p.phone, p.joined_unit_on)
                 IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.title_level, EXCLUDED.title_series, COALESCE(EXCLUDED.phone, p.phone), EXCLUDED.joined_unit_on)
         RETURNING p.id, (p.xmax = 0) AS inserted,
           jsonb_build_object('idNumber', p.id_number, 'name', p.name, 'unitId', p.unit_id, 'titleLevel', p.title_level,
             'titleSeries', p.title_series, 'phone', p.phone, 'status', p.status, 'joinedUnitOn', p.joined_unit_on, 'version', p.version) AS after
       )
       SELECT w.id, w.inserted, w.after, b.snapshot AS before FROM written w LEFT JOIN before b ON b.id = w.id`,
      [...unitParams(jobId, units), tenantId],
    );
    return rows;
  }
}

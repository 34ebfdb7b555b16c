// The staff import's own records: jobs, their staged rows and errors, and the daily
// upload counter. Staged rows and errors are written a batch at a time (one multi-row
// INSERT per batch, from arrays); the checks that read the rest of the database and the
// final write are in staff-import-checks.repository.ts.
import { subtreeEnd } from '../platform/actor';
import { COLUMNS } from './staff-import-columns';
import { problemMessage, type Problem } from './staff-import-problems';
import { changedRows, execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import type { RowProblem, StagedRow } from './row-check';
import { StaffImport, StaffImportRowError, type StaffImportMode, type StaffImportStatus } from './staff-imports.types';
import type { TemplateUnit } from './template';

/** How long a checked file waits for its confirmation. */
export const STAFF_IMPORT_TTL_HOURS = 24;

interface JobRow {
  id: string;
  created_by: string;
  file_name: string;
  file_bytes: string;
  status: StaffImportStatus;
  total_rows: number;
  valid_rows: number;
  error_count: number;
  to_create: number;
  to_update: number;
  unchanged: number;
  mode: StaffImportMode | null;
  created_count: number | null;
  updated_count: number | null;
  unchanged_count: number | null;
  skipped_count: number | null;
  confirmed_at: Date | null;
  created_at: Date;
  /** created_at to the microsecond, the list's keyset position (a Date keeps milliseconds only) */
  created_key: string;
  version: number;
}

const JOB_COLUMNS = `id, created_by, file_name, file_bytes, status, total_rows, valid_rows, error_count, to_create, to_update, unchanged,
  mode, created_count, updated_count, unchanged_count, skipped_count, confirmed_at, created_at,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key, version`;

function toStaffImport(row: JobRow): StaffImport {
  return Object.assign(new StaffImport(), {
    id: row.id,
    createdBy: row.created_by,
    fileName: row.file_name,
    fileBytes: Number(row.file_bytes),
    status: row.status,
    createdAt: row.created_at,
    createdKey: row.created_key,
    expiresAt: new Date(row.created_at.getTime() + STAFF_IMPORT_TTL_HOURS * 3600e3),
    totalRows: row.total_rows,
    validRows: row.valid_rows,
    invalidRows: row.total_rows - row.valid_rows,
    errorCount: row.error_count,
    toCreate: row.to_create,
    toUpdate: row.to_update,
    toLeaveUnchanged: row.unchanged,
    result:
      row.mode && row.confirmed_at
        ? {
            mode: row.mode,
            created: row.created_count ?? 0,
            updated: row.updated_count ?? 0,
            unchanged: row.unchanged_count ?? 0,
            skipped: row.skipped_count ?? 0,
            confirmedAt: row.confirmed_at,
          }
        : null,
    version: row.version,
  });
}

/** The dry run's counts. */
export interface DryRunCounts {
  totalRows: number;
  validRows: number;
  errorCount: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
}

/** What a confirmation wrote. */
export interface ImportOutcome {
  mode: StaffImportMode;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export class StaffImportsRepository {
  /** Counts one more upload of `accountId` on `day` unless `max` are counted already (one statement: parallel uploads cannot all pass). */
  async consumeUpload(em: Queryable, tenantId: string, accountId: string, day: string, max: number): Promise<boolean> {
    const rows = await queryRows<{ uploads: number }>(
      em,
      `INSERT INTO staff_import_count AS c (tenant_id, account_id, day, uploads) VALUES ($1, $2, $3, 1)
       ON CONFLICT (tenant_id, account_id) DO UPDATE
         SET uploads = CASE WHEN c.day = EXCLUDED.day THEN c.uploads + 1 ELSE 1 END, day = EXCLUDED.day
         WHERE c.day <> EXCLUDED.day OR c.uploads < $4
       RETURNING uploads`,
      [tenantId, accountId, day, max],
    );
    return rows.length === 1;
  }

  /** The units in a part of the tree (null: the tenant), by path; none when there are more than `max`. */
  async findUnits(em: Queryable, path: string | null, max: number): Promise<TemplateUnit[]> {
    const rows = await queryRows<{ name: string; code: string | null }>(
      em,
      `SELECT name, code FROM org_node
        WHERE kind = 'UNIT' AND ($1::text IS NULL OR (path >= $1 AND path < $2)) ORDER BY path LIMIT $3`,
      [path, path === null ? null : subtreeEnd(path), max + 1],
    );
    return rows.length > max ? [] : rows;
  }

  /** Jobs left unconfirmed past their time: marked EXPIRED, their staged rows dropped. */
  async expireStale(em: Queryable): Promise<void> {
    await execute(
      em,
      `WITH stale AS (
         UPDATE staff_import_job SET status = 'EXPIRED', version = version + 1
          WHERE status = 'READY' AND created_at < now() - make_interval(hours => $1)
         RETURNING tenant_id, id
       )
       DELETE FROM staff_import_row r USING stale WHERE r.tenant_id = stale.tenant_id AND r.job_id = stale.id`,
      [STAFF_IMPORT_TTL_HOURS],
    );
  }

  async insertJob(em: Queryable, tenantId: string, createdBy: string, fileName: string, fileBytes: number): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      em,
      `INSERT INTO staff_import_job (tenant_id, created_by, file_name, file_bytes) VALUES ($1, $2, $3, $4) RETURNING id`,
      [tenantId, createdBy, fileName, fileBytes],
    );
    return row!.id;
  }

  /** A batch of staged rows in one statement. */
  async insertRows(db: Queryable, tenantId: string, jobId: string, rows: readonly StagedRow[]): Promise<void> {
    if (!rows.length) return;
    const col = <T>(f: (r: StagedRow) => T) => rows.map(f);
    await execute(
      db,
      `INSERT INTO staff_import_row (tenant_id, job_id, row_no, name, id_number, gender, birth_date, unit_ref, unit_id, title_level, title_series, employer_type, phone, joined_on)
       SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::uuid[], $10::text[], $11::text[], $12::text[], $13::text[], $14::date[])`,
      [
        tenantId,
        jobId,
        col((r) => r.rowNo),
        col((r) => r.name),
        col((r) => r.idNumber),
        col((r) => r.gender),
        col((r) => r.birthDate),
        col((r) => r.unitRef),
        col((r) => r.unitId),
        col((r) => r.titleLevel),
        col((r) => r.titleSeries),
        col((r) => r.employerType),
        col((r) => r.phone),
        col((r) => r.joinedOn),
      ],
    );
  }

  /** A batch of problems found in the rows themselves and their unit references (final: not checked again), in one statement. */
  async insertRowErrors(db: Queryable, tenantId: string, jobId: string, problems: readonly RowProblem[]): Promise<void> {
    if (!problems.length) return;
    await execute(
      db,
      `INSERT INTO staff_import_error (tenant_id, job_id, row_no, column_no, code, detail, rechecked)
       SELECT $1, $2, p.*, false FROM unnest($3::int[], $4::int[], $5::text[], $6::text[]) AS p
       ON CONFLICT DO NOTHING`,
      [tenantId, jobId, problems.map((p) => p.rowNo), problems.map((p) => p.columnNo), problems.map((p) => p.code), problems.map((p) => p.detail)],
    );
  }

  /**
   * Every row whose ID number another row of the file repeats, naming (up to five of) the
   * others. One pass in ID-number order (window functions): no join, so no plan can make it
   * quadratic while the staged rows have no statistics yet.
   */
  async flagDuplicates(em: Queryable, jobId: string): Promise<void> {
    await execute(
      em,
      `INSERT INTO staff_import_error (tenant_id, job_id, row_no, column_no, code, detail, rechecked)
       SELECT tenant_id, job_id, row_no, $2, 'DUPLICATE_IN_FILE',
              (SELECT string_agg(o::text, ', ') FROM (SELECT o FROM unnest(w.rows) o WHERE o <> w.row_no ORDER BY o LIMIT 5) x), false
         FROM (
           SELECT tenant_id, job_id, row_no, count(*) OVER same AS n, (array_agg(row_no) OVER same)[1:6] AS rows
             FROM staff_import_row WHERE job_id = $1 AND id_number IS NOT NULL
           WINDOW same AS (PARTITION BY id_number ORDER BY row_no ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
         ) w
        WHERE w.n > 1
       ON CONFLICT DO NOTHING`,
      [jobId, COLUMNS.find((c) => c.key === 'ID_NUMBER')!.no],
    );
  }

  async setCounts(em: Queryable, jobId: string, c: DryRunCounts): Promise<StaffImport> {
    const [row] = await changedRows<JobRow>(
      em,
      `UPDATE staff_import_job SET total_rows = $2, valid_rows = $3, error_count = $4, to_create = $5, to_update = $6, unchanged = $7
        WHERE id = $1 RETURNING ${JOB_COLUMNS}`,
      [jobId, c.totalRows, c.validRows, c.errorCount, c.toCreate, c.toUpdate, c.unchanged],
    );
    return toStaffImport(row!);
  }

  async findOne(em: Queryable, id: string): Promise<StaffImport | null> {
    const row = await queryOne<JobRow>(em, `SELECT ${JOB_COLUMNS} FROM staff_import_job WHERE id = $1`, [id]);
    return row ? toStaffImport(row) : null;
  }

  /** The job, its row locked until the transaction ends: a second confirmation waits, then sees it confirmed. */
  async lockOne(em: Queryable, id: string): Promise<StaffImport | null> {
    const row = await queryOne<JobRow>(em, `SELECT ${JOB_COLUMNS} FROM staff_import_job WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toStaffImport(row) : null;
  }

  /** An account's jobs, newest first, after the keyset position. */
  async findPageOfCreator(em: Queryable, accountId: string, after: readonly string[] | null, limit: number): Promise<StaffImport[]> {
    const rows = await queryRows<JobRow>(
      em,
      `SELECT ${JOB_COLUMNS} FROM staff_import_job
        WHERE created_by = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [accountId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return rows.map(toStaffImport);
  }

  async countOfCreator(em: Queryable, accountId: string): Promise<number> {
    return (await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM staff_import_job WHERE created_by = $1`, [accountId]))?.n ?? 0;
  }

  /** One page of a job's errors in (row, column, code) order. */
  async findErrors(em: Queryable, jobId: string, after: readonly [number, number, string] | null, limit: number): Promise<StaffImportRowError[]> {
    const rows = await queryRows<{ row_no: number; column_no: number; code: Problem; detail: string | null }>(
      em,
      `SELECT row_no, column_no, code, detail FROM staff_import_error
        WHERE job_id = $1 AND ($2::int IS NULL OR (row_no, column_no, code) > ($2::int, $3::int, $4::text))
        ORDER BY row_no, column_no, code LIMIT $5`,
      [jobId, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, limit],
    );
    return rows.map((r) => {
      const column = COLUMNS.find((c) => c.no === r.column_no)!;
      return Object.assign(new StaffImportRowError(), {
        row: r.row_no,
        column: column.key,
        columnLabel: column.header,
        columnNo: r.column_no,
        code: r.code,
        detail: r.detail,
        message: problemMessage(r.code, r.detail),
      });
    });
  }

  async countErrors(em: Queryable, jobId: string): Promise<number> {
    return (await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM staff_import_error WHERE job_id = $1`, [jobId]))?.n ?? 0;
  }

  /** The findings that are decided again at confirmation, before they are. */
  async deleteRecheckedErrors(em: Queryable, jobId: string): Promise<void> {
    await execute(em, `DELETE FROM staff_import_error WHERE job_id = $1 AND rechecked`, [jobId]);
  }

  /** Records the confirmation and drops the staged rows (the ID numbers are kept once, in `professional`). */
  async finish(em: Queryable, jobId: string, confirmedBy: string, o: ImportOutcome): Promise<StaffImport> {
    const [row] = await changedRows<JobRow>(
      em,
      `UPDATE staff_import_job SET status = 'IMPORTED', mode = $2, created_count = $3, updated_count = $4, unchanged_count = $5, skipped_count = $6,
              confirmed_by = $7, confirmed_at = now(), version = version + 1
        WHERE id = $1 AND status = 'READY' RETURNING ${JOB_COLUMNS}`,
      [jobId, o.mode, o.created, o.updated, o.unchanged, o.skipped, confirmedBy],
    );
    if (!row) throw new Error(`staff import ${jobId} was not READY under its lock`);
    await execute(em, `DELETE FROM staff_import_row WHERE job_id = $1`, [jobId]);
    return toStaffImport(row);
  }
}

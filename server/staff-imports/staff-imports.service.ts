// Staff import (批量导入, 004 三、(二)): officials register their staff from the spreadsheet
// template instead of one by one. An upload is checked at once (the dry run) and stored as a
// job: its rows staged, every problem recorded by row and column. Nothing is registered
// until the official confirms the job (staff-import-confirm.service.ts).
//
// The dry run, in one transaction (a failure leaves no job behind):
//   1. jobs left unconfirmed for a day expire (their staged rows are dropped);
//   2. the rows stream out of the file (sheet-reader.ts) and are checked one by one on their
//      own (row-check.ts: required cells, formulas, ID numbers, names, lists, dates); every
//      500 rows have their units looked up (unit-lookup.ts: in the caller's tenant and part
//      of the tree only) and are staged with their problems, one statement each;
//   3. set-based checks over the whole job: ID numbers the file repeats, people already
//      registered elsewhere, titles from a title history, employer types;
//   4. the counts: rows, valid rows, problems, and what a confirmation would create or update.
import type { Queryable } from '../platform/sql';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { requireOfficial, requireTenant } from '../platform/access';
import { type AccountActor, scopeOf } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { type Metrics, noMetrics, timedJob } from '../platform/metrics';
import { type Connection, decodeCursor, type PageRequest, toConnection } from '../platform/pagination';
import { inTransaction } from '../platform/transaction';
import { isUuid } from '../platform/uuid';
import { checkRow, type RowProblem, type StagedRow } from './row-check';
import { readStaffRows } from './sheet-reader';
import type { StaffImportChecksRepository } from './staff-import-checks.repository';
import { staffImportError } from './staff-imports.errors';
import type { DryRunCounts, StaffImportsRepository } from './staff-imports.repository';
import type { StaffImport, StaffImportRowError } from './staff-imports.types';
import type { TemplateUnit } from './template';
import { UnitLookup } from './unit-lookup';
import type { ZipEntry } from './xlsx-file';

export interface StaffImportSettings {
  /** largest file, in bytes (STAFF_IMPORT_MAX_BYTES) */
  maxBytes: number;
  /** data rows one file may hold (STAFF_IMPORT_MAX_ROWS) */
  maxRows: number;
  /** files one account may upload a day, China time (STAFF_IMPORT_DAILY_UPLOADS) */
  dailyUploads: number;
}

/** An upload, written to a temporary file as it arrived, and checked (inspectWorkbook). */
export interface UploadedWorkbook {
  path: string;
  bytes: number;
  entries: readonly ZipEntry[];
  /** the name the client gave, unchecked */
  fileName: string | undefined;
}

// small batches: the rows of a batch wait in memory while it is written, and fewer of them outlive a young-generation collection
const BATCH_ROWS = 500;
/** Units listed in the template at most (a drop-down list of more helps nobody). */
const TEMPLATE_UNITS = 2000;
/** Reading a file stops after this long (a file of the largest size allowed reads in a few seconds). */
const READ_TIME_LIMIT_MS = 60_000;

export class StaffImportsService {
  constructor(
    private readonly repo: StaffImportsRepository,
    private readonly checks: StaffImportChecksRepository,
    private readonly audit: AuditService,
    private readonly runtime: DataSource,
    readonly settings: StaffImportSettings,
    private readonly clock: Clock,
    private readonly metrics: Metrics = noMetrics,
  ) {}

  /** Who may import: an official of a tenant (bureau, department or unit; each within their part of the tree). */
  checkImporter(ctx: Context): AccountActor {
    const actor = requireOfficial(ctx);
    requireTenant(ctx);
    return actor;
  }

  /** Counts the upload against the account's daily allowance, committed at once, before the file is read. */
  async consumeUpload(ctx: Context): Promise<void> {
    const actor = this.checkImporter(ctx);
    const tenantId = requireTenant(ctx);
    const day = this.clock.today();
    const counted = await inTransaction(this.runtime, { tenantId, actorId: actor.id }, (em) =>
      this.repo.consumeUpload(em, tenantId, actor.id, day, this.settings.dailyUploads),
    );
    if (!counted) throw staffImportError('STAFF_IMPORT_QUOTA_EXCEEDED', 'file', `每个账号每天最多 ${this.settings.dailyUploads} 个`);
  }

  /** Reads, stages and checks an uploaded workbook: the job with its counts. Nothing is registered yet. */
  dryRun(ctx: Context, file: UploadedWorkbook): Promise<StaffImport> {
    return timedJob(this.metrics, 'staff_import_check', () => this.check(ctx, file));
  }

  private async check(ctx: Context, file: UploadedWorkbook): Promise<StaffImport> {
    const actor = this.checkImporter(ctx);
    const tenantId = requireTenant(ctx);
    const now = Date.now();
    const fileName = cleanFileName(file.fileName);
    return inTransaction(this.runtime, { tenantId, actorId: actor.id }, async (em) => {
      await this.repo.expireStale(em);
      const jobId = await this.repo.insertJob(em, tenantId, actor.id, fileName, file.bytes);
      const units = new UnitLookup(this.checks, scopePathOf(actor));
      let rows: StagedRow[] = [];
      let problems: RowProblem[] = [];
      let total = 0;
      const flush = async () => {
        problems.push(...(await units.resolve(em, rows)));
        await this.repo.insertRows(em, tenantId, jobId, rows);
        await this.repo.insertRowErrors(em, tenantId, jobId, problems);
        rows = [];
        problems = [];
      };
      for await (const { rowNo, cells } of readStaffRows(file.path, file.entries, { maxRows: this.settings.maxRows, timeLimitMs: READ_TIME_LIMIT_MS })) {
        const checked = checkRow(rowNo, cells, { now });
        rows.push(checked.row);
        problems.push(...checked.problems);
        total++;
        if (rows.length >= BATCH_ROWS) await flush();
      }
      await flush();
      if (total === 0) throw staffImportError('STAFF_IMPORT_EMPTY', 'file');
      await this.repo.flagDuplicates(em, jobId);
      const counts = await checkAgainstDatabase(em, this.checks, jobId, actor);
      const job = await this.repo.setCounts(em, jobId, counts);
      await this.audit.record(
        ctx,
        { action: 'staffImport.upload', entityType: 'staff_import', entityId: jobId, after: { fileName, fileBytes: file.bytes, ...counts } },
        { em },
      );
      return job;
    });
  }

  /** The units the caller may import into, for the template's list (none when there are too many for a list). */
  async findTemplateUnits(ctx: Context): Promise<TemplateUnit[]> {
    const actor = this.checkImporter(ctx);
    return this.repo.findUnits(await ctx.db(), scopePathOf(actor), TEMPLATE_UNITS);
  }

  /** One of the caller's jobs, or null (missing, another account's, or not a job id: the same answer). */
  async findOne(ctx: Context, id: string): Promise<StaffImport | null> {
    const actor = this.checkImporter(ctx);
    if (!isUuid(id)) return null;
    const job = await this.repo.findOne(await ctx.db(), id);
    return job && job.createdBy === actor.id ? job : null;
  }

  /** The caller's jobs, newest first. */
  async findMine(ctx: Context, page: PageRequest): Promise<Connection<StaffImport>> {
    const actor = this.checkImporter(ctx);
    const after = decodeCursor(page.after, 2, ([at, id]) => !Number.isNaN(Date.parse(at!)) && isUuid(id!));
    const em = await ctx.db();
    const rows = await this.repo.findPageOfCreator(em, actor.id, after, page.first + 1);
    return toConnection(rows, page, (r) => [r.createdKey, r.id], () => this.repo.countOfCreator(em, actor.id));
  }

  /** A job's problems by row and column (the job was found through `findOne`). */
  async findErrors(ctx: Context, job: StaffImport, page: PageRequest): Promise<Connection<StaffImportRowError>> {
    const key = decodeCursor(page.after, 3, ([row, column, code]) => /^\d{1,7}$/.test(row!) && /^[1-8]$/.test(column!) && /^[A-Z_]{1,40}$/.test(code!));
    const after = key ? ([Number(key[0]), Number(key[1]), key[2]!] as const) : null;
    const em = await ctx.db();
    const rows = await this.repo.findErrors(em, job.id, after, page.first + 1);
    return toConnection(rows, page, (r) => [String(r.row), String(r.columnNo), r.code], () => this.repo.countErrors(em, job.id));
  }
}

/**
 * The checks the database decides, for the actor's part of the tree, and the counts that
 * follow; run by the dry run, and again by the confirmation (units and people change).
 */
export async function checkAgainstDatabase(em: Queryable, checks: StaffImportChecksRepository, jobId: string, actor: AccountActor): Promise<DryRunCounts> {
  await checks.insertDatabaseErrors(em, jobId, scopePathOf(actor));
  return checks.count(em, jobId);
}

/** An official's part of the tree as a path prefix; null for the whole tenant. */
function scopePathOf(actor: AccountActor): string | null {
  const scope = scopeOf(actor);
  return scope.kind === 'SUBTREE' ? scope.path : null;
}

// controls, direction overrides, zero-width characters; folders
const UNSAFE = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

function cleanFileName(given: string | undefined): string {
  const name = (given ?? '').split(/[/\\]/).pop()!.normalize('NFC').replace(UNSAFE, '').trim();
  return [...name].slice(0, 200).join('') || '人员信息导入表.xlsx';
}

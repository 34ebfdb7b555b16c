// Exports (导出 Excel): the officials' lists — staff, completion statistics, who is short,
// the audit log — as .xlsx files streamed to the client, from the same filters, through
// the same list services and in the same role scope as the console's lists. Each export is
// bounded before it starts: a role check, the request read as the list's input, a slot of
// the few exports one process runs at once, the account's rate limit consumed atomically,
// a statement timeout on its transaction, and a row count checked against EXPORT_MAX_ROWS.
// Each export leaves one audit row (who, which list, the filter, the rows written, whether
// the file was sent whole), written in its own transaction so that a failed or abandoned
// download is recorded too.
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { requireOfficial, requireTenant } from '../platform/access';
import type { Clock } from '../platform/clock';
import type { Context } from '../platform/context';
import { AppError } from '../platform/errors';
import { readingFrom } from '../platform/read-replica';
import { inTransaction } from '../platform/transaction';
import type { ExportKind, PreparedExport } from './export-kind';
import type { ExportLimits } from './export-limits';
import { exportError } from './exports.errors';
import { XlsxStream } from './xlsx-stream';

export interface ExportSettings {
  maxRows: number;
  statementTimeoutMs: number;
  /** exports one server process runs at once (each holds a database connection throughout) */
  concurrency: number;
}

/** An export that passed every check: its file name, and the work of streaming it. */
export interface StartedExport {
  readonly fileName: string;
  /** Streams the workbook into `out`; rows written, or throws (the audit row is written either way). */
  stream(out: Writable): Promise<number>;
}

export class ExportsService {
  private readonly kinds: ReadonlyMap<string, ExportKind<unknown>>;
  private running = 0;

  constructor(
    kinds: readonly ExportKind<unknown>[],
    private readonly limits: ExportLimits,
    private readonly audit: AuditService,
    private readonly runtime: DataSource,
    readonly settings: ExportSettings,
    private readonly clock: Clock,
  ) {
    this.kinds = new Map(kinds.map((k) => [k.name, k]));
  }

  /** Everything up to the first byte of the file; any refusal is an AppError, and nothing was sent. */
  async start(request: Context, kindName: string, body: Record<string, unknown>): Promise<StartedExport> {
    let ctx = request;
    const kind = this.kinds.get(kindName);
    if (!kind) throw new AppError('EXPORT_KIND_UNKNOWN', exportError.catalog.EXPORT_KIND_UNKNOWN, 'kind', 404);
    const actor = requireOfficial(ctx, [...kind.roles]);
    const tenantId = requireTenant(ctx);
    const args = await kind.parse(body);
    if (this.running >= this.settings.concurrency) throw new AppError('EXPORT_BUSY', exportError.catalog.EXPORT_BUSY, undefined, 503);
    this.running++;
    let handedOver = false;
    try {
      await this.limits.consume(tenantId, actor.id);
      // a heavy read: on a snapshot of the read replica when one is fit for it, kept to the end of the request
      const snapshot = (await ctx.tx.replicaSnapshot?.()) ?? null;
      if (snapshot) ctx = readingFrom(ctx, snapshot);
      const em = await ctx.db();
      await em.query(`SELECT set_config('statement_timeout', $1, true)`, [String(this.settings.statementTimeoutMs)]);
      const prepared = await kind.prepare(ctx, args, this.settings.maxRows);
      if (prepared.rows > this.settings.maxRows) throw this.tooManyRows(prepared.rows);
      const fileName = `${kind.fileName(args, this.clock.today())}.xlsx`;
      handedOver = true;
      return { fileName, stream: (out) => this.stream(ctx, kind, args, prepared, fileName, out).finally(() => this.running--) };
    } finally {
      if (!handedOver) this.running--;
    }
  }

  private tooManyRows(rows: number): AppError {
    const max = this.settings.maxRows;
    // a count may stop at max + 1: then it says "more than"
    const detail = rows > max + 1 ? `本次共 ${rows} 行` : `本次超过 ${max} 行`;
    return new AppError('EXPORT_TOO_MANY_ROWS', `${exportError.catalog.EXPORT_TOO_MANY_ROWS}（上限 ${max} 行，${detail}）`, 'filter', 400);
  }

  private async stream(ctx: Context, kind: ExportKind<unknown>, args: unknown, prepared: PreparedExport, fileName: string, out: Writable): Promise<number> {
    const book = await XlsxStream.open(out, this.settings.statementTimeoutMs);
    let rows: number | null = null;
    try {
      const written = await prepared.write(book);
      await book.finish();
      rows = written;
      return rows;
    } finally {
      // the export's connection goes back before the audit row takes one: an export never waits for a second
      await ctx.tx.finish(false);
      // the list's rows when the file was sent whole, else the data rows written before it stopped
      await this.record(ctx, kind, args, fileName, rows ?? book.dataRows, rows !== null);
    }
  }

  /** The export's audit row, in a transaction of its own: the export's may have failed. */
  private async record(ctx: Context, kind: ExportKind<unknown>, args: unknown, fileName: string, rows: number, complete: boolean): Promise<void> {
    const actorId = ctx.actor.kind === 'ACCOUNT' ? ctx.actor.id : null;
    await inTransaction(this.runtime, { tenantId: ctx.tenantId, actorId }, (em) =>
      this.audit.record(
        ctx,
        { action: `export.${kind.name}`, entityType: 'export', entityId: kind.name, after: { list: kind.title, fileName, filter: kind.auditFilter(args), rows, complete } },
        { em },
      ),
    );
  }
}

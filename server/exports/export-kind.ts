// What one kind of export is: the list it reads (through that list's own service, so the
// same filter, validation and role scope apply), how its arguments arrive, what its rows
// look like in the workbook, and what the audit trail keeps of its filter.
import type { AccountRole } from '../platform/actor';
import type { Context } from '../platform/context';
import type { XlsxStream } from './xlsx-stream';

/** An export that passed every check and is ready to stream. */
export interface PreparedExport {
  /**
   * The rows it will write (for "who is short": the people it will judge; for statistics:
   * the units of its longest sheet), known before anything is written; checked against
   * EXPORT_MAX_ROWS (a count may stop at `maxRows` + 1).
   */
  readonly rows: number;
  /** Writes the workbook's sheets, at most `maxRows` data rows (as `prepare` was given); answers the rows written. */
  write(book: XlsxStream): Promise<number>;
}

export interface ExportKind<Args> {
  /** the URL's name: POST /exports/<name>.xlsx */
  readonly name: string;
  /** Chinese, for the file name and the audit trail */
  readonly title: string;
  /** roles that may export it (checked before the rate limit is consumed; the list's service checks again) */
  readonly roles: readonly AccountRole[];
  /** The request body (the list's GraphQL arguments, without paging) as the list's own input; BAD_USER_INPUT naming the field otherwise. */
  parse(body: Record<string, unknown>): Promise<Args>;
  /**
   * Everything that may refuse the export (scope, year, filter, count) runs here, before
   * a byte of the file is sent, so a refusal is a plain error answer.
   */
  prepare(ctx: Context, args: Args, maxRows: number): Promise<PreparedExport>;
  /** The file name, without the extension (Chinese; `today` is YYYY-MM-DD, China time). */
  fileName(args: Args, today: string): string;
  /** The filter as the audit trail keeps it (no full ID number). */
  auditFilter(args: Args): Record<string, unknown>;
}

export const OFFICIALS: readonly AccountRole[] = ['BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL', 'UNIT_OFFICIAL'];

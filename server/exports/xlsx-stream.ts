// An .xlsx workbook written as a stream (exceljs's WorkbookWriter) straight into a writable
// such as the HTTP response: rows are committed as they come and leave memory once zipped,
// strings are inline (no shared-strings table growing with the file), and a batch waits
// while the client is behind, so memory stays at about one batch however long the file.
//
// Every text cell is made inert before it is written (`inertText`): a text that begins with
// `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed (or their full-width forms,
// which Chinese input methods produce) gets a leading apostrophe, so neither Excel nor a
// spreadsheet that later re-reads the text as CSV takes it for a formula (OWASP's "CSV
// injection" advice). The cell is also typed text, never a formula: exceljs writes a formula
// only for a `{ formula }` value, which nothing here builds.
import type ExcelJS from 'exceljs';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import type { Writable } from 'node:stream';

/** What a cell may hold: text, a number, a date (`Date`, shown by the column's format) or nothing. */
export type CellValue = string | number | Date | null;

export type ColumnFormat = 'text' | 'number' | 'decimal' | 'percent' | 'date' | 'datetime';

export interface SheetColumn<Row> {
  header: string;
  /** in characters (Excel's column width) */
  width: number;
  value: (row: Row) => CellValue;
  format?: ColumnFormat;
}

const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  number: '0',
  decimal: '0.##',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

/** Excel keeps at most this many characters in a cell. */
const MAX_CELL_TEXT = 32767;
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/u;

/** A text that no spreadsheet will take for a formula (see the header), within Excel's cell size. */
export function inertText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return safe.length > MAX_CELL_TEXT ? `${safe.slice(0, MAX_CELL_TEXT - 1)}…` : safe;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** A calendar date (YYYY-MM-DD) as a date cell; null stays empty. */
export function dateCell(isoDate: string | null): Date | null {
  return isoDate ? new Date(`${isoDate.slice(0, 10)}T00:00:00Z`) : null;
}

/** A moment as a date-time cell showing China time (a cell holds no time zone). */
export function chinaTimeCell(at: Date): Date {
  return new Date(at.getTime() + CHINA_OFFSET_MS);
}

export class StreamClosedError extends Error {
  constructor() {
    super('the export stream closed before the workbook was complete');
  }
}

/** `work`, or StreamClosedError if `out` closes first (the client went away). */
async function untilClosed<T>(out: Writable, work: Promise<T>): Promise<T> {
  if (out.destroyed) throw new StreamClosedError();
  const ac = new AbortController();
  const closed = once(out, 'close', { signal: ac.signal }).then(() => Promise.reject(new StreamClosedError()));
  // `closed` rejects with an AbortError once `work` settled first: nobody waits for it then
  closed.catch(() => undefined);
  try {
    return await Promise.race([work, closed]);
  } finally {
    ac.abort();
  }
}

export class StalledClientError extends Error {
  constructor(ms: number) {
    super(`the client read nothing for ${ms} ms`);
  }
}

/** Bytes a sheet may hold ahead of the zip before the writer waits: the memory an export holds. */
const AHEAD_BYTES = 1 << 20;

/** A stream of the zip, with what it holds unprocessed (Node's and readable-stream 2's writables both keep `_writableState`). */
interface ZipEntry extends NodeJS.EventEmitter {
  _writableState?: { length?: number };
}

/**
 * The zip entry exceljs feeds a sheet's XML into. exceljs 4 writes into it without heeding its
 * backpressure (its StreamBuf ignores `write`'s answer), so a sheet produced faster than the
 * zip deflates would pile up there: the writer waits on it itself. Null if exceljs changed.
 */
function zipEntryOf(sheet: ExcelJS.Worksheet): ZipEntry | null {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const entry: unknown = Array.isArray(pipes) ? pipes[0] : null;
  return entry && typeof (entry as ZipEntry).once === 'function' && typeof (entry as ZipEntry)._writableState?.length === 'number' ? (entry as ZipEntry) : null;
}

/**
 * Resolves once the zip has taken in the sheet's rows (all but AHEAD_BYTES) and `out` can take
 * more; a client that reads nothing for `stallMs` fails the export.
 */
async function drained(out: Writable, entry: ZipEntry | null, stallMs: number): Promise<void> {
  if (out.destroyed) throw new StreamClosedError();
  const behind = () => (entry?._writableState?.length ?? 0) > AHEAD_BYTES || out.writableNeedDrain;
  if (!behind()) {
    // let the zip deflate what it holds before more comes
    await new Promise((resolve) => setImmediate(resolve));
    return;
  }
  const ac = new AbortController();
  const stalled = delay(stallMs, undefined, { signal: ac.signal }).then(() => Promise.reject(new StalledClientError(stallMs)));
  stalled.catch(() => undefined);
  try {
    while (behind()) {
      const progress = (entry?._writableState?.length ?? 0) > AHEAD_BYTES && entry ? once(entry, 'drain', { signal: ac.signal }) : once(out, 'drain', { signal: ac.signal });
      await untilClosed(out, Promise.race([progress, stalled]));
    }
  } finally {
    ac.abort();
  }
}

export class SheetWriter<Row> {
  private written = 0;

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly columns: readonly SheetColumn<Row>[],
    private readonly book: XlsxStream,
  ) {}

  /** Data rows written so far (the header row aside). */
  get rows(): number {
    return this.written;
  }

  /** Writes a batch of rows, then waits while the client is behind. */
  async add(rows: readonly Row[]): Promise<void> {
    for (const row of rows) {
      this.sheet.addRow(this.columns.map((c) => toCell(c.value(row)))).commit();
      this.written++;
    }
    await this.book.written(rows.length, zipEntryOf(this.sheet));
  }

  /** A line under the rows, such as a note that the figures are partial. */
  note(text: string): void {
    const row = this.sheet.addRow([inertText(text)]);
    row.font = { italic: true };
    row.commit();
  }

  commit(): void {
    this.sheet.commit();
  }
}

function toCell(value: CellValue): string | number | Date | null {
  return typeof value === 'string' ? inertText(value) : value;
}

export class XlsxStream {
  private rows = 0;

  private constructor(
    private readonly book: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly out: Writable,
    private readonly stallMs: number,
  ) {}

  /**
   * A workbook written into `out`; `stallMs`: how long the client may read nothing before the
   * export fails. exceljs is loaded here, on the first export, not with the server.
   */
  static async open(out: Writable, stallMs: number): Promise<XlsxStream> {
    const { default: Excel } = await import('exceljs');
    // the fastest deflate: the zip is the slowest step, and a sheet's XML compresses well at any level
    const book = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
    book.creator = '继续教育学时管理平台';
    book.created = new Date();
    return new XlsxStream(book, out, stallMs);
  }

  /** A sheet with a bold, frozen header row of `columns`, each with its width and number format. */
  sheet<Row>(name: string, columns: readonly SheetColumn<Row>[]): SheetWriter<Row> {
    const sheet = this.book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c, i) => {
      const numFmt = NUMBER_FORMATS[c.format ?? 'text'];
      return { header: c.header, key: String(i), width: c.width, ...(numFmt ? { style: { numFmt } } : {}) };
    });
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    return new SheetWriter(sheet, columns, this);
  }

  /** Data rows written so far, in every sheet. */
  get dataRows(): number {
    return this.rows;
  }

  /** Counts a batch a sheet wrote, then waits while the zip (`entry`, the sheet's) or the client is behind. */
  async written(rows: number, entry: ZipEntry | null): Promise<void> {
    this.rows += rows;
    await drained(this.out, entry, this.stallMs);
  }

  /** Ends the workbook: the zip's directory is written and the stream ends. */
  async finish(): Promise<void> {
    // commit() settles when the stream finishes; a client that went away closes it instead
    await untilClosed(this.out, this.book.commit());
  }
}

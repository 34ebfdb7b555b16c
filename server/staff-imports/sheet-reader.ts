// Reads the staff rows of an uploaded workbook as a stream (exceljs' WorkbookReader, fed the
// workbook in ASCII: ascii-workbook.ts): one row at a time, never the whole file in memory. The data sheet is the first worksheet
// whose first row holds the template's headers (columns are found by their header, so
// their order may differ); other sheets (the instructions, the lists) are skipped. Rows
// with every template cell empty are skipped; the template's example row too.
import type { AppError } from '../platform/errors';
import { asciiWorkbook } from './ascii-workbook';
import { type RowCells, isBlankRow, readCell } from './row-check';
import { COLUMNS, type ColumnKey, columnOfHeader, EXAMPLE_ID_NUMBER, templateHeader } from './staff-import-columns';
import { staffImportError } from './staff-imports.errors';
import type { ZipEntry } from './xlsx-file';

export interface SheetRow {
  /** the row's number in the sheet, as the user sees it (the header is row 1) */
  rowNo: number;
  cells: RowCells;
}

export interface SheetReadOptions {
  /** data rows one file may hold; one more is refused (STAFF_IMPORT_TOO_MANY_ROWS) */
  maxRows: number;
  /** reading stops with STAFF_IMPORT_TOO_LARGE after this long */
  timeLimitMs: number;
}

interface RowLike {
  number: number;
  values: unknown;
}

/**
 * The data rows of the workbook at `file`, whose `entries` inspectWorkbook checked. Throws
 * AppErrors for a file that is not a usable template.
 */
export async function* readStaffRows(file: string, entries: readonly ZipEntry[], options: SheetReadOptions): AsyncGenerator<SheetRow> {
  // exceljs is loaded with the first upload, not with the server
  const { default: Excel } = await import('exceljs');
  const input = asciiWorkbook(file, entries);
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // the reader pipes the file into its unzipper, which a destroyed file does not end: the
  // time limit fails the step in progress instead of waiting for the reader to notice
  let failStep: ((error: Error) => void) | null = null;
  let timedOut: Error | null = null;
  const timer = setTimeout(() => {
    timedOut = staffImportError('STAFF_IMPORT_TOO_LARGE', 'file', '文件过于复杂，未能在限定时间内读完');
    failStep?.(timedOut);
  }, options.timeLimitMs);
  const step = <T>(iterator: AsyncIterator<T>) =>
    new Promise<IteratorResult<T>>((resolve, reject) => {
      if (timedOut) return reject(timedOut);
      failStep = reject;
      iterator.next().then(resolve, reject);
    });

  let sheets = 0;
  try {
    const sheetIterator = reader[Symbol.asyncIterator]();
    for (let sheet = await step(sheetIterator); !sheet.done; sheet = await step(sheetIterator)) {
      sheets++;
      let columns: Map<ColumnKey, number> | null = null;
      let rows = 0;
      const rowIterator = (sheet.value as AsyncIterable<RowLike>)[Symbol.asyncIterator]();
      for (let next = await step(rowIterator); !next.done; next = await step(rowIterator)) {
        const row = next.value;
        const values = (Array.isArray(row.values) ? row.values : []) as unknown[];
        if (!columns) {
          columns = row.number === 1 ? headerColumns(values) : new Map();
          // not the data sheet: its first row is not the template's header
          if (columns.size === 0) break;
          const missing = COLUMNS.filter((c) => c.required && !columns!.has(c.key));
          if (missing.length) throw staffImportError('STAFF_IMPORT_HEADERS', 'file', `缺少 ${missing.map(templateHeader).join('、')} 列`);
          continue;
        }
        const cells: Partial<Record<ColumnKey, unknown>> = {};
        for (const [key, at] of columns) cells[key] = values[at];
        if (isBlankRow(cells) || isExample(cells)) continue;
        if (++rows > options.maxRows) {
          throw staffImportError('STAFF_IMPORT_TOO_MANY_ROWS', 'file', `每个文件最多 ${options.maxRows} 人，请分成多个文件导入`);
        }
        yield { rowNo: row.number, cells };
      }
      if (columns?.size) return;
      await rowIterator.return?.();
    }
  } catch (error) {
    if ((error as Partial<AppError>).code?.startsWith('STAFF_IMPORT_')) throw error;
    throw staffImportError('STAFF_IMPORT_NOT_SPREADSHEET', 'file', '文件已损坏，或不是 .xlsx 格式');
  } finally {
    clearTimeout(timer);
    input.destroy();
  }
  if (sheets === 0) throw staffImportError('STAFF_IMPORT_NOT_SPREADSHEET', 'file', '工作簿中没有工作表');
  throw staffImportError('STAFF_IMPORT_HEADERS', 'file', `未找到表头：第 1 行应为 ${COLUMNS.filter((c) => c.required).map(templateHeader).join('、')} 等`);
}

/** The template columns the header row names, by their position in the file (the first of a repeated header). */
function headerColumns(values: readonly unknown[]): Map<ColumnKey, number> {
  const found = new Map<ColumnKey, number>();
  values.forEach((value, at) => {
    const cell = readCell(value);
    if (cell.kind !== 'text') return;
    const column = columnOfHeader(cell.text);
    if (column && !found.has(column.key)) found.set(column.key, at);
  });
  return found;
}

function isExample(cells: RowCells): boolean {
  const id = readCell(cells.ID_NUMBER);
  return id.kind === 'text' && id.text.toUpperCase() === EXAMPLE_ID_NUMBER;
}

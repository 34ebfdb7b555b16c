// Exports in tests: POST /exports/<kind>.xlsx with a token, the answer read back with
// exceljs (or its error), and a sheet's rows as plain values.
import ExcelJS from 'exceljs';
import type { GqlError, TestApp } from '../support/harness';

export interface ExportAnswer {
  status: number;
  headers: Headers;
  /** the workbook, when the answer was one */
  book: ExcelJS.Workbook | null;
  errors?: GqlError[];
}

export async function exportFile(app: TestApp, token: string | null, kind: string, body: object = {}): Promise<ExportAnswer> {
  const res = await fetch(`${app.url}/exports/${kind}.xlsx`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.headers.get('content-type')?.startsWith('application/json')) {
    const answer = JSON.parse(bytes.toString('utf8')) as { errors?: GqlError[] };
    return { status: res.status, headers: res.headers, book: null, errors: answer.errors };
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return { status: res.status, headers: res.headers, book };
}

/** The workbook of an answer that must be one. */
export function bookOf(answer: ExportAnswer): ExcelJS.Workbook {
  if (!answer.book) throw new Error(`expected a workbook, got ${answer.status} ${JSON.stringify(answer.errors)}`);
  return answer.book;
}

export type Cell = string | number | boolean | Date | null;

/** Every row of a sheet (the header first) as plain values, one per column. */
export function rowsOf(sheet: ExcelJS.Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  sheet.eachRow((row) => {
    const values: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(v === undefined ? null : (v as Cell));
    }
    rows.push(values);
  });
  return rows;
}

/** A sheet's data rows as records keyed by the header's text. */
export function recordsOf(sheet: ExcelJS.Worksheet): Record<string, Cell>[] {
  const [header, ...rows] = rowsOf(sheet);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [String(h), row[i] ?? null])));
}

export const isoDate = (d: Cell | undefined) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

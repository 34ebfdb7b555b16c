// One row of an uploaded file, checked on its own (what needs no database): required
// cells, formulas and formula-like text, the ID number (GB 11643, through the platform's
// parser), the name, phone and join date (the professionals' own rules), and the words of
// the drop-down lists. Pure: the cells in, the staged values and the problems out.
import type { EmployerType, TitleLevel, TitleSeries } from '../engine/titles';
import { parseIdNumber, type Gender } from '../platform/id-number';
import { isJoinDate, NAME_PATTERN, PHONE_PATTERN } from '../professionals/professional-rules';
import { COLUMN_BY_KEY, type ColumnKey, EMPLOYER_TYPE_BY_WORD, TITLE_LEVEL_BY_WORD, TITLE_SERIES_BY_WORD } from './staff-import-columns';
import type { Problem } from './staff-import-problems';

/** A row's values as staged for the confirm step; null where the cell was empty or wrong. */
export interface StagedRow {
  rowNo: number;
  name: string | null;
  idNumber: string | null;
  gender: Gender | null;
  birthDate: string | null;
  unitRef: string | null;
  /** the unit `unitRef` names, once looked up (unit-lookup.ts) */
  unitId: string | null;
  titleLevel: TitleLevel | null;
  titleSeries: TitleSeries | null;
  employerType: EmployerType | null;
  phone: string | null;
  joinedOn: string | null;
}

export interface RowProblem {
  rowNo: number;
  /** the template column (1–8) */
  columnNo: number;
  code: Problem;
  detail: string | null;
}

/** The raw cell values of one row by column key, as the sheet reader found them. */
export type RowCells = Readonly<Partial<Record<ColumnKey, unknown>>>;

export interface RowCheckOptions {
  /** "now" for the join date's upper bound and the ID number's birth date, ms since the epoch */
  now: number;
}

/** Longest unit reference: an organisation's name (100) — a code is shorter (40). */
export const MAX_UNIT_REF = 100;
const FORMULA_START = /^[=+\-@\t\r]/;
// Excel's day 0 in the 1900 date system, as used by its serial day numbers
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

type Cell = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'date'; value: Date } | { kind: 'formula' } | { kind: 'invalid' };

/** What an exceljs cell value is, for our purposes. */
export function readCell(value: unknown): Cell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return value.trim() ? { kind: 'text', text: value.trim() } : { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'invalid' } : { kind: 'date', value };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { kind: 'formula' };
    if ('richText' in value && Array.isArray(value.richText)) {
      const text = (value.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
      return readCell(text);
    }
    if ('text' in value && typeof value.text === 'string') return readCell(value.text);
  }
  // booleans, error values (#REF!), anything else
  return { kind: 'invalid' };
}

export function checkRow(rowNo: number, cells: RowCells, options: RowCheckOptions): { row: StagedRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const flag = (key: ColumnKey, code: Problem, detail: string | null = null) => problems.push({ rowNo, columnNo: COLUMN_BY_KEY[key].no, code, detail });

  /** The cell as trimmed text, or null (empty, or a problem flagged). Formula-like text is refused where `plain`. */
  const text = (key: ColumnKey, plain = false): string | null => {
    const cell = readCell(cells[key]);
    switch (cell.kind) {
      case 'empty':
        if (COLUMN_BY_KEY[key].required) flag(key, 'REQUIRED');
        return null;
      case 'formula':
        flag(key, 'FORMULA');
        return null;
      case 'invalid':
        flag(key, 'VALUE_INVALID');
        return null;
      case 'number':
        return String(cell.value);
      case 'date':
        return cell.value.toISOString().slice(0, 10);
      case 'text':
        if (plain && FORMULA_START.test(cell.text)) {
          flag(key, 'FORMULA');
          return null;
        }
        return cell.text;
    }
  };

  const row: StagedRow = {
    rowNo,
    name: null,
    idNumber: null,
    gender: null,
    birthDate: null,
    unitRef: null,
    unitId: null,
    titleLevel: null,
    titleSeries: null,
    employerType: null,
    phone: null,
    joinedOn: null,
  };

  const name = text('NAME', true);
  if (name !== null) {
    if (NAME_PATTERN.test(name)) row.name = name;
    else flag('NAME', 'NAME_INVALID');
  }

  if (readCell(cells.ID_NUMBER).kind === 'number') flag('ID_NUMBER', 'ID_NUMBER_NOT_TEXT');
  else {
    const raw = text('ID_NUMBER', true);
    if (raw !== null) {
      const id = parseIdNumber(raw, new Date(options.now));
      if (id.ok) Object.assign(row, { idNumber: id.value, gender: id.gender, birthDate: id.birthDate });
      else flag('ID_NUMBER', id.code === 'ID_NUMBER_REQUIRED' ? 'REQUIRED' : id.code);
    }
  }

  const unit = text('UNIT', true);
  if (unit !== null) {
    if ([...unit].length > MAX_UNIT_REF) flag('UNIT', 'TEXT_TOO_LONG', String(MAX_UNIT_REF));
    else row.unitRef = unit.normalize('NFC');
  }

  row.titleLevel = fromList('TITLE_LEVEL', TITLE_LEVEL_BY_WORD);
  row.titleSeries = fromList('TITLE_SERIES', TITLE_SERIES_BY_WORD);
  row.employerType = fromList('EMPLOYER_TYPE', EMPLOYER_TYPE_BY_WORD);

  const phone = text('PHONE');
  if (phone !== null) {
    if (PHONE_PATTERN.test(phone)) row.phone = phone;
    else flag('PHONE', 'PHONE_INVALID');
  }

  row.joinedOn = joinDate();
  return { row, problems };

  function fromList<K extends string>(key: ColumnKey, words: ReadonlyMap<string, K>): K | null {
    const word = text(key);
    if (word === null) return null;
    const code = words.get(word.normalize('NFKC').replace(/\s+/g, ''));
    if (code === undefined) flag(key, 'NOT_IN_LIST');
    return code ?? null;
  }

  function joinDate(): string | null {
    const cell = readCell(cells.JOINED_UNIT_ON);
    let date: string | null;
    if (cell.kind === 'number') date = Number.isInteger(cell.value) ? new Date(EXCEL_EPOCH_MS + cell.value * 864e5).toISOString().slice(0, 10) : null;
    else if (cell.kind === 'date') date = cell.value.toISOString().slice(0, 10);
    else {
      const given = text('JOINED_UNIT_ON');
      if (given === null) return null;
      date = toIsoDate(given);
    }
    if (date !== null && isJoinDate(date, options.now)) return date;
    flag('JOINED_UNIT_ON', 'DATE_INVALID');
    return null;
  }
}

/** 2020-09-01, 2020/9/1, 2020.9.1, 2020年9月1日 or 20200901 → 2020-09-01 (not checked further). */
export function toIsoDate(text: string): string | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** Is every template cell of the row empty? (Such rows are skipped, not reported.) */
export function isBlankRow(cells: RowCells): boolean {
  return Object.values(cells).every((v) => readCell(v).kind === 'empty');
}

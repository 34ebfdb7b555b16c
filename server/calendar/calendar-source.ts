// Where the statutory calendar comes from: the `chinese-days` package (holidays and adjusted
// working weekends per year, from the State Council's yearly notices), read from its per-year
// files. A new year arrives with a newer package version; the start-up sync loads it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CalendarDay, WorkingCalendar } from '../engine';

/** The oldest year the product needs: the seeds' oldest rules (Binzhou's credit windows from 2015 on). */
export const FIRST_CALENDAR_YEAR = 2015;

/** One year as a source gives it. */
export interface SourceYear {
  year: number;
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}

export interface CalendarSource {
  /** "chinese-days" */
  name: string;
  /** The installed version, recorded with every year it wrote. */
  version: string;
  /** The years it has, ascending. */
  years: number[];
  read(year: number): SourceYear;
}

const PACKAGE = 'chinese-days';

/** The installed `chinese-days` package (its dist/years/<year>.json files). */
export function chineseDaysSource(): CalendarSource {
  const manifest = require.resolve(`${PACKAGE}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const dir = path.join(path.dirname(manifest), 'dist', 'years');
  const years = readdirSync(dir)
    .map((f) => /^(\d{4})\.json$/.exec(f)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  return {
    name: PACKAGE,
    version,
    years,
    read(year) {
      const raw = JSON.parse(readFileSync(path.join(dir, `${year}.json`), 'utf8')) as { holidays?: unknown; workdays?: unknown };
      return { year, holidays: toDays(raw.holidays), workdays: toDays(raw.workdays) };
    },
  };
}

/**
 * The source's years (from FIRST_CALENDAR_YEAR) as the engine's calendar, without the table:
 * for the engine benchmark and engine tests, which run without a database.
 */
export function calendarFromSource(source: CalendarSource = chineseDaysSource()): WorkingCalendar {
  const years = source.years.filter((y) => y >= FIRST_CALENDAR_YEAR).map((y) => source.read(y));
  return {
    years: years.map((y) => y.year),
    holidays: years.flatMap((y) => y.holidays),
    workdays: years.flatMap((y) => y.workdays),
    source: `${source.name} ${source.version}`,
  };
}

/**
 * { "2024-10-01": "National Day,国庆节,3", … } → days with their Chinese name. Anything else
 * becomes a day with an empty name, which the checks refuse.
 */
function toDays(value: unknown): CalendarDay[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).map(([date, text]) => ({
    date,
    name: typeof text === 'string' ? (text.split(',')[1] ?? '').trim() : '',
  }));
}

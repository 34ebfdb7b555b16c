// The working-day calendar: weekends and the PRC statutory holidays are days off, adjusted
// working weekends (调休) are working days, by year. The server loads it from its checked
// calendar table and gives it to the engine as an input; a tenant's policy may add its own
// closures. A day in a year the calendar does not cover cannot be counted: that is an
// answer of its own (the year), never a weekends-only count.
import type { CalendarClosure } from './policy.types';
import { dayNumber, isValidDate, weekdayOf, yearOfDate } from './working-days';

export interface CalendarDay {
  /** 'YYYY-MM-DD' */
  date: string;
  /** The holiday it belongs to, in Chinese (国庆节). */
  name: string;
}

export interface WorkingCalendar {
  /** The years whose statutory arrangement is known; a day outside them cannot be counted. */
  years: readonly number[];
  /** Statutory days off (the weekend days inside a holiday period included). */
  holidays: readonly CalendarDay[];
  /** Adjusted working days (调休上班): weekend days worked in exchange for a holiday. */
  workdays: readonly CalendarDay[];
  /** Where it comes from ("chinese-days 1.5.7"). */
  source: string;
}

/** A calendar that covers no year: every working-day count needs a year it lacks. */
export const EMPTY_CALENDAR: WorkingCalendar = Object.freeze({ years: Object.freeze([]), holidays: Object.freeze([]), workdays: Object.freeze([]), source: '' });

/** A named stretch of days for explanations: a holiday period, a closure, an adjusted workday. */
interface NamedRun {
  first: number;
  last: number;
  text: string;
}

/**
 * A calendar (with any closures) as arrays over the day numbers of its covered span, built once:
 * a working-day count is two array reads. Engine-internal.
 */
export interface CalendarIndex {
  firstYear: number;
  lastYear: number;
  /** Per year from firstYear: 1 when the year is covered. */
  covered: Uint8Array;
  /** Day number of firstYear-01-01, and of (lastYear + 1)-01-01. */
  start: number;
  end: number;
  /** Every year from firstYear to lastYear is covered (then a day in [start, end) needs no year check). */
  contiguous: boolean;
  /** cum[i]: working days among the days start … start + i − 1. */
  cum: Int32Array;
  /** Holiday periods and closures, by first day; adjusted workdays, by day. */
  offRuns: readonly NamedRun[];
  workRuns: readonly NamedRun[];
  /** Days in the longest run (bounds the search for runs overlapping a range). */
  longestRun: number;
  /** No two off runs share a day (holidays without overlapping closures): runs overlapping a range are then a contiguous slice. */
  disjoint: boolean;
  /** "2015—2026年", for the missing-year explanation. */
  coveredText: string;
}

/** Working days in [from, to), or the first year the calendar lacks among those of from … to. */
export type WorkingDayCount = { days: number; missingYear?: undefined } | { days?: undefined; missingYear: number };

const plain = new WeakMap<WorkingCalendar, CalendarIndex>();

/** The index of a calendar without closures (cached per calendar object). */
export function indexCalendar(calendar: WorkingCalendar): CalendarIndex {
  let index = plain.get(calendar);
  if (index === undefined) {
    index = buildIndex(calendar, []);
    plain.set(calendar, index);
  }
  return index;
}

/** The index of a calendar with a tenant's closures (built once per compiled policy). */
export function indexCalendarWithClosures(calendar: WorkingCalendar, closures: readonly CalendarClosure[] | undefined): CalendarIndex {
  return closures === undefined || closures.length === 0 ? indexCalendar(calendar) : buildIndex(calendar, closures);
}

function buildIndex(calendar: WorkingCalendar, closures: readonly CalendarClosure[]): CalendarIndex {
  const years = [...new Set(calendar.years)].filter((y) => Number.isInteger(y) && y >= 1000 && y <= 9999).sort((a, b) => a - b);
  const firstYear = years[0] ?? 0;
  const lastYear = years[years.length - 1] ?? -1;
  const covered = new Uint8Array(Math.max(0, lastYear - firstYear + 1));
  for (const y of years) covered[y - firstYear] = 1;
  const start = years.length ? dayNumber(`${firstYear}-01-01`) : 0;
  const end = years.length ? dayNumber(`${lastYear + 1}-01-01`) : 0;
  const length = end - start;
  const working = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const w = weekdayOf(start + i);
    working[i] = w === 0 || w === 6 ? 0 : 1;
  }
  const inSpan = (date: string) => isValidDate(date) && yearOfDate(date) >= firstYear && yearOfDate(date) <= lastYear && covered[yearOfDate(date) - firstYear] === 1;
  const holidays = calendar.holidays.filter((d) => inSpan(d.date)).map((d) => ({ day: dayNumber(d.date), date: d.date, name: d.name }));
  const workdays = calendar.workdays.filter((d) => inSpan(d.date)).map((d) => ({ day: dayNumber(d.date), date: d.date, name: d.name }));
  for (const h of holidays) working[h.day - start] = 0;
  for (const w of workdays) working[w.day - start] = 1;
  const offRuns = runsOf(holidays);
  for (const c of closures) {
    if (!isValidDate(c.from) || !isValidDate(c.to)) continue;
    const first = dayNumber(c.from);
    const last = dayNumber(c.to);
    for (let d = Math.max(first, start); d <= Math.min(last, end - 1); d++) working[d - start] = 0;
    if (first <= last) offRuns.push({ first, last, text: `${c.name} ${span(c.from, c.to)}` });
  }
  offRuns.sort((a, b) => a.first - b.first || a.last - b.last);
  const cum = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) cum[i + 1] = cum[i]! + working[i]!;
  const workRuns = runsOf(workdays);
  const longestRun = Math.max(1, ...offRuns.map((r) => r.last - r.first + 1), ...workRuns.map((r) => r.last - r.first + 1));
  const disjoint = offRuns.every((r, i) => i === 0 || offRuns[i - 1]!.last < r.first);
  const contiguous = years.length === lastYear - firstYear + 1;
  return { firstYear, lastYear, covered, start, end, contiguous, cum, offRuns, workRuns, longestRun, disjoint, coveredText: coveredText(years) };
}

/** Consecutive days with the same name as one run ("国庆节 10月1日—10月7日"). */
function runsOf(days: { day: number; date: string; name: string }[]): NamedRun[] {
  const sorted = [...days].sort((a, b) => a.day - b.day);
  const runs: NamedRun[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.day === sorted[j]!.day + 1 && sorted[j + 1]!.name === sorted[i]!.name) j++;
    const a = sorted[i]!;
    const b = sorted[j]!;
    runs.push({ first: a.day, last: b.day, text: `${a.name} ${span(a.date, b.date)}` });
    i = j + 1;
  }
  return runs;
}

function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** "10月1日—10月7日", "1月1日", or with years when the span crosses one. */
function span(from: string, to: string): string {
  if (from === to) return monthDay(from);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${from.slice(0, 4)}年${monthDay(from)}—${to.slice(0, 4)}年${monthDay(to)}`;
  return `${monthDay(from)}—${monthDay(to)}`;
}

/** "工作日历现有2015—2026年" (gaps listed: "2015—2020、2022年"). */
export function coveredText(years: readonly number[]): string {
  if (years.length === 0) return '工作日历中没有任何年份';
  const parts: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    parts.push(i === j ? `${years[i]}` : `${years[i]}—${years[j]}`);
    i = j + 1;
  }
  return `工作日历现有${parts.join('、')}年`;
}

/**
 * The first year among those of two valid dates (and the years between) that the calendar does
 * not cover, or 0 when all are covered.
 */
export function missingYearOf(index: CalendarIndex, fromYear: number, toYear: number): number {
  for (let y = fromYear; y <= toYear; y++) {
    const i = y - index.firstYear;
    if (i < 0 || i >= index.covered.length || index.covered[i] === 0) return y;
  }
  return 0;
}

/** Working days d with a ≤ d < b, for day numbers inside the covered span (checked by the caller). */
export function countIndexed(index: CalendarIndex, a: number, b: number): number {
  return a < b ? index.cum[b - index.start]! - index.cum[a - index.start]! : 0;
}

/**
 * Working days d with from ≤ d < to: weekdays that are not holidays (or tenant closures), and
 * adjusted working weekends. 0 for an unreadable date or an end not after the start.
 */
export function countWorkingDays(from: string, to: string, calendar: WorkingCalendar, closures?: readonly CalendarClosure[]): WorkingDayCount {
  if (!isValidDate(from) || !isValidDate(to)) return { days: 0 };
  const index = indexCalendarWithClosures(calendar, closures);
  const lo = Math.min(yearOfDate(from), yearOfDate(to));
  const hi = Math.max(yearOfDate(from), yearOfDate(to));
  const missing = missingYearOf(index, lo, hi);
  if (missing !== 0) return { missingYear: missing };
  return { days: countIndexed(index, dayNumber(from), dayNumber(to)) };
}

/** A day of a year the working-day calendar does not cover. */
export class CalendarYearMissingError extends Error {
  constructor(readonly year: number) {
    super(`工作日历中没有${year}年，无法计算工作日`);
    this.name = 'CalendarYearMissingError';
  }
}

/** countWorkingDays as a number; throws CalendarYearMissingError for a year the calendar lacks. */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar, closures?: readonly CalendarClosure[]): number {
  const counted = countWorkingDays(from, to, calendar, closures);
  if (counted.missingYear !== undefined) throw new CalendarYearMissingError(counted.missingYear);
  return counted.days;
}

/** The holiday periods / closures and the adjusted workdays that overlap [a, b), as text. */
export function namedDaysBetween(index: CalendarIndex, a: number, b: number): { skipped: string[]; worked: string[] } {
  if (a >= b) return { skipped: [], worked: [] };
  return { skipped: overlapping(index.offRuns, index.longestRun, a, b), worked: overlapping(index.workRuns, index.longestRun, a, b) };
}

/** Runs (sorted by first day, none longer than `longest` days) overlapping [a, b). */
function overlapping(runs: readonly NamedRun[], longest: number, a: number, b: number): string[] {
  const out: string[] = [];
  for (let i = firstStartingAtOrAfter(runs, a - longest + 1); i < runs.length && runs[i]!.first < b; i++) if (runs[i]!.last >= a) out.push(runs[i]!.text);
  return out;
}

/** Index of the first run whose first day is ≥ day (runs sorted by first day). */
function firstStartingAtOrAfter(runs: readonly NamedRun[], day: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.first < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first run whose last day is ≥ day (disjoint runs: sorted by last day too). */
function firstEndingAtOrAfter(runs: readonly NamedRun[], day: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.last < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A number naming the explanation of n working days in [a, b): n and the slices of off runs
 * and adjusted workdays the range overlaps (the same range of named days gives the same text),
 * or -1 when it cannot be memoised (overlapping closures, large counts).
 */
export function explanationKey(index: CalendarIndex, n: number, a: number, b: number): number {
  if (!index.disjoint || n >= 64 || index.offRuns.length >= 4096 || index.workRuns.length >= 4096) return -1;
  const o0 = firstEndingAtOrAfter(index.offRuns, a);
  const o1 = Math.max(o0, firstStartingAtOrAfter(index.offRuns, b));
  const w0 = firstEndingAtOrAfter(index.workRuns, a);
  const w1 = Math.max(w0, firstStartingAtOrAfter(index.workRuns, b));
  // Adjusted workdays are single days or runs of one name, never overlapping: disjoint too.
  return (((n * 4096 + o0) * 4096 + o1) * 4096 + w0) * 4096 + w1;
}

// What a year of the statutory calendar must look like before it is written: a wrong year
// would silently shift every working-day deadline, so a source year that fails any check
// stops the sync (and the start) instead.
import { isValidDate } from '../engine';
import type { SourceYear } from './calendar-source';

/** Holidays every year has (the Spring Festival and National Day weeks). */
const REQUIRED_HOLIDAYS = ['春节', '国庆节'];

/** The problems of a source year; empty when it may be written. */
export function checkCalendarYear(y: SourceYear): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const days = [...y.holidays.map((d) => ({ ...d, kind: 'holiday' })), ...y.workdays.map((d) => ({ ...d, kind: 'adjusted workday' }))];
  for (const d of days) {
    if (!isValidDate(d.date) || d.date.slice(0, 4) !== String(y.year)) problems.push(`${d.date}: not a date of ${y.year}`);
    if (d.name.trim() === '') problems.push(`${d.date}: no holiday name`);
    const other = seen.get(d.date);
    if (other !== undefined) problems.push(`${d.date}: both ${other} and ${d.kind}`);
    seen.set(d.date, d.kind);
  }
  for (const d of y.workdays) {
    if (isValidDate(d.date) && !isWeekend(d.date)) problems.push(`${d.date}: adjusted workday on a weekday`);
  }
  for (const name of REQUIRED_HOLIDAYS) {
    if (!y.holidays.some((d) => d.name === name)) problems.push(`no ${name} holiday`);
  }
  return problems;
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

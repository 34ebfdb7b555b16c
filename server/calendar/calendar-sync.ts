// The start-up step that keeps the calendar tables in line with the installed source: every
// year from FIRST_CALENDAR_YEAR to the source's latest is checked, then written when the
// table does not hold it from this source version yet. Running it again changes nothing; a
// newer package that adds a year adds it on the next start.
import type { DataSource } from 'typeorm';
import type { Logger } from '../platform/logger';
import type { Queryable } from '../platform/sql';
import { checkCalendarYear } from './calendar-check';
import { CalendarRepository, type CalendarDayRecord } from './calendar.repository';
import { chineseDaysSource, FIRST_CALENDAR_YEAR, type CalendarSource, type SourceYear } from './calendar-source';

export interface CalendarSyncReport {
  source: string;
  version: string;
  /** Years written by this run (new, or from another source version before). */
  written: number[];
  unchanged: number[];
}

/** A source year failed its checks: nothing was written. */
export class CalendarSourceError extends Error {
  constructor(
    readonly year: number,
    readonly problems: string[],
    source: string,
  ) {
    super(`working-day calendar: ${source}, year ${year} failed its checks, nothing written: ${problems.join('; ')}`);
    this.name = 'CalendarSourceError';
  }
}

/** Syncs inside the caller's transaction (all years or none). */
export async function syncCalendar(
  db: Queryable,
  source: CalendarSource = chineseDaysSource(),
  now: Date = new Date(),
  repo: CalendarRepository = new CalendarRepository(),
): Promise<CalendarSyncReport> {
  const label = `${source.name} ${source.version}`;
  const years = source.years.filter((y) => y >= FIRST_CALENDAR_YEAR);
  // Every year is read and checked before anything is written.
  const checked: SourceYear[] = years.map((year) => {
    const data = source.read(year);
    const problems = checkCalendarYear(data);
    if (problems.length > 0) throw new CalendarSourceError(year, problems, label);
    return data;
  });
  await repo.lock(db);
  const stored = new Map((await repo.findYears(db)).map((y) => [y.year, y]));
  const report: CalendarSyncReport = { source: source.name, version: source.version, written: [], unchanged: [] };
  for (const data of checked) {
    const known = stored.get(data.year);
    if (known !== undefined && known.source === source.name && known.sourceVersion === source.version) {
      report.unchanged.push(data.year);
      continue;
    }
    const days: CalendarDayRecord[] = [
      ...data.holidays.map((d) => ({ ...d, kind: 'HOLIDAY' as const })),
      ...data.workdays.map((d) => ({ ...d, kind: 'WORKDAY' as const })),
    ];
    await repo.replaceYear(db, { year: data.year, source: source.name, sourceVersion: source.version, checkedAt: now }, days);
    report.written.push(data.year);
  }
  return report;
}

/** The start-up step (as the owner, after the migrations). */
export async function syncCalendarOnStart(owner: DataSource, logger: Logger): Promise<void> {
  const report = await owner.transaction((em) => syncCalendar(em));
  const years = [...report.written, ...report.unchanged].sort((a, b) => a - b);
  logger.info(
    { source: report.source, version: report.version, written: report.written, from: years[0], to: years[years.length - 1] },
    report.written.length ? 'working-day calendar loaded' : 'working-day calendar up to date',
  );
}

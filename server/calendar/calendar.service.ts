// The statutory working-day calendar: which days are holidays and which weekends are worked
// (调休), per year, as the start-up sync loaded and checked them. The engine counts working
// days with it (given as an input, never stored in a policy), and every input that needs a
// working-day count is refused when its year is not in the calendar.
import { coveredText, type KindSpec, type ParamValue, type WorkingCalendar, workingDayParams } from '../engine';
import type { Context } from '../platform/context';
import { calendarError } from './calendar.errors';
import type { CalendarRepository } from './calendar.repository';
import type { WorkingCalendarYearView } from './calendar.types';

export class CalendarService {
  /** Loaded on first use and kept: only a start writes the tables (see calendar-sync). */
  private loaded: Promise<WorkingCalendar> | null = null;

  constructor(private readonly repo: CalendarRepository) {}

  /** One year with its source, for anyone signed in. */
  async year(ctx: Context, year: number): Promise<WorkingCalendarYearView> {
    const db = await ctx.db();
    const found = await this.repo.findYear(db, year);
    if (!found) throw calendarError('CALENDAR_YEAR_MISSING', 'year', `${year}年（${coveredText(sortedYears((await this.current(ctx)).years))}）`);
    const days = await this.repo.findDays(db, year);
    return {
      year,
      holidays: days.filter((d) => d.kind === 'HOLIDAY').map(({ date, name }) => ({ date, name })),
      adjustedWorkdays: days.filter((d) => d.kind === 'WORKDAY').map(({ date, name }) => ({ date, name })),
      source: found.source,
      sourceVersion: found.sourceVersion,
      checkedAt: found.checkedAt,
    };
  }

  /**
   * The calendar the engine counts with. The same object for the life of the process, so the
   * engine compiles each policy with it once.
   */
  async current(ctx: Context): Promise<WorkingCalendar> {
    this.loaded ??= this.load(ctx).catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  private async load(ctx: Context): Promise<WorkingCalendar> {
    const db = await ctx.db();
    const years = await this.repo.findYears(db);
    const days = await this.repo.findDays(db);
    const versions = [...new Set(years.map((y) => `${y.source} ${y.sourceVersion}`))];
    return Object.freeze({
      years: Object.freeze(years.map((y) => y.year)),
      holidays: Object.freeze(days.filter((d) => d.kind === 'HOLIDAY').map(({ date, name }) => ({ date, name }))),
      workdays: Object.freeze(days.filter((d) => d.kind === 'WORKDAY').map(({ date, name }) => ({ date, name }))),
      source: versions.join('、'),
    });
  }

  /**
   * Refuses a declaration whose kind counts working days (Jining's pre-filing lead time) when a
   * date it counts from or to lies in a year the calendar does not cover: the field at fault
   * is named, and nothing is written.
   */
  requireCovered(calendar: WorkingCalendar, kind: KindSpec | undefined, params: Readonly<Record<string, unknown>>, fieldPrefix = ''): void {
    if (kind === undefined) return;
    const yearOf = (name: string) => {
      const value = params[name] as ParamValue | undefined;
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? Number(value.slice(0, 4)) : null;
    };
    for (const [from, to] of workingDayParams(kind)) {
      const a = yearOf(from);
      const b = yearOf(to);
      if (a === null || b === null) continue;
      // the earlier date's year first, then every year up to the later one's (the field holding it)
      const [early, late] = a <= b ? [from, to] : [to, from];
      for (let year = Math.min(a, b); year <= Math.max(a, b); year++) {
        if (calendar.years.includes(year)) continue;
        const field = year === Math.min(a, b) ? early : late;
        throw calendarError('CALENDAR_YEAR_MISSING', `${fieldPrefix}params.${field}`, `${year}年（${coveredText(sortedYears(calendar.years))}）`);
      }
    }
  }
}

function sortedYears(years: readonly number[]): number[] {
  return [...years].sort((a, b) => a - b);
}

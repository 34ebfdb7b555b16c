// The statutory calendar table: loaded at start from the chinese-days package (2015 on), each
// year checked before it is written, the package version recorded; a re-run writes nothing and
// a newer package adds its new year. Writes made here are rolled back (the table is shared).
import type { EntityManager } from 'typeorm';
import { checkCalendarYear } from '../../server/calendar/calendar-check';
import { chineseDaysSource, type CalendarSource, type SourceYear } from '../../server/calendar/calendar-source';
import { CalendarSourceError, syncCalendar } from '../../server/calendar/calendar-sync';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const installed = chineseDaysSource();

/** Runs work as the owner in a transaction that is always rolled back. */
async function rolledBack<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
  let result: T | undefined;
  const undo = new Error('roll back');
  await app.owner
    .transaction(async (em) => {
      result = await work(em);
      throw undo;
    })
    .catch((error: unknown) => {
      if (error !== undo) throw error;
    });
  return result as T;
}

/** The installed package as a later version that also has 2027 (as the State Council publishes it late in 2026). */
function withYear2027(version: string): CalendarSource {
  const y2027: SourceYear = {
    year: 2027,
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      ...['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, name: '春节' })),
      ...['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map((date) => ({ date, name: '国庆节' })),
    ],
    workdays: [{ date: '2027-02-20', name: '春节' }],
  };
  return { ...installed, version, years: [...installed.years, 2027], read: (year) => (year === 2027 ? y2027 : installed.read(year)) };
}

interface YearRow {
  year: number;
  source: string;
  source_version: string;
  checked_at: Date;
}

/** calendar_year as the owner (or the owner's transaction) sees it. */
const years = (db: { query(sql: string): Promise<unknown> }) =>
  db.query(`SELECT year, source, source_version, checked_at FROM calendar_year ORDER BY year`) as Promise<YearRow[]>;

describe('the start-up sync', () => {
  it('loaded every year from 2015 to 2026 from chinese-days 1.5.7, with the 2024 National Day week and its adjusted Sunday and Saturday', async () => {
    const rows = await years(app.owner);
    expect(rows.map((r) => r.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(new Set(rows.map((r) => `${r.source} ${r.source_version}`))).toEqual(new Set(['chinese-days 1.5.7']));
    const days: { day: string; kind: string; name: string }[] = await app.owner.query(
      `SELECT day::text AS day, kind, name FROM calendar_day WHERE day BETWEEN '2024-09-28' AND '2024-10-13' ORDER BY day`,
    );
    expect(days).toEqual([
      { day: '2024-09-29', kind: 'WORKDAY', name: '国庆节' },
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ day: `2024-10-${d}`, kind: 'HOLIDAY', name: '国庆节' })),
      { day: '2024-10-12', kind: 'WORKDAY', name: '国庆节' },
    ]);
  });

  it('run again with the same package, it writes nothing: the same years, each with its first checked_at', async () => {
    const before = await years(app.owner);
    const { report, after } = await rolledBack(async (em) => ({ report: await syncCalendar(em, installed), after: await years(em) }));
    expect(report.written).toEqual([]);
    expect(report.unchanged).toEqual(before.map((r) => r.year));
    expect(after).toEqual(before);
  });

  it('a newer package version that adds 2027 adds it on the next sync, and records the new version on every year', async () => {
    const { report, after, days } = await rolledBack(async (em) => ({
      report: await syncCalendar(em, withYear2027('1.6.0')),
      after: await years(em),
      days: await em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM calendar_day WHERE year = 2027`),
    }));
    expect(report.written).toContain(2027);
    expect(after.map((r) => r.year)).toContain(2027);
    expect(new Set(after.map((r) => r.source_version))).toEqual(new Set(['1.6.0']));
    expect(days[0]?.n).toBe(16);
  });

  it('a source with a corrupted year is refused before anything is written', async () => {
    const corrupted: CalendarSource = {
      ...withYear2027('1.6.0'),
      read: (year) => (year === 2027 ? { year, holidays: [{ date: '2027-10-01', name: '国庆节' }], workdays: [] } : installed.read(year)),
    };
    const after = await rolledBack(async (em) => {
      await expect(syncCalendar(em, corrupted)).rejects.toThrow(CalendarSourceError);
      return years(em);
    });
    expect(after.map((r) => r.year)).not.toContain(2027);
    expect(new Set(after.map((r) => r.source_version))).toEqual(new Set(['1.5.7']));
  });
});

describe('the checks a year passes before it is written', () => {
  const good = installed.read(2024);

  it('every year the package has from 2015 on passes', () => {
    for (const year of installed.years.filter((y) => y >= 2015)) expect([year, checkCalendarYear(installed.read(year))]).toEqual([year, []]);
  });

  it('a date outside its own year is refused', () => {
    expect(checkCalendarYear({ ...good, holidays: [...good.holidays, { date: '2025-01-01', name: '元旦' }] })).toEqual(['2025-01-01: not a date of 2024']);
  });

  it('a date that is both a holiday and an adjusted workday is refused', () => {
    expect(checkCalendarYear({ ...good, workdays: [...good.workdays, { date: '2024-10-05', name: '国庆节' }] })).toContain('2024-10-05: both holiday and adjusted workday');
  });

  it('an adjusted workday on a weekday is refused', () => {
    expect(checkCalendarYear({ ...good, workdays: [...good.workdays, { date: '2024-10-09', name: '国庆节' }] })).toEqual(['2024-10-09: adjusted workday on a weekday']);
  });

  it('a year without the Spring Festival or National Day holidays is refused', () => {
    expect(checkCalendarYear({ ...good, holidays: good.holidays.filter((d) => d.name !== '国庆节') })).toEqual(['no 国庆节 holiday']);
    expect(checkCalendarYear({ ...good, holidays: good.holidays.filter((d) => d.name !== '春节') })).toEqual(['no 春节 holiday']);
  });

  it('a day without a holiday name, or not a date, is refused', () => {
    expect(checkCalendarYear({ ...good, holidays: [...good.holidays, { date: '2024-13-01', name: '' }] })).toEqual(['2024-13-01: not a date of 2024', '2024-13-01: no holiday name']);
  });
});

describe('the tables themselves', () => {
  it('refuse an adjusted workday on a weekday and a day of a year that was not loaded, whoever writes', async () => {
    await expect(rolledBack((em) => em.query(`INSERT INTO calendar_day (day, kind, name) VALUES ('2024-10-09', 'WORKDAY', '国庆节')`))).rejects.toThrow(/calendar_day_workday_on_weekend/);
    await expect(rolledBack((em) => em.query(`INSERT INTO calendar_day (day, kind, name) VALUES ('2030-10-01', 'HOLIDAY', '国庆节')`))).rejects.toThrow(/foreign key/);
  });

  it('are read-only for the runtime role that serves requests', async () => {
    const rows = await app.runtime.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM calendar_year`);
    expect(rows[0]?.n).toBeGreaterThanOrEqual(12);
    await expect(app.runtime.query(`INSERT INTO calendar_year (year, source, source_version) VALUES (2031, 'x', '1')`)).rejects.toThrow(/permission denied/);
    await expect(app.runtime.query(`DELETE FROM calendar_day WHERE year = 2024`)).rejects.toThrow(/permission denied/);
  });
});

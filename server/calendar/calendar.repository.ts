// Every query of the calendar capability: the checked years and their days. Platform-wide
// tables (no tenant): the start-up sync writes them as the owner, requests only read them.
import type { CalendarDay } from '../engine';
import { execute, queryOne, queryRows, type Queryable } from '../platform/sql';

export interface CalendarYearRecord {
  year: number;
  source: string;
  sourceVersion: string;
  checkedAt: Date;
}

export interface CalendarDayRecord extends CalendarDay {
  kind: 'HOLIDAY' | 'WORKDAY';
}

interface YearRow {
  year: number;
  source: string;
  source_version: string;
  checked_at: Date;
}

interface DayRow {
  day: string;
  kind: 'HOLIDAY' | 'WORKDAY';
  name: string;
}

const YEAR_COLUMNS = `year, source, source_version, checked_at`;

function toYear(row: YearRow): CalendarYearRecord {
  return { year: row.year, source: row.source, sourceVersion: row.source_version, checkedAt: row.checked_at };
}

function toDay(row: DayRow): CalendarDayRecord {
  return { date: row.day, kind: row.kind, name: row.name };
}

export class CalendarRepository {
  /** Serialises concurrent syncs (several servers starting at once) until the transaction ends. */
  async lock(db: Queryable): Promise<void> {
    await execute(db, `SELECT pg_advisory_xact_lock(hashtext('ce-calendar-sync'))`);
  }

  async findYears(db: Queryable): Promise<CalendarYearRecord[]> {
    return (await queryRows<YearRow>(db, `SELECT ${YEAR_COLUMNS} FROM calendar_year ORDER BY year`)).map(toYear);
  }

  async findYear(db: Queryable, year: number): Promise<CalendarYearRecord | null> {
    const row = await queryOne<YearRow>(db, `SELECT ${YEAR_COLUMNS} FROM calendar_year WHERE year = $1`, [year]);
    return row && toYear(row);
  }

  /** The days of one year, or of every year when none is given, by date. */
  async findDays(db: Queryable, year: number | null = null): Promise<CalendarDayRecord[]> {
    const rows = await queryRows<DayRow>(
      db,
      `SELECT day::text AS day, kind, name FROM calendar_day WHERE ($1::int IS NULL OR year = $1) ORDER BY day`,
      [year],
    );
    return rows.map(toDay);
  }

  /** Writes a checked year: its source and version, and exactly the given days. */
  async replaceYear(db: Queryable, year: CalendarYearRecord, days: readonly CalendarDayRecord[]): Promise<void> {
    await execute(
      db,
      `INSERT INTO calendar_year (year, source, source_version, checked_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, source_version = EXCLUDED.source_version, checked_at = EXCLUDED.checked_at`,
      [year.year, year.source, year.sourceVersion, year.checkedAt],
    );
    await execute(db, `DELETE FROM calendar_day WHERE year = $1`, [year.year]);
    await execute(
      db,
      `INSERT INTO calendar_day (day, kind, name) SELECT * FROM unnest($1::date[], $2::text[], $3::text[])`,
      [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name)],
    );
  }
}

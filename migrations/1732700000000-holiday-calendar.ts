import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statutory working-day calendar: per year, where it came from (package and version)
 * and when it was checked; per day, the holidays and the adjusted working weekends (调休).
 * Platform-wide reference data, not tenant-owned (no tenant_id, no row-level security);
 * written only by the start-up sync as the owner, read by the runtime role. The checks here
 * repeat the sync's (a day belongs to a loaded year, an adjusted workday is a weekend day,
 * one kind per day) so that no other writer can break them either.
 */
export class HolidayCalendar1732700000000 implements MigrationInterface {
  name = 'HolidayCalendar1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_year (
        year integer PRIMARY KEY CHECK (year BETWEEN 1000 AND 9999),
        source text NOT NULL CHECK (source <> ''),
        source_version text NOT NULL CHECK (source_version <> ''),
        checked_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE calendar_day (
        day date PRIMARY KEY,
        year integer GENERATED ALWAYS AS (extract(year FROM day)::integer) STORED NOT NULL
          REFERENCES calendar_year (year) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
        name text NOT NULL CHECK (name <> ''),
        CONSTRAINT calendar_day_workday_on_weekend CHECK (kind <> 'WORKDAY' OR extract(isodow FROM day) IN (6, 7))
      );
      CREATE INDEX calendar_day_by_year ON calendar_day (year, day);
      GRANT SELECT ON calendar_year, calendar_day TO ce_runtime;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS calendar_day; DROP TABLE IF EXISTS calendar_year;`);
  }
}

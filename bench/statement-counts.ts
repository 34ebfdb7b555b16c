// SQL statements per request, counted by PostgreSQL itself (pg_stat_statements): reset, run
// N requests of one kind one after the other, then sum the calls of every statement the
// runtime role made (the benchmark's own queries run as the owner) and divide by N.
// Transaction control (BEGIN/START TRANSACTION, COMMIT, ROLLBACK) is a statement like any
// other; it is also shown apart. The job queue's polling (pg-boss, same role, its own
// schema) is left out: it is not the request's.
import type { DataSource } from 'typeorm';
import { queryRows } from '../server/platform/sql';

export interface StatementCount {
  /** Statements per request, all of them. */
  perRequest: number;
  /** Of which transaction control. */
  transactionControl: number;
  /** Each distinct statement (normalised text) with its calls per request, most first. */
  statements: { query: string; perRequest: number }[];
}

/** The flag an embedded cluster needs for the extension (a DATABASE_URL server must have it already). */
export const STAT_STATEMENTS_FLAGS = ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track_utility=on'];

/** Creates the extension in the benchmark's database; the reason when it cannot be used. */
export async function enableStatementCounts(owner: DataSource): Promise<string | null> {
  try {
    await owner.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await owner.query('SELECT pg_stat_statements_reset()');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|END|ROLLBACK)\b/i;

export async function countStatements(owner: DataSource, role: string, n: number, run: () => Promise<void>): Promise<StatementCount> {
  await owner.query('SELECT pg_stat_statements_reset()');
  await run();
  // a statement's figures are recorded as it completes; give a straggler (a COMMIT after the answer) a moment
  await new Promise((r) => setTimeout(r, 200));
  const rows = await queryRows<{ query: string; calls: string }>(
    owner,
    `SELECT s.query, sum(s.calls)::text AS calls
       FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
      WHERE r.rolname = $1 AND s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND s.query NOT ILIKE '%pgboss.%'
      GROUP BY s.query ORDER BY sum(s.calls) DESC, s.query`,
    [role],
  );
  const statements = rows.map((r) => ({ query: r.query.replace(/\s+/g, ' ').trim(), perRequest: Number(r.calls) / n }));
  const sum = (xs: typeof statements) => xs.reduce((s, x) => s + x.perRequest, 0);
  return { perRequest: sum(statements), transactionControl: sum(statements.filter((s) => TRANSACTION_CONTROL.test(s.query))), statements };
}

// Typed access to SQL for repositories: the one place where a driver's
// untyped result becomes the row type a repository declares. Repositories
// name their row shapes (snake_case, as PostgreSQL returns them) and map
// them with a `toX` function; nothing above a repository sees a raw row.
import type { ClientBase } from 'pg';

/** Anything that runs SQL and answers with rows: TypeORM's EntityManager, QueryRunner and DataSource. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** A plain `pg` client (tools that stream with COPY) seen as a Queryable. */
export function pgQueryable(client: ClientBase): Queryable {
  return { query: async (sql, parameters) => (await client.query(sql, parameters)).rows as unknown[] };
}

/** Rows of a SELECT, or of an INSERT … RETURNING. */
export async function queryRows<Row>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  return (await db.query(sql, [...params])) as Row[];
}

/** The first row, or null. */
export async function queryOne<Row>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<Row | null> {
  const rows = await queryRows<Row>(db, sql, params);
  return rows[0] ?? null;
}

/**
 * Rows of an UPDATE or DELETE … RETURNING: TypeORM answers those with
 * [rows, count] on PostgreSQL, and with rows for INSERT.
 */
export async function changedRows<Row>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  const result = await db.query(sql, [...params]);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as Row[];
  }
  return result as Row[];
}

/** A statement whose result is not needed (locks, settings, inserts without RETURNING). */
export async function execute(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<void> {
  await db.query(sql, [...params]);
}

/**
 * The `column = $n` clauses of a partial update: one per change that is not undefined, named
 * by `columns` (field → column), its value appended to `params`.
 */
export function setClauses(changes: Readonly<Record<string, unknown>>, columns: Readonly<Record<string, string>>, params: unknown[]): string[] {
  return Object.entries(changes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      const column = columns[k];
      if (column === undefined) throw new Error(`no column for ${k}`);
      params.push(v);
      return `${column} = $${params.length}`;
    });
}

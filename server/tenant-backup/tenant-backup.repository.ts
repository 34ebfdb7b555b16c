// Every query the tenant backup makes outside its COPY streams: which tables a
// tenant owns (read from the catalogue, so a new migration's table is included
// without a change here), the order they load in, the schema's version, and the
// import's audit row.
import { execute, queryOne, queryRows, type Queryable } from '../platform/sql';

export interface TenantRef {
  id: string;
  code: string;
  name: string;
}

export interface StoredFile {
  key: string;
  bytes: number;
  sha256: string;
}

/** A table of the tenant's rows: `tenant` itself, or one with a tenant_id column. */
export interface OwnedTable {
  name: string;
  /** stored columns in table order (generated columns are left out: PostgreSQL computes them) */
  columns: string[];
}

/** Rows that reference their own table load parents first (the path trigger reads the parent). */
const SELF_ORDER: Readonly<Record<string, string>> = { org_node: 'depth, node_no' };

/** Identifiers come from the catalogue; quoting still keeps any name whole. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The rows of `table` that belong to the tenant, in load order, as one SELECT (for COPY, which takes no parameters). */
export function tenantRowsSql(table: OwnedTable, tenantId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(tenantId)) throw new Error(`not a tenant id: ${tenantId}`);
  const key = table.name === 'tenant' ? 'id' : 'tenant_id';
  const order = SELF_ORDER[table.name];
  return `SELECT ${table.columns.map(quoteIdent).join(', ')} FROM public.${quoteIdent(table.name)} WHERE ${key} = '${tenantId}'${order ? ` ORDER BY ${order}` : ''}`;
}

/** Self-referencing tables: the staged rows go in parents first. */
export function loadOrderSql(table: OwnedTable): string {
  const order = SELF_ORDER[table.name];
  return order ? ` ORDER BY ${order}` : '';
}

/**
 * Tables in an order that satisfies every foreign key between them (`tenant` first);
 * throws on a cycle, which no migration has made (a later one that does must make it deferrable
 * and this loader defer it).
 */
export function foreignKeyOrder(tables: readonly OwnedTable[], edges: readonly { from: string; to: string }[]): OwnedTable[] {
  const pending = new Map(tables.map((t) => [t.name, t]));
  const needs = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const e of edges) if (e.from !== e.to && pending.has(e.to)) needs.get(e.from)?.add(e.to);
  const ordered: OwnedTable[] = [];
  while (pending.size) {
    const ready = [...pending.keys()].filter((name) => [...needs.get(name)!].every((n) => !pending.has(n))).sort();
    if (!ready.length) throw new Error(`foreign keys form a cycle among: ${[...pending.keys()].join(', ')}`);
    for (const name of ready) {
      ordered.push(pending.get(name)!);
      pending.delete(name);
    }
  }
  return ordered;
}

export class TenantBackupRepository {
  async findTenantByCode(db: Queryable, code: string): Promise<TenantRef | null> {
    return queryOne<TenantRef>(db, `SELECT id, code, name FROM tenant WHERE code = $1`, [code]);
  }

  async findTenantById(db: Queryable, id: string): Promise<TenantRef | null> {
    return queryOne<TenantRef>(db, `SELECT id, code, name FROM tenant WHERE id = $1`, [id]);
  }

  /** The tenant's stored files, as their rows describe them. */
  async evidenceFiles(db: Queryable, tenantId: string): Promise<StoredFile[]> {
    return queryRows<StoredFile>(db, `SELECT storage_key AS key, bytes, sha256 FROM evidence_file WHERE tenant_id = $1 ORDER BY id`, [tenantId]);
  }

  /** The name of the last migration run: the schema's version. */
  async schemaVersion(db: Queryable): Promise<string | null> {
    const row = await queryOne<{ name: string }>(db, `SELECT name FROM migrations ORDER BY "timestamp" DESC, id DESC LIMIT 1`);
    return row?.name ?? null;
  }

  /** `tenant` and every table of the public schema with a tenant_id column, in foreign-key order. */
  async ownedTables(db: Queryable): Promise<OwnedTable[]> {
    const tables = await queryRows<OwnedTable>(
      db,
      `SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND (c.relname = 'tenant' OR EXISTS (
                SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped))
        GROUP BY c.relname`,
    );
    const edges = await queryRows<{ from: string; to: string }>(
      db,
      `SELECT f.relname AS "from", t.relname AS "to"
         FROM pg_constraint k
         JOIN pg_class f ON f.oid = k.conrelid
         JOIN pg_class t ON t.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = f.relnamespace AND n.nspname = 'public'
        WHERE k.contype = 'f'`,
    );
    return foreignKeyOrder(tables, edges);
  }

  /**
   * Moves each identity or serial sequence of `tables` past the largest value now stored, so
   * that rows made after an import never take a number an imported row has.
   */
  async advanceSequences(db: Queryable, tables: readonly OwnedTable[]): Promise<void> {
    const sequences = await queryRows<{ table: string; column: string; sequence: string }>(
      db,
      `SELECT c.relname AS "table", a.attname AS "column", pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS "sequence"
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.relname = ANY($1::text[]) AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
      [tables.map((t) => t.name)],
    );
    for (const s of sequences) {
      await execute(
        db,
        `SELECT setval($1::regclass, m) FROM (SELECT max(${quoteIdent(s.column)}) AS m FROM public.${quoteIdent(s.table)}) x
          WHERE m >= (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM ${s.sequence})`,
        [s.sequence],
      );
    }
  }
}

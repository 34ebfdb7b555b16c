// The path to Citus (migrations/citus/distribute.sql) kept in step with the schema, checked on
// the migrated database's catalog (Citus itself is not installed here): every table the
// migrations create is named once — reference, distributed by tenant_id in one colocation
// group, or local with a reason —, and what Citus refuses is not in the schema: a distributed
// table's primary key or unique constraint or index without tenant_id, a foreign key between
// distributed tables without it, a foreign key from a reference table to a distributed one or
// between a local table and any other, a table named before the tables its keys point to.
// Every function, trigger and sequence is noted in the script with what it needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

const script = readFileSync(path.join(__dirname, '../../migrations/citus/distribute.sql'), 'utf8');
const all = (re: RegExp) => [...script.matchAll(re)];

const reference = all(/^SELECT create_reference_table\('(\w+)'\);$/gm).map((m) => m[1]!);
const distributed = all(/^SELECT create_distributed_table\('(\w+)', '(\w+)', colocate_with => '(\w+)'\);$/gm).map((m) => ({ table: m[1]!, column: m[2]!, colocateWith: m[3]! }));
const local = all(/^-- local: (\w+) — (.+)$/gm).map((m) => ({ table: m[1]!, reason: m[2]! }));
const localSchemas = all(/^-- local schema: (\w+) — (.+)$/gm).map((m) => m[1]!);
const noted = (kind: string) => new Set(all(new RegExp(`^-- ${kind}: (\\w+) — .+$`, 'gm')).map((m) => m[1]!));
const distributedFunctions = new Set(all(/^SELECT create_distributed_function\('(\w+)\(\)'\);$/gm).map((m) => m[1]!));
/** Where each table is named in the script (its order). */
const position = new Map<string, number>([...reference, ...distributed.map((d) => d.table)].map((t, i) => [t, i]));
const kindOf = (table: string) => (reference.includes(table) ? 'reference' : distributed.some((d) => d.table === table) ? 'distributed' : 'local');

interface ForeignKey {
  name: string;
  from: string;
  to: string;
  fromColumns: string[];
  toColumns: string[];
}

let db: Client;
let tables: { schema: string; table: string }[];
let foreignKeys: ForeignKey[];

beforeAll(async () => {
  db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
  tables = (
    await db.query(
      `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    )
  ).rows;
  foreignKeys = (
    await db.query(
      `SELECT c.conname AS name, c.conrelid::regclass::text AS "from", c.confrelid::regclass::text AS "to",
              array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS "fromColumns",
              array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS "toColumns"
         FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace ORDER BY 1`,
    )
  ).rows;
});
afterAll(() => db.end());

describe('migrations/citus/distribute.sql', () => {
  it('names every table of the schema once: reference, distributed or local with a reason (no more, no fewer)', () => {
    const named = [...reference, ...distributed.map((d) => d.table), ...local.map((l) => l.table)];
    expect(named.length).toBe(new Set(named).size);
    const inSchema = tables.filter((t) => !localSchemas.includes(t.schema)).map((t) => (t.schema === 'public' ? t.table : `${t.schema}.${t.table}`));
    expect([...named].sort()).toEqual([...inSchema].sort());
    expect(localSchemas).toEqual(['pgboss']);
    expect(tables.some((t) => t.schema === 'pgboss')).toBe(true);
    expect(local.every((l) => l.reason.length > 20)).toBe(true);
  });

  it('distributes every table with a tenant_id that is not a reference table, by tenant_id, in one colocation group', async () => {
    const columns = (await db.query(`SELECT table_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`)).rows;
    const withTenant = columns.map((r) => r.table_name as string);
    expect(withTenant.filter((t) => kindOf(t) === 'local')).toEqual([]);
    // one colocation group needs one type of distribution column
    const distributedColumns = columns.filter((r) => kindOf(r.table_name) === 'distributed');
    expect(distributedColumns).toHaveLength(distributed.length);
    expect(new Set(distributedColumns.map((r) => `${r.data_type} ${r.is_nullable}`))).toEqual(new Set(['uuid NO']));
    expect(distributed.every((d) => d.column === 'tenant_id')).toBe(true);
    const [anchor, ...rest] = distributed;
    expect(anchor!.colocateWith).toBe('none');
    expect(rest.filter((d) => d.colocateWith !== anchor!.table)).toEqual([]);
  });

  it("every distributed table's primary key, unique constraints and unique indexes include tenant_id", async () => {
    const rows = (
      await db.query(
        `SELECT i.indrelid::regclass::text AS "table", i.indexrelid::regclass::text AS "index",
                EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attname = 'tenant_id' AND a.attnum = ANY (i.indkey[0:i.indnkeyatts - 1])) AS "hasTenant"
           FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
          WHERE c.relnamespace = 'public'::regnamespace AND (i.indisunique OR i.indisprimary OR i.indisexclusion)`,
      )
    ).rows as { table: string; index: string; hasTenant: boolean }[];
    expect(rows.filter((r) => kindOf(r.table) === 'distributed').length).toBeGreaterThan(distributed.length);
    expect(rows.filter((r) => kindOf(r.table) === 'distributed' && !r.hasTenant).map((r) => r.index)).toEqual([]);
  });

  it('every foreign key between distributed tables pairs tenant_id with tenant_id', () => {
    const between = foreignKeys.filter((k) => kindOf(k.from) === 'distributed' && kindOf(k.to) === 'distributed');
    expect(between.length).toBeGreaterThan(50);
    const bad = between.filter((k) => {
      const i = k.fromColumns.indexOf('tenant_id');
      return i < 0 || k.toColumns[i] !== 'tenant_id';
    });
    expect(bad.map((k) => k.name)).toEqual([]);
  });

  it('foreign keys go from distributed to reference tables, never from reference to distributed, never to or from local tables', () => {
    const toReference = foreignKeys.filter((k) => kindOf(k.from) === 'distributed' && kindOf(k.to) === 'reference');
    expect(toReference.length).toBeGreaterThan(30);
    expect(foreignKeys.filter((k) => kindOf(k.from) === 'reference' && kindOf(k.to) === 'distributed').map((k) => k.name)).toEqual([]);
    expect(foreignKeys.filter((k) => kindOf(k.from) === 'local' || kindOf(k.to) === 'local').map((k) => k.name)).toEqual([]);
  });

  it('names every table after the tables its foreign keys point to (reference tables first)', () => {
    expect(Math.max(...reference.map((t) => position.get(t)!))).toBeLessThan(Math.min(...distributed.map((d) => position.get(d.table)!)));
    const early = foreignKeys.filter((k) => k.from !== k.to && position.get(k.to)! > position.get(k.from)!);
    expect(early.map((k) => `${k.name}: ${k.from} before ${k.to}`)).toEqual([]);
  });

  it('notes every function (copied to the nodes or kept on the coordinator), trigger and sequence', async () => {
    const functions = (await db.query(`SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`)).rows.map((r) => r.proname as string);
    const coordinator = noted('coordinator function');
    expect(functions.filter((f) => !distributedFunctions.has(f) && !coordinator.has(f))).toEqual([]);
    expect([...distributedFunctions, ...coordinator].filter((f) => !functions.includes(f))).toEqual([]);
    expect([...distributedFunctions].filter((f) => coordinator.has(f))).toEqual([]);

    const triggers = (await db.query(`SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace`)).rows.map((r) => r.tgname as string);
    expect([...triggers].sort()).toEqual([...noted('trigger')].sort());
    // a trigger function runs on the shards: it is copied to every node
    const triggerFunctions = (await db.query(`SELECT DISTINCT t.tgfoid::regproc::text AS f FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace`)).rows.map((r) => r.f as string);
    expect(triggerFunctions.filter((f) => !distributedFunctions.has(f))).toEqual([]);

    const sequences = (await db.query(`SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'`)).rows.map((r) => r.sequence_name as string);
    expect([...sequences].sort()).toEqual([...noted('sequence')].sort());
  });
});

// The requests' own connections (server/platform/request-db.ts) carry the tenant settings at
// session level between requests. These tests hold them to the tenant wall on ONE connection
// (a pool of size 1, so every statement meets what the one before left behind): each read sees
// exactly its own tenant, a transaction's settings end with it, a read never writes, and the
// statements are prepared once per connection.
import { connectionConfig } from '../../server/platform/database';
import { RequestPool } from '../../server/platform/request-db';
import { RequestScope } from '../../server/platform/request-scope';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { pgError } from '../support/runtime-role';

let app: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let pool: RequestPool;
let sent: string[];

const PEOPLE = `SELECT tenant_id, count(*)::int AS n FROM professional GROUP BY tenant_id`;
const as = (t: TenantFixture | null) => ({ tenantId: t?.tenantId ?? null });
const read = async (t: TenantFixture | null, sql = PEOPLE, params: unknown[] = []) => (await pool.read(as(t), sql, params)) as { tenant_id: string; n: number }[];

beforeAll(async () => {
  app = await startTestApp();
  [a, b] = await Promise.all([createTenantFixture(app, 'rda'), createTenantFixture(app, 'rdb')]);
});
afterAll(() => app.close());

beforeEach(() => {
  pool = new RequestPool(connectionConfig(app.runtime), 1);
  sent = [];
  pool.observe((text) => sent.push(text));
});
afterEach(() => pool.close());

const switches = () => sent.filter((s) => s.includes("set_config('app.tenant_id', $1, false)")).length;

describe('one connection, many tenants', () => {
  it('each read sees only its own tenant, whatever the connection served before', async () => {
    expect(await read(a)).toEqual([{ tenant_id: a.tenantId, n: 9 }]);
    expect(await read(b)).toEqual([{ tenant_id: b.tenantId, n: 9 }]);
    expect(await read(null)).toEqual([]);
    expect(await read(a)).toEqual([{ tenant_id: a.tenantId, n: 9 }]);
    // a switch per change of tenant, none for a repeat
    expect(switches()).toBe(4);
    expect(await read(a)).toEqual([{ tenant_id: a.tenantId, n: 9 }]);
    expect(switches()).toBe(4);
  });

  it('a switch rides with its statement: one round trip, once the connection has it prepared', async () => {
    await read(a);
    await read(b); // the first switch on a connection prepares it: two round trips
    const trips = pool.roundTrips;
    for (let i = 0; i < 6; i++) expect(await read(i % 2 ? b : a)).toEqual([{ tenant_id: (i % 2 ? b : a).tenantId, n: 9 }]);
    expect(pool.roundTrips - trips).toBe(6);
    expect(switches()).toBe(8);
  });

  it('a statement that fails after a switch undoes the switch, and the next read is right', async () => {
    await read(a);
    await read(b);
    await read(a);
    expect((await pgError(read(b, `SELECT 1/0`))).code).toBe('22012');
    // the session is back on A (the switch rolled back with the statement); asked for B, it switches again
    expect(await read(b)).toEqual([{ tenant_id: b.tenantId, n: 9 }]);
    expect((await pgError(read(null, `SELECT 1/0`))).code).toBe('22012');
    expect(await read(a)).toEqual([{ tenant_id: a.tenantId, n: 9 }]);
    expect(await read(null)).toEqual([]);
    // a statement that does not parse is not taken for prepared: asked again, it fails the same way
    for (const t of [b, a, b]) expect((await pgError(read(t, `SELEC 1`))).code).toBe('42601');
    expect(await read(b)).toEqual([{ tenant_id: b.tenantId, n: 9 }]);
  });

  it('a read that fails leaves the session’s tenant as it was', async () => {
    await read(a);
    expect((await pgError(read(a, `SELECT 1/0`))).code).toBe('22012');
    expect(await read(a)).toEqual([{ tenant_id: a.tenantId, n: 9 }]);
    expect(await read(b)).toEqual([{ tenant_id: b.tenantId, n: 9 }]);
  });

  it('a read cannot write, and nothing is written', async () => {
    const rename = `UPDATE professional SET name = name || '改' WHERE id = $1`;
    expect((await pgError(read(a, rename, [a.people.a1[0].id]))).code).toBe('25006');
    const [row] = await app.owner.query(`SELECT name FROM professional WHERE tenant_id = $1 AND id = $2`, [a.tenantId, a.people.a1[0].id]);
    expect(row.name).toBe(a.people.a1[0].name);
  });
});

describe('write transactions on the same connection', () => {
  it('commit or roll back, and their settings end with them', async () => {
    await read(a); // the session now carries tenant A
    const rename = `UPDATE professional SET name = $2 WHERE id = $1 RETURNING name`;
    const person = b.people.b1[1];

    const rolledBack = await pool.begin(as(b));
    // under tenant B's local settings: B's row is seen and changed; A's rows are not
    expect(await rolledBack.query(rename, [person.id, '回滚者'])).toEqual([[{ name: '回滚者' }], 1]);
    expect(await rolledBack.query(rename, [a.people.a1[0].id, '越界'])).toEqual([[], 0]);
    await rolledBack.end(false);
    expect(await read(b, `SELECT name FROM professional WHERE id = $1`, [person.id])).toEqual([{ name: person.name }]);

    await read(a);
    const before = switches();
    const committed = await pool.begin(as(b));
    await committed.query(rename, [person.id, '提交者']);
    await committed.end(true);
    // the transaction's settings were local: the session is back on A, with no switch needed
    expect(await read(a)).toEqual([{ tenant_id: a.tenantId, n: 9 }]);
    expect(switches()).toBe(before);
    expect(await read(b, `SELECT name FROM professional WHERE id = $1`, [person.id])).toEqual([{ name: '提交者' }]);
  });
});

describe('a request’s scope', () => {
  it('is a transaction by default, and single statements once made read-only', async () => {
    const write = new RequestScope(pool, as(a));
    expect(write.isOpen).toBe(false);
    await (await write.manager()).query(`SELECT 1`);
    expect(write.isOpen).toBe(true);
    expect(write.readOnly()).toBe(false);
    await write.finish(true);
    expect(sent.filter((s) => /^(BEGIN|COMMIT)/.test(s))).toEqual(['BEGIN READ WRITE', 'COMMIT']);

    sent.length = 0;
    const reader = new RequestScope(pool, as(a));
    expect(reader.readOnly()).toBe(true);
    const db = await reader.manager();
    expect(await db.query(PEOPLE)).toEqual([{ tenant_id: a.tenantId, n: 9 }]);
    await reader.finish(true);
    expect(sent.some((s) => /^(BEGIN|COMMIT)/.test(s))).toBe(false);
    // once anything ran, the tenant is fixed
    expect(() => reader.setTenant(as(b))).toThrow(/cannot change/);
  });
});

describe('prepared statements', () => {
  it('a repeated statement is parsed once per connection, under a name', async () => {
    const text = `SELECT count(*)::int AS n FROM professional WHERE title_level = $1`;
    await read(a, text, ['SENIOR']);
    await read(a, text, ['JUNIOR']);
    const prepared = (await read(a, `SELECT name, statement FROM pg_prepared_statements WHERE statement = $1`, [text])) as unknown as { name: string }[];
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toMatch(/^ce_/);
  });
});

// The LISTEN/NOTIFY bus (platform/invalidation.ts) against the real database: the triggers
// announce committed changes only, the API key's recorded use is not announced, and a lost
// connection empties the caches, is retried, and listening resumes.
import { randomBytes } from 'node:crypto';
import { connectionConfig } from '../../server/platform/database';
import { InvalidatedCache } from '../../server/platform/invalidated-cache';
import { type Invalidation, InvalidationListener } from '../../server/platform/invalidation';
import { createLogger } from '../../server/platform/logger';
import { eventually } from '../support/eventually';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let t: TenantFixture;
let listener: InvalidationListener;
const heard: Invalidation[] = [];
let resets = 0;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'inv');
  listener = await InvalidationListener.start({ connection: connectionConfig(app.runtime), logger: createLogger('silent'), retryMs: 20 });
  for (const topic of ['api_client', 'tenant', 'policy_revision']) {
    listener.subscribe(topic, { invalidate: (m) => void heard.push(m), reset: () => void resets++ });
  }
});
afterAll(async () => {
  await listener.stop();
  await app.close();
});

/** A client row of the fixture's tenant, written as the owner; its key id. */
async function insertClient(): Promise<{ id: string; keyId: string }> {
  const keyId = randomBytes(9).toString('hex');
  const [row] = await app.owner.query<{ id: string }[]>(
    `INSERT INTO api_client (tenant_id, name, key_id, secret_hash, scopes) VALUES ($1, '测试', $2, 'x', '{}') RETURNING id`,
    [t.tenantId, keyId],
  );
  return { id: row!.id, keyId };
}

const heardOf = (topic: string, id: string) => heard.filter((m) => m.topic === topic && m.id === id);

describe('the invalidation bus', () => {
  it('announces a committed change of an API client with its tenant and key id; not a rolled-back one', async () => {
    const { id, keyId } = await insertClient();
    await eventually(async () => expect(heardOf('api_client', keyId)).toEqual([{ topic: 'api_client', tenantId: t.tenantId, id: keyId }]));

    const runner = app.owner.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`UPDATE api_client SET revoked_at = now() WHERE id = $1`, [id]);
    await runner.rollbackTransaction();
    await runner.release();
    await app.owner.query(`UPDATE api_client SET name = '改名' WHERE id = $1`, [id]);
    await eventually(async () => expect(heardOf('api_client', keyId)).toHaveLength(2));
    // the rolled-back revocation was never announced: the second message is the rename
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heardOf('api_client', keyId)).toHaveLength(2);
  });

  it('does not announce a recorded use (last_used_at alone)', async () => {
    const { id, keyId } = await insertClient();
    await eventually(async () => expect(heardOf('api_client', keyId)).toHaveLength(1));
    await app.runtime.query(`SELECT app_api_client_touch($1::uuid, $2::uuid)`, [t.tenantId, id]);
    const [row] = await app.owner.query<{ last_used_at: Date | null }[]>(`SELECT last_used_at FROM api_client WHERE id = $1`, [id]);
    expect(row!.last_used_at).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heardOf('api_client', keyId)).toHaveLength(1);
  });

  it('announces a tenant status change and a published revision (by number)', async () => {
    await app.owner.query(`UPDATE tenant SET status = 'SUSPENDED' WHERE id = $1`, [t.tenantId]);
    await app.owner.query(`UPDATE tenant SET status = 'ACTIVE' WHERE id = $1`, [t.tenantId]);
    await eventually(async () => expect(heardOf('tenant', t.tenantId).length).toBeGreaterThanOrEqual(2));
    await app.owner.query(`INSERT INTO policy_revision (tenant_id, revision, document) VALUES ($1, 7, '{}')`, [t.tenantId]);
    await eventually(async () => expect(heardOf('policy_revision', '7')).toEqual([{ topic: 'policy_revision', tenantId: t.tenantId, id: '7' }]));
  });

  it('a lost connection empties the caches that follow it; it reconnects and listening resumes', async () => {
    const cache = new InvalidatedCache<string, string>({ maxEntries: 10, ttlMs: 60_000 }).follow(listener, 'api_client', (m) => m.id);
    await cache.get('k', async () => 'cached');
    expect(cache.peek('k')).toBe('cached');
    const before = resets;
    const pid = listener.backendPid;
    expect(pid).toEqual(expect.any(Number));

    await app.owner.query(`SELECT pg_terminate_backend($1)`, [pid]);
    await eventually(async () => expect(resets).toBeGreaterThanOrEqual(before + 2), 5000);
    await eventually(async () => expect(listener.listening).toBe(true), 5000);
    expect(listener.backendPid).not.toBe(pid);
    expect(cache.peek('k')).toBeUndefined();

    // heard again: a change committed now reaches the cache
    await cache.get('k2', async () => 'cached');
    const { keyId } = await insertClient();
    await eventually(async () => expect(heardOf('api_client', keyId)).toHaveLength(1));
    await cache.get(keyId, async () => 'value');
    expect(cache.peek(keyId)).toBe('value');
    await app.owner.query(`UPDATE api_client SET name = '又改名' WHERE key_id = $1`, [keyId]);
    await eventually(async () => expect(cache.peek(keyId)).toBeUndefined());
    expect(cache.peek('k2')).toBe('cached');
  });
});

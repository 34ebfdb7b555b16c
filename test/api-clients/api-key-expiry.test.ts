// API keys may carry an expiry (in the future, at most three years ahead) and
// show their last use, recorded at most once a minute per key (and process:
// see test/api-clients/api-key-cache.test.ts for the minute itself).
import { eventually } from '../support/eventually';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type GqlResult, type TestApp } from '../support/harness';

const CREATE = `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey client { id expiresAt lastUsedAt } } }`;
const LIST = `{ apiClients(first: 50) { nodes { id expiresAt lastUsedAt } } }`;
const ME = `{ me { kind } }`;
const DAY = 24 * 3600e3;

let app: TestApp;
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'akx');
});
afterAll(() => app.close());

async function create(expiresAt?: string | null): Promise<GqlResult> {
  return app.gql(CREATE, { i: { name: '评审系统', scopes: ['COMPLETION_READ'], ...(expiresAt === undefined ? {} : { expiresAt }) } }, t.accounts.bureau.token);
}

async function lastUsedAt(id: string): Promise<Date | null> {
  const [row] = await app.owner.query<{ last_used_at: Date | null }[]>(`SELECT last_used_at FROM api_client WHERE id = $1`, [id]);
  return row!.last_used_at;
}

describe('API key expiry and last use', () => {
  it('a key with an expiry works until then and is refused (401, in Chinese) once expired', async () => {
    const expiresAt = new Date(Date.now() + 30 * DAY).toISOString();
    const r = await create(expiresAt);
    expect(r.errors).toBeUndefined();
    const { apiKey, client } = r.data.createApiClient;
    expect(new Date(client.expiresAt).toISOString()).toBe(expiresAt);
    expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');

    // a change made straight in the database reaches the server's key cache when it commits (a notification)
    await app.owner.query(`UPDATE api_client SET expires_at = now() - interval '1 second' WHERE id = $1`, [client.id]);
    const refused = await eventually(async () => {
      const r = await app.gql(ME, {}, { apiKey });
      expect(r.status).toBe(401);
      return r;
    });
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors?.[0]?.message).toMatch(/过期/);
  });

  it('a key without an expiry never expires', async () => {
    const r = await create();
    expect(r.errors).toBeUndefined();
    expect(r.data.createApiClient.client.expiresAt).toBeNull();
    expect((await app.gql(ME, {}, { apiKey: r.data.createApiClient.apiKey })).data.me.kind).toBe('API_CLIENT');
  });

  it('lastUsedAt is recorded just after a keyed request, and not again within the minute', async () => {
    const r = await create();
    const { apiKey, client } = r.data.createApiClient;
    expect(client.lastUsedAt).toBeNull();
    expect(await lastUsedAt(client.id)).toBeNull();

    expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
    // recorded after the answer, without delaying it
    const first = await eventually(async () => {
      const at = await lastUsedAt(client.id);
      expect(at).toBeInstanceOf(Date);
      return at;
    });
    const listed = (await app.gql(LIST, {}, t.accounts.bureau.token)).data.apiClients.nodes.find((n: { id: string }) => n.id === client.id);
    expect(new Date(listed.lastUsedAt).getTime()).toBe(first!.getTime());

    // within the minute: no new write (not even by the database function, asked directly)
    expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await lastUsedAt(client.id))!.getTime()).toBe(first!.getTime());
    await app.runtime.query(`SELECT app_api_client_touch($1::uuid, $2::uuid)`, [t.tenantId, client.id]);
    expect((await lastUsedAt(client.id))!.getTime()).toBe(first!.getTime());

    // over a minute later the database function records a use again
    await app.owner.query(`UPDATE api_client SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [client.id]);
    const stale = (await lastUsedAt(client.id))!;
    await app.runtime.query(`SELECT app_api_client_touch($1::uuid, $2::uuid)`, [t.tenantId, client.id]);
    expect((await lastUsedAt(client.id))!.getTime()).toBeGreaterThan(stale.getTime());
  });

  it('an expiry in the past, now, or over three years ahead is BAD_USER_INPUT on expiresAt, and writes nothing', async () => {
    const [before] = await app.owner.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM api_client WHERE tenant_id = $1`, [t.tenantId]);
    for (const expiresAt of [new Date(Date.now() - DAY).toISOString(), new Date(Date.now() + 3 * 366 * DAY + DAY).toISOString()]) {
      const r = await create(expiresAt);
      expect(r.status).toBeLessThan(500);
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0]?.extensions?.field).toBe('expiresAt');
      expect(r.errors?.[0]?.message).toMatch(/到期时间/);
    }
    const garbage = await create('not-a-date');
    expect(garbage.status).toBeLessThan(500);
    expect(codes(garbage)).toEqual(['BAD_USER_INPUT']);
    const [after] = await app.owner.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM api_client WHERE tenant_id = $1`, [t.tenantId]);
    expect(after?.n).toBe(before?.n);
  });
});

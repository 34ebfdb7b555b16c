// A verified API key is served from the process's cache: a repeated keyed request issues no
// statement for its key. The secret is still compared on every request; a revocation through
// this process counts at once, one committed anywhere else within a second (its notification).
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { eventually } from '../support/eventually';
import { codes, startTestApp, type TestApp } from '../support/harness';

const CREATE = `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey client { id } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiClient(id: $id) { id revokedAt } }`;
const ME = `{ me { kind } }`;

let app: TestApp;
let t: TenantFixture;
let lookups: string[];

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'akc');
  // counts the key look-ups the server makes (every statement passes through DataSource.query)
  const query = app.runtime.query.bind(app.runtime);
  app.runtime.query = (async (...args: Parameters<typeof query>) => {
    const [sql, parameters] = args as [string, unknown[] | undefined];
    if (sql.includes('app_api_client_by_key')) lookups.push(String(parameters?.[0]));
    return query(...args);
  }) as typeof app.runtime.query;
});
beforeEach(() => {
  lookups = [];
});
afterAll(() => app.close());

async function newKey(): Promise<{ apiKey: string; id: string; keyId: string }> {
  const r = await app.gql(CREATE, { i: { name: '评审系统', scopes: ['COMPLETION_READ'] } }, t.accounts.bureau.token);
  expect(r.errors).toBeUndefined();
  const { apiKey, client } = r.data.createApiClient;
  return { apiKey, id: client.id, keyId: /^ce_([^.]+)\./.exec(apiKey)![1]! };
}

describe('the API key cache', () => {
  it('a repeated keyed request issues no statement for its key, its recorded use included', async () => {
    const { apiKey, id, keyId } = await newKey();
    expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
    await eventually(async () => {
      const [row] = await app.owner.query<{ last_used_at: Date | null }[]>(`SELECT last_used_at FROM api_client WHERE id = $1`, [id]);
      expect(row!.last_used_at).toBeInstanceOf(Date);
    });
    // the key's creation is announced too, asynchronously, and may drop the entry once more
    // when it arrives after the first use: wait until a use finds the key cached
    await eventually(async () => {
      const before = lookups.length;
      expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
      expect(lookups.length).toBe(before);
    });
    expect(lookups.length).toBeLessThanOrEqual(2);
    expect(new Set(lookups)).toEqual(new Set([keyId]));
    lookups = [];
    for (let i = 0; i < 5; i++) expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
    expect(lookups).toEqual([]);
  });

  it('the secret is compared on every request: a wrong one for a cached key id is refused', async () => {
    const { apiKey } = await newKey();
    expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
    const wrong = `${apiKey.slice(0, -4)}${apiKey.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const refused = await app.gql(ME, {}, { apiKey: wrong });
    expect(refused.status).toBe(401);
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
  });

  it('unknown keys and wrong secrets are not kept: each is looked up again', async () => {
    const { apiKey, keyId } = await newKey();
    const wrong = `${apiKey.slice(0, -4)}${apiKey.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    for (let i = 0; i < 3; i++) expect((await app.gql(ME, {}, { apiKey: wrong })).status).toBe(401);
    expect(lookups).toEqual([keyId, keyId, keyId]);
    const unknown = `ce_${'a'.repeat(18)}.${'b'.repeat(43)}`;
    for (let i = 0; i < 2; i++) expect((await app.gql(ME, {}, { apiKey: unknown })).status).toBe(401);
    expect(lookups).toHaveLength(5);
  });

  it('a revocation through this process counts at once', async () => {
    const { apiKey, id } = await newKey();
    expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
    expect((await app.gql(REVOKE, { id }, t.accounts.bureau.token)).errors).toBeUndefined();
    const refused = await app.gql(ME, {}, { apiKey });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toMatch(/吊销/);
  });

  it('a revocation committed elsewhere (straight in the database) counts within a second', async () => {
    const { apiKey, id } = await newKey();
    expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
    await app.owner.query(`UPDATE api_client SET revoked_at = now() WHERE id = $1`, [id]);
    await eventually(async () => expect((await app.gql(ME, {}, { apiKey })).status).toBe(401));
  });
});

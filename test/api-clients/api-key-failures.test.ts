// Failed API-key authentications are counted per client address (api-key-failures.ts): past
// API_KEY_MAX_FAILURES_PER_MINUTE the address is refused with TOO_MANY_REQUESTS (429) before
// any key lookup, a good key included; keys that work are never counted.
import { ApiKeyFailures } from '../../server/api-clients/api-key-failures';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';

const LIMIT = 4;
const CREATE = `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey } }`;
const ME = `{ me { kind } }`;

let app: TestApp;
let t: TenantFixture;
let lookups: number;

beforeAll(async () => {
  app = await startTestApp({ API_KEY_MAX_FAILURES_PER_MINUTE: String(LIMIT) });
  t = await createTenantFixture(app, 'akf');
  // counts the key look-ups the server makes (every statement passes through DataSource.query)
  const query = app.runtime.query.bind(app.runtime);
  app.runtime.query = (async (...args: Parameters<typeof query>) => {
    if (String(args[0]).includes('app_api_client_by_key')) lookups++;
    return query(...args);
  }) as typeof app.runtime.query;
});
afterAll(() => app.close());

async function newKey(name: string): Promise<string> {
  const r = await app.gql(CREATE, { i: { name, scopes: ['COMPLETION_READ'] } }, t.accounts.bureau.token);
  expect(r.errors).toBeUndefined();
  return r.data.createApiClient.apiKey as string;
}

test('a good key is never counted; wrong keys are, and past the limit the address is refused before any lookup', async () => {
  const good = await newKey('good');
  for (let i = 0; i < LIMIT + 3; i++) expect((await app.gql(ME, {}, { apiKey: good })).data.me.kind).toBe('API_CLIENT');

  // a made-up key id, a wrong secret for a real key id, a malformed key: each refused and counted
  const realKeyId = /^ce_([^.]+)\./.exec(good)![1]!;
  const wrong = [`ce_${'A'.repeat(realKeyId.length)}.${'B'.repeat(43)}`, `ce_${realKeyId}.${'C'.repeat(43)}`, 'not-a-key', `ce_${'D'.repeat(realKeyId.length)}.${'E'.repeat(43)}`];
  for (const apiKey of wrong) {
    const r = await app.gql(ME, {}, { apiKey });
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  }

  lookups = 0;
  const refused = await app.gql(ME, {}, { apiKey: `ce_${'F'.repeat(realKeyId.length)}.${'G'.repeat(43)}` });
  expect(refused.status).toBe(429);
  expect(codes(refused)).toEqual(['TOO_MANY_REQUESTS']);
  const retryAfter = (refused.errors![0]!.extensions as { retryAfter?: number }).retryAfter!;
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(refused.errors![0]!.message).toMatch(/API 密钥验证失败次数过多，请 \d+ 秒后再试/);
  // the good key too, from this address, for the rest of the minute; nothing was looked up
  const goodRefused = await app.gql(ME, {}, { apiKey: good });
  expect(codes(goodRefused)).toEqual(['TOO_MANY_REQUESTS']);
  expect(lookups).toBe(0);
  // and says when in Retry-After
  const raw = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': good }, body: JSON.stringify({ query: ME }) });
  expect(raw.status).toBe(429);
  expect(Number(raw.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

  // signed-in officials are not API clients: their requests are not refused
  expect((await app.gql(ME, {}, t.accounts.bureau.token)).data.me.kind).toBe('ACCOUNT');
});

test('the counter is per address (an IPv6 /64 counts as one) and stops at its limit', async () => {
  const failures = new ApiKeyFailures(2);
  await failures.count('10.0.0.1');
  await failures.check('10.0.0.1');
  await failures.count('10.0.0.1');
  await expect(failures.check('10.0.0.1')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
  await expect(failures.check('10.0.0.2')).resolves.toBeUndefined();
  await failures.count('2001:db8:1:2::10');
  await failures.count('2001:db8:1:2:ffff::1');
  await expect(failures.check('2001:db8:1:2::99')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  await expect(failures.check('2001:db8:1:3::10')).resolves.toBeUndefined();
});

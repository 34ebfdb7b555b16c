// One log shape for every line of a request — reqId, tenant (its code),
// actor, operation — each key once; one access line per request; never a
// password, token, API secret, credential header or full ID number.
import { startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';

let app: TestApp;
let t: TenantFixture;
const lines: string[] = [];

beforeAll(async () => {
  app = await startTestApp({}, lines);
  t = await createTenantFixture(app);
});
afterAll(() => app.close());

const REQUEST_KEYS = ['reqId', 'tenant', 'actor', 'operation'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The keys of a JSON object's top level, in order, duplicates included (JSON.parse keeps only the last). */
function topLevelKeys(json: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) keys.push(JSON.parse(json.slice(i, end + 1)) as string);
      expectKey = false;
      i = end;
    } else if (c === '{' || c === '[') {
      depth++;
      expectKey = c === '{' && depth === 1;
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 1) expectKey = true;
  }
  return keys;
}

async function post(body: object, headers: Record<string, string> = {}) {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { body: (await res.json()) as { data: { signIn: { token: string }; createApiClient: { apiKey: string } } } };
}

describe('structured logs', () => {
  let token: string;
  let apiKey: string;

  beforeAll(async () => {
    const person = t.accounts.personA1;
    const SIGN_IN = `mutation SignIn($i: SignInInput!) { signIn(input: $i) { token } }`;
    token = (await post({ query: SIGN_IN, variables: { i: { tenantCode: t.code, username: person.username, password: person.password } } })).body.data.signIn.token;
    await post({ query: SIGN_IN, variables: { i: { tenantCode: t.code, username: person.username, password: 'wrong-pass-1' } } }, { 'x-request-id': 'failed-sign-in-0001' });
    await post({ query: `query People($f: ProfessionalFilter) { professionals(filter: $f) { nodes { idNumber } } }`, variables: { f: { idNumber: person.username } } }, { authorization: `Bearer ${token}` });
    await post({ query: `query Who { me { kind } }` }, { authorization: `Bearer ${t.accounts.bureau.token}`, 'x-request-id': 'bureau-who-0001' });
    const created = await post(
      { query: `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey } }`, variables: { i: { name: '日志测试客户端', scopes: ['COMPLETION_READ'] } } },
      { authorization: `Bearer ${t.accounts.bureau.token}` },
    );
    apiKey = created.body.data.createApiClient.apiKey;
    await post({ query: `{ me { kind } }` }, { 'x-api-key': apiKey, 'x-request-id': 'api-client-0001' });
    await post({ query: `{ me { kind } }` }, { authorization: `ApiKey ${apiKey}` });
    await post({ query: `{ me { kind` });
    await fetch(`${app.url}/no/such/page`);
  });

  it('every line has reqId, tenant, actor and operation, each key once', () => {
    expect(topLevelKeys('{"a":1,"b":{"a":"}"},"c":[{"a":2}],"a":3}')).toEqual(['a', 'b', 'c', 'a']);
    // nine requests, one access line each, and the failed sign-in's warning
    expect(lines.length).toBeGreaterThanOrEqual(10);
    for (const line of lines) {
      const keys = topLevelKeys(line);
      expect({ line, duplicates: keys.filter((k, i) => keys.indexOf(k) !== i) }).toEqual({ line, duplicates: [] });
      expect({ line, missing: REQUEST_KEYS.filter((k) => !keys.includes(k)) }).toEqual({ line, missing: [] });
    }
  });

  it('a tenant is named by its code, never its id', () => {
    const records = lines.map((l) => JSON.parse(l));
    expect(records.filter((r) => typeof r.tenant === 'string' && UUID.test(r.tenant))).toEqual([]);
    const who = records.filter((r) => r.reqId === 'bureau-who-0001');
    // one line per request: the access line carries the operation and its answer's error codes
    expect(who.map((r) => r.msg)).toEqual(['request completed']);
    for (const r of who) expect(r).toMatchObject({ tenant: t.code, actor: 'account:bureau', operation: 'Who', errors: [] });
    const client = records.filter((r) => r.reqId === 'api-client-0001');
    expect(client.length).toBe(1);
    for (const r of client) expect(r).toMatchObject({ tenant: t.code, actor: 'api:日志测试客户端' });
  });

  it('a failed sign-in is logged with the tenant it named, once', () => {
    const failed = lines.filter((l) => l.includes('"failed-sign-in-0001"'));
    const warning = failed.find((l) => l.includes('sign_in_failed'));
    expect(warning).toBeDefined();
    expect(topLevelKeys(warning!).filter((k) => k === 'tenant')).toHaveLength(1);
    expect(JSON.parse(warning!)).toMatchObject({ tenant: t.code, actor: 'anonymous', operation: 'SignIn', level: 40 });
  });

  it('one access line per request, with status and duration, reusing the request id', () => {
    const records = lines.map((l) => JSON.parse(l));
    const access = records.filter((r) => r.msg === 'request completed');
    const ids = access.map((r) => r.reqId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(access.length).toBe(9);
    for (const r of access) expect(r).toEqual(expect.objectContaining({ method: expect.any(String), path: expect.any(String), status: expect.any(Number), ms: expect.any(Number) }));
    expect(access.find((r) => r.reqId === 'bureau-who-0001')).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });
    expect(access.find((r) => r.path === '/no/such/page')).toMatchObject({ status: 404, tenant: null, actor: null, operation: null });
    // the server's own id when the client sends none, and the one it sends back
    for (const r of access) expect(r.reqId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('never a password, token, API secret, credential header or full ID number', () => {
    const text = lines.join('\n');
    expect(text).not.toContain(t.accounts.personA1.password);
    expect(text).not.toContain('wrong-pass-1');
    expect(text).not.toContain(token);
    expect(text).not.toContain(t.accounts.bureau.token);
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(apiKey.split('.')[1]);
    expect(text).not.toMatch(/authorization|x-api-key|Bearer|ApiKey /i);
    expect(text).not.toMatch(/\d{17}[\dX]/);
  });
});

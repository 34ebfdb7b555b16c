// In production the schema is not handed out: no introspection, no "Did you
// mean …" suggestions, no explorer — unless configured on — and in no mode a
// stack trace in an error.
import { loadConfig } from '../../server/platform/config';
import { isErrorCode } from '../../server/platform/error-code.enum';
import { withoutSuggestions } from '../../server/app/format-error';
import { codes, GqlResult, startTestApp, TestApp } from '../support/harness';

const INTROSPECTION = `query IntrospectionQuery { __schema { queryType { name } types { name } } }`;
const TYPE = `{ __type(name: "Query") { name fields { name } } }`;
// `me` exists: a near miss gets a suggestion from graphql-js
const NEAR_MISS = `{ mee { kind } }`;
const SUGGESTION = /Did you mean|是否想用|"me"/;

function production(extra: Record<string, string> = {}): Record<string, string> {
  return { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(48), DATABASE_URL: process.env.TEST_DATABASE_URL!, ...extra };
}

/** Every message and extension of a result's errors, as plain text. */
function errorText(r: GqlResult): string {
  return (r.errors ?? []).map((e) => [e.message, ...Object.values(e.extensions ?? {}).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))].join('\n')).join('\n');
}

function expectNoStacktrace(r: GqlResult) {
  expect(r.errors?.length).toBeGreaterThan(0);
  for (const e of r.errors ?? []) {
    const extensions = (e.extensions ?? {}) as Record<string, unknown>;
    expect(Object.keys(extensions)).not.toContain('stacktrace');
    expect(Object.keys(extensions)).not.toContain('exception');
  }
  expect(errorText(r)).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

describe('configuration', () => {
  it('introspection, suggestions and the explorer default to off in production and on elsewhere', () => {
    const prod = loadConfig(production());
    expect([prod.GRAPHQL_INTROSPECTION, prod.GRAPHQL_FIELD_SUGGESTIONS, prod.EXPLORER]).toEqual([false, false, false]);
    for (const NODE_ENV of ['development', 'test']) {
      const c = loadConfig({ NODE_ENV });
      expect([c.GRAPHQL_INTROSPECTION, c.GRAPHQL_FIELD_SUGGESTIONS, c.EXPLORER]).toEqual([true, true, true]);
    }
    const on = loadConfig(production({ GRAPHQL_INTROSPECTION: 'true', GRAPHQL_FIELD_SUGGESTIONS: '1', EXPLORER: 'yes' }));
    expect([on.GRAPHQL_INTROSPECTION, on.GRAPHQL_FIELD_SUGGESTIONS, on.EXPLORER]).toEqual([true, true, true]);
    const off = loadConfig({ NODE_ENV: 'development', GRAPHQL_INTROSPECTION: 'false', GRAPHQL_FIELD_SUGGESTIONS: '0', EXPLORER: 'no' });
    expect([off.GRAPHQL_INTROSPECTION, off.GRAPHQL_FIELD_SUGGESTIONS, off.EXPLORER]).toEqual([false, false, false]);
    expect(() => loadConfig({ EXPLORER: 'maybe' })).toThrow(/EXPLORER/);
  });

  it('suggestions are cut from every graphql-js message shape', () => {
    expect(withoutSuggestions('Cannot query field "mee" on type "Query". Did you mean "me"?')).toBe('Cannot query field "mee" on type "Query".');
    expect(withoutSuggestions('Unknown argument "x" on field "Query.a". Did you mean "y", "z", or "w"?')).toBe('Unknown argument "x" on field "Query.a".');
    expect(withoutSuggestions('Value "FOO" does not exist in "Kind" enum. Did you mean the enum value "FOR"?')).toBe('Value "FOO" does not exist in "Kind" enum.');
  });
});

describe('in production, by default', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(production());
  });
  afterAll(() => app.close());

  it('refuses introspection with a code of the ErrorCode enum', async () => {
    for (const query of [INTROSPECTION, TYPE]) {
      const r = await app.gql(query);
      expect(r.data ?? null).toBeNull();
      expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      for (const code of codes(r)) expect(isErrorCode(code)).toBe(true);
      expect(errorText(r)).not.toContain('"Query"');
      expectNoStacktrace(r);
    }
    // __typename is not introspection of the schema
    const typename = await app.gql(`{ __typename }`);
    expect(typename.errors).toBeUndefined();
  });

  it('gives no field suggestions', async () => {
    const r = await app.gql(NEAR_MISS);
    expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(errorText(r)).toContain('mee');
    expect(errorText(r)).not.toMatch(SUGGESTION);
    expectNoStacktrace(r);
  });

  it('gives no enum value suggestions in variables', async () => {
    const r = await app.gql(`query($l: TitleLevel!) { titleEligibility(applicationYear: 2025, targetLevel: $l, idNumber: "x") { __typename } }`, { l: 'SENIO' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(errorText(r)).toContain('SENIO');
    expect(errorText(r)).not.toMatch(/Did you mean|是否想用|"SENIOR"/);
  });

  it('serves no explorer', async () => {
    const explorer = await fetch(`${app.url}/explorer`, { headers: { accept: 'text/html' } });
    expect(explorer.status).toBe(404);
    const page = await explorer.text();
    expect(page).not.toContain('/explorer"');
    // the root leads to the console, never to the explorer
    const root = await fetch(`${app.url}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/admin/');
    expect((await fetch(`${app.url}/explorer/assets/explorer.js`)).status).toBe(404);
  });

  it('puts no stack trace on any error', async () => {
    expectNoStacktrace(await app.gql(`{ me { kind `));
    expectNoStacktrace(await app.gql(`{ me { kind } }`, {}, 'not-a-token'));
    expectNoStacktrace(await app.gql(`query($n: Int!) { __typename }`, { n: 'x' }));
  });
});

describe('in production, configured on', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(production({ GRAPHQL_INTROSPECTION: 'true', GRAPHQL_FIELD_SUGGESTIONS: 'true', EXPLORER: 'true' }));
  });
  afterAll(() => app.close());

  it('answers introspection, suggests fields and serves the explorer; still no stack trace', async () => {
    const r = await app.gql(INTROSPECTION);
    expect(r.errors).toBeUndefined();
    expect(r.data.__schema.queryType.name).toBe('Query');
    const miss = await app.gql(NEAR_MISS);
    expect(errorText(miss)).toMatch(/"me"/);
    expectNoStacktrace(miss);
    expect((await fetch(`${app.url}/explorer`)).status).toBe(200);
  });
});

describe('outside production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'development' });
  });
  afterAll(() => app.close());

  it('keeps introspection, suggestions and the explorer, and no stack trace', async () => {
    expect((await app.gql(TYPE)).data.__type.name).toBe('Query');
    const miss = await app.gql(NEAR_MISS);
    expect(errorText(miss)).toMatch(/"me"/);
    expectNoStacktrace(miss);
    expectNoStacktrace(await app.gql(`{ me { kind `));
    expect((await fetch(`${app.url}/explorer`)).status).toBe(200);
  });
});

// What one request costs the database, counted statement by statement as the runtime role
// sends them (the requests' own pool and TypeORM's runtime pool alike): a status lookup with an
// API key is ONE statement, a page of professionals with a token two, `{ __typename }` none.
// Left out of the counts: the tenant-status cache's refill (one per tenant per few seconds,
// whatever the traffic) and the API key's recorded use (one per key per minute, after the answer).
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let t: TenantFixture;
let apiKey: string;
let sent: string[] = [];

const PERIODIC = /app_tenant_status\(|app_api_client_touch|last_used_at/;

/** Every statement of the runtime role's TypeORM pool (the requests' pool reports its own). */
function observeTypeorm(runtime: DataSource, observer: (text: string) => void): void {
  const query = runtime.query.bind(runtime);
  runtime.query = (async (...args: Parameters<typeof query>) => {
    observer(args[0]);
    return query(...args);
  }) as typeof runtime.query;
  const create = runtime.createQueryRunner.bind(runtime);
  runtime.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>) => {
    const runner = create(...args);
    const run = runner.query.bind(runner);
    runner.query = ((...q: Parameters<typeof runner.query>) => {
      observer(q[0]);
      return run(...q);
    }) as typeof runner.query;
    return runner;
  };
}

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'sb');
  await publishInitialPolicy(app.owner, t.tenantId, loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('qingdao')!, 'test');
  const created = await app.gql(`mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey } }`, { i: { name: '人事系统', scopes: ['COMPLETION_READ'] } }, t.accounts.bureau.token);
  expect(created.errors).toBeUndefined();
  apiKey = created.data.createApiClient.apiKey;
  const record = (text: string) => void (PERIODIC.test(text) || sent.push(text));
  app.server.pool.observe(record);
  observeTypeorm(app.runtime, record);
});
afterAll(() => app.close());

/** The statements of one request (after `warm` unmeasured ones, which fill the caches). */
async function statementsOf(send: () => Promise<{ errors?: unknown }>, warm = 3): Promise<string[]> {
  for (let i = 0; i < warm; i++) expect((await send()).errors).toBeUndefined();
  sent = [];
  expect((await send()).errors).toBeUndefined();
  return sent;
}

const switches = (texts: string[]) => texts.filter((s) => s.includes("set_config('app.tenant_id', $1, false)"));

describe('statements per request', () => {
  it('completionStatus with an API key: one statement (two when the connection switches tenant)', async () => {
    const STATUS = `query($id: String!, $y: Int!) { completionStatus(idNumber: $id, year: $y) { name evaluation { complete public { credited required } } } }`;
    let i = 0;
    const people = [...t.people.a1, ...t.people.b1];
    const texts = await statementsOf(() => app.gql(STATUS, { id: people[i++ % people.length]!.idNumber, y: 2024 }, { apiKey }));
    expect(texts.length).toBeLessThanOrEqual(2);
    expect(texts.length - switches(texts).length).toBe(1);
    const [statement] = texts.filter((s) => !switches([s]).length);
    for (const table of ['professional', 'year_certification', 'activity', 'policy_revision']) expect(statement).toMatch(new RegExp(`(FROM|JOIN) ${table}\\b`));
  });

  it('professionals(first: 50) with a token: two statements (the account, the page)', async () => {
    const PAGE = `{ professionals(first: 50) { nodes { id name idNumber titleLevel titleSeries } pageInfo { hasNextPage endCursor } } }`;
    const texts = await statementsOf(() => app.gql(PAGE, {}, t.accounts.bureau.token));
    expect(texts.length).toBeLessThanOrEqual(3);
    expect(texts.length - switches(texts).length).toBe(2);
    expect(texts.some((s) => /BEGIN|COMMIT/.test(s))).toBe(false);
  });

  it('{ __typename }: none', async () => {
    expect(await statementsOf(() => app.gql(`{ __typename }`))).toEqual([]);
  });

  it('a mutation still runs in one transaction', async () => {
    const texts = await statementsOf(() => app.gql(`mutation { markNotificationsRead { marked } }`, {}, t.accounts.personA1.token), 1);
    expect(texts.filter((s) => /^(BEGIN|COMMIT)/.test(s))).toEqual(['BEGIN READ WRITE', 'COMMIT']);
  });
});

// /metrics (issue 16): Prometheus's text of the process's GraphQL requests by operation and
// outcome, their latency, rows per list page, engine evaluations, job runs and the pools; never
// public: on a port of its own (METRICS_PORT), or on the API's port behind METRICS_TOKEN.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '../../server/platform/config';
import { ANONYMOUS_OPERATION, MAX_OPERATIONS, MetricsRegistry, OTHER_OPERATION } from '../../server/platform/metrics-registry';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';

const token = randomBytes(24).toString('hex');
let onPort: TestApp;
let withToken: TestApp;
let t: TenantFixture;

/** The sample's value in a scrape; 0 when the series is not there yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter(Boolean);
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(match[3]);
  }
  return 0;
}

async function scrape(url: string, auth?: string): Promise<string> {
  const res = await fetch(url, auth ? { headers: { authorization: `Bearer ${auth}` } } : {});
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

beforeAll(async () => {
  onPort = await startTestApp({ METRICS_PORT: '0' });
  withToken = await startTestApp({ METRICS_TOKEN: token });
  t = await createTenantFixture(onPort, 'mx');
  await publishInitialPolicy(onPort.owner, t.tenantId, loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('qingdao')!, 'test');
}, 60_000);

afterAll(async () => {
  await onPort?.close();
  await withToken?.close();
});

describe('metrics', () => {
  it('count requests by operation and outcome, their latency, rows per list page and engine evaluations', async () => {
    const url = onPort.server.metricsUrl!;
    const before = await scrape(url);
    const bureau = t.accounts.bureau.token;
    const status = await onPort.gql(`query Status($id: String!) { completionStatus(idNumber: $id, year: 2023) { year } }`, { id: t.people.a1[0].idNumber }, bureau);
    expect(status.errors).toBeUndefined();
    const failed = await onPort.gql(`query Status($id: String!) { completionStatus(idNumber: $id, year: 2023) { year } }`, { id: '110101199003070000' }, bureau);
    const [failure] = codes(failed);
    expect(failure).toMatch(/^[A-Z_]+$/);
    const list = await onPort.gql(`query Staff { professionals(first: 2) { nodes { id } } }`, {}, bureau);
    expect(list.data.professionals.nodes).toHaveLength(2);
    await onPort.gql(`{ __typename }`);
    const confirm = await onPort.gql(`mutation Confirm { confirmStaffImport(id: "nope", mode: ALL) { id } }`, {}, bureau);
    expect(codes(confirm)).toEqual(['STAFF_IMPORT_NOT_FOUND']);
    const after = await scrape(url);

    const moved = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);
    expect(moved('ce_graphql_requests_total', { operation: 'Status', outcome: 'OK' })).toBe(1);
    expect(moved('ce_graphql_requests_total', { operation: 'Status', outcome: failure! })).toBe(1);
    expect(moved('ce_graphql_requests_total', { operation: 'Staff', outcome: 'OK' })).toBe(1);
    expect(moved('ce_graphql_requests_total', { operation: ANONYMOUS_OPERATION, outcome: 'OK' })).toBe(1);
    expect(moved('ce_graphql_requests_total', { operation: 'Confirm', outcome: 'STAFF_IMPORT_NOT_FOUND' })).toBe(1);
    expect(moved('ce_graphql_request_duration_seconds_count', { operation: 'Status' })).toBe(2);
    expect(moved('ce_graphql_request_duration_seconds_bucket', { operation: 'Status', le: '+Inf' })).toBe(2);
    expect(moved('ce_graphql_request_duration_seconds_sum', { operation: 'Status' })).toBeGreaterThan(0);
    expect(moved('ce_list_rows_count', { list: 'Query.professionals' })).toBe(1);
    expect(moved('ce_list_rows_sum', { list: 'Query.professionals' })).toBe(2);
    expect(moved('ce_engine_evaluations_total', { kind: 'completion' })).toBe(1);
    expect(moved('ce_job_runs_total', { job: 'staff_import_confirm', outcome: 'STAFF_IMPORT_NOT_FOUND' })).toBe(1);
    // the pools, read at the scrape
    expect(sample(after, 'ce_db_pool_max', { pool: 'request' })).toBe(10);
    expect(sample(after, 'ce_db_pool_connections', { pool: 'request', state: 'idle' })).toBeGreaterThan(0);
    expect(sample(after, 'ce_db_pool_waiting', { pool: 'typeorm' })).toBe(0);
    expect(moved('ce_db_pool_acquire_wait_seconds_count')).toBeGreaterThanOrEqual(4);
  });

  it('are not served on the API port when they have a port of their own', async () => {
    expect((await fetch(`${onPort.url}/metrics`)).status).toBe(404);
    expect(onPort.server.metricsUrl).not.toContain(`:${onPort.server.port}/`);
  });

  it('on the API port, answer only the token: 401 without it, 403 with a wrong one', async () => {
    const url = withToken.server.metricsUrl!;
    expect(url).toBe(`${withToken.url}/metrics`);
    const none = await fetch(url);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(url, { headers: { authorization: `Bearer ${token.slice(1)}x` } })).status).toBe(403);
    expect((await fetch(url, { headers: { authorization: token } })).status).toBe(401);
    expect(await scrape(url, token)).toContain('ce_graphql_requests_total');
  });

  it('are off unless configured', async () => {
    const plain = await startTestApp();
    try {
      expect(plain.server.metricsUrl).toBeNull();
      expect((await fetch(`${plain.url}/metrics`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('refuse a metrics port that is the API port, and a short token', () => {
    expect(() => loadConfig({ PORT: '4000', METRICS_PORT: '4000' })).toThrow(/METRICS_PORT: must differ from PORT/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 32 characters/);
    expect(loadConfig({ PORT: '4000', METRICS_PORT: '9464' }).METRICS_HOST).toBe('127.0.0.1');
  });

  it('fold operation names past the cap, and unnamed operations, into one label each', () => {
    const metrics = new MetricsRegistry();
    for (let i = 0; i < MAX_OPERATIONS; i++) expect(metrics.operationLabel(`Op${i}`)).toBe(`Op${i}`);
    expect(metrics.operationLabel('OneMore')).toBe(OTHER_OPERATION);
    expect(metrics.operationLabel('Op7')).toBe('Op7');
    expect(metrics.operationLabel(null)).toBe(ANONYMOUS_OPERATION);
    expect(metrics.operationLabel(`A${'b'.repeat(200)}`)).toBe(OTHER_OPERATION);
  });
});

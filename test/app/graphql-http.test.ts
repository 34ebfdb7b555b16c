// GraphQL-over-HTTP conformance: graphql-http's audit suite against the server.
import { serverAudits } from 'graphql-http';
import { startTestApp, TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('GraphQL over HTTP', () => {
  it('passes every MUST and every SHOULD audit of the GraphQL-over-HTTP spec', async () => {
    const audits = serverAudits({ url: `${app.url}/graphql`, fetchFn: fetch });
    const failures: string[] = [];
    let checked = 0;
    for (const audit of audits) {
      if (!audit.name.startsWith('MUST') && !audit.name.startsWith('SHOULD')) continue;
      checked++;
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(36);
  });

  it('answers health and readiness probes', async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${app.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('rejects a query over the cost limit before running it', async () => {
    // 20 aliased pages of 100, each with nested fields: far over the default limit of 5000
    const pages = Array.from({ length: 20 }, (_, i) => `p${i}: professionals(first: 100) { nodes { id name unit { id name } } }`).join(' ');
    const r = await app.gql(`{ ${pages} }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

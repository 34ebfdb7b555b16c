// The product as a user starts it: `node dist/server/main.js` (what `npm start`
// runs after building), with an embedded PostgreSQL in a fresh data folder.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';
import { startProduct, waitFor } from '../support/product-process';
import type { GqlError, QueryData } from '../support/harness';

/** An entry of demo-accounts.json. */
interface DemoCredential {
  tenant: string;
  role: string;
  username: string;
  password?: string;
}

const children: ChildProcess[] = [];
const start = (env: Record<string, string>) => startProduct(env, children);

async function gql(url: string, query: string, variables: object = {}, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: QueryData; errors?: GqlError[] };
}

describe('starting the product', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let url: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ce-start-'));
    const port = await freePort();
    env = { DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'warn' };
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    // a failed assertion must not leave a server (and its database) running
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds five tenants once, keeps changes across a clean Ctrl-C restart', async () => {
    const first = start(env);
    await waitFor(first, 'Press Ctrl-C to stop.');
    expect(first.output()).toContain(`${url}/graphql`);
    expect(first.output()).toContain(`${url}/explorer`);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    const creds: DemoCredential[] = JSON.parse(await readFile(path.join(dataDir, 'demo-accounts.json'), 'utf8'));
    expect(new Set(creds.map((c) => c.tenant))).toEqual(new Set(['linyi', 'qingdao', 'jining', 'binzhou', 'bingtuan', '-']));
    const bureau = creds.find((c) => c.tenant === 'linyi' && c.role === 'BUREAU_OFFICIAL');
    if (!bureau?.password) throw new Error('demo-accounts.json has no password for the linyi bureau official');
    expect(first.output()).toContain(bureau.password);
    const signIn = await gql(url, `mutation($i: SignInInput!) { signIn(input: $i) { token } }`, {
      i: { tenantCode: 'linyi', username: bureau.username, password: bureau.password },
    });
    const token = signIn.data.signIn.token;
    const tree = await gql(url, `{ organisations(first: 100) { nodes { id kind name } } professionals { totalCount } }`, {}, token);
    const depts = tree.data.organisations.nodes.filter((n: { kind: string }) => n.kind === 'DEPARTMENT');
    expect(depts.length).toBeGreaterThanOrEqual(3);
    const peopleBefore = tree.data.professionals.totalCount;
    expect(peopleBefore).toBeGreaterThanOrEqual(24);
    const created = await gql(url, `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { parentId: depts[0].id, kind: 'UNIT', name: '重启测试单位' } }, token);
    expect(created.errors).toBeUndefined();

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('Stopped cleanly.');

    const second = start(env);
    await waitFor(second, 'Press Ctrl-C to stop.');
    const again = await gql(url, `mutation($i: SignInInput!) { signIn(input: $i) { token } }`, {
      i: { tenantCode: 'linyi', username: bureau.username, password: bureau.password },
    });
    const token2 = again.data.signIn.token;
    const after = await gql(url, `query($id: ID!) { organisation(id: $id) { name } professionals { totalCount } }`, { id: created.data.createOrganisation.id }, token2);
    expect(after.data.organisation.name).toBe('重启测试单位');
    expect(after.data.professionals.totalCount).toBe(peopleBefore);
    const credsAfter = JSON.parse(await readFile(path.join(dataDir, 'demo-accounts.json'), 'utf8'));
    expect(credsAfter).toEqual(creds);
    const operator = creds.find((c) => c.role === 'OPERATOR');
    if (!operator?.password) throw new Error('demo-accounts.json has no password for the operator');
    const op = await gql(url, `mutation($i: OperatorSignInInput!) { operatorSignIn(input: $i) { token } }`, { i: { username: 'operator', password: operator.password } });
    const tenants = await gql(url, `{ tenants(first: 100) { nodes { code } } }`, {}, op.data.operatorSignIn.token);
    expect(tenants.data.tenants.nodes.map((t: { code: string }) => t.code).sort()).toEqual(['bingtuan', 'binzhou', 'jining', 'linyi', 'qingdao']);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180000);

  it('refuses a bad environment variable, naming it', async () => {
    const bad = start({ ...env, PORT: 'eighty', JWT_TTL_SECONDS: '5' });
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(/PORT:/);
    expect(bad.output()).toMatch(/JWT_TTL_SECONDS:/);
  });
});

// Two real server processes (`node dist/server/main.js`, built by `npm test` before jest runs;
// alone: `npx tsc -p tsconfig.build.json` first) on one database, each with its caches of API
// keys, tenant status and latest policy revisions. A change made through one process counts in
// the other: a revoked key is refused within a second, a suspension too, and a published
// revision decides the other process's very next status answer.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { eventually } from '../support/eventually';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { gqlAt, startProductServer } from '../support/product-process';

const CREATE_KEY = `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey client { id } } }`;
const REVOKE_KEY = `mutation($id: ID!) { revokeApiClient(id: $id) { id } }`;
const STATUS = `query($id: String!, $y: Int!) { completionStatus(idNumber: $id, year: $y) { evaluation { public { required } } } }`;
const ME = `{ me { kind } }`;

const jwtSecret = randomBytes(32).toString('hex');
const children: ChildProcess[] = [];
const dataDirs: string[] = [];
/** In this process: builds the tenants and signs tokens with the servers' secret. Not one of the two servers. */
let fixtures: TestApp;
let t: TenantFixture;
let A: string;
let B: string;

const gql = gqlAt;

async function startServer(): Promise<string> {
  return (await startProductServer({ JWT_SECRET: jwtSecret }, children, dataDirs)).url;
}

async function newKey(tenant: TenantFixture): Promise<{ apiKey: string; id: string }> {
  const r = await gql(A, CREATE_KEY, { i: { name: '评审系统', scopes: ['COMPLETION_READ'] } }, tenant.accounts.bureau.token);
  expect(r.errors).toBeUndefined();
  return { apiKey: r.data.createApiClient.apiKey, id: r.data.createApiClient.client.id };
}

beforeAll(async () => {
  fixtures = await startTestApp({}, undefined, jwtSecret);
  t = await createTenantFixture(fixtures, 'xp');
  await publishInitialPolicy(fixtures.owner, t.tenantId, loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('qingdao')!, 'test');
  [A, B] = await Promise.all([startServer(), startServer()]);
}, 240_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await fixtures?.close();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

describe('caches across two server processes', () => {
  it('a key revoked through A is refused by B within a second', async () => {
    const { apiKey, id } = await newKey(t);
    // B has verified (and cached) the key
    for (let i = 0; i < 3; i++) expect((await gql(B, ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
    expect((await gql(A, REVOKE_KEY, { id }, t.accounts.bureau.token)).errors).toBeUndefined();
    const refused = await eventually(
      async () => {
        const r = await gql(B, ME, {}, { apiKey });
        expect(r.status).toBe(401);
        return r;
      },
      1000,
      50,
    );
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors?.[0]?.message).toMatch(/吊销/);
    // and A refuses it at once
    expect((await gql(A, ME, {}, { apiKey })).status).toBe(401);
  });

  it('a revision published through A decides what B answers next', async () => {
    const { apiKey } = await newKey(t);
    const person = t.people.a1[1].idNumber;
    const required = async (url: string) => {
      const r = await gql(url, STATUS, { id: person, y: 2023 }, { apiKey });
      expect(r.errors).toBeUndefined();
      return r.data.completionStatus.evaluation.public.required as number;
    };
    expect(await required(B)).toBe(30);
    expect(await required(B)).toBe(30);

    const view = await gql(A, `{ policy(year: 2023) { revision version } }`, {}, t.accounts.bureau.token);
    const version = JSON.parse(JSON.stringify(view.data.policy.version)) as { requirement: { PUBLIC: number } };
    version.requirement.PUBLIC = 42;
    const published = await gql(A, `mutation($i: PublishPolicyVersionInput!) { publishPolicyVersion(input: $i) { revision } }`, { i: { version } }, t.accounts.bureau.token);
    expect(published.errors).toBeUndefined();
    expect(published.data.publishPolicyVersion.revision).toBe(view.data.policy.revision + 1);

    // at once in both: a status lookup reads the latest revision number in its own statement,
    // so B's very next answer counts the new revision, notification delivered yet or not
    expect(await required(B)).toBe(42);
    expect(await required(A)).toBe(42);
  });

  it('a tenant suspended through A is refused by B within a second', async () => {
    const other = await createTenantFixture(fixtures, 'xs');
    const { apiKey } = await newKey(other);
    expect((await gql(B, ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
    expect((await gql(B, ME, {}, other.accounts.deptA.token)).data.me.kind).toBe('ACCOUNT');
    const [operator] = await fixtures.owner.query<{ id: string }[]>(
      `INSERT INTO platform_operator (username, password_hash) VALUES ($1, 'x') RETURNING id`,
      [`xp-${randomBytes(4).toString('hex')}`],
    );
    const token = (await fixtures.server.tokens.issue({ sub: operator!.id, kind: 'operator' })).token;
    const suspended = await gql(A, `mutation($id: ID!) { suspendTenant(id: $id, reason: "测试") { status } }`, { id: other.tenantId }, token);
    expect(suspended.errors).toBeUndefined();
    await eventually(async () => expect((await gql(B, ME, {}, { apiKey })).status).toBe(403), 1000, 50);
    const bearer = await gql(B, ME, {}, other.accounts.deptA.token);
    expect(bearer.status).toBe(403);
    expect(codes(bearer)).toEqual(['TENANT_SUSPENDED']);
    await fixtures.owner.query(`DELETE FROM platform_operator WHERE id = $1`, [operator!.id]);
  });
});

// Platform operators onboard tenants; the tenant list is a connection by code.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../server/accounts/passwords';
import { createTenantFixture } from '../support/fixtures';
import { codes, startTestApp, type GqlResult, type TestApp } from '../support/harness';

interface TenantPage {
  totalCount: number;
  nodes: { code: string }[];
  edges: { cursor: string; node: { code: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const CREATE = `mutation($i: CreateTenantInput!) { createTenant(input: $i) { id code name status } }`;
const LIST = `query($first: Int, $after: String) { tenants(first: $first, after: $after) {
  totalCount nodes { code } edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }`;

let app: TestApp;
let operatorToken: string;
const prefix = `zz${randomBytes(3).toString('hex')}`;

beforeAll(async () => {
  app = await startTestApp();
  const username = `op-${prefix}`;
  const password = `Pw-${randomBytes(8).toString('hex')}1`;
  await app.owner.query(`INSERT INTO platform_operator (username, password_hash) VALUES ($1, $2)`, [username, await hashPassword(password)]);
  const r = await app.gql(`mutation($i: OperatorSignInInput!) { operatorSignIn(input: $i) { token } }`, { i: { username, password } });
  expect(r.errors).toBeUndefined();
  operatorToken = r.data.operatorSignIn.token;
});
afterAll(() => app.close());

describe('tenants', () => {
  it('an operator creates tenants; the list pages by code and counts them all', async () => {
    for (const suffix of ['c', 'a', 'b']) {
      const r = await app.gql(CREATE, { i: { code: `${prefix}-list-${suffix}`, name: `测试市${suffix}`, bureauName: `测试市${suffix}人社局` } }, operatorToken);
      expect(r.errors).toBeUndefined();
      expect(r.data.createTenant).toMatchObject({ code: `${prefix}-list-${suffix}`, status: 'ACTIVE' });
    }
    // walk every page (other test files add tenants meanwhile: only ours are checked exactly)
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let pages = 0; pages < 1000; pages++) {
      const r: GqlResult = await app.gql(LIST, { first: 50, after }, operatorToken);
      expect(r.errors).toBeUndefined();
      const page: TenantPage = r.data.tenants;
      expect(page.edges.map((e) => e.node.code)).toEqual(page.nodes.map((n) => n.code));
      seen.push(...page.nodes.map((n) => n.code));
      totalCount = page.totalCount;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((c) => c.startsWith(`${prefix}-list-`))).toEqual([`${prefix}-list-a`, `${prefix}-list-b`, `${prefix}-list-c`]);
    expect(totalCount).toBeGreaterThanOrEqual(seen.length);
  });

  it('a taken code is TENANT_CODE_TAKEN on code, a malformed one BAD_USER_INPUT in Chinese, and neither writes', async () => {
    const first = await app.gql(CREATE, { i: { code: `${prefix}-dup`, name: '甲', bureauName: '甲局' } }, operatorToken);
    expect(first.errors).toBeUndefined();
    const again = await app.gql(CREATE, { i: { code: `${prefix}-dup`, name: '乙', bureauName: '乙局' } }, operatorToken);
    expect(codes(again)).toEqual(['TENANT_CODE_TAKEN']);
    expect(again.errors?.[0]?.extensions?.field).toBe('code');
    const bad = await app.gql(CREATE, { i: { code: 'Bad Code', name: '丙', bureauName: '丙局' } }, operatorToken);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0]?.message).toMatch(/租户代码/);
    const [row] = await app.owner.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM tenant WHERE code LIKE $1`, [`${prefix}-dup%`]);
    expect(row?.n).toBe(1);
  });

  it('a bureau official cannot list or create tenants', async () => {
    const t = await createTenantFixture(app, 'tn');
    expect(codes(await app.gql(LIST, { first: 5 }, t.accounts.bureau.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(CREATE, { i: { code: `${prefix}-x`, name: '丁', bureauName: '丁局' } }, t.accounts.bureau.token))).toEqual(['FORBIDDEN']);
  });
});

describe('operator sign-in', () => {
  it('records the last sign-in only for a correct password, never for a failed guess', async () => {
    const username = `op-${randomBytes(3).toString('hex')}`;
    const password = `Pw${randomBytes(8).toString('hex')}1`;
    await app.owner.query(`INSERT INTO platform_operator (username, password_hash) VALUES ($1, $2)`, [username, await hashPassword(password)]);
    const lastSignIn = async () => (await app.owner.query(`SELECT last_sign_in_at FROM platform_operator WHERE username = $1`, [username]))[0].last_sign_in_at as Date | null;
    const signIn = (pw: string) => app.gql(`mutation($i: OperatorSignInInput!) { operatorSignIn(input: $i) { token } }`, { i: { username, password: pw } });
    expect(codes(await signIn('wrong-password-1'))).toEqual(['INVALID_CREDENTIALS']);
    expect(await lastSignIn()).toBeNull();
    expect((await signIn(password)).errors).toBeUndefined();
    expect(await lastSignIn()).toBeInstanceOf(Date);
  });
});

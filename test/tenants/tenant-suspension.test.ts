// A suspended tenant stops working at once: its existing bearer tokens and
// API keys are refused on the next request (this process drops its status
// cache entry on suspension), sign-in is refused, and resuming restores it.
// Suspension and resumption are operator-only and audited.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../server/accounts/passwords';
import { auditRows, createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type GqlResult, type TestApp } from '../support/harness';

const SUSPEND = `mutation($id: ID!, $reason: String!) { suspendTenant(id: $id, reason: $reason) { id status suspendedAt suspensionReason } }`;
const RESUME = `mutation($id: ID!) { resumeTenant(id: $id) { id status suspendedAt suspensionReason } }`;
const CREATE_API_CLIENT = `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey client { id } } }`;
const ME = `{ me { kind } }`;
const API_CLIENTS = `{ apiClients(first: 5) { totalCount } }`;
const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token } }`;

let app: TestApp;
let operatorToken: string;

beforeAll(async () => {
  app = await startTestApp();
  const username = `op-susp-${randomBytes(3).toString('hex')}`;
  const password = `Pw-${randomBytes(8).toString('hex')}1`;
  await app.owner.query(`INSERT INTO platform_operator (username, password_hash) VALUES ($1, $2)`, [username, await hashPassword(password)]);
  const r = await app.gql(`mutation($i: OperatorSignInInput!) { operatorSignIn(input: $i) { token } }`, { i: { username, password } });
  expect(r.errors).toBeUndefined();
  operatorToken = r.data.operatorSignIn.token;
});
afterAll(() => app.close());

async function apiKeyOf(t: TenantFixture): Promise<string> {
  const r = await app.gql(CREATE_API_CLIENT, { i: { name: '评审系统', scopes: ['COMPLETION_READ'] } }, t.accounts.bureau.token);
  expect(r.errors).toBeUndefined();
  return r.data.createApiClient.apiKey;
}

function expectSuspended(r: GqlResult): void {
  expect(codes(r)).toEqual(['TENANT_SUSPENDED']);
  expect(r.status).toBe(403);
  expect(r.errors?.[0]?.message).toMatch(/暂停/);
  expect(r.data ?? null).toBeNull();
}

describe('tenant suspension', () => {
  it("refuses a suspended tenant's existing token and API key on the next request, and resuming restores them", async () => {
    const t = await createTenantFixture(app, 'susp');
    const other = await createTenantFixture(app, 'susq');
    const apiKey = await apiKeyOf(t);
    const otherKey = await apiKeyOf(other);
    // warm the status cache: both credentials work
    expect((await app.gql(ME, {}, t.accounts.bureau.token)).data.me.kind).toBe('ACCOUNT');
    expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');

    const s = await app.gql(SUSPEND, { id: t.tenantId, reason: '欠费停用' }, operatorToken);
    expect(s.errors).toBeUndefined();
    expect(s.data.suspendTenant).toMatchObject({ id: t.tenantId, status: 'SUSPENDED', suspensionReason: '欠费停用' });
    expect(s.data.suspendTenant.suspendedAt).toEqual(expect.any(String));

    expectSuspended(await app.gql(ME, {}, t.accounts.bureau.token));
    expectSuspended(await app.gql(ME, {}, t.accounts.personA1.token));
    expectSuspended(await app.gql(ME, {}, { apiKey }));
    expectSuspended(await app.gql(API_CLIENTS, {}, t.accounts.bureau.token));
    // no new API key can be minted
    const [before] = await app.owner.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM api_client WHERE tenant_id = $1`, [t.tenantId]);
    expectSuspended(await app.gql(CREATE_API_CLIENT, { i: { name: '新系统', scopes: ['COMPLETION_READ'] } }, t.accounts.bureau.token));
    const [after] = await app.owner.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM api_client WHERE tenant_id = $1`, [t.tenantId]);
    expect(after?.n).toBe(before?.n);
    // nor can anyone sign in to it
    const signIn = await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: t.accounts.bureau.username, password: t.accounts.bureau.password } });
    expect(codes(signIn)).toEqual(['INVALID_CREDENTIALS']);
    // other tenants are untouched
    expect((await app.gql(ME, {}, other.accounts.bureau.token)).data.me.kind).toBe('ACCOUNT');
    expect((await app.gql(ME, {}, { apiKey: otherKey })).data.me.kind).toBe('API_CLIENT');

    const r = await app.gql(RESUME, { id: t.tenantId }, operatorToken);
    expect(r.errors).toBeUndefined();
    expect(r.data.resumeTenant).toEqual({ id: t.tenantId, status: 'ACTIVE', suspendedAt: null, suspensionReason: null });
    expect((await app.gql(ME, {}, t.accounts.bureau.token)).data.me.kind).toBe('ACCOUNT');
    expect((await app.gql(ME, {}, { apiKey })).data.me.kind).toBe('API_CLIENT');
    expect((await app.gql(CREATE_API_CLIENT, { i: { name: '新系统', scopes: ['COMPLETION_READ'] } }, t.accounts.bureau.token)).errors).toBeUndefined();
    const again = await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: t.accounts.bureau.username, password: t.accounts.bureau.password } });
    expect(again.errors).toBeUndefined();
  });

  it('is audited in the tenant’s own trail, with the reason and the operator', async () => {
    const t = await createTenantFixture(app, 'susa');
    expect((await app.gql(SUSPEND, { id: t.tenantId, reason: '  合同到期  ' }, operatorToken)).errors).toBeUndefined();
    expect((await app.gql(RESUME, { id: t.tenantId }, operatorToken)).errors).toBeUndefined();
    const rows = (await auditRows(app, t.tenantId)).filter((r) => r.entity_type === 'tenant');
    expect(rows.map((r) => r.action)).toEqual(['tenant.suspend', 'tenant.resume']);
    for (const row of rows) {
      expect(row).toMatchObject({ actor_kind: 'OPERATOR', entity_id: t.tenantId });
      expect(row.actor_label).toMatch(/^operator:op-susp-/);
    }
    expect(rows[0]).toMatchObject({ before: { status: 'ACTIVE' }, after: { status: 'SUSPENDED', reason: '合同到期' } });
    expect(rows[1]).toMatchObject({ before: { status: 'SUSPENDED', reason: '合同到期' }, after: { status: 'ACTIVE' } });
  });

  it('is operator-only: a bureau official gets FORBIDDEN and nothing changes', async () => {
    const t = await createTenantFixture(app, 'susf');
    expect(codes(await app.gql(SUSPEND, { id: t.tenantId, reason: '自行暂停' }, t.accounts.bureau.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(RESUME, { id: t.tenantId }, t.accounts.bureau.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(SUSPEND, { id: t.tenantId, reason: '匿名' }))).toEqual(['FORBIDDEN']);
    const [row] = await app.owner.query<{ status: string }[]>(`SELECT status FROM tenant WHERE id = $1`, [t.tenantId]);
    expect(row?.status).toBe('ACTIVE');
    expect((await auditRows(app, t.tenantId)).filter((r) => r.entity_type === 'tenant')).toEqual([]);
  });

  it('answers bad input with a code and the field, never a 500', async () => {
    const t = await createTenantFixture(app, 'susb');
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cases: [GqlResult, string, string][] = [
      [await app.gql(SUSPEND, { id: unknown, reason: '原因' }, operatorToken), 'TENANT_NOT_FOUND', 'id'],
      [await app.gql(RESUME, { id: unknown }, operatorToken), 'TENANT_NOT_FOUND', 'id'],
      [await app.gql(SUSPEND, { id: 'not-a-uuid', reason: '原因' }, operatorToken), 'BAD_USER_INPUT', 'id'],
      [await app.gql(RESUME, { id: 'not-a-uuid' }, operatorToken), 'BAD_USER_INPUT', 'id'],
      [await app.gql(SUSPEND, { id: t.tenantId, reason: '   ' }, operatorToken), 'BAD_USER_INPUT', 'reason'],
      [await app.gql(RESUME, { id: t.tenantId }, operatorToken), 'TENANT_NOT_SUSPENDED', 'id'],
    ];
    expect((await app.gql(SUSPEND, { id: t.tenantId, reason: '第一次' }, operatorToken)).errors).toBeUndefined();
    cases.push([await app.gql(SUSPEND, { id: t.tenantId, reason: '第二次' }, operatorToken), 'TENANT_ALREADY_SUSPENDED', 'id']);
    for (const [r, code, field] of cases) {
      expect(r.status).toBeLessThan(500);
      expect(codes(r)).toEqual([code]);
      expect(r.errors?.[0]?.extensions?.field).toBe(field);
      expect(r.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // the second suspension kept the first reason
    const [row] = await app.owner.query<{ suspension_reason: string }[]>(`SELECT suspension_reason FROM tenant WHERE id = $1`, [t.tenantId]);
    expect(row?.suspension_reason).toBe('第一次');
  });
});

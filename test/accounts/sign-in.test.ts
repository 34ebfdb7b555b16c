import { SignJWT } from 'jose';
import { codes, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';

const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token expiresAt account { id role username } } }`;
const ACTIVATE = `mutation($i: ActivateAccountInput!) { activateAccount(input: $i) { token account { id status } } }`;
const ISSUE = `mutation($i: IssueActivationCodeInput!) { issueActivationCode(input: $i) { activationCode expiresAt account { id username status } } }`;
const ME = `{ me { kind role label displayName } }`;

let app: TestApp;
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp({ SIGN_IN_MAX_FAILURES: '3', SIGN_IN_BLOCK_SECONDS: '60' });
  t = await createTenantFixture(app);
});
afterAll(() => app.close());

describe('sign-in', () => {
  it('an official signs in with the right password and the token works', async () => {
    const r = await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: 'bureau', password: t.accounts.bureau.password } });
    expect(r.errors).toBeUndefined();
    expect(r.data.signIn.account.role).toBe('BUREAU_OFFICIAL');
    const me = await app.gql(ME, {}, r.data.signIn.token);
    expect(me.data.me).toMatchObject({ kind: 'ACCOUNT', role: 'BUREAU_OFFICIAL', displayName: 'bureau' });
  });

  it('a wrong password, an unknown user and an unknown tenant all get the same error', async () => {
    const wrong = await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: 'dept-a', password: 'nope-123456' } });
    const unknown = await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: 'nobody', password: 'nope-123456' } });
    const noTenant = await app.gql(SIGN_IN, { i: { tenantCode: 'no-such-city', username: 'dept-a', password: 'x' } });
    for (const r of [wrong, unknown, noTenant]) {
      expect(codes(r)).toEqual(['INVALID_CREDENTIALS']);
      expect(r.errors?.[0]?.message).toBe('用户名或密码错误');
      expect(r.data).toBeNull();
    }
  });

  it('repeated failures are throttled, even with the right password afterwards', async () => {
    const i = { tenantCode: t.code, username: 'unit-a1', password: 'wrong-password-1' };
    for (let n = 0; n < 3; n++) expect(codes(await app.gql(SIGN_IN, { i }))).toEqual(['INVALID_CREDENTIALS']);
    const blocked = await app.gql(SIGN_IN, { i: { ...i, password: t.accounts.unitA1.password } });
    expect(codes(blocked)).toEqual(['TOO_MANY_ATTEMPTS']);
  });

  it('a professional signs in with their ID number, lowercase x accepted', async () => {
    const username = t.accounts.personA1.username;
    const r = await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: username.toLowerCase(), password: t.accounts.personA1.password } });
    expect(r.errors).toBeUndefined();
    expect(r.data.signIn.account.role).toBe('PROFESSIONAL');
    // the username (an ID number) comes back masked
    expect(r.data.signIn.account.username).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });

  it('an expired token is refused with UNAUTHENTICATED', async () => {
    const expiredSameKey = await new SignJWT({ kind: 'account', tid: t.tenantId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(t.accounts.bureau.id)
      .setIssuer('ce-platform')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode('0'.repeat(40)));
    // a token signed with another key is invalid; one signed with ours but past its expiry is expired
    const forged = await app.gql(ME, {}, expiredSameKey);
    expect(forged.status).toBe(401);
    expect(codes(forged)).toEqual(['UNAUTHENTICATED']);
    const expired = await app.server.tokens.issue({ sub: t.accounts.bureau.id, kind: 'account', tid: t.tenantId }, new Date(Date.now() - 3600e3));
    const r = await app.gql(ME, {}, expired.token);
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors?.[0]?.message).toBe('登录已过期，请重新登录');
  });
});

describe('activation', () => {
  it('a unit issues a one-time code; the professional activates once, choosing a password; the code cannot be used twice', async () => {
    const person = t.people.a1[1];
    const issued = await app.gql(ISSUE, { i: { professionalId: person.id } }, t.accounts.unitA1.token);
    expect(issued.errors).toBeUndefined();
    const code: string = issued.data.issueActivationCode.activationCode;
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    expect(issued.data.issueActivationCode.account.status).toBe('PENDING');

    // no password exists before activation: nothing derived from the ID number works
    const guess = await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: person.idNumber, password: person.idNumber.slice(-6) } });
    expect(codes(guess)).toEqual(['INVALID_CREDENTIALS']);

    const weak = await app.gql(ACTIVATE, { i: { tenantCode: t.code, username: person.idNumber, activationCode: code, newPassword: '123456' } });
    expect(codes(weak)).toEqual(['PASSWORD_TOO_WEAK']);
    expect(weak.errors?.[0]?.extensions?.field).toBe('newPassword');

    const ok = await app.gql(ACTIVATE, { i: { tenantCode: t.code, username: person.idNumber, activationCode: code.toLowerCase(), newPassword: 'Abcdefgh12345' } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.activateAccount.account.status).toBe('ACTIVE');

    const again = await app.gql(ACTIVATE, { i: { tenantCode: t.code, username: person.idNumber, activationCode: code, newPassword: 'Zyxwvuts98765' } });
    expect(codes(again)).toEqual(['ACTIVATION_CODE_INVALID']);

    const signIn = await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: person.idNumber, password: 'Abcdefgh12345' } });
    expect(signIn.errors).toBeUndefined();
    const stillOld = await app.gql(SIGN_IN, { i: { tenantCode: t.code, username: person.idNumber, password: 'Zyxwvuts98765' } });
    expect(codes(stillOld)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('a newer code replaces the older one', async () => {
    const person = t.people.a1[2];
    const first = await app.gql(ISSUE, { i: { professionalId: person.id } }, t.accounts.unitA1.token);
    const second = await app.gql(ISSUE, { i: { professionalId: person.id } }, t.accounts.unitA1.token);
    const old = await app.gql(ACTIVATE, {
      i: { tenantCode: t.code, username: person.idNumber, activationCode: first.data.issueActivationCode.activationCode, newPassword: 'Abcdefgh12345' },
    });
    expect(codes(old)).toEqual(['ACTIVATION_CODE_INVALID']);
    const fresh = await app.gql(ACTIVATE, {
      i: { tenantCode: t.code, username: person.idNumber, activationCode: second.data.issueActivationCode.activationCode, newPassword: 'Abcdefgh12345' },
    });
    expect(fresh.errors).toBeUndefined();
  });

  it('an official account is created without a password and activated with its code', async () => {
    const created = await app.gql(
      `mutation($i: CreateOfficialAccountInput!) { createOfficialAccount(input: $i) { activationCode account { id username role status } } }`,
      { i: { username: 'new.unit.clerk', displayName: '新经办人', role: 'UNIT_OFFICIAL', orgNodeId: t.nodes.unitA2 } },
      t.accounts.deptA.token,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createOfficialAccount.account).toMatchObject({ username: 'new.unit.clerk', status: 'PENDING' });
    const [row] = await app.owner.query(`SELECT password_hash FROM account WHERE id = $1`, [created.data.createOfficialAccount.account.id]);
    expect(row.password_hash).toBeNull();
    const activated = await app.gql(ACTIVATE, {
      i: { tenantCode: t.code, username: 'new.unit.clerk', activationCode: created.data.createOfficialAccount.activationCode, newPassword: 'Clerkpass2026' },
    });
    expect(activated.errors).toBeUndefined();
    const [hashed] = await app.owner.query(`SELECT password_hash FROM account WHERE id = $1`, [created.data.createOfficialAccount.account.id]);
    expect(hashed.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('API keys', () => {
  it('a key authenticates until it is revoked', async () => {
    const created = await app.gql(
      `mutation { createApiClient(input: { name: "职称评审系统", scopes: [COMPLETION_READ] }) { apiKey client { id keyId scopes } } }`,
      {},
      t.accounts.bureau.token,
    );
    expect(created.errors).toBeUndefined();
    const { apiKey, client } = created.data.createApiClient;
    expect(apiKey.startsWith(`ce_${client.keyId}.`)).toBe(true);
    const [stored] = await app.owner.query(`SELECT secret_hash FROM api_client WHERE id = $1`, [client.id]);
    expect(apiKey).not.toContain(stored.secret_hash);

    const me = await app.gql(`{ me { kind scopes } }`, {}, { apiKey });
    expect(me.data.me).toEqual({ kind: 'API_CLIENT', scopes: ['COMPLETION_READ'] });

    const wrongSecret = await app.gql(`{ me { kind } }`, {}, { apiKey: apiKey.slice(0, -3) + 'AAA' });
    expect(codes(wrongSecret)).toEqual(['UNAUTHENTICATED']);

    const revoked = await app.gql(`mutation($id: ID!) { revokeApiClient(id: $id) { revokedAt } }`, { id: client.id }, t.accounts.bureau.token);
    expect(revoked.data.revokeApiClient.revokedAt).not.toBeNull();
    const after = await app.gql(`{ me { kind } }`, {}, { apiKey });
    expect(after.status).toBe(401);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.errors?.[0]?.message).toBe('API 密钥已被吊销');
  });

  it('an API client cannot list professionals', async () => {
    const created = await app.gql(`mutation { createApiClient(input: { name: "HR", scopes: [COMPLETION_READ] }) { apiKey } }`, {}, t.accounts.bureau.token);
    const r = await app.gql(`{ professionals { nodes { id } } }`, {}, { apiKey: created.data.createApiClient.apiKey });
    expect(codes(r)).toEqual(['FORBIDDEN']);
  });
});

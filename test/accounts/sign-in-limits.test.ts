// Sign-in limits are consumed before the password is checked, in PostgreSQL,
// per (account, address), per account and per address; argon2 work is capped
// per process. See server/accounts/sign-in-limits.ts for the design.
import argon2 from 'argon2';
import { WorkGate } from '../../server/accounts/argon2-gate';
import { codes, GqlResult, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';
import { countVerifications, gqlFrom } from './limits-support';

const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token account { id } } }`;
const ACTIVATE = `mutation($i: ActivateAccountInput!) { activateAccount(input: $i) { token account { id status } } }`;
const ISSUE = `mutation($i: IssueActivationCodeInput!) { issueActivationCode(input: $i) { activationCode } }`;

const evaluated = (results: GqlResult[]) => results.filter((r) => !codes(r).includes('TOO_MANY_ATTEMPTS'));

describe('with a limit of 5 failures per (account, address)', () => {
  let app: TestApp;
  let t: TenantFixture;
  beforeAll(async () => {
    app = await startTestApp({ SIGN_IN_MAX_FAILURES: '5', SIGN_IN_BLOCK_SECONDS: '900' });
    t = await createTenantFixture(app);
  });
  afterAll(() => app.close());

  it('30 sign-ins at once (29 wrong, the right one last): at most 5 are evaluated, then that address is blocked, another is not', async () => {
    const i = { tenantCode: t.code, username: 'dept-a', password: 'wrong-password-1' };
    const count = countVerifications();
    const results = await Promise.all([
      ...Array.from({ length: 29 }, () => gqlFrom(app, '127.0.0.21', SIGN_IN, { i })),
      gqlFrom(app, '127.0.0.21', SIGN_IN, { i: { ...i, password: t.accounts.deptA.password } }),
    ]);
    count.restore();
    expect(count.seen.calls).toBeLessThanOrEqual(5);
    expect(evaluated(results).length).toBeLessThanOrEqual(5);
    // the right password got through only if it was one of the five evaluated
    const right = results[29]!;
    expect(right.errors === undefined || codes(right)[0] === 'TOO_MANY_ATTEMPTS').toBe(true);

    const blocked = await gqlFrom(app, '127.0.0.21', SIGN_IN, { i: { ...i, password: t.accounts.deptA.password } });
    expect(codes(blocked)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(blocked.errors?.[0]?.message).toBe('尝试次数过多，请 15 分钟后再试');

    const elsewhere = await gqlFrom(app, '127.0.0.22', SIGN_IN, { i: { ...i, password: t.accounts.deptA.password } });
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data.signIn.account.id).toBe(t.accounts.deptA.id);
  });

  it('activation codes have the same protection: 30 guesses at once, at most 5 evaluated', async () => {
    const person = t.people.a2[0];
    const issued = await app.gql(ISSUE, { i: { professionalId: person.id } }, t.accounts.deptA.token);
    const code: string = issued.data.issueActivationCode.activationCode;
    const i = { tenantCode: t.code, username: person.idNumber, activationCode: 'WRONGCODE2', newPassword: 'Abcdefgh12345' };
    const count = countVerifications();
    const results = await Promise.all(Array.from({ length: 30 }, () => gqlFrom(app, '127.0.0.31', ACTIVATE, { i })));
    count.restore();
    expect(count.seen.calls).toBeLessThanOrEqual(5);
    expect(evaluated(results).map(codes)).toEqual(Array(evaluated(results).length).fill(['ACTIVATION_CODE_INVALID']));
    expect(evaluated(results).length).toBeLessThanOrEqual(5);

    const blocked = await gqlFrom(app, '127.0.0.31', ACTIVATE, { i: { ...i, activationCode: code } });
    expect(codes(blocked)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(blocked.errors?.[0]?.extensions?.field).toBe('activationCode');
    const elsewhere = await gqlFrom(app, '127.0.0.32', ACTIVATE, { i: { ...i, activationCode: code } });
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data.activateAccount.account.status).toBe('ACTIVE');
  });

  it('successes are not counted, failures are: 4 failures, 2 successes, a 5th failure, then blocked', async () => {
    const i = { tenantCode: t.code, username: 'unit-a1', password: 'wrong-password-1' };
    const right = { i: { ...i, password: t.accounts.unitA1.password } };
    for (let n = 0; n < 4; n++) expect(codes(await gqlFrom(app, '127.0.0.41', SIGN_IN, { i }))).toEqual(['INVALID_CREDENTIALS']);
    expect((await gqlFrom(app, '127.0.0.41', SIGN_IN, right)).errors).toBeUndefined();
    expect((await gqlFrom(app, '127.0.0.41', SIGN_IN, right)).errors).toBeUndefined();
    expect(codes(await gqlFrom(app, '127.0.0.41', SIGN_IN, { i }))).toEqual(['INVALID_CREDENTIALS']);
    expect(codes(await gqlFrom(app, '127.0.0.41', SIGN_IN, right))).toEqual(['TOO_MANY_ATTEMPTS']);
  });
});

describe('guessing spread over many addresses (limit 3 per address, 12 per account)', () => {
  let app: TestApp;
  let t: TenantFixture;
  beforeAll(async () => {
    app = await startTestApp({ SIGN_IN_MAX_FAILURES: '3', SIGN_IN_BLOCK_SECONDS: '60' });
    t = await createTenantFixture(app);
  });
  afterAll(() => app.close());

  it('blocks the account for new addresses, never for an address that signed in before', async () => {
    const i = { tenantCode: t.code, username: 'bureau', password: 'wrong-password-1' };
    const right = { i: { ...i, password: t.accounts.bureau.password } };
    expect((await gqlFrom(app, '127.0.0.51', SIGN_IN, right)).errors).toBeUndefined(); // the owner's device

    const count = countVerifications();
    const attackers = Array.from({ length: 8 }, (_, n) => `127.0.1.${n + 1}`);
    const results = await Promise.all(attackers.flatMap((a) => Array.from({ length: 3 }, () => gqlFrom(app, a, SIGN_IN, { i }))));
    count.restore();
    expect(count.seen.calls).toBeLessThanOrEqual(12);
    expect(evaluated(results).length).toBeLessThanOrEqual(12);

    const stranger = await gqlFrom(app, '127.0.0.52', SIGN_IN, right);
    expect(codes(stranger)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(stranger.errors?.[0]?.message).toMatch(/^该账号近期在多处尝试失败次数过多，请 \d+ 分钟后再试/);
    const owner = await gqlFrom(app, '127.0.0.51', SIGN_IN, right);
    expect(owner.errors).toBeUndefined();
  });

  it('one address trying many accounts is stopped by the per-address limit (60 per window here)', async () => {
    const count = countVerifications();
    const results: GqlResult[] = [];
    for (let batch = 0; batch < 7; batch++) {
      // ten at a time, so that the argon2 gate (20 places) refuses none of them
      const names = Array.from({ length: 10 }, (_, n) => `user-${batch * 10 + n}`);
      results.push(...(await Promise.all(names.map((username) => gqlFrom(app, '127.0.0.61', SIGN_IN, { i: { tenantCode: t.code, username, password: 'Password123' } })))));
    }
    count.restore();
    expect(count.seen.calls).toBeLessThanOrEqual(60);
    expect(results.filter((r) => codes(r).includes('TOO_MANY_ATTEMPTS')).length).toBeGreaterThanOrEqual(10);
    const last = await gqlFrom(app, '127.0.0.61', SIGN_IN, { i: { tenantCode: t.code, username: 'dept-a', password: t.accounts.deptA.password } });
    expect(last.errors?.[0]?.message).toMatch(/^当前网络地址尝试次数过多，请 \d+ 分钟后再试$/);
  });
});

describe('two server processes on one database', () => {
  let one: TestApp;
  let two: TestApp;
  let t: TenantFixture;
  beforeAll(async () => {
    one = await startTestApp({ SIGN_IN_MAX_FAILURES: '3', SIGN_IN_BLOCK_SECONDS: '60' });
    two = await startTestApp({ SIGN_IN_MAX_FAILURES: '3', SIGN_IN_BLOCK_SECONDS: '60' });
    t = await createTenantFixture(one);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  it('share the limit: 20 guesses spread over both, at most 3 evaluated, then both refuse', async () => {
    const i = { tenantCode: t.code, username: 'dept-a', password: 'wrong-password-1' };
    const count = countVerifications();
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => gqlFrom(n % 2 ? one : two, '127.0.0.71', SIGN_IN, { i })));
    count.restore();
    expect(count.seen.calls).toBeLessThanOrEqual(3);
    expect(evaluated(results).length).toBeLessThanOrEqual(3);
    for (const app of [one, two]) {
      expect(codes(await gqlFrom(app, '127.0.0.71', SIGN_IN, { i: { ...i, password: t.accounts.deptA.password } }))).toEqual(['TOO_MANY_ATTEMPTS']);
    }
  });
});

describe('argon2 work for anonymous callers', () => {
  let app: TestApp;
  let t: TenantFixture;
  beforeAll(async () => {
    app = await startTestApp({ SIGN_IN_MAX_FAILURES: '100', SIGN_IN_BLOCK_SECONDS: '900' });
    t = await createTenantFixture(app);
  });
  afterAll(() => app.close());

  it('runs at most 4 at once, 16 more may wait, the rest are refused with TOO_MANY_REQUESTS and not counted', async () => {
    // a production-cost hash (64 MiB, 3 passes): each verification takes long enough for the burst to pile up, even on a loaded machine
    const hash = await argon2.hash(t.accounts.bureau.password, { type: argon2.argon2id });
    await app.owner.query(`UPDATE account SET password_hash = $2 WHERE tenant_id = $1 AND username = 'bureau'`, [t.tenantId, hash]);
    const i = { tenantCode: t.code, username: 'bureau', password: t.accounts.bureau.password };
    const count = countVerifications();
    const results = await Promise.all(Array.from({ length: 40 }, () => gqlFrom(app, '127.0.0.81', SIGN_IN, { i })));
    count.restore();
    expect(count.seen.maxActive).toBeLessThanOrEqual(4);
    const refused = results.filter((r) => codes(r).includes('TOO_MANY_REQUESTS'));
    const signedIn = results.filter((r) => r.errors === undefined);
    expect(refused.length).toBeGreaterThan(0);
    expect(signedIn.length).toBeGreaterThanOrEqual(20);
    expect(signedIn.length + refused.length).toBe(40);
    expect(refused[0]!.errors?.[0]?.message).toBe('登录请求过多，服务器正忙，请稍后再试');
    // neither the successes nor the refusals are left counted
    const rows = await app.owner.query(`SELECT key, points FROM sign_in_limit WHERE key LIKE $1 AND key NOT LIKE 'known:%'`, [`%:${t.code}%`]);
    expect(rows.filter((r: { points: number }) => r.points > 0)).toEqual([]);
  });

  it('the gate hands a slot to the next in line and refuses when the line is full', async () => {
    const gate = new WorkGate(2, 1);
    const a = await gate.acquire();
    await gate.acquire();
    let third = false;
    const waiting = gate.acquire().then((release) => ((third = true), release));
    await expect(gate.acquire()).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(gate.load).toEqual({ active: 2, waiting: 1 });
    expect(third).toBe(false);
    a();
    (await waiting)();
    expect(third).toBe(true);
    expect(gate.load).toEqual({ active: 1, waiting: 0 });
  });
});

// Sign-up under a burst: the limits (per tenant and address, per tenant) are consumed in
// PostgreSQL before any work, so of 100 sign-ups sent at once from one address only the
// allowance is evaluated (hashed, checked, written) and the rest are refused at once with
// TOO_MANY_REQUESTS; whatever is refused or fails leaves nothing behind.
import argon2 from 'argon2';
import { gqlFrom } from '../accounts/limits-support';
import { auditRows } from '../support/fixtures';
import { codes, type GqlResult, startTestApp, type TestApp } from '../support/harness';
import { countRows, newIdNumber, registrationTenant, SIGN_UP, signUpInput } from './registrations-support';

/** Counts argon2 hashes until `restore()`. */
function countHashes() {
  const original = argon2.hash.bind(argon2);
  const seen = { calls: 0 };
  const spy = jest.spyOn(argon2, 'hash').mockImplementation((...args: Parameters<typeof argon2.hash>) => {
    seen.calls++;
    return original(...args);
  });
  return { seen, restore: () => spy.mockRestore() };
}

const accepted = (results: GqlResult[]) => results.filter((r) => !r.errors);
const refused = (results: GqlResult[]) => results.filter((r) => codes(r).includes('TOO_MANY_REQUESTS'));

describe('with the default limit of 10 sign-ups per address an hour', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('100 sign-ups at once from one address: 10 are evaluated and written, 90 refused before any work; every row has its audit row, nothing else is written', async () => {
    const t = await registrationTenant(app);
    const count = countHashes();
    const results = await Promise.all(Array.from({ length: 100 }, () => gqlFrom(app, '127.0.0.41', SIGN_UP, { i: signUpInput(t, t.nodes.unitA1) })));
    count.restore();
    expect(accepted(results)).toHaveLength(10);
    expect(refused(results)).toHaveLength(90);
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(refused(results)[0]!.errors![0]!.message).toBe('当前网络地址提交的注册申请过多，请 60 分钟后再试');
    // only the admitted sign-ups hashed a password
    expect(count.seen.calls).toBe(10);
    expect(await countRows(app, 'professional_registration', t.tenantId)).toBe(10);
    const audit = await auditRows(app, t.tenantId);
    expect(audit.map((r) => r.action)).toEqual(Array(10).fill('registration.signUp'));
    const [orphans] = await app.owner.query(
      `SELECT count(*)::int AS n FROM professional_registration r
        WHERE r.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.tenant_id = r.tenant_id AND a.entity_id = r.id::text)`,
      [t.tenantId],
    );
    expect(orphans.n).toBe(0);
    expect(await countRows(app, 'professional', t.tenantId)).toBe(9);
    expect(await countRows(app, 'account', t.tenantId)).toBe(4);

    // the address is blocked for this tenant only, and another address is not
    expect(codes(await gqlFrom(app, '127.0.0.41', SIGN_UP, { i: signUpInput(t, t.nodes.unitA1) }))).toEqual(['TOO_MANY_REQUESTS']);
    expect((await gqlFrom(app, '127.0.0.42', SIGN_UP, { i: signUpInput(t, t.nodes.unitA1) })).errors).toBeUndefined();
    const other = await registrationTenant(app);
    expect((await gqlFrom(app, '127.0.0.41', SIGN_UP, { i: signUpInput(other, other.nodes.unitA1) })).errors).toBeUndefined();
  });

  it('refused input counts too: the eleventh attempt is refused even when the first ten were invalid, and none was written', async () => {
    const t = await registrationTenant(app);
    for (let i = 0; i < 10; i++) {
      expect(codes(await gqlFrom(app, '127.0.0.43', SIGN_UP, { i: signUpInput(t, t.nodes.unitA1, { idNumber: '370102199003071230' }) }))).toEqual(['ID_NUMBER_CHECK_DIGIT']);
    }
    expect(codes(await gqlFrom(app, '127.0.0.43', SIGN_UP, { i: signUpInput(t, t.nodes.unitA1) }))).toEqual(['TOO_MANY_REQUESTS']);
    expect(await countRows(app, 'professional_registration', t.tenantId)).toBe(0);
  });

  it('12 sign-ups of one ID number at once, from 12 addresses: exactly one is written, the others are told it is pending', async () => {
    const t = await registrationTenant(app);
    const idNumber = newIdNumber();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => gqlFrom(app, `127.0.1.${i + 1}`, SIGN_UP, { i: signUpInput(t, t.nodes.unitA1, { idNumber }) })),
    );
    expect(accepted(results)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(codes)).toEqual(Array(11).fill(['REGISTRATION_ALREADY_PENDING']));
    expect(await countRows(app, 'professional_registration', t.tenantId)).toBe(1);
    expect((await auditRows(app, t.tenantId)).map((r) => r.action)).toEqual(['registration.signUp']);
  });
});

describe('with a limit of 15 sign-ups per tenant an hour', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ REGISTRATION_MAX_PER_TENANT: '15' });
  });
  afterAll(() => app.close());

  it('40 sign-ups at once from 40 addresses: 15 are written, the rest refused; another tenant is not affected', async () => {
    const t = await registrationTenant(app);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => gqlFrom(app, `127.0.2.${i + 1}`, SIGN_UP, { i: signUpInput(t, t.nodes.unitA2) })));
    expect(accepted(results)).toHaveLength(15);
    expect(refused(results)).toHaveLength(25);
    expect(refused(results)[0]!.errors![0]!.message).toBe('本地区当前提交的注册申请过多，请 60 分钟后再试');
    expect(await countRows(app, 'professional_registration', t.tenantId)).toBe(15);
    const other = await registrationTenant(app);
    expect((await gqlFrom(app, '127.0.2.1', SIGN_UP, { i: signUpInput(other, other.nodes.unitA2) })).errors).toBeUndefined();
  });
});

// A bearer token is accepted only as the server issues it: HS256 with our
// key, our issuer, an expiry, a UUID subject (and tenant). Anything else is
// refused with 401 UNAUTHENTICATED — never accepted, never a 500.
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';

const ME = `{ me { kind } }`;
const SECRET = randomBytes(32).toString('hex');
const KEY = new TextEncoder().encode(SECRET);

let app: TestApp;
let t: TenantFixture;


beforeAll(async () => {
  app = await startTestApp({}, undefined, SECRET);
  t = await createTenantFixture(app);
});
afterAll(() => app.close());

const now = () => Math.floor(Date.now() / 1000);

interface Craft {
  alg?: string;
  sub?: string | null;
  tid?: string | null;
  kind?: string;
  exp?: number | null;
  iat?: number | null;
  iss?: string;
  key?: Uint8Array;
}

/** A token like the server's, with the given parts changed (null: left out). */
async function craft(c: Craft = {}): Promise<string> {
  const claims: Record<string, unknown> = { kind: c.kind ?? 'account' };
  const tid = c.tid === undefined ? t.tenantId : c.tid;
  if (tid !== null) claims.tid = tid;
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: c.alg ?? 'HS256' }).setIssuer(c.iss ?? 'ce-platform');
  const sub = c.sub === undefined ? t.accounts.bureau.id : c.sub;
  if (sub !== null) jwt.setSubject(sub);
  const iat = c.iat === undefined ? now() : c.iat;
  if (iat !== null) jwt.setIssuedAt(iat);
  const exp = c.exp === undefined ? now() + 600 : c.exp;
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(c.key ?? KEY);
}

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function expectRefused(token: string) {
  const r = await app.gql(ME, {}, token);
  expect({ status: r.status, codes: codes(r), data: r.data ?? null }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'], data: null });
}

describe('bearer token hygiene', () => {
  it('a token made like the server makes them is accepted (the control)', async () => {
    const r = await app.gql(ME, {}, await craft());
    expect(r.errors).toBeUndefined();
    expect(r.data.me.kind).toBe('ACCOUNT');
  });

  it('a token without exp is refused', async () => {
    await expectRefused(await craft({ exp: null }));
  });

  it('a token without iat, or living longer than the server issues them, is refused', async () => {
    await expectRefused(await craft({ iat: null }));
    await expectRefused(await craft({ exp: now() + 10 * 365 * 86400 }));
  });

  it.each([
    ['not a UUID', 'not-a-uuid'],
    ['an SQL fragment', "' OR 1=1 --"],
    ['empty', ''],
    ['a UUID with trailing text', `${randomUUID()}x`],
  ])('a subject that is %s is refused', async (_label, sub) => {
    await expectRefused(await craft({ sub }));
  });

  it('a token without a subject is refused', async () => {
    await expectRefused(await craft({ sub: null }));
  });

  it('an account token whose tenant is missing or not a UUID is refused', async () => {
    await expectRefused(await craft({ tid: null }));
    await expectRefused(await craft({ tid: 'tenant-a' }));
  });

  it('an operator token is refused for a malformed subject', async () => {
    await expectRefused(await craft({ kind: 'operator', tid: null, sub: 'root' }));
  });

  it.each(['HS384', 'HS512'])('a token signed with %s (our key, another algorithm) is refused', async (alg) => {
    await expectRefused(await craft({ alg }));
  });

  it('an unsigned token (alg none) is refused', async () => {
    const payload = { kind: 'account', tid: t.tenantId, sub: t.accounts.bureau.id, iss: 'ce-platform', iat: now(), exp: now() + 600 };
    await expectRefused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`);
  });

  it('a token with a forged header (alg switched after signing) is refused', async () => {
    const [, payload, signature] = (await craft()).split('.');
    await expectRefused(`${b64({ alg: 'HS512' })}.${payload}.${signature}`);
  });

  it('a token from another issuer, of another kind, or under another key is refused', async () => {
    await expectRefused(await craft({ iss: 'someone-else' }));
    await expectRefused(await craft({ kind: 'admin' }));
    await expectRefused(await craft({ key: new TextEncoder().encode('x'.repeat(64)) }));
  });

  it('garbage is refused', async () => {
    for (const token of ['abc', 'a.b.c', `${b64({ alg: 'HS256' })}.not-json.sig`, '...']) await expectRefused(token);
  });
});

// Sign-in under load: 20 clients, each from its own address, signing in with
// the right password over and over; prints the median and p99 latency.
// A measurement, not a check: runs only with SIGN_IN_LOAD=1, e.g.
//   SIGN_IN_LOAD=1 npx jest test/accounts/sign-in-load.test.ts
// (SIGN_IN_LOAD_COST=production stores a hash at the library's production cost).
import argon2 from 'argon2';
import { codes, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';
import { gqlFrom } from './limits-support';

const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token } }`;
const CLIENTS = 20;
const production = process.env.SIGN_IN_LOAD_COST === 'production';
const ROUNDS = production ? 3 : 10;

(process.env.SIGN_IN_LOAD ? describe : describe.skip)('sign-in under load', () => {
  let app: TestApp;
  let t: TenantFixture;
  beforeAll(async () => {
    app = await startTestApp();
    t = await createTenantFixture(app);
    if (production) {
      const hash = await argon2.hash(t.accounts.bureau.password, { type: argon2.argon2id });
      await app.owner.query(`UPDATE account SET password_hash = $2 WHERE tenant_id = $1 AND username = 'bureau'`, [t.tenantId, hash]);
    }
  });
  afterAll(() => app.close());

  it(`${CLIENTS} clients × ${ROUNDS} sign-ins`, async () => {
    const i = { tenantCode: t.code, username: 'bureau', password: t.accounts.bureau.password };
    const ms: number[] = [];
    const outcomes: Record<string, number> = {};
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let r = 0; r < ROUNDS; r++) {
          const t0 = performance.now();
          const res = await gqlFrom(app, `127.0.3.${c + 1}`, SIGN_IN, { i });
          ms.push(performance.now() - t0);
          const outcome = codes(res)[0] ?? 'OK';
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
      }),
    );
    const wall = performance.now() - started;
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!.toFixed(0);
    process.stdout.write(
      `\nsign-in load (${production ? 'production' : 'test'} argon2 cost): ${ms.length} requests, ${CLIENTS} clients, ` +
        `median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms, ${((ms.length / wall) * 1000).toFixed(1)}/s; ${JSON.stringify(outcomes)}\n`,
    );
    expect(outcomes.OK).toBeGreaterThan(0);
  }, 300000);
});

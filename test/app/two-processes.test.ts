// Several API processes on one database (issue 16; docs/OPERATIONS.md, "Several processes"):
// two real server processes (`node dist/server/main.js`; alone: `npx tsc -p tsconfig.build.json`
// first) share what must be shared. A sign-in limit counts attempts made through either; the
// scheduled reminder run is done once, not once per process; and a rolling restart (one process
// stopped with SIGTERM and started again while a client sends requests to both, retrying on the
// other one when a connection fails) loses no request and answers none with a 5xx. A key
// revoked through one process is refused by the other: caches-across-processes.test.ts.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { DAILY_QUEUE, TENANT_QUEUE } from '../../server/reminders/job-queue';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { gqlAt, type ProductServer, startProductServer } from '../support/product-process';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';

const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token } }`;
const STATUS = `query($id: String!) { completionStatus(idNumber: $id, year: 2023) { year } }`;

const jwtSecret = randomBytes(32).toString('hex');
const children: ChildProcess[] = [];
const dataDirs: string[] = [];
let scratch: ScratchDatabase;
/** In this process: builds the tenant and signs tokens with the servers' secret. Not one of the two servers. */
let fixtures: TestApp;
let t: TenantFixture;
let env: Record<string, string>;
const servers: ProductServer[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A cron expression (China time) for the first minute that starts at least 45 seconds from now
 * (the servers start within that): the one scheduled run of this test, 45 to 105 seconds away.
 */
function oneRunSoon(): string {
  const at = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000 + 8 * 3600_000);
  return `${at.getUTCMinutes()} ${at.getUTCHours()} * * *`;
}

beforeAll(async () => {
  // a database of its own: the scheduled run reaches every tenant of its database
  scratch = await createScratchDatabase();
  fixtures = await startTestApp({ DATABASE_URL: scratch.url }, undefined, jwtSecret);
  t = await createTenantFixture(fixtures, 'tp');
  await publishInitialPolicy(fixtures.owner, t.tenantId, loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('qingdao')!, 'test');
  env = { DATABASE_URL: scratch.url, JWT_SECRET: jwtSecret, REMINDER_JOBS: 'true', REMINDER_CRON: oneRunSoon() };
  servers.push(...(await Promise.all([startProductServer(env, children, dataDirs), startProductServer(env, children, dataDirs)])));
}, 240_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await fixtures?.close();
  await scratch?.drop();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

describe('two server processes on one database', () => {
  it('share the sign-in limit: failed attempts through both count together', async () => {
    const attempt = (server: ProductServer) =>
      gqlAt(server.url, SIGN_IN, { i: { tenantCode: t.code, username: t.accounts.deptA.username, password: 'not-the-password-1' } });
    // SIGN_IN_MAX_FAILURES (5) wrong passwords, taking turns
    for (let i = 0; i < 5; i++) expect(codes(await attempt(servers[i % 2]!))).toEqual(['INVALID_CREDENTIALS']);
    // the next is refused by either, although neither has seen five
    expect(codes(await attempt(servers[1]!))).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(codes(await attempt(servers[0]!))).toEqual(['TOO_MANY_ATTEMPTS']);
  });

  it('run the scheduled reminder run once, not once per process', async () => {
    const tenantRuns = async () =>
      fixtures.owner.query<{ state: string }[]>(`SELECT state FROM pgboss.job WHERE name = $1 AND singleton_key = $2`, [TENANT_QUEUE, t.tenantId]);
    const until = Date.now() + 180_000;
    while (!(await tenantRuns()).some((r) => r.state === 'completed')) {
      if (Date.now() > until) throw new Error(`no completed run: ${JSON.stringify(await tenantRuns())}`);
      await sleep(500);
    }
    // a moment for a second run, were there one (both processes' workers poll every 10 s)
    await sleep(12_000);
    const [daily] = await fixtures.owner.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, [DAILY_QUEUE]);
    expect(daily!.n).toBe(1);
    expect((await tenantRuns()).map((r) => r.state)).toEqual(['completed']);
  }, 240_000);

  it('lose no request in a rolling restart: one process stopped (SIGTERM) and started again while a client uses both', async () => {
    const person = t.people.a1[0].idNumber;
    const token = t.accounts.bureau.token;
    const failures: string[] = [];
    const served = [0, 0];
    let restarted = false;
    let servedByRestarted = 0;
    let retries = 0;
    /** One request: to `first`, then the other process whenever a connection fails; a 5xx or any other answer is a failure. */
    const send = async (first: number) => {
      for (let attempt = 0; attempt < 40; attempt++) {
        const index = (first + attempt) % 2;
        const server = servers[index]!;
        let status: number;
        try {
          const r = await gqlAt(server.url, STATUS, { id: person }, token);
          status = r.status;
          if (status === 200 && r.errors) return void failures.push(`errors: ${JSON.stringify(r.errors)}`);
        } catch {
          retries++;
          await sleep(attempt < 2 ? 0 : 50);
          continue;
        }
        if (status !== 200) return void failures.push(`status ${status} from process ${index}`);
        served[index]!++;
        if (restarted && index === 0) servedByRestarted++;
        return;
      }
      failures.push('lost: no process answered');
    };
    let running = true;
    const clients = [0, 1, 2, 3].map(async (k) => {
      for (let i = k; running; i++) await send(i % 2);
    });
    await sleep(1500);
    const stopped = servers[0]!;
    expect(await stopped.stop()).toBe(0);
    expect(stopped.started.output()).toContain('Stopped cleanly.');
    await sleep(500);
    servers[0] = await startProductServer({ ...env, PORT: String(stopped.port) }, children, dataDirs);
    restarted = true;
    await sleep(2000);
    running = false;
    await Promise.all(clients);
    expect(failures).toEqual([]);
    expect(served[0]).toBeGreaterThan(0);
    expect(served[1]).toBeGreaterThan(0);
    expect(servedByRestarted).toBeGreaterThan(0);
    // a request that met a closing connection went to the other process (printed for the report)
    process.stdout.write(`rolling restart: ${served[0]! + served[1]!} requests answered, ${retries} retried on the other process\n`);
  }, 200_000);
});

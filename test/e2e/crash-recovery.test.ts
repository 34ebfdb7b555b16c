// The product after a crash: `node dist/server/main.js` (build first:
// `npx tsc -p tsconfig.build.json`) killed with kill -9 starts again on the same
// data folder, and a server whose embedded PostgreSQL is killed under it does
// not stay up answering "ok" while every request fails.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/free-port';
import { startProduct, waitFor, type Started } from '../support/product-process';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/platform/embedded-postgres';
import { createLogger } from '../../server/platform/logger';

const children: ChildProcess[] = [];
const start = (env: Record<string, string>): Started => startProduct({ SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...env }, children);
const dataDirs: string[] = [];

/** Running: a zombie (exited, not yet reaped by its new parent) is not. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Where the data folder's cluster lives: DATA_DIR/pg, or (started as root) the folder named in DATA_DIR/pg-location. */
async function clusterDir(dataDir: string): Promise<string> {
  const pointed = await readFile(path.join(dataDir, 'pg-location'), 'utf8').then(
    (text) => (text.split('\n')[0] ?? '').trim(),
    () => '',
  );
  return pointed || path.join(dataDir, 'pg');
}

async function postmasterPid(dataDir: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await readFile(path.join(await clusterDir(dataDir), 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 0; // refused, reset, or timed out
  }
}

async function newEnv(): Promise<{ env: Record<string, string>; url: string; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ce-crash-'));
  dataDirs.push(dataDir);
  const port = await freePort();
  return { env: { DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()) }, url: `http://127.0.0.1:${port}`, dataDir };
}

afterAll(async () => {
  // a failed assertion must not leave a server, or its database, running
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dataDir of dataDirs) {
    const pid = await postmasterPid(dataDir);
    if (pid !== null && isAlive(pid)) {
      try {
        process.kill(-pid, 'SIGKILL'); // its own process group: the backends too
      } catch {
        process.kill(pid, 'SIGKILL');
      }
    }
    await new Promise((r) => setTimeout(r, 200));
    const cluster = await clusterDir(dataDir);
    if (cluster !== path.join(dataDir, 'pg')) await rm(path.dirname(cluster), { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});

describe('a server killed with kill -9', () => {
  it('starts again on the same data folder: it stops the PostgreSQL the killed one left running', async () => {
    const { env, url, dataDir } = await newEnv();
    const first = start(env);
    await waitFor(first, 'Press Ctrl-C to stop.');
    expect(await status(`${url}/readyz`)).toBe(200);
    const orphan = await postmasterPid(dataDir);
    expect(orphan).not.toBeNull();

    first.child.kill('SIGKILL');
    await first.exited;
    // the database outlives it (a process group of its own): the case to recover from
    expect(isAlive(orphan!)).toBe(true);

    const second = start(env);
    await waitFor(second, 'Press Ctrl-C to stop.');
    expect(await status(`${url}/readyz`)).toBe(200);
    expect(await status(`${url}/healthz`)).toBe(200);
    const now = await postmasterPid(dataDir);
    expect(now).not.toBe(orphan);
    expect(isAlive(orphan!)).toBe(false);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('Stopped cleanly.');
  }, 180_000);
});

describe('the embedded PostgreSQL killed under a running server', () => {
  it('the server exits non-zero within seconds, with one line naming the cause', async () => {
    const { env, url, dataDir } = await newEnv();
    const server = start(env);
    await waitFor(server, 'Press Ctrl-C to stop.');
    expect(await status(`${url}/healthz`)).toBe(200);
    const pid = await postmasterPid(dataDir);
    expect(pid).not.toBeNull();

    process.kill(pid!, 'SIGKILL');
    const code = await Promise.race([server.exited, new Promise<string>((r) => setTimeout(() => r('still running'), 10_000))]);
    expect(code).toBe(1);
    expect(server.output()).toContain('The embedded PostgreSQL exited unexpectedly (signal SIGKILL)');
    expect(await status(`${url}/healthz`)).not.toBe(200);

    // and it starts again
    const again = start(env);
    await waitFor(again, 'Press Ctrl-C to stop.');
    expect(await status(`${url}/readyz`)).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 180_000);
});

describe('/healthz with an external database (DATABASE_URL) that goes away', () => {
  let db: EmbeddedDatabase | null = null;
  afterAll(async () => {
    await db?.stop();
  });

  it('answers 503 within its timeout instead of "ok"', async () => {
    const dbDir = await mkdtemp(path.join(os.tmpdir(), 'ce-crash-ext-'));
    dataDirs.push(dbDir);
    db = await startEmbeddedPostgres({ dataDir: dbDir, port: await freePort(), database: 'ce_ext', logger: createLogger('silent'), durable: false });
    const { env, url } = await newEnv();
    const server = start({ ...env, DATABASE_URL: db.url });
    await waitFor(server, 'Press Ctrl-C to stop.');
    expect(await status(`${url}/healthz`)).toBe(200);

    await db.stop();
    db = null;
    const started = Date.now();
    expect(await status(`${url}/healthz`)).toBe(503);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(await status(`${url}/readyz`)).toBe(503);

    server.child.kill('SIGTERM');
    await server.exited;
  }, 180_000);
});

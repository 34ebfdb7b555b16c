// The compiled product as a user starts it (`node dist/server/main.js`, built
// by `npm test` before jest runs: test/support/build-dist.cjs), for the end-to-end tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import type { GqlResult } from './gql-result';

const MAIN = path.resolve(__dirname, '../../dist/server/main.js');

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the server with `env` over this process's environment (no DATABASE_URL unless given); `spawned` collects it for clean-up. */
export function startProduct(env: Record<string, string>, spawned: ChildProcess[]): Started {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  spawned.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Waits until the server printed `text`; fails with its output if it exits or the time runs out. */
export async function waitFor(s: Started, text: string, ms = 90000): Promise<void> {
  const until = Date.now() + ms;
  while (!s.output().includes(text)) {
    if (Date.now() > until || s.child.exitCode !== null) throw new Error(`did not see "${text}":\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ProductServer {
  url: string;
  port: number;
  started: Started;
  /** Stops it as a supervisor would (SIGTERM) and waits for its exit code. */
  stop(): Promise<number | null>;
}

/**
 * `node dist/server/main.js` on the test database (or `env.DATABASE_URL`), without demo data,
 * on a free port (or `env.PORT`) and a data folder of its own (`dataDirs` collects it).
 */
export async function startProductServer(env: Record<string, string>, spawned: ChildProcess[], dataDirs: string[]): Promise<ProductServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ce-process-'));
  dataDirs.push(dataDir);
  const port = Number(env.PORT ?? (await freePort()));
  const started = startProduct(
    { DATABASE_URL: process.env.TEST_DATABASE_URL!, SEED_DEMO: 'false', NODE_ENV: 'test', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    spawned,
  );
  await waitFor(started, 'is running', 120_000);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    started,
    stop: async () => {
      started.child.kill('SIGTERM');
      return started.exited;
    },
  };
}

/** A GraphQL request to the server at `url`; `auth` is a bearer token or `{ apiKey }`. */
export async function gqlAt(url: string, query: string, variables: object, auth?: string | { apiKey: string }): Promise<GqlResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (typeof auth === 'string') headers.authorization = `Bearer ${auth}`;
  else if (auth) headers['x-api-key'] = auth.apiKey;
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as Omit<GqlResult, 'status'>;
  return { status: res.status, data: body.data, errors: body.errors };
}

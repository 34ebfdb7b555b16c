// The status-lookup benchmark's two servers, each a child process of its own (so neither
// shares an event loop with the load generator): the product as a user starts it
// (`node dist/server/main.js`) and the bare baseline (dist/bench/bare-status-server.js).
// Their output goes to a log file each; readiness is polled over HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

export interface ServerProcess {
  label: string;
  url: string;
  pid: number;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/** A port nobody listens on now (the OS's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no output)';
  }
}

/**
 * Starts `script` (a compiled .js file) with `env` over this process's environment, and
 * waits until GET /readyz answers 200; fails with the end of its output otherwise.
 */
export async function startServerProcess(a: { label: string; script: string; env: Record<string, string>; port: number; logFile: string; timeoutMs?: number }): Promise<ServerProcess> {
  const out = openSync(a.logFile, 'w');
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"): node flags for the servers, to profile them under load
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.resolve(a.script)], { env: { ...process.env, ...a.env }, stdio: ['ignore', out, out] });
  const url = `http://127.0.0.1:${a.port}`;
  let exited: number | string | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? signal ?? 'unknown';
      resolve();
    }),
  );
  const stop = async () => {
    if (exited !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
    await exit;
    clearTimeout(timer);
  };
  const until = Date.now() + (a.timeoutMs ?? 120000);
  for (;;) {
    if (exited !== null) throw new Error(`${a.label} exited (${String(exited)}) before it was ready:\n${tail(a.logFile)}`);
    if (Date.now() > until) {
      await stop();
      throw new Error(`${a.label} was not ready within ${a.timeoutMs ?? 120000} ms:\n${tail(a.logFile)}`);
    }
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (child.pid === undefined) throw new Error(`${a.label} has no pid`);
  return { label: a.label, url, pid: child.pid, child, logFile: a.logFile, stop };
}

/** What the product is started with in a benchmark: its own database, secret and data folder. */
export interface ProductSettings {
  ownerUrl: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  logLevel: string;
  workDir: string;
  policyDir: string;
  poolSize: number;
}

/** The product as a user starts it (`node dist/server/main.js`), in production mode, on a free port. */
export async function startProductProcess(label: string, s: ProductSettings): Promise<ServerProcess> {
  const port = await freePort();
  await mkdir(path.join(s.workDir, label), { recursive: true });
  return startServerProcess({
    label,
    script: path.resolve(__dirname, '../server/main.js'),
    port,
    logFile: path.join(s.workDir, `${label}.log`),
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: s.ownerUrl,
      APP_DATABASE_URL: '',
      SEED_DEMO: 'false',
      LOG_LEVEL: s.logLevel,
      HOST: '127.0.0.1',
      PORT: String(port),
      JWT_SECRET: s.jwtSecret,
      JWT_TTL_SECONDS: String(s.jwtTtlSeconds),
      EXPLORER: 'false',
      DATA_DIR: path.join(s.workDir, label),
      POLICY_DIR: path.resolve(s.policyDir),
      DB_POOL_SIZE: String(s.poolSize),
    },
  });
}

/** Resident memory of a process now and at its peak, in MiB (Linux /proc; null elsewhere). */
export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

// The compiled product as a user starts it (`node dist/server/main.js`, built
// by `npm test` before jest runs: test/support/build-dist.cjs), for the end-to-end tests.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

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

// The browser tests' product: the real server (`node dist/server/main.js`, what
// `npm start` runs) with its embedded PostgreSQL in a fresh folder, the five demo
// tenants seeded, and the built console at /admin/. One for all browser test
// files; each file works in its own demo tenant (or makes its own records), so
// files pass alone and in any order. `npm test` builds the server and the console
// first (CONSOLE_PREBUILT=1); a file run on its own builds them here.
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserServer, chromium } from 'playwright-core';
import { freePort } from '../../../support/free-port';
import { startProduct, waitFor, type Started } from '../../../support/product-process';
import { LAUNCH } from './browser';

const ROOT = path.resolve(__dirname, '../../../..');

export interface ConsoleProduct {
  started: Started;
  dataDir: string;
  browser: BrowserServer;
}

export default async function consoleGlobalSetup(): Promise<void> {
  if (process.env.CONSOLE_PREBUILT !== '1') {
    execFileSync(process.execPath, ['test/support/build-dist.cjs'], { cwd: ROOT, stdio: 'inherit' });
    // jest sets NODE_ENV=test, which would make Vite bundle React's development build
    execFileSync('npm', ['run', '--silent', 'build:admin'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  // the run's one Chromium, started while the product starts (support/browser.ts connects to it)
  const browser = chromium.launchServer(LAUNCH);
  browser.catch(() => undefined); // awaited below, after the product started
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ce-console-'));
  const port = await freePort();
  const started = startProduct(
    {
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      CONSOLE_DIR: path.join(ROOT, 'admin/dist'),
    },
    [],
  );
  await waitFor(started, 'Press Ctrl-C to stop.', 240000);
  process.env.CONSOLE_URL = `http://127.0.0.1:${port}`;
  process.env.CONSOLE_DATA_DIR = dataDir;
  const server = await browser;
  process.env.CONSOLE_BROWSER_WS = server.wsEndpoint();
  (globalThis as { __consoleProduct?: ConsoleProduct }).__consoleProduct = { started, dataDir, browser: server };
}

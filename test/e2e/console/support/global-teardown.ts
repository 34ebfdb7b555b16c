// Closes the run's Chromium, stops the browser tests' product (Ctrl-C, as a user
// would) and removes its data folder.
import { rm } from 'node:fs/promises';
import type { ConsoleProduct } from './global-setup';

export default async function consoleGlobalTeardown(): Promise<void> {
  const product = (globalThis as { __consoleProduct?: ConsoleProduct }).__consoleProduct;
  if (!product) return;
  await product.browser.close().catch(() => undefined);
  const { child, exited } = product.started;
  if (child.exitCode === null) {
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
    await exited;
    clearTimeout(timer);
  }
  await rm(product.dataDir, { recursive: true, force: true });
}

import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import type { TestGlobals } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as TestGlobals).__ceTestEmbedded;
  if (embedded) {
    await embedded.embedded.stop();
    await rm(embedded.dataDir, { recursive: true, force: true });
  }
  const drop = (globalThis as TestGlobals).__ceTestDrop;
  if (drop) {
    const admin = new Client({ connectionString: drop.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${drop.name}" WITH (FORCE)`);
    await admin.end();
  }
}

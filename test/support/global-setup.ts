// One PostgreSQL for the whole run: the embedded one in a temporary folder, or
// a fresh database on the server named by DATABASE_URL (dropped afterwards).
// Migrations and the modules' start steps (the working-day calendar) run once here; each
// test file opens its own connections.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabases } from '../../server/platform/database';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../../server/platform/embedded-postgres';
import { createLogger } from '../../server/platform/logger';
import { allMigrations, runStartSteps } from '../../server/app/registry';
import { freePort } from './free-port';

export { freePort };

/** What global setup leaves on globalThis for global teardown (jest runs both in one process). */
export interface TestGlobals {
  __ceTestEmbedded?: { embedded: EmbeddedDatabase; dataDir: string };
  __ceTestDrop?: { adminUrl: string; name: string };
}

export default async function globalSetup(): Promise<void> {
  const logger = createLogger('warn');
  let url: string;
  if (process.env.DATABASE_URL) {
    const base = new URL(process.env.DATABASE_URL);
    const name = `ce_test_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    base.pathname = `/${name}`;
    url = base.toString();
    (globalThis as TestGlobals).__ceTestDrop = { adminUrl: process.env.DATABASE_URL, name };
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ce-test-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'ce_test', logger, durable: false });
    url = embedded.url;
    (globalThis as TestGlobals).__ceTestEmbedded = { embedded, dataDir };
  }
  const dbs = await openDatabases({ ownerUrl: url, poolSize: 1, migrations: allMigrations() });
  await runStartSteps(dbs.owner, logger);
  await dbs.close();
  process.env.TEST_DATABASE_URL = url;
}

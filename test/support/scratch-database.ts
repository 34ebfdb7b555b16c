// A database of a test's own on the test server, migrated as global setup migrates the shared
// one, for tests whose work reaches every tenant of a database (the scheduled reminder runs).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { allMigrations, runStartSteps } from '../../server/app/registry';
import { openDatabases } from '../../server/platform/database';
import { createLogger } from '../../server/platform/logger';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(sql).finally(() => admin.end());
}

export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `ce_scratch_${randomBytes(4).toString('hex')}`;
  await asAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dbs = await openDatabases({ ownerUrl: url.toString(), poolSize: 1, migrations: allMigrations() });
  await runStartSteps(dbs.owner, createLogger('warn'));
  await dbs.close();
  return { url: url.toString(), drop: () => asAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

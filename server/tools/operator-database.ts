// What the operator's tools (generate, tenant:export, tenant:import) share: the owner's
// database (DATABASE_URL, or the product's embedded one — stop the server first), migrated
// as the product would at start, and the evidence store the configuration names.
import type { Config } from '../platform/config';
import { loadConfig } from '../platform/config';
import { openDatabases } from '../platform/database';
import { startEmbeddedPostgres } from '../platform/embedded-postgres';
import { createLogger } from '../platform/logger';
import type { ObjectStorage } from '../platform/storage';
import { evidenceStorage } from '../evidence/evidence.module';
import { allMigrations } from '../app/registry';

export interface OperatorDatabase {
  config: Config;
  ownerUrl: string;
  storage: ObjectStorage;
}

/** Runs `work` with the owner's URL and the evidence store; the embedded database, if started here, is stopped after. */
export async function withOperatorDatabase<T>(work: (db: OperatorDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger('warn');
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, database: 'ce', logger });
  const ownerUrl = config.DATABASE_URL ?? embedded!.url;
  try {
    const dbs = await openDatabases({ ownerUrl, poolSize: 1, migrations: allMigrations() });
    await dbs.close();
    return await work({ config, ownerUrl, storage: evidenceStorage(config) });
  } finally {
    await embedded?.stop();
  }
}

/** A tool's last word on failure: the message only (the tools' errors are written for the operator). */
export function failWith(tool: string): (error: unknown) => void {
  return (error) => {
    process.stderr.write(`${tool} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  };
}

// npm run retention -- [--dry-run] [--tenant <code>]
// Runs data retention now (as the daily job does): every active tenant, or the one named. A dry
// run counts what would go and removes nothing. Uses DATABASE_URL, or the product's embedded
// database (stop the server first).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { allMigrations, createServices } from '../app/registry';
import { loadConfig } from '../platform/config';
import { openDatabases } from '../platform/database';
import { startEmbeddedPostgres } from '../platform/embedded-postgres';
import { createLogger } from '../platform/logger';

async function main() {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false }, tenant: { type: 'string' } } });
  const config = loadConfig();
  const logger = createLogger('warn');
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, database: 'ce', logger });
  try {
    const dbs = await openDatabases({ ownerUrl: config.DATABASE_URL ?? embedded!.url, poolSize: 2, migrations: allMigrations() });
    try {
      // the services of a server process; the token secret is never used here
      const { retention } = createServices({ runtime: dbs.runtime, config, jwtSecret: randomBytes(32).toString('hex'), logger });
      const tenants = values.tenant ? [await retention.tenantByCode(values.tenant)] : await retention.activeTenants();
      if (tenants[0] === null) throw new Error(`no tenant ${values.tenant}`);
      for (const tenant of tenants) {
        const s = await retention.runTenant(tenant!.id, logger, { dryRun: values['dry-run'] });
        process.stdout.write(
          `${tenant!.code}: keeps ${s.keptYears} years (${s.beforeYear} on); ${s.dryRun ? 'would remove' : 'removed'} ` +
            `${s.declarations} declarations, ${s.decisions} decisions, ${s.files} files (${s.bytes} bytes)` +
            (s.dryRun ? '\n' : `; ${s.objectsDeleted} stored files deleted\n`),
        );
      }
    } finally {
      await dbs.close();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`retention failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

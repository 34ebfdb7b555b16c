// npm run generate -- --tenant <code> --count <N> [--seed <n>]
// Uses DATABASE_URL, or the product's embedded database (stop the server first).
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config';
import { openDatabases } from '../platform/database';
import { startEmbeddedPostgres } from '../platform/embedded-postgres';
import { createLogger } from '../platform/logger';
import { generateProfessionals } from './generator';
import { allMigrations } from '../app/registry';

async function main() {
  const { values } = parseArgs({
    options: { tenant: { type: 'string', default: 'generated' }, count: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } },
  });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 20_000_000) throw new Error('--count must be an integer between 1 and 20000000');
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(values.tenant)) throw new Error('--tenant must be a tenant code such as bench');
  const config = loadConfig();
  const logger = createLogger('warn');
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, database: 'ce', logger });
  const ownerUrl = config.DATABASE_URL ?? embedded!.url;
  try {
    const dbs = await openDatabases({ ownerUrl, poolSize: 1, migrations: allMigrations() });
    await dbs.close();
    let shown = 0;
    const result = await generateProfessionals({
      ownerUrl,
      tenantCode: values.tenant,
      count,
      seed: Number(values.seed),
      onProgress: (done) => {
        if (done - shown >= 100_000) {
          shown = done;
          process.stdout.write(`  ${done} rows\n`);
        }
      },
    });
    process.stdout.write(
      `generated ${result.rows} professionals in tenant ${values.tenant} (${result.departments} departments, ${result.units} units) ` +
        `in ${result.seconds.toFixed(1)} s: ${Math.round(result.rowsPerSecond)} rows/s\n`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`generate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

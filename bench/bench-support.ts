// What the benchmarks share: a throw-away database (a new database on
// DATABASE_URL's server, or an embedded cluster in its own folder), a server
// on it, signed-in officials, and the statistics they print.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../server/accounts/passwords';
import { RunningServer, startServer } from '../server/app/server';
import { Config, loadConfig } from '../server/platform/config';
import { allMigrations, runStartSteps } from '../server/app/registry';
import { openDatabases } from '../server/platform/database';
import { startEmbeddedPostgres } from '../server/platform/embedded-postgres';
import { createLogger } from '../server/platform/logger';
import type { Logger } from '../server/platform/logger';
import { queryOne, queryRows, type Queryable } from '../server/platform/sql';

export interface ScratchDatabase {
  ownerUrl: string;
  drop(): Promise<void>;
}

/** `postgresFlags` go to an embedded cluster only (a DATABASE_URL server is configured by its owner). */
export async function scratchDatabase(config: Config, logger: Logger, name: string, portOffset: number, postgresFlags: readonly string[] = []): Promise<ScratchDatabase> {
  if (config.DATABASE_URL) {
    const adminUrl = config.DATABASE_URL;
    const database = `ce_${name}_${randomBytes(3).toString('hex')}`;
    const run = async (sql: string) => {
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(sql);
      } finally {
        await admin.end();
      }
    };
    await run(`CREATE DATABASE "${database}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    return { ownerUrl: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`) };
  }
  const dataDir = path.join(config.DATA_DIR, name);
  await rm(dataDir, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT + portOffset, database: 'bench', logger, extraFlags: postgresFlags });
  return {
    ownerUrl: embedded.url,
    async drop() {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A bench's start: config, a quiet logger, a migrated scratch database (with the start steps' data) and its owner and runtime pools. */
export async function openBench(name: string, portOffset: number, postgresFlags: readonly string[] = []) {
  const logger = createLogger('warn');
  const config = loadConfig();
  const scratch = await scratchDatabase(config, logger, name, portOffset, postgresFlags);
  const dbs = await openDatabases({ ownerUrl: scratch.ownerUrl, poolSize: 4, migrations: allMigrations() });
  await runStartSteps(dbs.owner, logger);
  return { config, logger, scratch, ownerUrl: scratch.ownerUrl, dbs };
}

/** A line of the bench's report. */
export const out = (s: string): void => void process.stdout.write(s + '\n');

/** The sample at `index(n)` of the n sorted samples; there must be one. */
function nth(xs: number[], index: (n: number) => number): number {
  const x = [...xs].sort((a, b) => a - b)[index(xs.length)];
  if (x === undefined) throw new Error('no samples');
  return x;
}

export const median = (xs: number[]): number => nth(xs, (n) => Math.floor(n / 2));
export const p95 = (xs: number[]): number => nth(xs, (n) => Math.ceil(n * 0.95) - 1);

/** The first row of a query the benchmark knows answers one. */
export async function requireRow<Row>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<Row> {
  const row = await queryOne<Row>(db, sql, params);
  if (!row) throw new Error(`no row from: ${sql}`);
  return row;
}

export async function postgresVersion(db: Queryable): Promise<string> {
  return (await requireRow<{ server_version: string }>(db, 'SHOW server_version')).server_version;
}

/** A GraphQL answer over HTTP, with the data shape the benchmark's query fixes. */
export interface GraphqlResponse<Data> {
  data: Data;
  errors?: unknown[];
}

export function startBenchServer(runtime: DataSource, logger: Logger, env: Record<string, string> = {}): Promise<RunningServer> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ...env });
  return startServer({ config, runtime, logger, jwtSecret: randomBytes(32).toString('hex') });
}

/** An official account (random password) at a node, and a token for it. */
export async function benchOfficialToken(
  owner: DataSource,
  server: RunningServer,
  a: { tenantId: string; username: string; role: 'BUREAU_OFFICIAL' | 'DEPARTMENT_OFFICIAL' | 'UNIT_OFFICIAL'; orgNodeId: string },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    owner,
    `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, password_hash, status)
     VALUES ($1, $2, '压测', $3, $4, $5, 'ACTIVE') RETURNING id`,
    [a.tenantId, a.username, a.role, a.orgNodeId, await hashPassword(randomBytes(12).toString('hex'))],
  );
  if (!row) throw new Error('account not created');
  return (await server.tokens.issue({ sub: row.id, kind: 'account', tid: a.tenantId })).token;
}

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
import { startEmbeddedPostgres } from '../server/platform/embedded-postgres';
import type { Logger } from '../server/platform/logger';

export interface ScratchDatabase {
  ownerUrl: string;
  drop(): Promise<void>;
}

export async function scratchDatabase(config: Config, logger: Logger, name: string, portOffset: number): Promise<ScratchDatabase> {
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
  const embedded = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT + portOffset, database: 'bench', logger });
  return {
    ownerUrl: embedded.url,
    async drop() {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1];

export function startBenchServer(runtime: DataSource, logger: Logger): Promise<RunningServer> {
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent' });
  return startServer({ config, runtime, logger, jwtSecret: randomBytes(32).toString('hex') });
}

/** An official account (random password) at a node, and a token for it. */
export async function benchOfficialToken(
  owner: DataSource,
  server: RunningServer,
  a: { tenantId: string; username: string; role: 'BUREAU_OFFICIAL' | 'DEPARTMENT_OFFICIAL'; orgNodeId: string },
): Promise<string> {
  const [row] = await owner.query(
    `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, password_hash, status)
     VALUES ($1, $2, '压测', $3, $4, $5, 'ACTIVE') RETURNING id`,
    [a.tenantId, a.username, a.role, a.orgNodeId, await hashPassword(randomBytes(12).toString('hex'))],
  );
  return (await server.tokens.issue({ sub: row.id, kind: 'account', tid: a.tenantId })).token;
}

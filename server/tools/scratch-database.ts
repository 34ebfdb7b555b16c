// A throw-away database for benchmarks: a new database on DATABASE_URL's
// server, or an embedded cluster in its own folder; dropped afterwards.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import type { Config } from '../platform/config';
import { startEmbeddedPostgres } from '../platform/embedded-postgres';
import type { Logger } from '../platform/logger';

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

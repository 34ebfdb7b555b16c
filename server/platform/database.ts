// Two connections to one database: the owner runs migrations and seeds; the
// runtime role, which owns nothing and is subject to row-level security,
// serves every request.
import { createHmac } from 'node:crypto';
import type { ClientConfig } from 'pg';
import { DataSource, EntityManager, MigrationInterface } from 'typeorm';
import type { PostgresConnectionCredentialsOptions } from 'typeorm/driver/postgres/PostgresConnectionCredentialsOptions';

export type MigrationClass = new () => MigrationInterface;

export interface Databases {
  owner: DataSource;
  runtime: DataSource;
  close(): Promise<void>;
}

function dataSource(url: string, poolSize: number, migrations: MigrationClass[]): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    // repositories speak SQL (set-based, keyset, under RLS); no entity metadata
    entities: [],
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'ce-platform' },
  });
}

/** The login role for this database: one per database, member of ce_runtime. */
function runtimeRoleName(database: string): string {
  return `${database.replace(/[^a-zA-Z0-9_]/g, '_').toLowerCase()}_app`.slice(0, 60);
}

/** Stable, secret, and never stored: derived from the owner's credentials. */
function runtimePassword(ownerUrl: string): string {
  return createHmac('sha256', ownerUrl).update('ce-runtime-role').digest('hex');
}

async function ensureRuntimeRole(owner: DataSource, ownerUrl: string): Promise<string> {
  const database = new URL(ownerUrl).pathname.slice(1);
  const role = runtimeRoleName(database);
  const password = runtimePassword(ownerUrl);
  await owner.transaction(async (em: EntityManager) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('ce-runtime-role'))`);
    await em.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
          CREATE ROLE "${role}" LOGIN;
        END IF;
      END $$`);
    await em.query(
      `ALTER ROLE "${role}" WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT PASSWORD '${password}'`,
    );
    await em.query(`GRANT ce_runtime TO "${role}"`);
    await em.query(`GRANT CONNECT ON DATABASE "${database}" TO "${role}"`);
  });
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

export async function openDatabases(options: {
  ownerUrl: string;
  runtimeUrl?: string;
  poolSize: number;
  /** the ordered migration history, run when given */
  migrations?: MigrationClass[];
}): Promise<Databases> {
  const owner = dataSource(options.ownerUrl, 2, options.migrations ?? []);
  await owner.initialize();
  try {
    if (options.migrations?.length) await owner.runMigrations({ transaction: 'each' });
    const runtimeUrl = options.runtimeUrl ?? (await ensureRuntimeRole(owner, options.ownerUrl));
    const runtime = dataSource(runtimeUrl, options.poolSize, []);
    await runtime.initialize();
    return {
      owner,
      runtime,
      async close() {
        await runtime.destroy();
        await owner.destroy();
      },
    };
  } catch (error) {
    await owner.destroy();
    throw error;
  }
}

/** How `ds` reaches its database, for a dedicated `pg` connection of the same role (the invalidation listener). */
export function connectionConfig(ds: DataSource): ClientConfig {
  const o = ds.options as PostgresConnectionCredentialsOptions;
  if (o.url) return { connectionString: o.url };
  return { host: o.host, port: o.port, user: o.username, password: o.password, database: o.database };
}

/** Readiness: can the runtime role reach the database? */
export async function isReachable(runtime: DataSource): Promise<boolean> {
  try {
    await runtime.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** Liveness: does the database answer `SELECT 1` within `timeoutMs`? Never waits longer. */
export async function isHealthy(runtime: DataSource, timeoutMs = 1500): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([isReachable(runtime), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

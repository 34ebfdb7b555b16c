// A running server on the test database, and a GraphQL client for it.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { startServer, RunningServer } from '../../server/app/server';
import { loadConfig } from '../../server/platform/config';
import { Databases, openDatabases } from '../../server/platform/database';
import { createLogger } from '../../server/platform/logger';

/**
 * The data of a response when a test names no type for it: the query text
 * fixes its shape, and the test's assertions check it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the query text, not a TypeScript type, fixes the shape
export type QueryData = any;

export interface GqlError {
  message: string;
  extensions?: { code?: string; field?: string };
}

export interface GqlResult<T = QueryData> {
  status: number;
  data: T;
  errors?: GqlError[];
}

export interface TestApp {
  url: string;
  server: RunningServer;
  owner: DataSource;
  runtime: DataSource;
  /** Where uploaded evidence files are kept: a temporary folder of this app, removed by `close`, unless EVIDENCE_DIR was given. */
  evidenceDir: string;
  /** Sends a GraphQL request; `auth` is a bearer token or `{ apiKey }`. */
  gql<T = QueryData>(query: string, variables?: object, auth?: string | { apiKey: string }): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/**
 * `jwtSecret`: for tests that sign their own tokens; random otherwise. `env.DATABASE_URL`: a
 * database of the test's own (migrated), instead of the run's.
 */
export async function startTestApp(env: Record<string, string> = {}, logLines?: string[], jwtSecret = randomBytes(32).toString('hex')): Promise<TestApp> {
  const url = env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through jest (globalSetup)');
  const ownEvidenceDir = env.EVIDENCE_DIR ? null : mkdtempSync(path.join(tmpdir(), 'ce-evidence-'));
  // the scheduled jobs (reminders) only where a test asks for them, even with NODE_ENV=production
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', EVIDENCE_DIR: ownEvidenceDir ?? '', REMINDER_JOBS: 'false', ...env });
  const dbs: Databases = await openDatabases({ ownerUrl: url, poolSize: 5 });
  const server = await startServer({ config, runtime: dbs.runtime, logger: logLines ? createLogger('debug', { write: (line: string) => void logLines.push(line) }) : createLogger('silent'), jwtSecret });
  return {
    url: server.url,
    server,
    owner: dbs.owner,
    runtime: dbs.runtime,
    evidenceDir: config.EVIDENCE_DIR,
    async gql(query, variables = {}, auth) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (typeof auth === 'string') headers.authorization = `Bearer ${auth}`;
      else if (auth) headers['x-api-key'] = auth.apiKey;
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data: QueryData; errors?: GqlError[] };
      return { status: res.status, data: body.data, errors: body.errors };
    },
    async close() {
      await server.stop();
      await dbs.close();
      if (ownEvidenceDir) rmSync(ownEvidenceDir, { recursive: true, force: true });
    },
  };
}

/** The error codes of a result, for compact assertions. */
export function codes(result: GqlResult): string[] {
  return (result.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
}

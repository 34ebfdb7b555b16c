// Configuration from environment variables, validated once at start. A bad
// variable stops the process with a message naming it.
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Owner connection (runs migrations). Without it an embedded PostgreSQL is started. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** Runtime connection (a role that does not own the tables). Derived when absent. */
  APP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /**
   * A streaming standby of the primary (docs/OPERATIONS.md, "Read replica") for the heavy reads:
   * batch eligibility, statistics, exports, the policy impact preview. Without a user of its own,
   * the runtime role's user and password are used (the standby is a copy with the same roles).
   */
  READ_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /** The most the replica may lag behind the primary for a heavy read to go there; beyond it the primary serves. */
  READ_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).max(3600000).default(5000),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Folder of tenant policy files (the initial revision of each tenant's policy). */
  POLICY_DIR: z.string().min(1).default('tenants'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * V8 grows the heap to (1 + this / 100) × the live data before collecting the old generation
   * (server/platform/heap-growth.ts); 0 keeps V8's default (up to 4×).
   */
  HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(400).default(60),
  /** HS256 signing secret; generated into DATA_DIR when absent (not allowed in production). */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
  SEED_DEMO: bool.optional(),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_BLOCK_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120000).default(10000),
  MAX_QUERY_COMPLEXITY: z.coerce.number().int().min(10).max(100000).default(5000),
  // Limits on one GraphQL operation, checked before it runs (server/app/query-limits.ts);
  // each refusal answers QUERY_TOO_COMPLEX. MAX_QUERY_DEPTH: nesting of fields (fragments
  // do not count as levels); MAX_QUERY_ALIASES: aliased fields (`__typename` aside);
  // MAX_QUERY_DIRECTIVES: directives used; MAX_QUERY_TOKENS: lexical tokens of the query
  // text (variables do not count, so large inputs such as a batch's applicants go there).
  MAX_QUERY_DEPTH: z.coerce.number().int().min(3).max(100).default(12),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(0).max(1000).default(30),
  MAX_QUERY_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(50),
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).max(1000000).default(5000),
  /**
   * People judged by one completion-statistics request at most (each is read and run through
   * the engine); beyond it the answer says it covers only the part scanned.
   */
  STATISTICS_MAX_PEOPLE: z.coerce.number().int().min(1).max(1000000).default(20000),
  /**
   * People one policyImpact request judges at most (twice each: current policy and draft); a
   * tenant with more gets an answer over the first that many, marked incomplete.
   */
  POLICY_IMPACT_MAX_PEOPLE: z.coerce.number().int().min(1).max(1000000).default(20000),
  // Excel exports (POST /exports/<kind>.xlsx): rows one export may hold at most (a larger
  // one is refused before any work, naming the count), exports one account may start per
  // window (counted in PostgreSQL before the work, shared by every server process), and the
  // longest any one statement of an export may run (also how long a client may read nothing).
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1000000).default(200000),
  EXPORT_RATE_LIMIT: z.coerce.number().int().min(1).max(10000).default(20),
  EXPORT_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(3600),
  EXPORT_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(30000),
  /** Exports one server process streams at once (each holds a database connection throughout). */
  EXPORT_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(2),
  /** Answer introspection queries (__schema, __type). Default: on, except in production. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  /** "Did you mean …" suggestions in validation errors. Default: on, except in production. */
  GRAPHQL_FIELD_SUGGESTIONS: bool.optional(),
  /** The built console (`npm run build:admin`), served at /admin/. */
  CONSOLE_DIR: z.string().min(1).default('admin/dist'),
  /** Serve the GraphQL explorer at /explorer. Default: on, except in production. */
  EXPLORER: bool.optional(),
  // Uploaded evidence files (POST /uploads): where they are kept, how large one may be, and
  // how many one account may upload in a day (China time). `local` keeps them in EVIDENCE_DIR
  // (default DATA_DIR/evidence); `s3` in the bucket of an S3-compatible store.
  EVIDENCE_STORE: z.enum(['local', 's3']).default('local'),
  EVIDENCE_DIR: z.string().min(1).optional(),
  EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).max(1 << 30).default(10 * 1024 * 1024),
  EVIDENCE_DAILY_UPLOADS: z.coerce.number().int().min(1).max(100000).default(200),
  // Staff import (POST /staff-imports): the largest spreadsheet (refused with 413 while it
  // streams in), the data rows one file may hold, and the files one account may upload in a
  // day (China time), counted before a file is read.
  STAFF_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(1 << 30).default(20 * 1024 * 1024),
  STAFF_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1000000).default(100000),
  STAFF_IMPORT_DAILY_UPLOADS: z.coerce.number().int().min(1).max(100000).default(50),
  /** The store's URL (MinIO, Ceph, …); without it, AWS S3 of S3_REGION. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3–63 lowercase letters, digits, dots and hyphens')
    .optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a region name such as us-east-1').optional(),
  /** Both or neither: without them the SDK's own chain (environment, instance role) is used. */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible servers need. Default: on with S3_ENDPOINT. */
  S3_FORCE_PATH_STYLE: bool.optional(),
  /**
   * Where the public reaches this server (`https://ce.example.gov.cn`): certificates' QR codes
   * point at `<PUBLIC_BASE_URL>/verify/<code>`. Unset: the address the download was asked on.
   */
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** Look-ups of the public certificate verification page one address may make a minute. */
  /** Failed API-key authentications one client address may make per minute, per process (api-clients/api-key-failures.ts). */
  API_KEY_MAX_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(30),
  VERIFY_MAX_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(30),
  /**
   * Self-registration (docs/REGISTRATION.md): sign-ups (professionals' and organisations')
   * one client address may send to one tenant an hour, and one tenant may receive an hour
   * from all addresses; counted in PostgreSQL before any work.
   */
  REGISTRATION_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(10000).default(10),
  REGISTRATION_MAX_PER_TENANT: z.coerce.number().int().min(1).max(1000000).default(1000),
  // Deadline reminders (docs/REMINDERS.md). E-mail goes out through the SMTP server SMTP_HOST;
  // without it e-mail is off and the in-app notifications are still made. SMTP_SECURE: TLS from
  // the first byte (port 465); otherwise STARTTLS whenever the server offers it.
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: bool.optional(),
  /** Both or neither: without them the server is used without authentication. */
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** The sender, e.g. `继续教育平台 <noreply@example.cn>`; required with SMTP_HOST. */
  SMTP_FROM: z.string().min(3).max(200).optional(),
  /** Run the reminder jobs (pg-boss, in PostgreSQL) in this process. Default: on, except NODE_ENV=test. */
  REMINDER_JOBS: bool.optional(),
  /** When the daily reminder run starts: a five-field cron expression in China time. */
  REMINDER_CRON: z
    .string()
    .regex(/^[0-9*,/-]+( [0-9*,/-]+){4}$/, 'must be a five-field cron expression such as "0 9 * * *"')
    .default('0 9 * * *'),
  // Metrics in Prometheus's format at /metrics (docs/OPERATIONS.md, "Metrics"); off unless one
  // of these is set. METRICS_PORT: served on a port of its own (on METRICS_HOST, loopback by
  // default), never on PORT; METRICS_TOKEN: a scraper must send `Authorization: Bearer <token>`
  // (on PORT when METRICS_PORT is unset, and on METRICS_PORT too when both are set).
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Run the data-retention job (pg-boss) in this process. Default: on, except NODE_ENV=test. */
  RETENTION_JOBS: bool.optional(),
  /** When the daily retention run starts: a five-field cron expression in China time. */
  RETENTION_CRON: z
    .string()
    .regex(/^[0-9*,/-]+( [0-9*,/-]+){4}$/, 'must be a five-field cron expression such as "30 2 * * *"')
    .default('30 2 * * *'),
});

/** Settings that default to on outside production and off in it. */
const DEVELOPER_FEATURES = ['GRAPHQL_INTROSPECTION', 'GRAPHQL_FIELD_SUGGESTIONS', 'EXPLORER'] as const;
type DeveloperFeature = (typeof DEVELOPER_FEATURES)[number];

export type Config = Omit<z.infer<typeof schema>, DeveloperFeature | 'EVIDENCE_DIR' | 'S3_FORCE_PATH_STYLE' | 'REMINDER_JOBS' | 'RETENTION_JOBS'> &
  Record<DeveloperFeature, boolean> & {
    EVIDENCE_DIR: string;
    S3_FORCE_PATH_STYLE: boolean;
    REMINDER_JOBS: boolean;
    RETENTION_JOBS: boolean;
  };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // an empty variable counts as unset (e.g. `DATABASE_URL=` in a compose file)
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const parsed = result.data;
  const production = parsed.NODE_ENV === 'production';
  const config: Config = {
    ...parsed,
    ...(Object.fromEntries(DEVELOPER_FEATURES.map((key) => [key, parsed[key] ?? !production])) as Record<DeveloperFeature, boolean>),
    EVIDENCE_DIR: parsed.EVIDENCE_DIR ?? path.join(parsed.DATA_DIR, 'evidence'),
    S3_FORCE_PATH_STYLE: parsed.S3_FORCE_PATH_STYLE ?? parsed.S3_ENDPOINT !== undefined,
    REMINDER_JOBS: parsed.REMINDER_JOBS ?? parsed.NODE_ENV !== 'test',
    RETENTION_JOBS: parsed.RETENTION_JOBS ?? parsed.NODE_ENV !== 'test',
  };
  const problems = [...(config.EVIDENCE_STORE === 's3' ? s3SettingProblems(config) : []), ...smtpSettingProblems(config)];
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  if (config.EXPORT_CONCURRENCY >= config.DB_POOL_SIZE) {
    // an export holds a connection throughout and briefly takes a second (its rate limit)
    throw new ConfigError('Invalid configuration:\n  EXPORT_CONCURRENCY: must be below DB_POOL_SIZE');
  }
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT !== 0 && config.METRICS_PORT === config.PORT) {
    throw new ConfigError('Invalid configuration:\n  METRICS_PORT: must differ from PORT (the metrics are not public)');
  }
  if (config.NODE_ENV === 'production') {
    if (!config.JWT_SECRET) throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required in production');
    if (!config.DATABASE_URL) throw new ConfigError('Invalid configuration:\n  DATABASE_URL: required in production');
  }
  return config;
}

/** What the SMTP settings need besides the variables' own formats. */
function smtpSettingProblems(config: Config): string[] {
  const problems: string[] = [];
  if (config.SMTP_HOST && !config.SMTP_FROM) problems.push('SMTP_FROM: required when SMTP_HOST is set');
  if (!config.SMTP_USER !== !config.SMTP_PASSWORD) problems.push('SMTP_USER, SMTP_PASSWORD: set both or neither');
  return problems;
}

/** What EVIDENCE_STORE=s3 needs besides the variables' own formats. */
function s3SettingProblems(config: Config): string[] {
  const problems: string[] = [];
  if (!config.S3_BUCKET) problems.push('S3_BUCKET: required when EVIDENCE_STORE=s3');
  if (!config.S3_REGION) problems.push('S3_REGION: required when EVIDENCE_STORE=s3');
  if (!config.S3_ACCESS_KEY_ID !== !config.S3_SECRET_ACCESS_KEY) {
    problems.push('S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither');
  }
  return problems;
}

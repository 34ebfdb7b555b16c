// Configuration from environment variables, validated once at start. A bad
// variable stops the process with a message naming it.
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
  DATA_DIR: z.string().min(1).default('.data'),
  /** Folder of tenant policy files (the initial revision of each tenant's policy). */
  POLICY_DIR: z.string().min(1).default('tenants'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
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
  /** Answer introspection queries (__schema, __type). Default: on, except in production. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  /** "Did you mean …" suggestions in validation errors. Default: on, except in production. */
  GRAPHQL_FIELD_SUGGESTIONS: bool.optional(),
  /** Serve the GraphQL explorer at /explorer. Default: on, except in production. */
  EXPLORER: bool.optional(),
});

/** Settings that default to on outside production and off in it. */
const DEVELOPER_FEATURES = ['GRAPHQL_INTROSPECTION', 'GRAPHQL_FIELD_SUGGESTIONS', 'EXPLORER'] as const;
type DeveloperFeature = (typeof DEVELOPER_FEATURES)[number];

export type Config = Omit<z.infer<typeof schema>, DeveloperFeature> & Record<DeveloperFeature, boolean>;

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
  };
  if (config.NODE_ENV === 'production') {
    if (!config.JWT_SECRET) throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required in production');
    if (!config.DATABASE_URL) throw new ConfigError('Invalid configuration:\n  DATABASE_URL: required in production');
  }
  return config;
}

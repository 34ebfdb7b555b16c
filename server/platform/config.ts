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
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // an empty variable counts as unset (e.g. `DATABASE_URL=` in a compose file)
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  if (config.NODE_ENV === 'production') {
    if (!config.JWT_SECRET) throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required in production');
    if (!config.DATABASE_URL) throw new ConfigError('Invalid configuration:\n  DATABASE_URL: required in production');
  }
  return config;
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in limits, shared by every server process: the table of
 * rate-limiter-flexible's RateLimiterPostgres (key, points, expire in epoch
 * milliseconds), created here so the runtime role needs no CREATE right.
 * Not tenant-owned data (no tenant_id, no row-level security): the keys
 * carry the tenant's code, so tenants never share a counter.
 */
export class SignInLimits1732600000000 implements MigrationInterface {
  name = 'SignInLimits1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
      CREATE INDEX sign_in_limit_by_expiry ON sign_in_limit (expire);
      GRANT SELECT, INSERT, UPDATE, DELETE ON sign_in_limit TO ce_runtime;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sign_in_limit`);
  }
}

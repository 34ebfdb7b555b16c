import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The export rate limit, shared by every server process: the table of
 * rate-limiter-flexible's RateLimiterPostgres (key, points, expire in epoch
 * milliseconds), created here so the runtime role needs no CREATE right. Like
 * sign_in_limit it is not tenant-owned data (no tenant_id, no row-level
 * security): every key carries the tenant's id and the account's, so tenants
 * and accounts never share a counter.
 */
export class ExportLimits1733720000000 implements MigrationInterface {
  name = 'ExportLimits1733720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE export_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
      CREATE INDEX export_limit_by_expiry ON export_limit (expire);
      GRANT SELECT, INSERT, UPDATE, DELETE ON export_limit TO ce_runtime;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS export_limit`);
  }
}

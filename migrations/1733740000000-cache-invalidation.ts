import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cache invalidation (issue 14): the rows server processes cache announce their changes on the
 * channel `ce_invalidate` (platform/invalidation.ts LISTENs), as `{"topic", "tenantId", "id"}`.
 * `pg_notify` runs inside the writing transaction, so the message is delivered only when, and as
 * soon as, it commits (and not at all on rollback); identical messages of one transaction are
 * delivered once. The topics:
 * - `api_client` (id: the key id), any change except a recorded use (`last_used_at` alone);
 * - `policy_revision` (id: the revision number), a published revision;
 * - `tenant` (id: the tenant id), a suspension or resumption (any change of the row).
 * An update that moves a row to another key announces both the old and the new one. Only ids
 * travel: any role that may connect can LISTEN, and a forged message can only empty a cache.
 */
export class CacheInvalidation1733740000000 implements MigrationInterface {
  name = 'CacheInvalidation1733740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- arguments: topic, tenant column, id column, and optionally the columns whose change alone is not announced
      CREATE FUNCTION app_notify_invalidation() RETURNS trigger LANGUAGE plpgsql AS $f$
      DECLARE
        topic text := TG_ARGV[0];
        tenant_col text := TG_ARGV[1];
        id_col text := TG_ARGV[2];
        ignored text[] := coalesce(TG_ARGV[3], '{}')::text[];
        old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
        new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
      BEGIN
        IF TG_OP = 'UPDATE' AND (old_row - ignored) = (new_row - ignored) THEN
          RETURN NULL;
        END IF;
        IF old_row IS NOT NULL THEN
          PERFORM pg_notify('ce_invalidate',
            json_build_object('topic', topic, 'tenantId', old_row ->> tenant_col, 'id', old_row ->> id_col)::text);
        END IF;
        IF new_row IS NOT NULL AND (old_row IS NULL
            OR (old_row ->> tenant_col, old_row ->> id_col) IS DISTINCT FROM (new_row ->> tenant_col, new_row ->> id_col)) THEN
          PERFORM pg_notify('ce_invalidate',
            json_build_object('topic', topic, 'tenantId', new_row ->> tenant_col, 'id', new_row ->> id_col)::text);
        END IF;
        RETURN NULL;
      END $f$;

      CREATE TRIGGER api_client_invalidate AFTER INSERT OR UPDATE OR DELETE ON api_client
        FOR EACH ROW EXECUTE FUNCTION app_notify_invalidation('api_client', 'tenant_id', 'key_id', '{last_used_at}');
      CREATE TRIGGER policy_revision_invalidate AFTER INSERT OR UPDATE OR DELETE ON policy_revision
        FOR EACH ROW EXECUTE FUNCTION app_notify_invalidation('policy_revision', 'tenant_id', 'revision');
      CREATE TRIGGER tenant_invalidate AFTER INSERT OR UPDATE OR DELETE ON tenant
        FOR EACH ROW EXECUTE FUNCTION app_notify_invalidation('tenant', 'id', 'id');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER IF EXISTS tenant_invalidate ON tenant;
      DROP TRIGGER IF EXISTS policy_revision_invalidate ON policy_revision;
      DROP TRIGGER IF EXISTS api_client_invalidate ON api_client;
      DROP FUNCTION IF EXISTS app_notify_invalidation();
    `);
  }
}

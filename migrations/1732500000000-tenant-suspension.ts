import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenant suspension and API-key hygiene:
 * - a suspended tenant records when and why (the status column already exists);
 * - `app_tenant_status(id)` lets authentication, which runs outside any
 *   tenant, ask a tenant's status (and nothing else);
 * - API keys get an optional expiry; the key look-up returns it and the last
 *   use, and `app_api_client_touch` records a use at most once a minute.
 */
export class TenantSuspension1732500000000 implements MigrationInterface {
  name = 'TenantSuspension1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tenant
        ADD COLUMN suspended_at timestamptz,
        ADD COLUMN suspension_reason text CHECK (suspension_reason IS NULL OR length(suspension_reason) BETWEEN 1 AND 500);

      ALTER TABLE api_client ADD COLUMN expires_at timestamptz;

      CREATE FUNCTION app_tenant_status(p_id uuid) RETURNS text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $f$ SELECT t.status FROM tenant t WHERE t.id = p_id $f$;

      DROP FUNCTION app_api_client_by_key(text);
      CREATE FUNCTION app_api_client_by_key(p_key_id text)
        RETURNS TABLE (tenant_id uuid, id uuid, name text, secret_hash text, scopes text[], revoked_at timestamptz,
                       expires_at timestamptz, last_used_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $f$ SELECT c.tenant_id, c.id, c.name, c.secret_hash, c.scopes, c.revoked_at, c.expires_at, c.last_used_at
               FROM api_client c WHERE c.key_id = p_key_id $f$;

      CREATE FUNCTION app_api_client_touch(p_tenant_id uuid, p_id uuid) RETURNS void
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
        AS $f$ UPDATE api_client SET last_used_at = now()
               WHERE tenant_id = p_tenant_id AND id = p_id
                 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') $f$;

      REVOKE ALL ON FUNCTION app_tenant_status(uuid) FROM PUBLIC;
      REVOKE ALL ON FUNCTION app_api_client_by_key(text) FROM PUBLIC;
      REVOKE ALL ON FUNCTION app_api_client_touch(uuid, uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_tenant_status(uuid), app_api_client_by_key(text), app_api_client_touch(uuid, uuid) TO ce_runtime;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS app_api_client_touch(uuid, uuid), app_tenant_status(uuid);
      DROP FUNCTION IF EXISTS app_api_client_by_key(text);
      CREATE FUNCTION app_api_client_by_key(p_key_id text)
        RETURNS TABLE (tenant_id uuid, id uuid, name text, secret_hash text, scopes text[], revoked_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $f$ SELECT c.tenant_id, c.id, c.name, c.secret_hash, c.scopes, c.revoked_at
               FROM api_client c WHERE c.key_id = p_key_id $f$;
      REVOKE ALL ON FUNCTION app_api_client_by_key(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_api_client_by_key(text) TO ce_runtime;
      ALTER TABLE api_client DROP COLUMN IF EXISTS expires_at;
      ALTER TABLE tenant DROP COLUMN IF EXISTS suspension_reason, DROP COLUMN IF EXISTS suspended_at;
    `);
  }
}

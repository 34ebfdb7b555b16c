import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Foundation: tenants, organisation tree, professionals, accounts, activation
 * codes, API clients, the audit log, and the tenant wall (row-level security
 * under the `ce_runtime` group role, which owns nothing).
 */
export class Foundation1732300000000 implements MigrationInterface {
  name = 'Foundation1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ce_runtime') THEN
          CREATE ROLE ce_runtime NOLOGIN NOSUPERUSER NOBYPASSRLS;
        END IF;
      END $$;

      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO ce_runtime;

      -- The tenant of the current transaction; NULL when none is set. NULLIF
      -- because current_setting returns '' once the setting has been touched.
      CREATE FUNCTION app_current_tenant() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $f$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $f$;

      CREATE FUNCTION app_is_operator() RETURNS boolean
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $f$ SELECT coalesce(current_setting('app.operator', true), '') = 'on' $f$;

      CREATE TABLE tenant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9-]{1,30}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE org_node (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        node_no bigint GENERATED ALWAYS AS IDENTITY,
        parent_id uuid,
        kind text NOT NULL CHECK (kind IN ('BUREAU', 'DEPARTMENT', 'UNIT')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        code text CHECK (code IS NULL OR length(code) BETWEEN 1 AND 40),
        -- '/<node_no>/<node_no>/': a subtree is the range [path, path || '~')
        path text COLLATE "C" NOT NULL,
        depth int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, parent_id) REFERENCES org_node (tenant_id, id),
        CHECK ((kind = 'BUREAU') = (parent_id IS NULL))
      );
      CREATE UNIQUE INDEX org_node_one_bureau ON org_node (tenant_id) WHERE kind = 'BUREAU';
      CREATE UNIQUE INDEX org_node_path ON org_node (tenant_id, path);
      CREATE UNIQUE INDEX org_node_sibling_name ON org_node (tenant_id, parent_id, name);
      CREATE UNIQUE INDEX org_node_code ON org_node (tenant_id, code) WHERE code IS NOT NULL;

      CREATE FUNCTION org_node_set_path() RETURNS trigger LANGUAGE plpgsql AS $f$
      DECLARE parent_path text; parent_depth int;
      BEGIN
        IF NEW.parent_id IS NULL THEN
          NEW.path := '/' || NEW.node_no || '/';
          NEW.depth := 0;
        ELSE
          SELECT path, depth INTO parent_path, parent_depth
            FROM org_node WHERE tenant_id = NEW.tenant_id AND id = NEW.parent_id;
          IF parent_path IS NULL THEN
            RAISE EXCEPTION 'parent organisation not found' USING ERRCODE = '23503';
          END IF;
          NEW.path := parent_path || NEW.node_no || '/';
          NEW.depth := parent_depth + 1;
        END IF;
        RETURN NEW;
      END $f$;
      CREATE TRIGGER org_node_path BEFORE INSERT ON org_node
        FOR EACH ROW EXECUTE FUNCTION org_node_set_path();

      CREATE TABLE professional (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        id_number text NOT NULL CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        birth_date date NOT NULL,
        unit_id uuid NOT NULL,
        -- copy of the unit's org_node.path, so subtree filters are one index range
        unit_path text COLLATE "C" NOT NULL,
        title_level text NOT NULL CHECK (title_level IN ('NONE', 'JUNIOR', 'ASSISTANT', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR')),
        title_series text NOT NULL,
        phone text CHECK (phone IS NULL OR phone ~ '^1[3-9][0-9]{9}$'),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'LEFT', 'RETIRED')),
        joined_unit_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, unit_id) REFERENCES org_node (tenant_id, id)
      );
      CREATE UNIQUE INDEX professional_id_number ON professional (tenant_id, id_number);
      CREATE INDEX professional_by_path ON professional (tenant_id, unit_path, id);
      CREATE INDEX professional_by_level ON professional (tenant_id, title_level, unit_path, id);
      CREATE INDEX professional_by_series ON professional (tenant_id, title_series, unit_path, id);
      CREATE INDEX professional_by_name ON professional (tenant_id, name COLLATE "C", id);
      CREATE INDEX professional_by_unit ON professional (tenant_id, unit_id);

      CREATE TABLE account (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (length(username) BETWEEN 3 AND 64),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
        role text NOT NULL CHECK (role IN ('BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL', 'UNIT_OFFICIAL', 'PROFESSIONAL')),
        org_node_id uuid NOT NULL,
        professional_id uuid,
        password_hash text,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACTIVE', 'DISABLED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        last_sign_in_at timestamptz,
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, org_node_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
        CHECK ((role = 'PROFESSIONAL') = (professional_id IS NOT NULL)),
        CHECK ((status = 'ACTIVE') <= (password_hash IS NOT NULL))
      );
      CREATE UNIQUE INDEX account_username ON account (tenant_id, username);
      CREATE UNIQUE INDEX account_professional ON account (tenant_id, professional_id) WHERE professional_id IS NOT NULL;
      CREATE INDEX account_org_node ON account (tenant_id, org_node_id);

      CREATE TABLE activation_code (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        code_hash text NOT NULL,
        issued_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
      );
      CREATE INDEX activation_code_account ON activation_code (tenant_id, account_id, created_at DESC);

      CREATE TABLE api_client (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        key_id text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_used_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX api_client_created ON api_client (tenant_id, created_at DESC, id);

      CREATE TABLE audit_log (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL DEFAULT now(),
        request_id text,
        actor_kind text NOT NULL CHECK (actor_kind IN ('ACCOUNT', 'API_CLIENT', 'OPERATOR', 'SYSTEM')),
        actor_id uuid,
        actor_label text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity_type, entity_id, id);
      CREATE INDEX audit_log_actor ON audit_log (tenant_id, actor_id, id);

      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
      END $f$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

      CREATE TABLE platform_operator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (length(username) BETWEEN 3 AND 64),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz
      );

      -- Look-ups needed before a tenant is known (sign-in by tenant code, API
      -- keys). They reveal only what authentication needs.
      CREATE FUNCTION app_tenant_by_code(p_code text) RETURNS TABLE (id uuid, status text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $f$ SELECT t.id, t.status FROM tenant t WHERE t.code = p_code $f$;

      CREATE FUNCTION app_api_client_by_key(p_key_id text)
        RETURNS TABLE (tenant_id uuid, id uuid, name text, secret_hash text, scopes text[], revoked_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $f$ SELECT c.tenant_id, c.id, c.name, c.secret_hash, c.scopes, c.revoked_at
               FROM api_client c WHERE c.key_id = p_key_id $f$;

      REVOKE ALL ON FUNCTION app_tenant_by_code(text) FROM PUBLIC;
      REVOKE ALL ON FUNCTION app_api_client_by_key(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_tenant_by_code(text), app_api_client_by_key(text) TO ce_runtime;
      GRANT EXECUTE ON FUNCTION app_current_tenant(), app_is_operator() TO ce_runtime;

      GRANT SELECT, INSERT, UPDATE ON tenant, org_node, professional, account, activation_code, api_client TO ce_runtime;
      GRANT SELECT, INSERT ON audit_log TO ce_runtime;
      GRANT SELECT, UPDATE (last_sign_in_at) ON platform_operator TO ce_runtime;
    `);

    for (const table of ['org_node', 'professional', 'account', 'activation_code', 'api_client', 'audit_log']) {
      await enableTenantIsolation(q, table);
    }
    await q.query(`
      ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
      ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
      -- operator rows (password hashes) are readable only in an operator transaction
      ALTER TABLE platform_operator ENABLE ROW LEVEL SECURITY;
      ALTER TABLE platform_operator FORCE ROW LEVEL SECURITY;
      CREATE POLICY operator_only ON platform_operator
        USING ((SELECT app_is_operator())) WITH CHECK ((SELECT app_is_operator()));

      CREATE POLICY tenant_self ON tenant
        USING (id = (SELECT app_current_tenant()) OR (SELECT app_is_operator()))
        WITH CHECK ((SELECT app_is_operator()));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS audit_log, api_client, activation_code, account, professional, org_node, platform_operator, tenant CASCADE;
      DROP FUNCTION IF EXISTS app_tenant_by_code(text), app_api_client_by_key(text), app_current_tenant(), app_is_operator(),
        org_node_set_path(), audit_log_append_only();
    `);
  }
}

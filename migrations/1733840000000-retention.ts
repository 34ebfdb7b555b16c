import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Data retention (issue 16): the one sanctioned way old declarations and evidence files leave.
 * Two SECURITY DEFINER functions, owned by the owner, work on the caller's tenant only
 * (app_current_tenant(), set with the transaction) and one slice at a time (keyset by id):
 * - `app_retention_declarations(before_year, after_id, limit, dry_run)`: the declarations of
 *   years before `before_year` that are not in review and that no integrity-record entry or
 *   spot-check item names (those records are permanent and point at them), with their review
 *   decisions, their file links and the files no kept declaration names; the hours they became
 *   stay (the activity loses its link to the declaration, nothing else);
 * - `app_retention_files(before_year, after_id, limit, dry_run)`: evidence files uploaded before
 *   1 January of `before_year` (China time) that no declaration names.
 * Neither removes anything of this year or the five before (China time), whatever the caller
 * passes: the longest title window of any tenant's policy is five years, and an application of
 * last year still being decided reaches five years back from last year. A removed
 * file's row becomes a tombstone in `evidence_file_deletion`, in the same transaction: the job
 * deletes the stored object after the commit and then the tombstone, so a crash in between
 * leaves the file on the list, never forgotten. The review trail stays append-only for
 * everything else: the decisions' trigger lets a row go only inside these functions and only
 * for a declaration of a year before the one they were given.
 */
export class Retention1733840000000 implements MigrationInterface {
  name = 'Retention1733840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_file_deletion (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        file_id uuid NOT NULL,
        storage_key text NOT NULL,
        queued_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, file_id)
      );
      GRANT SELECT, DELETE ON evidence_file_deletion TO ce_runtime;

      CREATE OR REPLACE FUNCTION declaration_decision_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('app.retention_before', true) ~ '^[0-9]{4}$' AND EXISTS (
             SELECT FROM declaration d WHERE d.tenant_id = OLD.tenant_id AND d.id = OLD.declaration_id
                AND d.year < current_setting('app.retention_before', true)::int) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'declaration_decision is append-only' USING ERRCODE = '42501';
      END $f$;

      -- a withdrawn activity stays as it is, except that retention may unlink its declaration
      CREATE OR REPLACE FUNCTION activity_withdraw_once() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF OLD.withdrawn_at IS NOT NULL
           AND NOT (NEW.declaration_id IS NULL AND to_jsonb(NEW) - 'declaration_id' = to_jsonb(OLD) - 'declaration_id') THEN
          RAISE EXCEPTION 'activity % was withdrawn already', OLD.id USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $f$;
    `);
    await enableTenantIsolation(q, 'evidence_file_deletion');
    await q.query(RETENTION_FUNCTIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS app_retention_declarations(int, uuid, int, boolean), app_retention_files(int, uuid, int, boolean),
        app_retention_check(int, int);
      DROP TABLE IF EXISTS evidence_file_deletion;
      CREATE OR REPLACE FUNCTION declaration_decision_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        RAISE EXCEPTION 'declaration_decision is append-only' USING ERRCODE = '42501';
      END $f$;
      CREATE OR REPLACE FUNCTION activity_withdraw_once() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF OLD.withdrawn_at IS NOT NULL THEN
          RAISE EXCEPTION 'activity % was withdrawn already', OLD.id USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $f$;
    `);
  }
}

const RETENTION_FUNCTIONS = `
  -- The caller's tenant, after checking the year and the slice size; raises otherwise.
  CREATE FUNCTION app_retention_check(p_before_year int, p_limit int) RETURNS uuid
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
    AS $f$
    DECLARE
      t uuid := app_current_tenant();
    BEGIN
      IF t IS NULL THEN
        RAISE EXCEPTION 'retention: no tenant' USING ERRCODE = '42501';
      END IF;
      IF p_before_year IS NULL OR p_before_year > extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int - 5 THEN
        RAISE EXCEPTION 'retention: this year and the five before are kept (asked to remove before %)', p_before_year USING ERRCODE = '22023';
      END IF;
      IF p_limit IS NULL OR p_limit NOT BETWEEN 1 AND 5000 THEN
        RAISE EXCEPTION 'retention: a slice is 1 to 5000 rows' USING ERRCODE = '22023';
      END IF;
      RETURN t;
    END $f$;

  CREATE FUNCTION app_retention_declarations(p_before_year int, p_after uuid, p_limit int, p_dry_run boolean)
    RETURNS TABLE (last_id uuid, declarations int, decisions int, files int, bytes bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $f$
    DECLARE
      t uuid := app_retention_check(p_before_year, p_limit);
      v_ids uuid[];
      v_files uuid[];
    BEGIN
      SELECT array_agg(s.id ORDER BY s.id) INTO v_ids FROM (
        SELECT d.id FROM declaration d
         WHERE d.tenant_id = t AND d.id > coalesce(p_after, '00000000-0000-0000-0000-000000000000'::uuid)
           AND d.year < p_before_year AND d.status <> 'SUBMITTED'
           AND NOT EXISTS (SELECT FROM integrity_record i WHERE i.tenant_id = t AND i.declaration_id = d.id)
           AND NOT EXISTS (SELECT FROM spot_check_item c WHERE c.tenant_id = t AND c.declaration_id = d.id)
         ORDER BY d.id LIMIT p_limit
         FOR UPDATE OF d) s;
      IF v_ids IS NULL THEN
        RETURN QUERY SELECT NULL::uuid, 0, 0, 0, 0::bigint;
        RETURN;
      END IF;
      -- the files of these declarations that no other declaration names
      SELECT array_agg(DISTINCT l.file_id) INTO v_files FROM declaration_file l
       WHERE l.tenant_id = t AND l.declaration_id = ANY (v_ids)
         AND NOT EXISTS (SELECT FROM declaration_file o WHERE o.tenant_id = t AND o.file_id = l.file_id
                            AND NOT (o.declaration_id = ANY (v_ids)));
      last_id := v_ids[cardinality(v_ids)];
      declarations := cardinality(v_ids);
      SELECT count(*)::int INTO decisions FROM declaration_decision x WHERE x.tenant_id = t AND x.declaration_id = ANY (v_ids);
      SELECT count(*)::int, coalesce(sum(f.bytes), 0) INTO files, bytes FROM evidence_file f WHERE f.tenant_id = t AND f.id = ANY (coalesce(v_files, '{}'));
      IF NOT p_dry_run THEN
        PERFORM set_config('app.retention_before', p_before_year::text, true);
        DELETE FROM declaration_decision x WHERE x.tenant_id = t AND x.declaration_id = ANY (v_ids);
        PERFORM set_config('app.retention_before', '', true);
        UPDATE activity a SET declaration_id = NULL WHERE a.tenant_id = t AND a.declaration_id = ANY (v_ids);
        DELETE FROM declaration_file l WHERE l.tenant_id = t AND l.declaration_id = ANY (v_ids);
        WITH gone AS (DELETE FROM evidence_file f WHERE f.tenant_id = t AND f.id = ANY (coalesce(v_files, '{}')) RETURNING f.tenant_id, f.id, f.storage_key)
        INSERT INTO evidence_file_deletion (tenant_id, file_id, storage_key) SELECT * FROM gone ON CONFLICT DO NOTHING;
        DELETE FROM declaration d WHERE d.tenant_id = t AND d.id = ANY (v_ids);
      END IF;
      RETURN NEXT;
    END $f$;

  CREATE FUNCTION app_retention_files(p_before_year int, p_after uuid, p_limit int, p_dry_run boolean)
    RETURNS TABLE (last_id uuid, files int, bytes bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    AS $f$
    DECLARE
      t uuid := app_retention_check(p_before_year, p_limit);
      v_before timestamptz := make_timestamptz(p_before_year, 1, 1, 0, 0, 0, 'Asia/Shanghai');
      v_ids uuid[];
    BEGIN
      SELECT array_agg(s.id ORDER BY s.id) INTO v_ids FROM (
        SELECT f.id FROM evidence_file f
         WHERE f.tenant_id = t AND f.id > coalesce(p_after, '00000000-0000-0000-0000-000000000000'::uuid)
           AND f.created_at < v_before
           AND NOT EXISTS (SELECT FROM declaration_file l WHERE l.tenant_id = t AND l.file_id = f.id)
         ORDER BY f.id LIMIT p_limit
         FOR UPDATE OF f) s;
      IF v_ids IS NULL THEN
        RETURN QUERY SELECT NULL::uuid, 0, 0::bigint;
        RETURN;
      END IF;
      last_id := v_ids[cardinality(v_ids)];
      SELECT count(*)::int, coalesce(sum(f.bytes), 0) INTO files, bytes FROM evidence_file f WHERE f.tenant_id = t AND f.id = ANY (v_ids);
      IF NOT p_dry_run THEN
        WITH gone AS (DELETE FROM evidence_file f WHERE f.tenant_id = t AND f.id = ANY (v_ids) RETURNING f.tenant_id, f.id, f.storage_key)
        INSERT INTO evidence_file_deletion (tenant_id, file_id, storage_key) SELECT * FROM gone ON CONFLICT DO NOTHING;
      END IF;
      RETURN NEXT;
    END $f$;

  REVOKE ALL ON FUNCTION app_retention_check(int, int), app_retention_declarations(int, uuid, int, boolean),
    app_retention_files(int, uuid, int, boolean) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION app_retention_declarations(int, uuid, int, boolean), app_retention_files(int, uuid, int, boolean) TO ce_runtime;
`;

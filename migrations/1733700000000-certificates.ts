import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Certificates (学时证明 / 继续教育合格证), issue 13:
 * - `certificate`: an immutable snapshot of what was certified (holder, the ID number already
 *   masked, years, hours per subject per year, issuing body, issue date, the policy revisions)
 *   with a random verification code (130 random bits; unique within the tenant, and the public
 *   page, which looks it up before any tenant is known, answers only for a code held once). The runtime role may SELECT and INSERT; a trigger refuses
 *   UPDATE and DELETE for everyone, the owner included.
 * - `certificate_basis`: the activities the certified years counted. A certificate is revoked
 *   from the moment one of them is withdrawn (`activity.withdrawn_at`, written once, by a
 *   fraud mark or a failed spot check): computed when read, never stored, so it cannot drift.
 * - `app_certificate_by_code(code)`: the public page's only look-up, outside any tenant
 *   (SECURITY DEFINER, like the API-key look-up): exactly one certificate's public fields,
 *   with its revocation time. The runtime role cannot list certificates across tenants.
 * - `certificate_verify_limit`: rate-limiter-flexible's table for the public page's
 *   per-address limit (not tenant data: the page has no tenant).
 */
export class Certificates1733700000000 implements MigrationInterface {
  name = 'Certificates1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificate (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        professional_id uuid NOT NULL,
        -- Crockford base32, 26 characters (130 random bits)
        code text NOT NULL CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
        scope text NOT NULL CHECK (scope IN ('YEAR', 'TITLE_WINDOW')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
        holder_name text NOT NULL CHECK (length(holder_name) BETWEEN 1 AND 100),
        -- never the full number: masked when issued (3701**********1234)
        id_number_masked text NOT NULL CHECK (id_number_masked ~ '^[0-9]{4}\\*{10}[0-9]{3}[0-9X]$'),
        years int[] NOT NULL CHECK (cardinality(years) BETWEEN 1 AND 10),
        -- per year: { year, regime, publicHours, professionalHours, totalHours, complete, policyRevision }
        lines jsonb NOT NULL,
        issuing_body text NOT NULL CHECK (length(issuing_body) BETWEEN 1 AND 100),
        issued_on date NOT NULL,
        policy_revisions int[] NOT NULL CHECK (cardinality(policy_revisions) >= 1),
        target_level text,
        application_year int CHECK (application_year IS NULL OR application_year BETWEEN 1990 AND 2100),
        issued_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
        FOREIGN KEY (tenant_id, issued_by) REFERENCES account (tenant_id, id)
      );
      -- unique within the tenant (a distributed table's unique keys lead with tenant_id); across
      -- tenants 130 random bits make a repeat unthinkable, and the look-up below refuses one
      CREATE UNIQUE INDEX certificate_code ON certificate (tenant_id, code);
      CREATE INDEX certificate_by_code ON certificate (code);
      -- a person's certificates, newest first (keyset on created_at, id)
      CREATE INDEX certificate_by_professional ON certificate (tenant_id, professional_id, created_at, id);

      CREATE TABLE certificate_basis (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        certificate_id uuid NOT NULL,
        activity_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, certificate_id, activity_id),
        FOREIGN KEY (tenant_id, certificate_id) REFERENCES certificate (tenant_id, id),
        FOREIGN KEY (tenant_id, activity_id) REFERENCES activity (tenant_id, id)
      );

      CREATE FUNCTION certificate_immutable() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        RAISE EXCEPTION '% is immutable', TG_TABLE_NAME USING ERRCODE = '42501';
      END $f$;
      CREATE TRIGGER certificate_immutable BEFORE UPDATE OR DELETE ON certificate
        FOR EACH ROW EXECUTE FUNCTION certificate_immutable();
      CREATE TRIGGER certificate_basis_immutable BEFORE UPDATE OR DELETE ON certificate_basis
        FOR EACH ROW EXECUTE FUNCTION certificate_immutable();

      GRANT SELECT, INSERT ON certificate, certificate_basis TO ce_runtime;

      -- The public verification page's look-up: one certificate by its code, its public fields
      -- only, and when it was revoked (the first withdrawal of an activity it relied on).
      CREATE FUNCTION app_certificate_by_code(p_code text)
        RETURNS TABLE (title text, holder_name text, id_number_masked text, years int[], lines jsonb,
                       issuing_body text, issued_on date, policy_revisions int[], revoked_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $f$
          SELECT c.title, c.holder_name, c.id_number_masked, c.years, c.lines, c.issuing_body, c.issued_on, c.policy_revisions,
                 (SELECT min(a.withdrawn_at) FROM certificate_basis b
                    JOIN activity a ON a.tenant_id = b.tenant_id AND a.id = b.activity_id
                   WHERE b.tenant_id = c.tenant_id AND b.certificate_id = c.id AND a.withdrawn_at IS NOT NULL)
            FROM certificate c
           WHERE c.code = p_code
             AND (SELECT count(*) FROM certificate d WHERE d.code = p_code) = 1
        $f$;
      REVOKE ALL ON FUNCTION app_certificate_by_code(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_certificate_by_code(text) TO ce_runtime;

      CREATE TABLE certificate_verify_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
      CREATE INDEX certificate_verify_limit_by_expiry ON certificate_verify_limit (expire);
      GRANT SELECT, INSERT, UPDATE, DELETE ON certificate_verify_limit TO ce_runtime;
    `);
    for (const table of ['certificate', 'certificate_basis']) await enableTenantIsolation(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS certificate_verify_limit;
      DROP FUNCTION IF EXISTS app_certificate_by_code(text);
      DROP TABLE IF EXISTS certificate_basis, certificate;
      DROP FUNCTION IF EXISTS certificate_immutable();
    `);
  }
}

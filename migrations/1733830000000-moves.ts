import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Moving between tenants on the platform (issue 15):
 * - `move_request`, in the RECEIVING tenant: a unit there asks for a person by ID number and name,
 *   with what it registers them as. The runtime role writes only the request's own columns (and
 *   may cancel or expire it); every other state is reached through `app_move_decide`.
 * - `moved_year`, in the receiving tenant: read-only history of the years another tenant
 *   certified, with their provenance (issuer, policy revision, certified and moved times). Only
 *   `app_move_decide` writes it; a trigger refuses UPDATE and DELETE for everyone.
 * - `moved_year_review`: an official's decision on a moved year where the policy reviews them
 *   (`transferIn.certifiedYears: REVIEW`); one per year, append-only.
 * - `professional.status` gains MOVED_OUT: the sending tenant keeps the record, marked.
 * The functions that reach across tenants: migration 1733830000001.
 */
export class Moves1733830000000 implements MigrationInterface {
  name = 'Moves1733830000000';

  async up(q: QueryRunner): Promise<void> {
    const [check] = (await q.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'professional'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%''RETIRED''%'`,
    )) as { conname: string }[];
    if (!check) throw new Error('status constraint of professional not found');
    await q.query(`
      ALTER TABLE professional DROP CONSTRAINT "${check.conname}",
        ADD CONSTRAINT professional_status_check CHECK (status IN ('ACTIVE', 'LEFT', 'RETIRED', 'MOVED_OUT'));
      -- (a person is looked up by ID number across tenants only inside the functions below: the
      -- unique index (tenant_id, id_number) serves it by a skip scan over the tenants, PostgreSQL 18)

      CREATE TABLE move_request (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        id_number text NOT NULL CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        birth_date date NOT NULL,
        unit_id uuid NOT NULL,
        title_level text NOT NULL CHECK (title_level IN ('NONE', 'JUNIOR', 'ASSISTANT', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR')),
        title_series text NOT NULL CHECK (length(title_series) BETWEEN 1 AND 40),
        phone text CHECK (phone IS NULL OR phone ~ '^1[3-9][0-9]{9}$'),
        joined_unit_on date NOT NULL,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONSENTED', 'REFUSED', 'CANCELLED', 'EXPIRED')),
        decided_at timestamptz,
        -- who consented or refused: the person themself, or the sending tenant's bureau
        decided_by text CHECK (decided_by IN ('PERSON', 'BUREAU')),
        refusal_reason text CHECK (refusal_reason IS NULL OR length(refusal_reason) BETWEEN 1 AND 500),
        source_tenant_code text,
        source_tenant_name text,
        professional_id uuid,
        years_moved int CHECK (years_moved >= 0),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, unit_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, requested_by) REFERENCES account (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
        CHECK ((status = 'PENDING') = (decided_at IS NULL)),
        CHECK ((status IN ('CONSENTED', 'REFUSED')) = (decided_by IS NOT NULL)),
        CHECK ((status = 'REFUSED') = (refusal_reason IS NOT NULL)),
        CHECK ((status = 'CONSENTED') = (professional_id IS NOT NULL AND years_moved IS NOT NULL
                                         AND source_tenant_code IS NOT NULL AND source_tenant_name IS NOT NULL))
      );
      -- one pending request per person and receiving tenant (an expired one is set EXPIRED first)
      CREATE UNIQUE INDEX move_request_one_pending ON move_request (tenant_id, id_number) WHERE status = 'PENDING';
      -- the sending side finds the pending requests naming its people (app_move_requests_to_consent)
      CREATE INDEX move_request_pending_by_id_number ON move_request (id_number) WHERE status = 'PENDING';
      -- the receiving side's list, newest first
      CREATE INDEX move_request_list ON move_request (tenant_id, requested_at, id);

      CREATE TABLE moved_year (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        professional_id uuid NOT NULL,
        move_request_id uuid NOT NULL,
        year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        regime text NOT NULL CHECK (regime IN ('HOURS', 'CREDITS')),
        public_hours float8 NOT NULL CHECK (public_hours >= 0),
        professional_hours float8 NOT NULL CHECK (professional_hours >= 0),
        complete boolean NOT NULL,
        -- the issuing tenant's policy revision: its number and its id (text: the row is in another tenant)
        policy_revision int NOT NULL CHECK (policy_revision >= 1),
        policy_revision_id text NOT NULL,
        issuing_tenant_code text NOT NULL,
        issuing_tenant_name text NOT NULL,
        certified_at timestamptz NOT NULL,
        moved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
        FOREIGN KEY (tenant_id, move_request_id) REFERENCES move_request (tenant_id, id),
        UNIQUE (tenant_id, professional_id, year, issuing_tenant_code)
      );

      CREATE TABLE moved_year_review (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        moved_year_id uuid NOT NULL,
        decision text NOT NULL CHECK (decision IN ('ACCEPTED', 'REJECTED')),
        reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, moved_year_id),
        FOREIGN KEY (tenant_id, moved_year_id) REFERENCES moved_year (tenant_id, id),
        FOREIGN KEY (tenant_id, decided_by) REFERENCES account (tenant_id, id),
        CHECK (decision = 'ACCEPTED' OR reason IS NOT NULL)
      );

      CREATE FUNCTION moved_history_immutable() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        RAISE EXCEPTION '% is immutable', TG_TABLE_NAME USING ERRCODE = '42501';
      END $f$;
      CREATE TRIGGER moved_year_immutable BEFORE UPDATE OR DELETE ON moved_year
        FOR EACH ROW EXECUTE FUNCTION moved_history_immutable();
      CREATE TRIGGER moved_year_review_immutable BEFORE UPDATE OR DELETE ON moved_year_review
        FOR EACH ROW EXECUTE FUNCTION moved_history_immutable();

      GRANT SELECT ON move_request, moved_year TO ce_runtime;
      GRANT INSERT (tenant_id, id_number, name, gender, birth_date, unit_id, title_level, title_series, phone, joined_unit_on,
                    requested_by, expires_at) ON move_request TO ce_runtime;
      GRANT UPDATE (status, decided_at) ON move_request TO ce_runtime;
      GRANT SELECT, INSERT ON moved_year_review TO ce_runtime;
    `);
    for (const table of ['move_request', 'moved_year', 'moved_year_review']) await enableTenantIsolation(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS moved_year_review, moved_year, move_request;
      DROP FUNCTION IF EXISTS moved_history_immutable();
      -- fails while MOVED_OUT records exist: they have no earlier form
      ALTER TABLE professional DROP CONSTRAINT IF EXISTS professional_status_check,
        ADD CONSTRAINT professional_status_check CHECK (status IN ('ACTIVE', 'LEFT', 'RETIRED'));
    `);
  }
}

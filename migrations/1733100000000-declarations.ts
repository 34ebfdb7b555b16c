import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Declarations (学时申报) and their review (issue 11):
 * - `declaration`: what a professional (or an official for them) declares, with its evidence,
 *   its state (DRAFT → SUBMITTED → RECORDED, or REJECTED / WITHDRAWN) and its review chain,
 *   computed at submission and stored with it: the node reviewing at each level (null where
 *   the branch has no such level or the policy none), the current step (1 unit, 2 department,
 *   3 bureau; 4 once recorded) and the submission's queue number (keyset order of the queues);
 * - `declaration_decision`: every reviewer's decision, append-only (the runtime role may only
 *   read and insert, and a trigger refuses UPDATE and DELETE for everyone): 谁审核，谁负责;
 * - `activity.declaration_id`: the activity the last level's approval recorded (same id as
 *   the declaration), with the reviewer's adjusted hours if any.
 */
export class Declarations1733100000000 implements MigrationInterface {
  name = 'Declarations1733100000000';

  async up(q: QueryRunner): Promise<void> {
    const levels = `'UNIT', 'DEPARTMENT', 'BUREAU'`;
    await q.query(`
      CREATE SEQUENCE declaration_queue_no AS bigint;

      CREATE TABLE declaration (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        professional_id uuid NOT NULL,
        -- the person's unit and title series when the declaration was (last) filed or submitted
        unit_id uuid NOT NULL,
        title_series text NOT NULL CHECK (title_series ~ '^[A-Z_]{1,40}$'),
        kind text NOT NULL CHECK (kind ~ '^[A-Za-z][A-Za-z0-9_]{0,63}$'),
        kind_name text NOT NULL CHECK (length(kind_name) BETWEEN 1 AND 200),
        year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        occurred_on date,
        params jsonb NOT NULL DEFAULT '{}',
        certificate_no text CHECK (certificate_no IS NULL OR length(certificate_no) BETWEEN 1 AND 50),
        issuer text CHECK (issuer IS NULL OR length(issuer) BETWEEN 1 AND 100),
        issued_on date,
        file_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(file_ids) <= 10),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'RECORDED', 'REJECTED', 'WITHDRAWN')),
        round int NOT NULL DEFAULT 0 CHECK (round BETWEEN 0 AND 10),
        step smallint NOT NULL DEFAULT 0 CHECK (step BETWEEN 0 AND 4),
        entry_step smallint NOT NULL DEFAULT 0 CHECK (entry_step BETWEEN 0 AND 4),
        review_unit_id uuid,
        review_department_id uuid,
        review_bureau_id uuid,
        chain_note text,
        queue_no bigint,
        rejection_reason text CHECK (rejection_reason IS NULL OR length(rejection_reason) BETWEEN 1 AND 500),
        adjusted_public double precision CHECK (adjusted_public BETWEEN 0 AND 2000),
        adjusted_professional double precision CHECK (adjusted_professional BETWEEN 0 AND 2000),
        adjustment_reason text CHECK (adjustment_reason IS NULL OR length(adjustment_reason) BETWEEN 1 AND 500),
        filed_by uuid NOT NULL,
        filed_by_role text NOT NULL CHECK (filed_by_role IN ('BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL', 'UNIT_OFFICIAL', 'PROFESSIONAL')),
        submitted_at timestamptz,
        recorded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
        FOREIGN KEY (tenant_id, unit_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, review_unit_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, review_department_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, review_bureau_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, filed_by) REFERENCES account (tenant_id, id),
        CHECK ((adjusted_public IS NULL) = (adjusted_professional IS NULL)),
        CHECK ((adjusted_public IS NULL) = (adjustment_reason IS NULL)),
        CHECK (status <> 'SUBMITTED' OR (step BETWEEN 1 AND 3 AND queue_no IS NOT NULL AND submitted_at IS NOT NULL)),
        CHECK ((status = 'RECORDED') = (recorded_at IS NOT NULL)),
        CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))
      );
      -- a person's declarations (their list, by year)
      CREATE INDEX declaration_by_professional ON declaration (tenant_id, professional_id, year, id);
      -- each level's queue: the declarations whose chain holds the node, by state, in submission order
      CREATE INDEX declaration_queue_unit ON declaration (tenant_id, review_unit_id, status, step, queue_no) WHERE review_unit_id IS NOT NULL;
      CREATE INDEX declaration_queue_department ON declaration (tenant_id, review_department_id, status, step, queue_no) WHERE review_department_id IS NOT NULL;
      CREATE INDEX declaration_queue_bureau ON declaration (tenant_id, review_bureau_id, status, step, queue_no) WHERE review_bureau_id IS NOT NULL;

      CREATE TABLE declaration_decision (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id bigint GENERATED ALWAYS AS IDENTITY,
        declaration_id uuid NOT NULL,
        round int NOT NULL CHECK (round BETWEEN 1 AND 10),
        level text NOT NULL CHECK (level IN (${levels})),
        node_id uuid NOT NULL,
        decision text NOT NULL CHECK (decision IN ('FILED', 'APPROVED', 'ADJUSTED', 'REJECTED')),
        reviewer_id uuid NOT NULL,
        reviewer_label text NOT NULL,
        comment text CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 500),
        public_hours double precision CHECK (public_hours BETWEEN 0 AND 2000),
        professional_hours double precision CHECK (professional_hours BETWEEN 0 AND 2000),
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, declaration_id) REFERENCES declaration (tenant_id, id),
        FOREIGN KEY (tenant_id, node_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, reviewer_id) REFERENCES account (tenant_id, id),
        CHECK ((decision = 'ADJUSTED') = (public_hours IS NOT NULL AND professional_hours IS NOT NULL)),
        CHECK (decision NOT IN ('ADJUSTED', 'REJECTED') OR comment IS NOT NULL)
      );
      -- one decision per level and round: a second reviewer of the same step cannot add one
      CREATE UNIQUE INDEX declaration_decision_once ON declaration_decision (tenant_id, declaration_id, round, level);

      CREATE FUNCTION declaration_decision_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        RAISE EXCEPTION 'declaration_decision is append-only' USING ERRCODE = '42501';
      END $f$;
      CREATE TRIGGER declaration_decision_append_only BEFORE UPDATE OR DELETE ON declaration_decision
        FOR EACH ROW EXECUTE FUNCTION declaration_decision_append_only();

      ALTER TABLE activity
        ADD COLUMN declaration_id uuid,
        ADD COLUMN adjusted_public double precision CHECK (adjusted_public BETWEEN 0 AND 2000),
        ADD COLUMN adjusted_professional double precision CHECK (adjusted_professional BETWEEN 0 AND 2000),
        ADD CONSTRAINT activity_declaration FOREIGN KEY (tenant_id, declaration_id) REFERENCES declaration (tenant_id, id),
        ADD CONSTRAINT activity_declaration_source CHECK (declaration_id IS NULL OR source = 'DECLARATION'),
        ADD CONSTRAINT activity_adjusted_pair CHECK ((adjusted_public IS NULL) = (adjusted_professional IS NULL));
      CREATE UNIQUE INDEX activity_one_per_declaration ON activity (tenant_id, declaration_id) WHERE declaration_id IS NOT NULL;

      GRANT SELECT, INSERT, UPDATE ON declaration TO ce_runtime;
      GRANT SELECT, INSERT ON declaration_decision TO ce_runtime;
      GRANT USAGE ON SEQUENCE declaration_queue_no TO ce_runtime;
    `);
    for (const table of ['declaration', 'declaration_decision']) await enableTenantIsolation(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS activity_one_per_declaration;
      ALTER TABLE activity
        DROP CONSTRAINT IF EXISTS activity_adjusted_pair,
        DROP CONSTRAINT IF EXISTS activity_declaration_source,
        DROP CONSTRAINT IF EXISTS activity_declaration,
        DROP COLUMN IF EXISTS adjusted_professional,
        DROP COLUMN IF EXISTS adjusted_public,
        DROP COLUMN IF EXISTS declaration_id;
      DROP TABLE IF EXISTS declaration_decision, declaration;
      DROP FUNCTION IF EXISTS declaration_decision_append_only();
      DROP SEQUENCE IF EXISTS declaration_queue_no;
    `);
  }
}

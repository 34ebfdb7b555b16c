import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Fraud marks, the integrity record (诚信档案) and spot checks (随机抽查), issue 11:
 * - `integrity_record` gains the declaration it comes from (one record per declaration: a
 *   second mark is refused by the index) and may have no end: a tenant whose policy sets no
 *   term records the mark, shows it, and blocks nothing; entries are append-only;
 * - `activity.withdrawn_at` / `withdrawal_reason`: withdrawn hours stop counting, the row
 *   stays (history); only these two columns may change, and only once;
 * - `declaration`: a terminal state REVOKED (fraud, or a failed spot check) with its reason;
 *   a revoked declaration may have been recorded before (recorded_at stays);
 * - `declaration_decision`: the kinds FRAUD and SPOT_CHECK_FAILED, outside the
 *   one-decision-per-level index (the bureau may have approved the same round);
 * - `year_certification`: revoked (kept, with the reason) when hours it counted are withdrawn;
 * - `spot_check` and its items: the draw (seed, percentage, departments) and each outcome,
 *   which is written once (a trigger refuses changing a decided item).
 */
export class IntegritySpotChecks1733300000000 implements MigrationInterface {
  name = 'IntegritySpotChecks1733300000000';

  async up(q: QueryRunner): Promise<void> {
    const checks = (await q.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid IN ('declaration'::regclass, 'declaration_decision'::regclass) AND contype = 'c'`,
    )) as { tbl: string; conname: string; def: string }[];
    const named = (tbl: string, part: string) => checks.find((c) => c.tbl === tbl && c.def.includes(part))?.conname;
    const drops = [
      ['declaration', named('declaration', `'WITHDRAWN'`)],
      ['declaration', named('declaration', 'recorded_at IS NOT NULL')],
      ['declaration_decision', named('declaration_decision', `'FILED'`)],
    ];
    for (const [tbl, name] of drops) {
      if (!name) throw new Error(`constraint of ${tbl} not found`);
      await q.query(`ALTER TABLE ${tbl} DROP CONSTRAINT "${name}"`);
    }
    await q.query(`
      ALTER TABLE declaration
        ADD COLUMN revocation_reason text CHECK (revocation_reason IS NULL OR length(revocation_reason) BETWEEN 1 AND 500),
        ADD COLUMN revoked_at timestamptz,
        ADD CONSTRAINT declaration_status_check CHECK (status IN ('DRAFT', 'SUBMITTED', 'RECORDED', 'REJECTED', 'WITHDRAWN', 'REVOKED')),
        ADD CONSTRAINT declaration_recorded_at CHECK (status <> 'RECORDED' OR recorded_at IS NOT NULL),
        ADD CONSTRAINT declaration_recorded_at_only CHECK (status IN ('RECORDED', 'REVOKED') OR recorded_at IS NULL),
        ADD CONSTRAINT declaration_revoked CHECK ((status = 'REVOKED') = (revocation_reason IS NOT NULL AND revoked_at IS NOT NULL));

      ALTER TABLE declaration_decision
        ADD CONSTRAINT declaration_decision_decision_check
          CHECK (decision IN ('FILED', 'APPROVED', 'ADJUSTED', 'REJECTED', 'FRAUD', 'SPOT_CHECK_FAILED')),
        ADD CONSTRAINT declaration_decision_revocation_reason CHECK (decision NOT IN ('FRAUD', 'SPOT_CHECK_FAILED') OR comment IS NOT NULL);
      DROP INDEX declaration_decision_once;
      CREATE UNIQUE INDEX declaration_decision_once ON declaration_decision (tenant_id, declaration_id, round, level)
        WHERE decision NOT IN ('FRAUD', 'SPOT_CHECK_FAILED');
      -- a declaration is revoked once
      CREATE UNIQUE INDEX declaration_decision_one_revocation ON declaration_decision (tenant_id, declaration_id)
        WHERE decision IN ('FRAUD', 'SPOT_CHECK_FAILED');

      ALTER TABLE activity
        ADD COLUMN withdrawn_at timestamptz,
        ADD COLUMN withdrawal_reason text CHECK (withdrawal_reason IS NULL OR length(withdrawal_reason) BETWEEN 1 AND 500),
        ADD CONSTRAINT activity_withdrawn_pair CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL));
      GRANT UPDATE (withdrawn_at, withdrawal_reason) ON activity TO ce_runtime;
      CREATE FUNCTION activity_withdraw_once() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF OLD.withdrawn_at IS NOT NULL THEN
          RAISE EXCEPTION 'activity % was withdrawn already', OLD.id USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $f$;
      CREATE TRIGGER activity_withdraw_once BEFORE UPDATE ON activity FOR EACH ROW EXECUTE FUNCTION activity_withdraw_once();

      ALTER TABLE year_certification
        ADD COLUMN revoked_at timestamptz,
        ADD COLUMN revocation_reason text,
        ADD CONSTRAINT year_certification_revoked_pair CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL));
      -- revoking, and certifying a revoked year again (the row is replaced; the audit log keeps the first)
      GRANT UPDATE ON year_certification TO ce_runtime;

      ALTER TABLE integrity_record
        ADD COLUMN declaration_id uuid,
        ALTER COLUMN to_date DROP NOT NULL,
        ADD CONSTRAINT integrity_record_reason CHECK (length(reason) BETWEEN 1 AND 500),
        ADD CONSTRAINT integrity_record_declaration FOREIGN KEY (tenant_id, declaration_id) REFERENCES declaration (tenant_id, id);
      CREATE UNIQUE INDEX integrity_record_one_per_declaration ON integrity_record (tenant_id, declaration_id) WHERE declaration_id IS NOT NULL;
      CREATE FUNCTION integrity_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        RAISE EXCEPTION 'integrity_record is append-only' USING ERRCODE = '42501';
      END $f$;
      CREATE TRIGGER integrity_record_append_only BEFORE UPDATE OR DELETE ON integrity_record
        FOR EACH ROW EXECUTE FUNCTION integrity_record_append_only();

      CREATE TABLE spot_check (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        check_no bigint GENERATED ALWAYS AS IDENTITY,
        year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        percentage numeric(6, 3) NOT NULL CHECK (percentage > 0 AND percentage <= 100),
        seed text NOT NULL CHECK (seed ~ '^[A-Za-z0-9_-]{1,64}$'),
        -- null: every department (and the units directly under the bureau)
        department_ids uuid[] CHECK (department_ids IS NULL OR cardinality(department_ids) BETWEEN 1 AND 200),
        population int NOT NULL CHECK (population >= 0),
        -- per department as drawn: [{ departmentId, departmentName, population, drawn }]
        groups jsonb NOT NULL DEFAULT '[]',
        item_count int NOT NULL CHECK (item_count >= 0),
        drawn_by uuid NOT NULL,
        drawn_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, drawn_by) REFERENCES account (tenant_id, id)
      );
      CREATE INDEX spot_check_by_no ON spot_check (tenant_id, check_no);

      CREATE TABLE spot_check_item (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        spot_check_id uuid NOT NULL,
        -- the department the declaration's unit belongs to, or the bureau for a unit directly under it
        group_id uuid NOT NULL,
        -- the place in the group's seeded order (1 = first drawn)
        position int NOT NULL CHECK (position >= 1),
        declaration_id uuid NOT NULL,
        outcome text CHECK (outcome IN ('PASSED', 'FAILED')),
        reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
        decided_by uuid,
        decided_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, spot_check_id) REFERENCES spot_check (tenant_id, id),
        FOREIGN KEY (tenant_id, group_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, declaration_id) REFERENCES declaration (tenant_id, id),
        FOREIGN KEY (tenant_id, decided_by) REFERENCES account (tenant_id, id),
        UNIQUE (tenant_id, spot_check_id, declaration_id),
        CHECK ((outcome IS NULL) = (decided_at IS NULL) AND (outcome IS NULL) = (decided_by IS NULL)),
        CHECK (outcome IS DISTINCT FROM 'FAILED' OR reason IS NOT NULL)
      );
      -- a check's items in keyset order (group, position), and by outcome
      CREATE INDEX spot_check_item_order ON spot_check_item (tenant_id, spot_check_id, group_id, position);

      CREATE FUNCTION spot_check_item_decide_once() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.outcome IS NOT NULL
           OR (NEW.tenant_id, NEW.id, NEW.spot_check_id, NEW.group_id, NEW.position, NEW.declaration_id)
              IS DISTINCT FROM (OLD.tenant_id, OLD.id, OLD.spot_check_id, OLD.group_id, OLD.position, OLD.declaration_id) THEN
          RAISE EXCEPTION 'a spot-check outcome is recorded once and never changed' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $f$;
      CREATE TRIGGER spot_check_item_decide_once BEFORE UPDATE OR DELETE ON spot_check_item
        FOR EACH ROW EXECUTE FUNCTION spot_check_item_decide_once();

      GRANT SELECT, INSERT ON spot_check TO ce_runtime;
      GRANT SELECT, INSERT ON spot_check_item TO ce_runtime;
      GRANT UPDATE (outcome, reason, decided_by, decided_at) ON spot_check_item TO ce_runtime;
    `);
    for (const table of ['spot_check', 'spot_check_item']) await enableTenantIsolation(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS spot_check_item, spot_check;
      DROP FUNCTION IF EXISTS spot_check_item_decide_once();
      DROP TRIGGER IF EXISTS integrity_record_append_only ON integrity_record;
      DROP FUNCTION IF EXISTS integrity_record_append_only();
      DROP INDEX IF EXISTS integrity_record_one_per_declaration;
      ALTER TABLE integrity_record DROP CONSTRAINT IF EXISTS integrity_record_declaration,
        DROP CONSTRAINT IF EXISTS integrity_record_reason, DROP COLUMN IF EXISTS declaration_id;
      ALTER TABLE year_certification DROP CONSTRAINT IF EXISTS year_certification_revoked_pair, DROP COLUMN IF EXISTS revoked_at, DROP COLUMN IF EXISTS revocation_reason;
      REVOKE UPDATE ON year_certification FROM ce_runtime;
      DROP TRIGGER IF EXISTS activity_withdraw_once ON activity;
      DROP FUNCTION IF EXISTS activity_withdraw_once();
      REVOKE UPDATE (withdrawn_at, withdrawal_reason) ON activity FROM ce_runtime;
      ALTER TABLE activity DROP CONSTRAINT IF EXISTS activity_withdrawn_pair, DROP COLUMN IF EXISTS withdrawal_reason, DROP COLUMN IF EXISTS withdrawn_at;
      DROP INDEX IF EXISTS declaration_decision_one_revocation;
      DROP INDEX IF EXISTS declaration_decision_once;
      CREATE UNIQUE INDEX declaration_decision_once ON declaration_decision (tenant_id, declaration_id, round, level);
      -- fails while FRAUD / SPOT_CHECK_FAILED decisions or REVOKED declarations exist: they have no earlier form
      ALTER TABLE declaration_decision DROP CONSTRAINT IF EXISTS declaration_decision_revocation_reason,
        DROP CONSTRAINT IF EXISTS declaration_decision_decision_check,
        ADD CONSTRAINT declaration_decision_decision_check CHECK (decision IN ('FILED', 'APPROVED', 'ADJUSTED', 'REJECTED'));
      ALTER TABLE declaration DROP CONSTRAINT IF EXISTS declaration_revoked, DROP CONSTRAINT IF EXISTS declaration_recorded_at_only,
        DROP CONSTRAINT IF EXISTS declaration_recorded_at, DROP CONSTRAINT IF EXISTS declaration_status_check,
        DROP COLUMN IF EXISTS revoked_at, DROP COLUMN IF EXISTS revocation_reason,
        ADD CONSTRAINT declaration_status_check CHECK (status IN ('DRAFT', 'SUBMITTED', 'RECORDED', 'REJECTED', 'WITHDRAWN')),
        ADD CONSTRAINT declaration_recorded_at CHECK ((status = 'RECORDED') = (recorded_at IS NOT NULL));
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * The data that title rules depend on:
 * - a professional's title history (`title_record`); the latest record is the
 *   current title, copied onto `professional` with the date it was obtained;
 * - title applications (`title_application`): target, route, year and the
 *   date the materials were filed;
 * - the employer type of an organisation node (`employer_type`, its own) and
 *   the one in force for it (`effective_employer_type`: its own, or the
 *   nearest ancestor's), kept by the insert trigger and by set-based updates.
 */
export class TitlesEmployerType1732800000000 implements MigrationInterface {
  name = 'TitlesEmployerType1732800000000';

  async up(q: QueryRunner): Promise<void> {
    const employerTypes = `'GOVERNMENT_AGENCY', 'PUBLIC_INSTITUTION', 'STATE_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'SOCIAL_ORGANISATION', 'OTHER'`;
    const levels = `'NONE', 'JUNIOR', 'ASSISTANT', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR'`;
    await q.query(`
      ALTER TABLE org_node
        ADD COLUMN employer_type text CHECK (employer_type IN (${employerTypes})),
        ADD COLUMN effective_employer_type text CHECK (effective_employer_type IN (${employerTypes}));

      CREATE OR REPLACE FUNCTION org_node_set_path() RETURNS trigger LANGUAGE plpgsql AS $f$
      DECLARE parent_path text; parent_depth int; parent_employer text;
      BEGIN
        IF NEW.parent_id IS NULL THEN
          NEW.path := '/' || NEW.node_no || '/';
          NEW.depth := 0;
          NEW.effective_employer_type := NEW.employer_type;
        ELSE
          SELECT path, depth, effective_employer_type INTO parent_path, parent_depth, parent_employer
            FROM org_node WHERE tenant_id = NEW.tenant_id AND id = NEW.parent_id;
          IF parent_path IS NULL THEN
            RAISE EXCEPTION 'parent organisation not found' USING ERRCODE = '23503';
          END IF;
          NEW.path := parent_path || NEW.node_no || '/';
          NEW.depth := parent_depth + 1;
          NEW.effective_employer_type := COALESCE(NEW.employer_type, parent_employer);
        END IF;
        RETURN NEW;
      END $f$;

      ALTER TABLE professional ADD COLUMN title_obtained_on date;

      CREATE TABLE title_record (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        professional_id uuid NOT NULL,
        level text NOT NULL CHECK (level IN (${levels}) AND level <> 'NONE'),
        series text NOT NULL CHECK (series ~ '^[A-Z_]{1,40}$'),
        obtained_on date NOT NULL,
        issuing_body text NOT NULL CHECK (length(issuing_body) BETWEEN 1 AND 100),
        certificate_no text CHECK (certificate_no IS NULL OR length(certificate_no) BETWEEN 1 AND 50),
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id)
      );
      CREATE INDEX title_record_by_professional ON title_record (tenant_id, professional_id, obtained_on DESC, recorded_at DESC);

      CREATE TABLE title_application (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        professional_id uuid NOT NULL,
        target_level text NOT NULL CHECK (target_level IN (${levels}) AND target_level <> 'NONE'),
        target_series text NOT NULL CHECK (target_series ~ '^[A-Z_]{1,40}$'),
        application_year int NOT NULL CHECK (application_year BETWEEN 1990 AND 2100),
        route text NOT NULL CHECK (route IN ('NORMAL_REVIEW', 'EXAM_INSTEAD_OF_REVIEW', 'ASSESSMENT_RECOGNITION', 'DIRECT_APPLICATION')),
        filed_on date CHECK (filed_on IS NULL OR extract(year FROM filed_on) = application_year),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id)
      );
      CREATE INDEX title_application_by_professional ON title_application (tenant_id, professional_id, application_year DESC, id);
      CREATE INDEX title_application_by_year ON title_application (tenant_id, application_year, id);
      -- one active application per person, year, level and series
      CREATE UNIQUE INDEX title_application_one_active ON title_application (tenant_id, professional_id, application_year, target_level, target_series)
        WHERE status = 'ACTIVE';

      GRANT SELECT, INSERT, DELETE ON title_record TO ce_runtime;
      GRANT SELECT, INSERT, UPDATE ON title_application TO ce_runtime;
    `);
    for (const table of ['title_record', 'title_application']) await enableTenantIsolation(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS title_application, title_record;
      ALTER TABLE professional DROP COLUMN IF EXISTS title_obtained_on;
      CREATE OR REPLACE FUNCTION org_node_set_path() RETURNS trigger LANGUAGE plpgsql AS $f$
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
      ALTER TABLE org_node DROP COLUMN IF EXISTS effective_employer_type, DROP COLUMN IF EXISTS employer_type;
    `);
  }
}

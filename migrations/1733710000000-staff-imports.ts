import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Staff import (批量导入, 004 三、(二)): a spreadsheet of staff is uploaded, checked (the dry
 * run), and then confirmed.
 * - `staff_import_job`: one upload: who, when, the file's name and size, the counts of the
 *   dry run, its status (READY → IMPORTED, or EXPIRED when left unconfirmed for a day) and,
 *   once confirmed, the mode, the counts written and who confirmed it. Confirming locks the
 *   row and requires READY, so a job is applied once.
 * - `staff_import_row`: the file's rows, staged for the confirm step (the values as checked:
 *   ID number normalised, labels turned into codes, the unit found); deleted once the job is
 *   confirmed or has expired, so ID numbers are not kept twice.
 * - `staff_import_error`: the dry run's findings, by row and column; those about the row
 *   itself and its unit reference are final, those about the unit's state and the people
 *   already registered are `rechecked` when the job is confirmed.
 * - `staff_import_count`: the daily upload counter of an account, consumed by one
 *   conditional upsert before a file is read.
 * An index by name on `org_node` serves the look-up of units by name.
 */
export class StaffImports1733710000000 implements MigrationInterface {
  name = 'StaffImports1733710000000';

  async up(q: QueryRunner): Promise<void> {
    const levels = `'NONE', 'JUNIOR', 'ASSISTANT', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR'`;
    const employerTypes = `'GOVERNMENT_AGENCY', 'PUBLIC_INSTITUTION', 'STATE_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'SOCIAL_ORGANISATION', 'OTHER', 'NO_EMPLOYER'`;
    await q.query(`
      CREATE TABLE staff_import_job (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        created_by uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        file_bytes bigint NOT NULL CHECK (file_bytes >= 0),
        status text NOT NULL DEFAULT 'READY' CHECK (status IN ('READY', 'IMPORTED', 'EXPIRED')),
        total_rows int NOT NULL DEFAULT 0,
        valid_rows int NOT NULL DEFAULT 0,
        error_count int NOT NULL DEFAULT 0,
        to_create int NOT NULL DEFAULT 0,
        to_update int NOT NULL DEFAULT 0,
        unchanged int NOT NULL DEFAULT 0,
        mode text CHECK (mode IN ('ALL', 'VALID_ONLY')),
        created_count int,
        updated_count int,
        unchanged_count int,
        skipped_count int,
        confirmed_by uuid,
        confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, created_by) REFERENCES account (tenant_id, id),
        FOREIGN KEY (tenant_id, confirmed_by) REFERENCES account (tenant_id, id),
        CHECK ((status = 'IMPORTED') = (confirmed_at IS NOT NULL))
      );
      -- an account's imports, newest first
      CREATE INDEX staff_import_job_by_creator ON staff_import_job (tenant_id, created_by, created_at DESC, id DESC);
      -- unconfirmed jobs by age (expiry)
      CREATE INDEX staff_import_job_ready ON staff_import_job (tenant_id, created_at) WHERE status = 'READY';

      CREATE TABLE staff_import_row (
        tenant_id uuid NOT NULL,
        job_id uuid NOT NULL,
        row_no int NOT NULL CHECK (row_no >= 2),
        name text CHECK (length(name) <= 200),
        id_number text CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
        gender text CHECK (gender IN ('MALE', 'FEMALE')),
        birth_date date,
        unit_ref text CHECK (length(unit_ref) <= 200),
        -- the unit unit_ref names, found in the uploader's tenant and part of the tree
        unit_id uuid,
        title_level text CHECK (title_level IN (${levels})),
        title_series text CHECK (title_series ~ '^[A-Z_]{1,40}$'),
        employer_type text CHECK (employer_type IN (${employerTypes})),
        phone text CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        joined_on date,
        -- the registered person's record (ID number masked) just before the confirmation writes it, for its audit row
        before jsonb,
        PRIMARY KEY (tenant_id, job_id, row_no),
        FOREIGN KEY (tenant_id, job_id) REFERENCES staff_import_job (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX staff_import_row_by_id_number ON staff_import_row (tenant_id, job_id, id_number);

      CREATE TABLE staff_import_error (
        tenant_id uuid NOT NULL,
        job_id uuid NOT NULL,
        row_no int NOT NULL,
        -- the template's column (1 = name … 8 = joined-unit date)
        column_no int NOT NULL CHECK (column_no BETWEEN 1 AND 8),
        code text NOT NULL CHECK (code ~ '^[A-Z_]{1,40}$'),
        detail text CHECK (length(detail) <= 200),
        -- decided again when the job is confirmed (units and people may have changed meanwhile)
        rechecked boolean NOT NULL,
        PRIMARY KEY (tenant_id, job_id, row_no, column_no, code),
        FOREIGN KEY (tenant_id, job_id) REFERENCES staff_import_job (tenant_id, id) ON DELETE CASCADE
      );

      CREATE TABLE staff_import_count (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        account_id uuid NOT NULL,
        day date NOT NULL,
        uploads int NOT NULL CHECK (uploads >= 0),
        PRIMARY KEY (tenant_id, account_id),
        FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
      );

      CREATE INDEX org_node_by_name ON org_node (tenant_id, name);

      GRANT SELECT, INSERT, UPDATE ON staff_import_job TO ce_runtime;
      GRANT SELECT, INSERT, DELETE ON staff_import_row, staff_import_error TO ce_runtime;
      GRANT UPDATE (before) ON staff_import_row TO ce_runtime;
      GRANT SELECT, INSERT, UPDATE ON staff_import_count TO ce_runtime;
    `);
    for (const table of ['staff_import_job', 'staff_import_row', 'staff_import_error', 'staff_import_count']) await enableTenantIsolation(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS staff_import_count, staff_import_error, staff_import_row, staff_import_job;
      DROP INDEX IF EXISTS org_node_by_name;
    `);
  }
}

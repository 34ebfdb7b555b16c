import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Self-registration (issue 15; 002 四、(二), 004 三、(二)), waiting for the level above:
 * - `professional_registration`: a professional's sign-up (ID number, name, mobile, title,
 *   the unit chosen, the argon2 hash of the password chosen at sign-up) until the unit (or
 *   the level above) decides. PENDING until `expires_at` (the tenant policy's
 *   `registration.pendingDays` after sign-up); past it, it reads as expired and cannot be
 *   decided, and it is marked EXPIRED when next swept. The password hash is kept only while
 *   PENDING: approval copies it into the new account, any other end clears it.
 *   `department_id` is the nearest department above the unit at sign-up (its queue, as a
 *   declaration's chain is fixed at submission). One PENDING registration per ID number.
 * - `org_application`: a unit applying under a department or the bureau (属地), or a
 *   department under the bureau, with its first administrator's account details, until
 *   the parent's officials (or the bureau's) decide. Same life as a registration.
 * - Both carry the SHA-256 of a random receipt (returned once, at sign-up), by which the
 *   applicant — and nobody else — reads the status and a rejection's reason.
 * - `registration_limit`: rate-limiter-flexible's table for the sign-up limits (per tenant
 *   and address, per tenant); not tenant data, its keys carry the tenant's id.
 * Queues page by keyset on `queue_no`, one index per queue (unit, department or parent,
 * bureau), with the state; the public directory of units pages by name.
 */
export class Registrations1733820000000 implements MigrationInterface {
  name = 'Registrations1733820000000';

  async up(q: QueryRunner): Promise<void> {
    const levels = `'NONE', 'JUNIOR', 'ASSISTANT', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR'`;
    const decision = `
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED')),
        receipt_hash text NOT NULL CHECK (receipt_hash ~ '^[0-9a-f]{64}$'),
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid,
        decided_by_label text,
        decision_comment text CHECK (length(decision_comment) BETWEEN 1 AND 500),
        rejection_reason text CHECK (length(rejection_reason) BETWEEN 1 AND 500),
        CHECK (expires_at > created_at),
        CHECK ((status = 'PENDING') = (password_hash IS NOT NULL)),
        CHECK ((status IN ('APPROVED', 'REJECTED')) = (decided_at IS NOT NULL AND decided_by IS NOT NULL)),
        CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))`;
    await q.query(`
      CREATE TABLE professional_registration (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        queue_no bigint GENERATED ALWAYS AS IDENTITY,
        id_number text NOT NULL CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        birth_date date NOT NULL,
        phone text NOT NULL CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        title_level text NOT NULL CHECK (title_level IN (${levels})),
        title_series text NOT NULL CHECK (title_series ~ '^[A-Z_]{1,40}$'),
        unit_id uuid NOT NULL,
        department_id uuid,
        professional_id uuid,
        ${decision},
        CHECK ((status = 'APPROVED') = (professional_id IS NOT NULL)),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, unit_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, department_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
        FOREIGN KEY (tenant_id, decided_by) REFERENCES account (tenant_id, id)
      );
      -- one live registration per ID number (an expired one is swept before a new one is written)
      CREATE UNIQUE INDEX professional_registration_pending ON professional_registration (tenant_id, id_number) WHERE status = 'PENDING';
      CREATE UNIQUE INDEX professional_registration_receipt ON professional_registration (tenant_id, receipt_hash);
      -- the queues: the unit's, the department's, the bureau's (the whole tenant), by state, in sign-up order
      CREATE INDEX professional_registration_unit_queue ON professional_registration (tenant_id, unit_id, status, queue_no);
      CREATE INDEX professional_registration_department_queue ON professional_registration (tenant_id, department_id, status, queue_no)
        WHERE department_id IS NOT NULL;
      CREATE INDEX professional_registration_queue ON professional_registration (tenant_id, status, queue_no);
      -- the sweep of expired registrations
      CREATE INDEX professional_registration_expiry ON professional_registration (tenant_id, expires_at) WHERE status = 'PENDING';

      CREATE TABLE org_application (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        queue_no bigint GENERATED ALWAYS AS IDENTITY,
        kind text NOT NULL CHECK (kind IN ('UNIT', 'DEPARTMENT')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        code text CHECK (code ~ '^[A-Za-z0-9-]{1,40}$'),
        parent_id uuid NOT NULL,
        admin_username text NOT NULL CHECK (admin_username ~ '^[a-z][a-z0-9._-]{2,31}$'),
        admin_name text NOT NULL CHECK (length(admin_name) BETWEEN 1 AND 50),
        admin_phone text NOT NULL CHECK (admin_phone ~ '^1[3-9][0-9]{9}$'),
        org_node_id uuid,
        account_id uuid,
        ${decision},
        CHECK ((status = 'APPROVED') = (org_node_id IS NOT NULL AND account_id IS NOT NULL)),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, parent_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, org_node_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
        FOREIGN KEY (tenant_id, decided_by) REFERENCES account (tenant_id, id)
      );
      -- while pending, its name under the parent, its code and its administrator's username are reserved
      CREATE UNIQUE INDEX org_application_pending_name ON org_application (tenant_id, parent_id, name) WHERE status = 'PENDING';
      CREATE UNIQUE INDEX org_application_pending_code ON org_application (tenant_id, code) WHERE status = 'PENDING' AND code IS NOT NULL;
      CREATE UNIQUE INDEX org_application_pending_username ON org_application (tenant_id, admin_username) WHERE status = 'PENDING';
      CREATE UNIQUE INDEX org_application_receipt ON org_application (tenant_id, receipt_hash);
      -- the queues: the parent's, the bureau's (the whole tenant), by state, in application order
      CREATE INDEX org_application_parent_queue ON org_application (tenant_id, parent_id, status, queue_no);
      CREATE INDEX org_application_queue ON org_application (tenant_id, status, queue_no);
      CREATE INDEX org_application_expiry ON org_application (tenant_id, expires_at) WHERE status = 'PENDING';

      -- the public directory for sign-up: nodes of one kind by name (keyset on name, id)
      CREATE INDEX org_node_directory ON org_node (tenant_id, kind, name COLLATE "C", id);

      GRANT SELECT, INSERT, UPDATE ON professional_registration, org_application TO ce_runtime;

      CREATE TABLE registration_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
      CREATE INDEX registration_limit_by_expiry ON registration_limit (expire);
      GRANT SELECT, INSERT, UPDATE, DELETE ON registration_limit TO ce_runtime;
    `);
    for (const table of ['professional_registration', 'org_application']) await enableTenantIsolation(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS registration_limit, org_application, professional_registration;
      DROP INDEX IF EXISTS org_node_directory;
    `);
  }
}

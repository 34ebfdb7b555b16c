import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Deadline reminders (issue 13). An account's own e-mail address and its opt-out; in-app
 * notifications, which only their account reads (a second, restrictive policy on top of the
 * tenant wall); and the ledgers that make a reminder happen once: one row per (tenant,
 * deadline, days before it, person) and per (tenant, day, unit official's digest), written in
 * the same transaction as the notification, with what became of the e-mail. `reminder_run`
 * remembers up to which day a tenant's crossings have been handled. The job queue (pg-boss)
 * has its own schema, installed at start (server/reminders/job-schema.ts).
 */
export class Reminders1733730000000 implements MigrationInterface {
  name = 'Reminders1733730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE account
        ADD COLUMN email text CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$')),
        ADD COLUMN email_opt_out boolean NOT NULL DEFAULT false;

      CREATE TABLE notification (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        -- the order of "my notifications" (newest first) and its keyset
        no bigint GENERATED ALWAYS AS IDENTITY,
        account_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SHORTFALL_REMINDER', 'UNIT_DIGEST')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        -- year, deadline, daysBefore, and for a digest the number of people
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
      );
      -- "my notifications", newest first (keyset on no), and the unread count
      CREATE INDEX notification_by_account ON notification (tenant_id, account_id, no DESC);
      CREATE INDEX notification_unread ON notification (tenant_id, account_id) WHERE read_at IS NULL;

      CREATE TABLE reminder_ledger (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        deadline date NOT NULL,
        days_before int NOT NULL CHECK (days_before BETWEEN 1 AND 366),
        professional_id uuid NOT NULL,
        year int NOT NULL,
        -- the yearly deadline, or a title applicant's own
        deadline_kind text NOT NULL CHECK (deadline_kind IN ('YEAR', 'TITLE')),
        -- the day (China time) the reminder was made, and the person's unit then (the digest's)
        reminded_on date NOT NULL,
        unit_id uuid NOT NULL,
        public_shortfall numeric NOT NULL,
        professional_shortfall numeric NOT NULL,
        -- the person's account (null: none yet, so no notification and no e-mail)
        account_id uuid,
        -- PENDING: claimed for sending by the process that wrote it; SENT; RETRY (a refusal or an
        -- unreachable server, tried again by the next run); FAILED (gave up); SKIPPED (no account,
        -- no address, opted out, or e-mail off)
        mail_state text NOT NULL CHECK (mail_state IN ('PENDING', 'SENT', 'RETRY', 'FAILED', 'SKIPPED')),
        mail_attempts int NOT NULL DEFAULT 0,
        mailed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, deadline, days_before, professional_id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
        FOREIGN KEY (tenant_id, unit_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
      );
      CREATE INDEX reminder_ledger_by_day ON reminder_ledger (tenant_id, reminded_on, unit_id);
      CREATE INDEX reminder_ledger_retry ON reminder_ledger (tenant_id, created_at) WHERE mail_state = 'RETRY';

      CREATE TABLE reminder_digest (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        reminded_on date NOT NULL,
        account_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        people int NOT NULL CHECK (people > 0),
        mail_state text NOT NULL CHECK (mail_state IN ('PENDING', 'SENT', 'RETRY', 'FAILED', 'SKIPPED')),
        mail_attempts int NOT NULL DEFAULT 0,
        mailed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, reminded_on, account_id),
        FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
        FOREIGN KEY (tenant_id, unit_id) REFERENCES org_node (tenant_id, id)
      );
      CREATE INDEX reminder_digest_retry ON reminder_digest (tenant_id, created_at) WHERE mail_state = 'RETRY';

      CREATE TABLE reminder_run (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        -- every reminder day up to and including this one has been handled
        reminded_through date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id)
      );

      GRANT SELECT, INSERT, UPDATE (read_at) ON notification TO ce_runtime;
      GRANT SELECT, INSERT, UPDATE (mail_state, mail_attempts, mailed_at) ON reminder_ledger, reminder_digest TO ce_runtime;
      GRANT SELECT, INSERT, UPDATE ON reminder_run TO ce_runtime;

      CREATE FUNCTION app_current_actor() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $f$ SELECT NULLIF(current_setting('app.actor_id', true), '')::uuid $f$;
      GRANT EXECUTE ON FUNCTION app_current_actor() TO ce_runtime;
    `);
    for (const table of ['notification', 'reminder_ledger', 'reminder_digest', 'reminder_run']) {
      await enableTenantIsolation(q, table);
    }
    await q.query(`
      -- Only its account reads or marks a notification, whoever else works in the tenant; the
      -- reminder job (no account) writes them without reading them back.
      CREATE POLICY notification_owner_reads ON notification AS RESTRICTIVE FOR SELECT
        USING (account_id = (SELECT app_current_actor()));
      CREATE POLICY notification_owner_marks ON notification AS RESTRICTIVE FOR UPDATE
        USING (account_id = (SELECT app_current_actor()));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS reminder_run, reminder_digest, reminder_ledger, notification;
      DROP FUNCTION IF EXISTS app_current_actor();
      ALTER TABLE account DROP COLUMN IF EXISTS email, DROP COLUMN IF EXISTS email_opt_out;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Training providers (继续教育基地、施教机构; issue 11):
 * - `training_project`: a project a provider filed (an API client with training:report, or the
 *   platform's own courses: no client), the policy kind its completions are recorded as and the
 *   base parameters of that activity, and whether it was filed in time (Jining 002 五、: at least
 *   5 working days before it starts). A late project is kept; its completions earn 0 hours;
 * - `training_report_batch`: one report of completions under a key the client chose, with a hash
 *   of its content and the per-row answers, so the same key replays the same answer and the same
 *   key with other content is refused;
 * - `training_completion`: one per project and person (a repeat credits once), with the
 *   activity it became (none for a late project).
 * Projects and completions are never changed or deleted by the runtime: they are what was
 * reported. Only a batch's answer is written after its key is claimed.
 */
export class Providers1733200000000 implements MigrationInterface {
  name = 'Providers1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE training_project (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source IN ('PROVIDER', 'PLATFORM')),
        provider_client_id uuid,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind ~ '^[A-Za-z][A-Za-z0-9_]{0,63}$'),
        kind_name text NOT NULL CHECK (length(kind_name) BETWEEN 1 AND 200),
        subject text NOT NULL CHECK (subject IN ('PUBLIC', 'PROFESSIONAL')),
        hours double precision NOT NULL CHECK (hours > 0 AND hours <= 2000),
        -- the activity's parameters but the hours, which each completion sets (hours_param)
        params jsonb NOT NULL DEFAULT '{}',
        hours_param text NOT NULL CHECK (length(hours_param) BETWEEN 1 AND 64),
        start_date date NOT NULL,
        end_date date NOT NULL,
        audience text NOT NULL CHECK (length(audience) BETWEEN 1 AND 500),
        venue text NOT NULL CHECK (length(venue) BETWEEN 1 AND 200),
        filed_by uuid NOT NULL,
        filed_at timestamptz NOT NULL DEFAULT now(),
        filed_on date NOT NULL,
        lead_working_days int CHECK (lead_working_days BETWEEN 1 AND 60),
        working_days_before int CHECK (working_days_before >= 0),
        on_time boolean NOT NULL,
        late_reason text CHECK (late_reason IS NULL OR length(late_reason) BETWEEN 1 AND 500),
        calendar_note text CHECK (calendar_note IS NULL OR length(calendar_note) BETWEEN 1 AND 500),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, provider_client_id) REFERENCES api_client (tenant_id, id),
        CHECK ((source = 'PROVIDER') = (provider_client_id IS NOT NULL)),
        CHECK (end_date >= start_date AND date_part('year', end_date) = date_part('year', start_date)),
        CHECK (on_time = (late_reason IS NULL)),
        CHECK ((lead_working_days IS NULL) = (working_days_before IS NULL))
      );
      -- newest first: a provider's own list, and the bureau's list of all
      CREATE INDEX training_project_by_provider ON training_project (tenant_id, provider_client_id, filed_at DESC, id DESC);
      CREATE INDEX training_project_by_filed ON training_project (tenant_id, filed_at DESC, id DESC);

      CREATE TABLE training_report_batch (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        source text NOT NULL CHECK (source IN ('PROVIDER', 'PLATFORM')),
        provider_client_id uuid,
        batch_key text NOT NULL CHECK (length(batch_key) BETWEEN 1 AND 100),
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        received int NOT NULL CHECK (received BETWEEN 1 AND 10000),
        credited int,
        not_credited int,
        already_reported int,
        rejected int,
        -- per row: [index, masked ID number, status, code or null, hours]; null until answered
        results jsonb,
        reported_by uuid NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, project_id) REFERENCES training_project (tenant_id, id),
        FOREIGN KEY (tenant_id, provider_client_id) REFERENCES api_client (tenant_id, id),
        CHECK ((source = 'PROVIDER') = (provider_client_id IS NOT NULL))
      );
      -- a client's batch key is its own (the platform's keys are one namespace per tenant)
      CREATE UNIQUE INDEX training_report_batch_key ON training_report_batch
        (tenant_id, COALESCE(provider_client_id, '00000000-0000-0000-0000-000000000000'::uuid), batch_key);

      CREATE TABLE training_completion (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        project_id uuid NOT NULL,
        professional_id uuid NOT NULL,
        batch_id uuid NOT NULL,
        completed_on date NOT NULL,
        -- hours recorded on the activity; 0 for a project filed late (no activity)
        hours double precision NOT NULL CHECK (hours >= 0 AND hours <= 2000),
        activity_id uuid,
        reported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, project_id, professional_id),
        FOREIGN KEY (tenant_id, project_id) REFERENCES training_project (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
        FOREIGN KEY (tenant_id, batch_id) REFERENCES training_report_batch (tenant_id, id),
        FOREIGN KEY (tenant_id, activity_id) REFERENCES activity (tenant_id, id),
        CHECK ((activity_id IS NULL) = (hours = 0))
      );
      CREATE INDEX training_completion_by_professional ON training_completion (tenant_id, professional_id);

      GRANT SELECT, INSERT ON training_project, training_completion TO ce_runtime;
      GRANT SELECT, INSERT, UPDATE (credited, not_credited, already_reported, rejected, results) ON training_report_batch TO ce_runtime;
    `);
    for (const table of ['training_project', 'training_report_batch', 'training_completion']) await enableTenantIsolation(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS training_completion, training_report_batch, training_project`);
  }
}

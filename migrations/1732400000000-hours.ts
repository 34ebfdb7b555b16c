import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Hours: published policy revisions (append-only), recorded activities,
 * certified years (bound to the revision they were judged under) and the
 * title-review integrity record.
 */
export class Hours1732400000000 implements MigrationInterface {
  name = 'Hours1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policy_revision (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        revision int NOT NULL CHECK (revision >= 1),
        document jsonb NOT NULL,
        note text,
        published_by uuid,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, revision)
      );

      CREATE TABLE activity (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        professional_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind ~ '^[A-Za-z][A-Za-z0-9_]{0,63}$'),
        year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        occurred_on date,
        params jsonb NOT NULL DEFAULT '{}',
        source text NOT NULL DEFAULT 'OFFICIAL' CHECK (source IN ('OFFICIAL', 'DECLARATION', 'PROVIDER', 'PLATFORM')),
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id)
      );
      CREATE INDEX activity_by_professional ON activity (tenant_id, professional_id, year, id);

      CREATE TABLE year_certification (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        professional_id uuid NOT NULL,
        year int NOT NULL,
        policy_revision_id uuid NOT NULL,
        complete boolean NOT NULL,
        result jsonb NOT NULL,
        certified_by uuid,
        certified_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, professional_id, year),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
        FOREIGN KEY (tenant_id, policy_revision_id) REFERENCES policy_revision (tenant_id, id)
      );

      CREATE TABLE integrity_record (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        professional_id uuid NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL CHECK (to_date >= from_date),
        reason text NOT NULL,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id)
      );
      CREATE INDEX integrity_record_by_professional ON integrity_record (tenant_id, professional_id);

      GRANT SELECT, INSERT ON policy_revision, year_certification TO ce_runtime;
      GRANT SELECT, INSERT ON activity, integrity_record TO ce_runtime;
    `);
    for (const table of ['policy_revision', 'activity', 'year_certification', 'integrity_record']) {
      await enableTenantIsolation(q, table);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS integrity_record, year_certification, activity, policy_revision`);
  }
}

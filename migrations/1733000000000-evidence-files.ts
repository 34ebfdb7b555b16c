import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Uploaded evidence files (证明材料):
 * - `evidence_file`: one row per stored file, inserted only once its bytes
 *   are stored whole; the bytes themselves are in the object storage under
 *   `storage_key`. The id is chosen by the server before storing (a UUIDv7, so
 *   ids sort by upload time). The runtime role may read and add rows, nothing
 *   else: a file is never changed, and a declaration refers to it from its
 *   own table.
 * - `evidence_upload_count`: the daily quota's counter, one row per account:
 *   the files it uploaded on `day` (China time). One conditional upsert
 *   consumes it before any byte is stored, starting again at 1 on a new day.
 */
export class EvidenceFiles1733000000000 implements MigrationInterface {
  name = 'EvidenceFiles1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_file (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        uploaded_by uuid NOT NULL,
        professional_id uuid,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        bytes int NOT NULL CHECK (bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL CHECK (length(storage_key) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, storage_key),
        FOREIGN KEY (tenant_id, uploaded_by) REFERENCES account (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id)
      );
      CREATE INDEX evidence_file_by_uploader ON evidence_file (tenant_id, uploaded_by, id DESC);
      CREATE INDEX evidence_file_by_professional ON evidence_file (tenant_id, professional_id) WHERE professional_id IS NOT NULL;

      CREATE TABLE evidence_upload_count (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        account_id uuid NOT NULL,
        day date NOT NULL,
        files int NOT NULL CHECK (files >= 0),
        PRIMARY KEY (tenant_id, account_id),
        FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
      );

      GRANT SELECT, INSERT ON evidence_file TO ce_runtime;
      GRANT SELECT, INSERT, UPDATE ON evidence_upload_count TO ce_runtime;
    `);
    for (const table of ['evidence_file', 'evidence_upload_count']) await enableTenantIsolation(q, table);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS evidence_upload_count, evidence_file`);
  }
}

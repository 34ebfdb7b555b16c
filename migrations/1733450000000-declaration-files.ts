import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * The evidence files a declaration names, one row per (declaration, file), kept in step with
 * `declaration.file_ids`. It answers "may this caller read this file?" for reviewers who are
 * not above the uploader in the tree (a sector reviewer such as Qingdao's health commission)
 * and for files an official attached when filing for someone: whoever may see a declaration
 * naming the file may read it. Looked up by file id with a plain equality (an array operator on
 * `file_ids` would lose its index under row-level security).
 */
export class DeclarationFiles1733450000000 implements MigrationInterface {
  name = 'DeclarationFiles1733450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE declaration_file (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        declaration_id uuid NOT NULL,
        file_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, declaration_id, file_id),
        FOREIGN KEY (tenant_id, declaration_id) REFERENCES declaration (tenant_id, id),
        FOREIGN KEY (tenant_id, file_id) REFERENCES evidence_file (tenant_id, id)
      );
      CREATE INDEX declaration_file_by_file ON declaration_file (tenant_id, file_id);
      INSERT INTO declaration_file (tenant_id, declaration_id, file_id)
        SELECT d.tenant_id, d.id, f FROM declaration d, unnest(d.file_ids) AS f ON CONFLICT DO NOTHING;
      GRANT SELECT, INSERT, DELETE ON declaration_file TO ce_runtime;
    `);
    await enableTenantIsolation(q, 'declaration_file');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS declaration_file`);
  }
}

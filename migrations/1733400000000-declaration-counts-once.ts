import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts once (issue 11): one professional cannot have two live declarations (anything but a
 * draft or a withdrawn one) of
 * - the same certificate number (`certificate_key`: the number normalised; with the year for
 *   kinds whose one certificate serves several years, such as a transfer-in's certificate book),
 * - the same result (`result_key`: result title + year + issuer, normalised), or
 * - the same once-only evidence (`once_key`: the kind's `countsOnce` key parameters; with the
 *   year when the policy counts it once a year, without it when once ever — the Corps'
 *   qualification certificate cannot be used in a second year).
 * The keys are computed by the application (server/declarations/counts-once.ts); the partial
 * unique indexes make the rule hold when two submissions race. `declaration_by_result` finds
 * the co-authors of a paper across the tenant (more declarants than authors is flagged).
 */
export class DeclarationCountsOnce1733400000000 implements MigrationInterface {
  name = 'DeclarationCountsOnce1733400000000';

  async up(q: QueryRunner): Promise<void> {
    const live = `status NOT IN ('DRAFT', 'WITHDRAWN')`;
    await q.query(`
      ALTER TABLE declaration
        ADD COLUMN result_title text CHECK (result_title IS NULL OR length(result_title) BETWEEN 1 AND 200),
        ADD COLUMN certificate_key text CHECK (certificate_key IS NULL OR length(certificate_key) BETWEEN 1 AND 80),
        ADD COLUMN result_key text CHECK (result_key IS NULL OR length(result_key) BETWEEN 1 AND 400),
        ADD COLUMN once_key text CHECK (once_key IS NULL OR length(once_key) BETWEEN 1 AND 700);
      CREATE UNIQUE INDEX declaration_certificate_once ON declaration (tenant_id, professional_id, certificate_key)
        WHERE certificate_key IS NOT NULL AND ${live};
      CREATE UNIQUE INDEX declaration_result_once ON declaration (tenant_id, professional_id, result_key)
        WHERE result_key IS NOT NULL AND ${live};
      CREATE UNIQUE INDEX declaration_counts_once ON declaration (tenant_id, professional_id, once_key)
        WHERE once_key IS NOT NULL AND ${live};
      CREATE INDEX declaration_by_result ON declaration (tenant_id, result_key, professional_id)
        WHERE result_key IS NOT NULL AND ${live};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS declaration_by_result, declaration_counts_once, declaration_result_once, declaration_certificate_once;
      ALTER TABLE declaration DROP COLUMN IF EXISTS once_key, DROP COLUMN IF EXISTS result_key,
        DROP COLUMN IF EXISTS certificate_key, DROP COLUMN IF EXISTS result_title;
    `);
  }
}

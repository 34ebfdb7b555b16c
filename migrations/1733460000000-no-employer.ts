import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new employer type, NO_EMPLOYER (无用人单位): the organisation node where people without an
 * employer are registered (a personnel agency, a talent service centre). Qingdao (001 五、)
 * routes their declarations to the body that handles their title application.
 */
export class NoEmployer1733460000000 implements MigrationInterface {
  name = 'NoEmployer1733460000000';

  async up(q: QueryRunner): Promise<void> {
    const types = `'GOVERNMENT_AGENCY', 'PUBLIC_INSTITUTION', 'STATE_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'SOCIAL_ORGANISATION', 'OTHER', 'NO_EMPLOYER'`;
    await q.query(`
      ALTER TABLE org_node
        DROP CONSTRAINT org_node_employer_type_check,
        DROP CONSTRAINT org_node_effective_employer_type_check,
        ADD CONSTRAINT org_node_employer_type_check CHECK (employer_type IN (${types})),
        ADD CONSTRAINT org_node_effective_employer_type_check CHECK (effective_employer_type IN (${types}));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const types = `'GOVERNMENT_AGENCY', 'PUBLIC_INSTITUTION', 'STATE_ENTERPRISE', 'PRIVATE_ENTERPRISE', 'SOCIAL_ORGANISATION', 'OTHER'`;
    await q.query(`
      UPDATE org_node SET employer_type = 'OTHER' WHERE employer_type = 'NO_EMPLOYER';
      ALTER TABLE org_node
        DROP CONSTRAINT org_node_employer_type_check,
        DROP CONSTRAINT org_node_effective_employer_type_check,
        ADD CONSTRAINT org_node_employer_type_check CHECK (employer_type IN (${types})),
        ADD CONSTRAINT org_node_effective_employer_type_check CHECK (effective_employer_type IN (${types}));
    `);
  }
}

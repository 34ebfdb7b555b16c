import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the audit log as the bureau reads it (`auditEvents`): newest first, keyset on
 * (at, id), with or without a filter. Each starts with tenant_id (row-level security's
 * condition) and ends with (at, id), so a page of a filtered list reads its rows in order
 * (a backward index scan) instead of sorting every match:
 * - `audit_log_recent`: no filter, or only days;
 * - `audit_log_actor` and `audit_log_entity` replace the foundation's (…, id) ones, whose
 *   order is the row id, not the time a page is sorted by;
 * - `audit_log_entity_type`: a record type without a record;
 * - `audit_log_actor_label` and `audit_log_action` in the "C" collation: an exact value reads
 *   its rows in order; a prefix is a range of the same index (`LIKE` would not be leakproof
 *   and lose the index under row-level security), which the planner either reads and sorts
 *   (a rare prefix) or leaves for `audit_log_recent` filtered (a common one).
 */
export class AuditLogLists1733600000000 implements MigrationInterface {
  name = 'AuditLogLists1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX audit_log_entity;
      DROP INDEX audit_log_actor;
      CREATE INDEX audit_log_recent ON audit_log (tenant_id, at, id);
      CREATE INDEX audit_log_actor ON audit_log (tenant_id, actor_id, at, id);
      CREATE INDEX audit_log_actor_label ON audit_log (tenant_id, actor_label COLLATE "C", at, id);
      CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity_type, entity_id, at, id);
      CREATE INDEX audit_log_entity_type ON audit_log (tenant_id, entity_type, at, id);
      CREATE INDEX audit_log_action ON audit_log (tenant_id, action COLLATE "C", at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX IF EXISTS audit_log_recent, audit_log_actor, audit_log_actor_label, audit_log_entity, audit_log_entity_type, audit_log_action;
      CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity_type, entity_id, id);
      CREATE INDEX audit_log_actor ON audit_log (tenant_id, actor_id, id);
    `);
  }
}

// The audit log is append-only: the runtime role may insert and read, and a
// trigger refuses UPDATE and DELETE for everyone.
import { execute, type Queryable } from '../platform/sql';

export interface AuditRow {
  tenantId: string | null;
  requestId: string;
  actorKind: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: object | null;
  after: object | null;
}

export class AuditRepository {
  async insert(db: Queryable, r: AuditRow): Promise<void> {
    await execute(
      db,
      `INSERT INTO audit_log (tenant_id, request_id, actor_kind, actor_id, actor_label, action, entity_type, entity_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [r.tenantId, r.requestId, r.actorKind, r.actorId, r.actorLabel, r.action, r.entityType, r.entityId, r.before, r.after],
    );
  }

  /** Several rows in one statement (a bulk decision's rows, one per item). */
  async insertMany(db: Queryable, rows: readonly AuditRow[]): Promise<void> {
    if (!rows.length) return;
    const column = <T>(f: (r: AuditRow) => T) => rows.map(f);
    await execute(
      db,
      `INSERT INTO audit_log (tenant_id, request_id, actor_kind, actor_id, actor_label, action, entity_type, entity_id, before, after)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::jsonb[])`,
      [
        column((r) => r.tenantId),
        column((r) => r.requestId),
        column((r) => r.actorKind),
        column((r) => r.actorId),
        column((r) => r.actorLabel),
        column((r) => r.action),
        column((r) => r.entityType),
        column((r) => r.entityId),
        column((r) => (r.before === null ? null : JSON.stringify(r.before))),
        column((r) => (r.after === null ? null : JSON.stringify(r.after))),
      ],
    );
  }
}

// The audit trail: one append-only row per write, in the same transaction as
// the write, so a write and its record commit or vanish together.
import type { Queryable } from '../platform/sql';
import type { Context } from '../platform/context';
import type { Actor } from '../platform/actor';
import { maskIdNumber } from '../platform/id-number';
import type { AuditRepository, AuditRow } from './audit.repository';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

const ID_NUMBER_KEYS = new Set(['idNumber', 'id_number', 'username']);

/** ID numbers are stored once, in their table; the trail keeps only masked copies. */
function scrub(value: object | null | undefined): object | null {
  if (!value) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'passwordHash' || k === 'password_hash' || k === 'codeHash' || k === 'secretHash') continue;
    out[k] = ID_NUMBER_KEYS.has(k) && typeof v === 'string' && /^[0-9]{17}[0-9X]$/.test(v) ? maskIdNumber(v) : v;
  }
  return out;
}

function actorColumns(actor: Actor): { kind: string; id: string | null; label: string } {
  switch (actor.kind) {
    case 'ACCOUNT':
    case 'API_CLIENT':
      return { kind: actor.kind, id: actor.id, label: actor.label };
    case 'OPERATOR':
      return { kind: 'OPERATOR', id: actor.id, label: actor.label };
    default:
      return { kind: 'SYSTEM', id: null, label: 'anonymous' };
  }
}

export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  async record(ctx: Context, entry: AuditEntry, options: { actor?: Actor; tenantId?: string; em?: Queryable } = {}): Promise<void> {
    await this.repo.insert(options.em ?? (await ctx.db()), toRow(ctx, entry, options.actor ?? ctx.actor, options.tenantId ?? ctx.tenantId));
  }

  /** Entries of one actor's request in one statement (a bulk decision: one entry per item). */
  async recordMany(ctx: Context, entries: readonly AuditEntry[]): Promise<void> {
    await this.repo.insertMany(
      await ctx.db(),
      entries.map((entry) => toRow(ctx, entry, ctx.actor, ctx.tenantId)),
    );
  }
}

/**
 * The audit rows of a set-based write, for the statement that makes the write: an
 * `INSERT INTO audit_log … SELECT … FROM <source> RETURNING action` in which this request's
 * tenant, request id and actor fill the columns (parameters numbered from `firstParam`), and
 * `source` (a CTE or sub-select of the caller's statement, usually reading its own
 * data-modifying CTE's RETURNING) gives each row's action, entity_type, entity_id, before and
 * after (jsonb). Nothing scrubs those in SQL: ID numbers in them must already be masked
 * (`maskedIdNumberSql`). A write of thousands of rows so audits each of them in the same
 * statement, without bringing them back to the server.
 */
export function auditInsertSql(ctx: Context, source: string, firstParam: number): { sql: string; params: unknown[] } {
  const actor = actorColumns(ctx.actor);
  const n = (i: number) => `$${firstParam + i}`;
  return {
    sql: `INSERT INTO audit_log (tenant_id, request_id, actor_kind, actor_id, actor_label, action, entity_type, entity_id, before, after)
      SELECT ${n(0)}::uuid, ${n(1)}::text, ${n(2)}::text, ${n(3)}::uuid, ${n(4)}::text, s.action, s.entity_type, s.entity_id, s.before, s.after FROM ${source} s
      RETURNING action`,
    params: [ctx.tenantId, ctx.requestId, actor.kind, actor.id, actor.label],
  };
}

function toRow(ctx: Context, entry: AuditEntry, by: Actor, tenantId: string | null): AuditRow {
  const actor = actorColumns(by);
  return {
    tenantId,
    requestId: ctx.requestId,
    actorKind: actor.kind,
    actorId: actor.id,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: scrub(entry.before),
    after: scrub(entry.after),
  };
}

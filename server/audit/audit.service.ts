// The audit trail: one append-only row per write, in the same transaction as
// the write, so a write and its record commit or vanish together.
import type { EntityManager } from 'typeorm';
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

  async record(ctx: Context, entry: AuditEntry, options: { actor?: Actor; tenantId?: string; em?: EntityManager } = {}): Promise<void> {
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

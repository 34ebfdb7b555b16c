// Data retention (issue 16): declarations, their review decisions and evidence files are kept as
// long as the tenant's policy says (retention-years.ts) and then removed, a slice per transaction,
// each slice audited with its counts in its own transaction. A removed file's row becomes a
// tombstone in the same transaction; the stored object is deleted only after the commit, and the
// tombstone after that, so a crash anywhere leaves the file listed for the next run.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../platform/clock';
import type { Context, Loaders } from '../platform/context';
import { AppError } from '../platform/errors';
import type { Logger } from '../platform/logger';
import type { Queryable } from '../platform/sql';
import type { ObjectStorage } from '../platform/storage';
import { inLazyTransaction } from '../platform/transaction';
import type { PoliciesService } from '../policy/policy.service';
import { retentionBoundary } from './retention-years';
import type { RetentionRepository, SliceCounts } from './retention.repository';

export interface RetentionOptions {
  /** Count what would go; remove nothing. */
  dryRun?: boolean;
  /** Rows a slice (one transaction) takes at most. */
  slice?: number;
}

export interface RetentionSummary {
  tenantId: string;
  dryRun: boolean;
  keptYears: number;
  beforeYear: number;
  declarations: number;
  decisions: number;
  files: number;
  bytes: number;
  /** Stored objects deleted by this run (tombstones of earlier runs included). */
  objectsDeleted: number;
}

const DEFAULT_SLICE = 500;
const TOMBSTONES_AT_ONCE = 100;

export class RetentionService {
  constructor(
    private readonly runtime: DataSource,
    private readonly repo: RetentionRepository,
    private readonly storage: ObjectStorage,
    private readonly policies: PoliciesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The tenants a scheduled run visits. */
  activeTenants(): Promise<{ id: string; code: string }[]> {
    return this.asOperator((db) => this.repo.activeTenants(db));
  }

  /** The tenant of this code, or null. */
  tenantByCode(code: string): Promise<{ id: string; code: string } | null> {
    return this.asOperator((db) => this.repo.tenantByCode(db, code));
  }

  async runTenant(tenantId: string, log: Logger, options: RetentionOptions = {}): Promise<RetentionSummary> {
    const dryRun = options.dryRun ?? false;
    const slice = options.slice ?? DEFAULT_SLICE;
    const policy = await this.inTenant(tenantId, log, async (ctx) => {
      try {
        return (await this.policies.current(ctx)).document;
      } catch (error) {
        if (error instanceof AppError && error.code === 'POLICY_NOT_PUBLISHED') return null;
        throw error;
      }
    });
    const { keptYears, beforeYear } = retentionBoundary(policy, Number(this.clock.today().slice(0, 4)));
    const summary: RetentionSummary = { tenantId, dryRun, keptYears, beforeYear, declarations: 0, decisions: 0, files: 0, bytes: 0, objectsDeleted: 0 };
    const phases = [
      { name: 'declarations', take: (db: Queryable, after: string | null) => this.repo.declarationSlice(db, beforeYear, after, slice, dryRun) },
      { name: 'files', take: (db: Queryable, after: string | null) => this.repo.fileSlice(db, beforeYear, after, slice, dryRun) },
    ];
    for (const phase of phases) {
      let after: string | null = null;
      do {
        const counts: SliceCounts = await this.inTenant(tenantId, log, async (ctx) => {
          const taken = await phase.take(await ctx.db(), after);
          if (!dryRun && taken.lastId) await this.recordSlice(ctx, phase.name, { keptYears, beforeYear }, taken);
          return taken;
        });
        summary.declarations += counts.declarations;
        summary.decisions += counts.decisions;
        summary.files += counts.files;
        summary.bytes += counts.bytes;
        after = counts.lastId;
      } while (after);
    }
    if (!dryRun) summary.objectsDeleted = await this.deleteStoredObjects(tenantId, log);
    log.info({ retention: summary }, dryRun ? 'retention dry run' : 'retention run');
    return summary;
  }

  /** Deletes the stored objects of the tenant's tombstones, then the tombstones, a batch at a time. */
  private async deleteStoredObjects(tenantId: string, log: Logger): Promise<number> {
    let deleted = 0;
    for (;;) {
      const batch = await this.inTenant(tenantId, log, async (ctx) => this.repo.tombstones(await ctx.db(), TOMBSTONES_AT_ONCE));
      if (!batch.length) return deleted;
      const done: string[] = [];
      for (const t of batch) {
        try {
          await this.storage.delete(t.storageKey);
          done.push(t.fileId);
        } catch (error) {
          log.error({ err: error, fileId: t.fileId }, 'retention: stored file not deleted (kept on the list)');
        }
      }
      if (!done.length) return deleted;
      deleted += await this.inTenant(tenantId, log, async (ctx) => this.repo.dropTombstones(await ctx.db(), done));
    }
  }

  /** One audit row per slice, in the slice's transaction: what went, counted, never what it said. */
  private recordSlice(ctx: Context, phase: string, boundary: { keptYears: number; beforeYear: number }, c: SliceCounts): Promise<void> {
    const after = { phase, ...boundary, declarations: c.declarations, decisions: c.decisions, files: c.files, bytes: c.bytes };
    return this.audit.record(ctx, { action: 'retention.remove', entityType: 'tenant', entityId: ctx.tenantId!, after });
  }

  private asOperator<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    return inLazyTransaction(this.runtime, { tenantId: null, operator: true }, async (tx) => work(await tx.manager()));
  }

  /** One transaction of the tenant, as a system actor, with the context the audit needs. */
  private inTenant<T>(tenantId: string, log: Logger, work: (ctx: Context) => Promise<T>): Promise<T> {
    return inLazyTransaction(this.runtime, { tenantId }, (tx) =>
      work({ requestId: `retention-${randomUUID()}`, clientAddress: 'retention', actor: { kind: 'SYSTEM', label: 'retention' }, tenantId, tx, db: () => tx.manager(), loaders: {} as Loaders, log }),
    );
  }
}

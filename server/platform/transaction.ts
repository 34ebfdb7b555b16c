// Every tenant query runs inside a transaction whose first statement sets the
// tenant (transaction-local, so a pooled connection never carries it over).
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Queryable } from './sql';

export interface TenantSettings {
  tenantId: string | null;
  operator?: boolean;
  actorId?: string | null;
}

export async function applySettings(runner: Queryable, s: TenantSettings): Promise<void> {
  await runner.query(
    `SELECT set_config('app.tenant_id', $1, true), set_config('app.operator', $2, true), set_config('app.actor_id', $3, true)`,
    [s.tenantId ?? '', s.operator ? 'on' : '', s.actorId ?? ''],
  );
}

export async function inTransaction<T>(
  ds: DataSource,
  settings: TenantSettings,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  return ds.transaction(async (em) => {
    await applySettings(em, settings);
    return work(em);
  });
}

/** A request's (or a job's) database as services see it through `ctx.tx`. */
export interface RequestTransaction {
  /** True once the transaction opened (the tenant can no longer change). */
  readonly isOpen: boolean;
  /** Switch tenant before first use (sign-in learns the tenant from its input). */
  setTenant(settings: TenantSettings): void;
  manager(): Promise<Queryable>;
  /** Serve the rest with single read-only statements outside a transaction, if possible before first use. */
  readOnly(): boolean;
  /** Commits (or rolls back) and releases; once; nothing when never opened. */
  finish(commit: boolean): Promise<void>;
  /**
   * A read-only snapshot on the read replica for a heavy read (platform/read-replica.ts), ended
   * at the latest by `finish`; null or absent: read on the primary.
   */
  replicaSnapshot?(): Promise<ReadSnapshot | null>;
}

/** One read-only snapshot on the read replica (platform/read-replica.ts). */
export interface ReadSnapshot {
  readonly db: Queryable;
  /** True once the replica failed one of its statements (connection lost, conflict with recovery): the work may be done again on the primary. */
  readonly lost: boolean;
  /** Ends the snapshot and gives its connection back; once (later calls do nothing); never throws. */
  end(): Promise<void>;
}

/**
 * A transaction opened on first use and closed once by the request's end:
 * committed when the request succeeded, rolled back otherwise.
 */
export class LazyTransaction implements RequestTransaction {
  private runner: QueryRunner | null = null;
  private opening: Promise<EntityManager> | null = null;

  constructor(
    private readonly ds: DataSource,
    private settings: TenantSettings,
  ) {}

  get isOpen(): boolean {
    return this.opening !== null;
  }

  /** Switch tenant before first use (sign-in learns the tenant from its input). */
  setTenant(settings: TenantSettings): void {
    if (this.opening) throw new Error('tenant cannot change once the transaction is open');
    this.settings = settings;
  }

  /** A job's transaction stays one. */
  readOnly(): boolean {
    return false;
  }

  manager(): Promise<EntityManager> {
    if (!this.opening) {
      this.opening = (async () => {
        const runner = this.ds.createQueryRunner();
        await runner.connect();
        this.runner = runner;
        await runner.startTransaction();
        await applySettings(runner, this.settings);
        return runner.manager;
      })();
    }
    return this.opening;
  }

  async finish(commit: boolean): Promise<void> {
    if (!this.opening) return;
    try {
      await this.opening;
    } catch {
      // opening failed; the runner (if any) is released below
    }
    const runner = this.runner;
    this.runner = null;
    if (!runner) return;
    try {
      if (runner.isTransactionActive) {
        if (commit) await runner.commitTransaction();
        else await runner.rollbackTransaction();
      }
    } finally {
      await runner.release();
    }
  }
}

/**
 * A job's unit of work: `work` gets a transaction opened on its first statement, committed when
 * `work` returns and rolled back when it throws.
 */
export async function inLazyTransaction<T>(ds: DataSource, settings: TenantSettings, work: (tx: LazyTransaction) => Promise<T>): Promise<T> {
  const tx = new LazyTransaction(ds, settings);
  let ok = false;
  try {
    const out = await work(tx);
    ok = true;
    return out;
  } finally {
    await tx.finish(ok);
  }
}

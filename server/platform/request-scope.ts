// A request's use of the database (request-db.ts): a transaction, or single read statements,
// and the snapshots its heavy reads take on the read replica (read-replica.ts).
import type { ReplicaReader } from './read-replica';
import type { PooledTransaction, RequestPool } from './request-db';
import type { Queryable } from './sql';
import type { ReadSnapshot, RequestTransaction, TenantSettings } from './transaction';

/**
 * A request's database: a write transaction opened on first use (committed
 * when the request succeeded, rolled back otherwise), or — once `readOnly()`
 * was called before any use, as for a GraphQL query — single statements
 * outside any transaction, each on whichever connection is free.
 */
export class RequestScope implements RequestTransaction {
  private mode: 'write' | 'read' = 'write';
  private used = false;
  private opening: Promise<PooledTransaction> | null = null;
  private readonly direct: Queryable = { query: (text, values) => this.readStatement(text, values) };
  private readonly snapshots: ReadSnapshot[] = [];

  constructor(
    private readonly pool: RequestPool,
    private settings: TenantSettings,
    private readonly replica: ReplicaReader | null = null,
  ) {}

  /** True once any statement ran (the tenant can no longer change). */
  get isOpen(): boolean {
    return this.used;
  }

  setTenant(settings: TenantSettings): void {
    if (this.used) throw new Error('tenant cannot change once the transaction is open');
    this.settings = settings;
  }

  /** Serve the rest of the request with single read-only statements; false when a transaction is already open. */
  readOnly(): boolean {
    if (this.opening) return false;
    this.mode = 'read';
    return true;
  }

  /** Single statements outside the transaction, whatever the mode (authentication's look-ups). */
  reader(): Queryable {
    return this.direct;
  }

  private readStatement(text: string, values: unknown[] = []): Promise<unknown> {
    this.used = true;
    return this.pool.read(this.settings, text, values);
  }

  manager(): Promise<Queryable> {
    if (this.mode === 'read') return Promise.resolve(this.direct);
    this.used = true;
    this.opening ??= this.pool.begin(this.settings);
    return this.opening;
  }

  /** A snapshot on the read replica, unless this request has begun writing (its reads must see its writes). */
  async replicaSnapshot(): Promise<ReadSnapshot | null> {
    if (!this.replica || this.opening) return null;
    this.used = true;
    const snapshot = await this.replica.open(this.settings);
    if (snapshot) this.snapshots.push(snapshot);
    return snapshot;
  }

  async finish(commit: boolean): Promise<void> {
    for (const snapshot of this.snapshots.splice(0)) await snapshot.end();
    const opening = this.opening;
    if (!opening) return;
    let tx: PooledTransaction;
    try {
      tx = await opening;
    } catch {
      return; // opening failed and released its connection
    }
    await tx.end(commit);
    // the caller's next heavy reads wait for a replica that has this write
    if (commit) this.replica?.noteWrite(this.settings);
  }
}

// The read replica (READ_DATABASE_URL): a streaming standby of the primary (PostgreSQL's own
// physical replication, docs/OPERATIONS.md) that takes the heavy reads off it — the ones a
// capability names by asking for it (onReadReplica). Such a read gets one read-only
// REPEATABLE READ snapshot on the standby, as the runtime role under the request's tenant
// settings (set_config local to the snapshot, as on the primary), or the primary itself when:
//  - no replica is configured, or it could not be reached lately (tried again after a pause);
//  - the replica's data may be older than READ_REPLICA_MAX_LAG_MS (lagOf: measured against the
//    primary's WAL positions that heavy reads took, and the replay time of the last commit);
//  - the caller wrote: in this request (its write transaction is open), or in another within the
//    bound — then only a replica that has replayed past a position the primary had after the
//    write serves it.
// A replica that fails part-way (connection lost, a conflict with recovery) hands the read back
// to the primary: the work only reads, so it is done again there.
import { type ClientConfig, DatabaseError } from 'pg';
import type { Context } from './context';
import type { Logger } from './logger';
import { type PooledTransaction, RequestPool } from './request-db';
import { queryOne, type Queryable } from './sql';
import type { ReadSnapshot, RequestTransaction, TenantSettings } from './transaction';

/** How long an unreachable replica is left alone before it is tried again. */
const RETRY_AFTER_MS = 5000;
/** A replica that does not answer a connection within this is taken as unreachable. */
const CONNECT_TIMEOUT_MS = 2000;
/** Callers remembered for their recent writes, at most (older ones are forgotten first). */
const WRITERS_KEPT = 10_000;

/** Primary positions remembered, at most (each heavy read takes one; older than the bound are dropped). */
const SAMPLES_KEPT = 1000;

/** Run on the standby before the snapshot: what it has replayed, and when the last transaction it replayed committed. */
const LAG_CHECK = `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed,
  (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS behind_ms`;

interface LagRow {
  standby: boolean;
  replayed: string | null;
  behind_ms: number | null;
}

/** A WAL position (`16/B374D848`) as a number that compares. */
function lsnOf(text: string): bigint {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** The primary's WAL position when a heavy read began. */
interface Sample {
  at: number;
  lsn: bigint;
}

export interface ReplicaOptions {
  /** The standby, as the runtime role (replicaConnection). */
  connection: ClientConfig;
  poolSize: number;
  /** The most a read may lag behind the primary (0: only a replica that has replayed everything). */
  maxLagMs: number;
  /** The primary, asked for its current WAL position. */
  primary: Queryable;
  logger?: Logger;
}

/** What the replica served (tests, logs). */
export interface ReplicaStats {
  onReplica: number;
  onPrimary: number;
  /** The lag measured at the last check (0: caught up), null before any. */
  lastLagMs: number | null;
}

/**
 * The standby's connection as the runtime role: `readUrl` names where it is (host, port,
 * database); without a user of its own, the runtime role's user and password are used (a
 * physical copy has the primary's roles and passwords).
 */
export function replicaConnection(runtime: ClientConfig, readUrl: string): ClientConfig {
  const read = new URL(readUrl);
  const base = runtime.connectionString
    ? new URL(runtime.connectionString)
    : new URL(`postgres://${encodeURIComponent(runtime.user ?? '')}:${encodeURIComponent(String(runtime.password ?? ''))}@${runtime.host ?? 'localhost'}:${runtime.port ?? 5432}/${runtime.database ?? ''}`);
  base.hostname = read.hostname;
  base.port = read.port;
  if (read.pathname.length > 1) base.pathname = read.pathname;
  if (read.username) {
    base.username = read.username;
    base.password = read.password;
  }
  for (const [key, value] of read.searchParams) base.searchParams.set(key, value);
  return { connectionString: base.toString(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: 'ce-platform-replica' };
}

/** A failure of the replica itself rather than of the statement: the work may be done again on the primary. */
function isReplicaFailure(error: unknown): boolean {
  if (!(error instanceof DatabaseError)) return true; // connection lost or refused, timeout
  const code = error.code ?? '';
  // 40001: cancelled by a conflict with recovery; 57P0x: shutting down, cannot connect now; 08: connection
  return code === '40001' || code.startsWith('57P') || code.startsWith('08');
}

class ReplicaSnapshot implements ReadSnapshot {
  private failed = false;
  readonly db: Queryable = {
    query: (text, values) =>
      this.tx.query(text, values).catch((error: unknown) => {
        if (isReplicaFailure(error)) this.failed = true;
        throw error;
      }),
  };

  constructor(private readonly tx: PooledTransaction) {}

  get lost(): boolean {
    return this.failed;
  }

  async end(): Promise<void> {
    await this.tx.end(true).catch(() => undefined);
  }
}

export class ReplicaReader {
  private readonly pool: RequestPool;
  private downUntil = 0;
  /** When each caller (tenant and actor) last committed a write. */
  private readonly writers = new Map<string, number>();
  /** The primary's positions at recent heavy reads, oldest first. */
  private readonly samples: Sample[] = [];
  readonly stats: ReplicaStats = { onReplica: 0, onPrimary: 0, lastLagMs: null };

  constructor(private readonly options: ReplicaOptions) {
    this.pool = new RequestPool(options.connection, options.poolSize);
  }

  /** The requests' pool on the standby (tests observe its statements). */
  get requests(): RequestPool {
    return this.pool;
  }

  /** The caller of `settings` committed a write: its heavy reads wait for a replica that has it. */
  noteWrite(settings: TenantSettings): void {
    const key = writerKey(settings);
    this.writers.delete(key);
    this.writers.set(key, Date.now());
    if (this.writers.size > WRITERS_KEPT) this.writers.delete(this.writers.keys().next().value!);
  }

  /** A snapshot on the replica for `settings`, or null: read on the primary. */
  async open(settings: TenantSettings): Promise<ReadSnapshot | null> {
    if (Date.now() < this.downUntil) return this.onPrimary();
    const wrote = this.writers.get(writerKey(settings));
    // the primary's failure is the request's, not the replica's
    const position = await queryOne<{ lsn: string }>(this.options.primary, 'SELECT pg_current_wal_lsn()::text AS lsn');
    const now = this.remember(lsnOf(position!.lsn));
    try {
      const tx = await this.pool.snapshot(settings, async (db) => {
        const row = (await queryOne<LagRow>(db, LAG_CHECK))!;
        const replayed = row.standby && row.replayed ? lsnOf(row.replayed) : null;
        const lagMs = this.lagOf(replayed, row.behind_ms, now);
        this.stats.lastLagMs = lagMs;
        // the caller's own recent write: only a replica that has replayed what the primary had written since
        if (wrote !== undefined && now.at - wrote <= this.options.maxLagMs) return replayed === null || replayed >= this.firstSince(wrote).lsn;
        return lagMs <= this.options.maxLagMs;
      });
      if (!tx) return this.onPrimary();
      this.stats.onReplica++;
      return new ReplicaSnapshot(tx);
    } catch (error) {
      if (!isReplicaFailure(error)) throw error;
      this.downUntil = Date.now() + RETRY_AFTER_MS;
      this.options.logger?.warn({ err: error }, 'the read replica cannot be reached: heavy reads go to the primary for a while');
      return this.onPrimary();
    }
  }

  /** Keeps the primary's position `lsn` of now, forgetting those older than the bound. */
  private remember(lsn: bigint): Sample {
    const sample = { at: Date.now(), lsn };
    const oldest = sample.at - this.options.maxLagMs;
    let drop = 0;
    while (drop < this.samples.length && this.samples[drop]!.at < oldest) drop++;
    this.samples.splice(0, Math.max(drop, this.samples.length + 1 - SAMPLES_KEPT));
    this.samples.push(sample);
    return sample;
  }

  /** The first position taken at or after `time` (the current one at least). */
  private firstSince(time: number): Sample {
    return this.samples.find((s) => s.at >= time) ?? this.samples[this.samples.length - 1]!;
  }

  /**
   * How stale the standby's data may be, at most (0: it has all the primary had written when
   * the read began): the age of the newest primary position it has replayed past, or the time
   * since the last transaction it replayed committed, whichever is less; null `replayed`: not a
   * standby (a primary answers its own present).
   */
  private lagOf(replayed: bigint | null, behindMs: number | null, now: Sample): number {
    if (replayed === null || replayed >= now.lsn) return 0;
    let lag = behindMs ?? Number.POSITIVE_INFINITY;
    for (let i = this.samples.length - 1; i >= 0; i--) {
      const sample = this.samples[i]!;
      if (sample.lsn <= replayed) {
        lag = Math.min(lag, now.at - sample.at);
        break;
      }
    }
    return lag;
  }

  private onPrimary(): null {
    this.stats.onPrimary++;
    return null;
  }

  /** Waits for checked-out connections to come back, then closes every connection. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

function writerKey(settings: TenantSettings): string {
  return `${settings.tenantId ?? ''}|${settings.actorId ?? ''}`;
}

/**
 * Runs the heavy read `work` with a context whose database is a snapshot on the read replica —
 * or with `ctx` itself (the primary) when no replica is fit for it. Work the replica failed
 * part-way is done again on the primary.
 */
export async function onReadReplica<T>(ctx: Context, work: (ctx: Context) => Promise<T>): Promise<T> {
  const snapshot = (await ctx.tx.replicaSnapshot?.()) ?? null;
  if (!snapshot) return work(ctx);
  let result: T;
  try {
    result = await work(readingFrom(ctx, snapshot));
  } catch (error) {
    await snapshot.end();
    if (!snapshot.lost) throw error;
    ctx.log.warn({ err: error }, 'the read replica failed a heavy read: read again on the primary');
    return work(ctx);
  }
  await snapshot.end();
  return result;
}

/**
 * `ctx` reading from `snapshot` (an export keeps it to the end of its request: the request's
 * `finish` ends it). Heavy reads inside it ask for no second snapshot.
 */
export function readingFrom(ctx: Context, snapshot: ReadSnapshot): Context {
  const outer = ctx.tx;
  const tx: RequestTransaction = {
    get isOpen() {
      return outer.isOpen;
    },
    setTenant: (settings) => outer.setTenant(settings),
    manager: () => outer.manager(),
    readOnly: () => outer.readOnly(),
    finish: (commit) => outer.finish(commit),
  };
  return { ...ctx, tx, db: async () => snapshot.db };
}

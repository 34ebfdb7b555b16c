// The database as requests use it: a `pg` pool of the runtime role's own, apart
// from TypeORM's (which jobs, sign-in and tools keep using), so that what its
// connections carry never reaches other code:
//  - the tenant settings (app.tenant_id, app.operator, app.actor_id) are set at
//    session level and remembered per connection: a read whose connection
//    already carries its settings is one statement and one round trip, with no
//    BEGIN, set_config or COMMIT around it; a connection carrying other settings
//    is switched first. Row-level security reads the settings as before;
//  - every session starts read-only (default_transaction_read_only, a start-up
//    parameter, so it costs no statement): a read that tried to write would fail
//    instead of committing half a change. Writes run in a transaction opened
//    `READ WRITE`, whose settings are transaction-local and vanish at its end;
//  - statements are named prepared statements (named by a hash of their text),
//    so PostgreSQL parses and plans each once per connection; at most
//    MAX_PREPARED per connection, further texts run unnamed.
import { createHash } from 'node:crypto';
import { type ClientConfig, DatabaseError, Pool, type PoolClient, type Query, type QueryConfig, type QueryResult } from 'pg';
import { SESSION_SETTINGS_NAME, WithSettings } from './settings-query';
import type { Queryable } from './sql';
import type { TenantSettings } from './transaction';

/** Distinct statement texts prepared on one connection, at most. */
const MAX_PREPARED = 2000;
const NAMES_CACHED = 10_000;

interface ClientState {
  /** The settings the session carries (settingsKey), or null when unknown. */
  settings: string | null;
  prepared: Set<string>;
  /** Whether SESSION_SETTINGS is prepared on this connection (then a switch rides with the next statement). */
  switchPrepared: boolean;
}

function settingsKey(s: TenantSettings): string {
  return `${s.tenantId ?? ''}|${s.operator ? 'on' : ''}|${s.actorId ?? ''}`;
}

const SESSION_SETTINGS = `SELECT set_config('app.tenant_id', $1, false), set_config('app.operator', $2, false), set_config('app.actor_id', $3, false)`;
const LOCAL_SETTINGS = `SELECT set_config('app.tenant_id', $1, true), set_config('app.operator', $2, true), set_config('app.actor_id', $3, true)`;

function settingsValues(s: TenantSettings): string[] {
  return [s.tenantId ?? '', s.operator ? 'on' : '', s.actorId ?? ''];
}

/** The failing statement's text (never its values) goes with a database error into the log. */
function withQuery(error: unknown, text: string): Error {
  if (error instanceof DatabaseError) Object.assign(error, { query: text });
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * What TypeORM's `query` answers, so that repositories see one shape whichever
 * path ran them: rows, and [rows, count] for UPDATE and DELETE.
 */
function typeormShape(result: QueryResult): unknown {
  return result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount ?? 0] : result.rows;
}

export class RequestPool {
  private readonly pool: Pool;
  private readonly states = new WeakMap<PoolClient, ClientState>();
  private readonly names = new Map<string, string>();
  private readonly observers = new Set<(text: string) => void>();
  private trips = 0;
  /** Told how long each checkout waited for a connection (metrics); null: not measured. */
  private waitObserver: ((seconds: number) => void) | null = null;

  /** `connection` may name its own application_name (the read replica's pool does). */
  constructor(
    connection: ClientConfig,
    private readonly size: number,
  ) {
    this.pool = new Pool({
      application_name: 'ce-platform',
      ...connection,
      max: size,
      options: '-c default_transaction_read_only=on',
    });
    // an idle connection's error (the server restarted) must not crash the process; the pool drops it
    this.pool.on('error', () => undefined);
  }

  /** The statement's name: a hash of its text (memoised for the texts met most). */
  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (name === undefined) {
      name = `ce_${createHash('sha1').update(text).digest('base64url')}`;
      if (this.names.size >= NAMES_CACHED) this.names.clear();
      this.names.set(text, name);
    }
    return name;
  }

  private state(client: PoolClient): ClientState {
    let s = this.states.get(client);
    if (!s) {
      s = { settings: null, prepared: new Set(), switchPrepared: false };
      this.states.set(client, s);
    }
    return s;
  }

  /** The pool's connections (all, idle) and the callers waiting for one, for the metrics. */
  stats(): { total: number; idle: number; waiting: number; max: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount, max: this.size };
  }

  /** Calls `observer` with every checkout's wait for a connection, in seconds. */
  observeWaits(observer: (seconds: number) => void): void {
    this.waitObserver = observer;
  }

  /** A connection of the pool; timed only while someone observes the waits (no extra promise otherwise). */
  private connect(): Promise<PoolClient> {
    return this.waitObserver ? this.timedConnect(this.waitObserver) : this.pool.connect();
  }

  private async timedConnect(observer: (seconds: number) => void): Promise<PoolClient> {
    const started = performance.now();
    const client = await this.pool.connect();
    observer((performance.now() - started) / 1000);
    return client;
  }

  /** Round trips to the server so far (tests: a switch rides with its statement). */
  get roundTrips(): number {
    return this.trips;
  }

  /** Calls `observer` with the text of every statement sent from now on (tests count them); returns the way to stop. */
  observe(observer: (text: string) => void): () => void {
    this.observers.add(observer);
    return () => void this.observers.delete(observer);
  }

  /** `text` as a named statement while the connection has room for one more. */
  private named(client: PoolClient, text: string, values: readonly unknown[], name = this.nameOf(text)): QueryConfig {
    const state = this.state(client);
    const config: QueryConfig = { text, values: [...values] };
    if (state.prepared.has(name) || state.prepared.size < MAX_PREPARED) {
      config.name = name;
      state.prepared.add(name);
    }
    return config;
  }

  /** Runs `text` on `client`, named (see `named`). */
  private run(client: PoolClient, text: string, values: readonly unknown[], name?: string): Promise<QueryResult> {
    for (const observer of this.observers) observer(text);
    this.trips++;
    return client.query(this.named(client, text, values, name)).catch((error: unknown) => {
      throw withQuery(error, text);
    });
  }

  /**
   * One statement outside any transaction, under `settings`: the session's, switched when they
   * differ — in the same round trip and implicit transaction as the statement once this
   * connection has the switch prepared (WithSettings), so a failed statement undoes its switch.
   */
  async read(settings: TenantSettings, text: string, values: readonly unknown[] = []): Promise<unknown> {
    const client = await this.connect();
    let broken: Error | undefined;
    const state = this.state(client);
    const key = settingsKey(settings);
    try {
      if (state.settings === key) return typeormShape(await this.run(client, text, values));
      state.settings = null;
      let result: QueryResult;
      if (state.switchPrepared) {
        result = await this.runAfterSwitch(client, settingsValues(settings), text, values);
      } else {
        await this.run(client, SESSION_SETTINGS, settingsValues(settings), SESSION_SETTINGS_NAME);
        state.switchPrepared = true;
        result = await this.run(client, text, values);
      }
      state.settings = key;
      return typeormShape(result);
    } catch (error) {
      // a statement's own failure leaves the session as it was; a lost connection is dropped
      if (!(error instanceof DatabaseError)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** The switch and `text` in one round trip: Bind/Execute of the prepared switch, then `text`, then one Sync. */
  private runAfterSwitch(client: PoolClient, settings: string[], text: string, values: readonly unknown[]): Promise<QueryResult> {
    for (const observer of this.observers) observer(SESSION_SETTINGS);
    const config = this.named(client, text, values);
    for (const observer of this.observers) observer(text);
    this.trips++;
    return new Promise<QueryResult>((resolve, reject) => {
      const query = new WithSettings(config, settings, (error, results) => {
        if (error) return reject(withQuery(error, text));
        resolve(Array.isArray(results) ? results[results.length - 1]! : results!);
      });
      void client.query(query as unknown as Query);
    });
  }

  /** A `READ WRITE` transaction holding one connection, its settings local to it. */
  async begin(settings: TenantSettings): Promise<PooledTransaction> {
    return (await this.open(settings, 'BEGIN READ WRITE'))!;
  }

  /**
   * A read-only snapshot (REPEATABLE READ: every statement sees the same data) holding one
   * connection, its settings local to it, once `accept` — run first on that connection, before
   * the snapshot is taken — said yes; null (the connection back in the pool) when it said no.
   */
  snapshot(settings: TenantSettings, accept: (db: Queryable) => Promise<boolean>): Promise<PooledTransaction | null> {
    return this.open(settings, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', accept);
  }

  private async open(settings: TenantSettings, begin: string, accept?: (db: Queryable) => Promise<boolean>): Promise<PooledTransaction | null> {
    const client = await this.connect();
    const runner = (text: string, values: readonly unknown[]) => this.run(client, text, values);
    try {
      if (accept && !(await accept({ query: async (text, values = []) => typeormShape(await runner(text, values)) }))) {
        client.release();
        return null;
      }
      await runner(begin, []);
      await runner(LOCAL_SETTINGS, settingsValues(settings));
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    return new PooledTransaction(client, runner);
  }

  /** Waits for checked-out connections to come back, then closes every connection. */
  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** An open transaction on one pooled connection: its statements, then commit or roll back once. */
export class PooledTransaction implements Queryable {
  private done = false;

  constructor(
    private readonly client: PoolClient,
    private readonly runner: (text: string, values: readonly unknown[]) => Promise<QueryResult>,
  ) {}

  async query(text: string, values: unknown[] = []): Promise<unknown> {
    if (this.done) throw new Error('the transaction has ended');
    return typeormShape(await this.runner(text, values));
  }

  async end(commit: boolean): Promise<void> {
    if (this.done) return;
    this.done = true;
    let broken: Error | undefined;
    try {
      await this.runner(commit ? 'COMMIT' : 'ROLLBACK', []);
    } catch (error) {
      broken = error as Error;
      throw error;
    } finally {
      this.client.release(broken);
    }
  }
}

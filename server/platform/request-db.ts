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
import { DatabaseError, Pool, type PoolClient, type QueryConfig, type QueryResult } from 'pg';
import type { Queryable } from './sql';
import type { RequestTransaction, TenantSettings } from './transaction';

/** Distinct statement texts prepared on one connection, at most. */
export const MAX_PREPARED = 2000;
const NAMES_CACHED = 10_000;

interface ClientState {
  /** The settings the session carries (settingsKey), or null when unknown. */
  settings: string | null;
  prepared: Set<string>;
}

export function settingsKey(s: TenantSettings): string {
  return `${s.tenantId ?? ''}|${s.operator ? 'on' : ''}|${s.actorId ?? ''}`;
}

const SESSION_SETTINGS = `SELECT set_config('app.tenant_id', $1, false), set_config('app.operator', $2, false), set_config('app.actor_id', $3, false)`;
const LOCAL_SETTINGS = `SELECT set_config('app.tenant_id', $1, true), set_config('app.operator', $2, true), set_config('app.actor_id', $3, true)`;

function settingsValues(s: TenantSettings): string[] {
  return [s.tenantId ?? '', s.operator ? 'on' : '', s.actorId ?? ''];
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

  constructor(url: string, size: number) {
    this.pool = new Pool({
      connectionString: url,
      max: size,
      application_name: 'ce-platform',
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
      s = { settings: null, prepared: new Set() };
      this.states.set(client, s);
    }
    return s;
  }

  /** Calls `observer` with the text of every statement sent from now on (tests count them); returns the way to stop. */
  observe(observer: (text: string) => void): () => void {
    this.observers.add(observer);
    return () => void this.observers.delete(observer);
  }

  /** Runs `text` on `client`, as a named statement while the connection has room for one more. */
  private run(client: PoolClient, text: string, values: readonly unknown[]): Promise<QueryResult> {
    for (const observer of this.observers) observer(text);
    const state = this.state(client);
    const name = this.nameOf(text);
    const config: QueryConfig = { text, values: [...values] };
    if (state.prepared.has(name) || state.prepared.size < MAX_PREPARED) {
      config.name = name;
      state.prepared.add(name);
    }
    return client.query(config).catch((error: unknown) => {
      // the failing statement's text (never its values) goes with the error into the log
      if (error instanceof DatabaseError) Object.assign(error, { query: text });
      throw error;
    });
  }

  /** One statement outside any transaction, under `settings` (the session's, switched when they differ). */
  async read(settings: TenantSettings, text: string, values: readonly unknown[] = []): Promise<unknown> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const state = this.state(client);
      const key = settingsKey(settings);
      if (state.settings !== key) {
        state.settings = null;
        await this.run(client, SESSION_SETTINGS, settingsValues(settings));
        state.settings = key;
      }
      return typeormShape(await this.run(client, text, values));
    } catch (error) {
      // a statement's own failure leaves the session as it was; a lost connection is dropped
      if (!(error instanceof DatabaseError)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** A `READ WRITE` transaction holding one connection, its settings local to it. */
  async begin(settings: TenantSettings): Promise<PooledTransaction> {
    const client = await this.pool.connect();
    try {
      await this.run(client, 'BEGIN READ WRITE', []);
      await this.run(client, LOCAL_SETTINGS, settingsValues(settings));
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    return new PooledTransaction(client, (text, values) => this.run(client, text, values));
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

  constructor(
    private readonly pool: RequestPool,
    private settings: TenantSettings,
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

  async finish(commit: boolean): Promise<void> {
    const opening = this.opening;
    if (!opening) return;
    let tx: PooledTransaction;
    try {
      tx = await opening;
    } catch {
      return; // opening failed and released its connection
    }
    await tx.end(commit);
  }
}

// Cross-process cache invalidation through PostgreSQL LISTEN/NOTIFY. Triggers
// on the cached tables (migrations/…-cache-invalidation.ts) call pg_notify on
// one channel inside the writing transaction, so a notification is delivered
// only when, and as soon as, that transaction commits. Each server process
// holds one dedicated connection (as the runtime role) that LISTENs, and hands
// each message to the subscribers of its topic. A lost connection is retried
// with backoff; while it is down nothing may be cached (`listening` is false)
// and every subscriber is told to drop everything, both when the loss is
// noticed and again once listening resumes (notifications may have been missed).
// This file knows no capability: topics are plain strings.
import { Client, type ClientConfig, type Notification } from 'pg';
import type { Logger } from './logger';

/** The one channel every invalidation travels on. */
export const INVALIDATION_CHANNEL = 'ce_invalidate';

/** A change, as the trigger announces it: `{"topic":"api_client","tenantId":"…","id":"…"}`. */
export interface Invalidation {
  topic: string;
  tenantId: string;
  id: string | null;
}

export interface InvalidationSubscriber {
  /** A row of the subscriber's topic changed (committed). */
  invalidate(message: Invalidation): void;
  /** Changes may have gone unseen: drop everything. */
  reset(): void;
}

export interface Invalidations {
  /** True while changes are being heard: only then may anything be cached between requests. */
  readonly listening: boolean;
  /** Registers for one topic (and for every reset); the answer unsubscribes. */
  subscribe(topic: string, subscriber: InvalidationSubscriber): () => void;
}

/** No bus at all (services built outside a server): never listening, so nothing is cached. */
export const noInvalidations: Invalidations = { listening: false, subscribe: () => () => undefined };

export interface ListenerOptions {
  /** How to reach the database as the runtime role (platform/database.ts `connectionConfig`). */
  connection: ClientConfig;
  logger: Logger;
  /** The first wait before reconnecting, doubled after each failure up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** A `SELECT 1` this often finds a connection that died silently (and each must answer in `heartbeatTimeoutMs`). */
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
}

export class InvalidationListener implements Invalidations {
  private readonly topics = new Map<string, Set<InvalidationSubscriber>>();
  private client: Client | null = null;
  private heard = false;
  private started = false;
  private stopped = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private pid: number | null = null;

  private constructor(private readonly options: ListenerOptions) {}

  /** Connects and LISTENs; fails if the first connection does (the server cannot start without it). */
  static async start(options: ListenerOptions): Promise<InvalidationListener> {
    const listener = new InvalidationListener(options);
    await listener.open();
    listener.started = true;
    return listener;
  }

  get listening(): boolean {
    return this.heard;
  }

  /** The PostgreSQL backend listening for this process (null while disconnected); for tests and diagnostics. */
  get backendPid(): number | null {
    return this.pid;
  }

  subscribe(topic: string, subscriber: InvalidationSubscriber): () => void {
    let set = this.topics.get(topic);
    if (!set) {
      set = new Set();
      this.topics.set(topic, set);
    }
    set.add(subscriber);
    return () => void this.topics.get(topic)?.delete(subscriber);
  }

  /** Stops listening for good (server stop); subscribers are reset, so nothing stays cached. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.disconnected();
    this.resetAll();
    if (client) await client.end().catch(() => undefined);
  }

  private async open(): Promise<void> {
    const client = new Client({ ...this.options.connection, application_name: 'ce-platform-invalidation', keepAlive: true });
    this.client = client;
    client.on('notification', (n) => this.receive(n));
    client.on('error', (error) => this.lose(client, error));
    client.on('end', () => this.lose(client, null));
    let pid: number;
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    } catch (error) {
      this.lose(client, error);
      throw error;
    }
    if (this.client !== client) throw new Error('the invalidation listener lost its connection while starting');
    if (this.stopped) {
      this.disconnected();
      await client.end().catch(() => undefined);
      return;
    }
    this.pid = pid;
    this.heard = true;
    this.failures = 0;
    // whatever was cached before (or while) the connection was down may be stale
    this.resetAll();
    this.beat(client);
  }

  /** The connection `client` is gone (or failing): everything cached is dropped, and a new one tried. */
  private lose(client: Client, error: unknown): void {
    if (this.client !== client) return;
    const wasListening = this.heard;
    this.disconnected();
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    if (wasListening) {
      this.options.logger.warn({ err: error ?? undefined }, 'cache invalidation: connection lost; caches emptied, reconnecting');
      this.resetAll();
    }
    if (this.started) this.retry();
  }

  private disconnected(): void {
    this.client = null;
    this.heard = false;
    this.pid = null;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private retry(): void {
    if (this.retryTimer || this.stopped) return;
    const first = this.options.retryMs ?? 100;
    const delay = Math.min(this.options.maxRetryMs ?? 5_000, first * 2 ** this.failures);
    this.failures = Math.min(this.failures + 1, 30);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open().then(
        () => this.options.logger.info('cache invalidation: listening again'),
        (error: unknown) => this.options.logger.warn({ err: error }, 'cache invalidation: reconnecting failed; trying again'),
      );
    }, delay);
    this.retryTimer.unref();
  }

  private beat(client: Client): void {
    const every = this.options.heartbeatMs ?? 15_000;
    const timeoutMs = this.options.heartbeatTimeoutMs ?? 5_000;
    this.heartbeatTimer = setInterval(() => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer to the heartbeat within ${timeoutMs} ms`)), timeoutMs);
      });
      Promise.race([client.query('SELECT 1'), timeout])
        .catch((error: unknown) => this.lose(client, error))
        .finally(() => clearTimeout(timer));
    }, every);
    this.heartbeatTimer.unref();
  }

  private receive(n: Notification): void {
    if (n.channel !== INVALIDATION_CHANNEL || !this.heard) return;
    const message = parseInvalidation(n.payload);
    if (!message) {
      this.options.logger.warn('cache invalidation: a malformed notification; caches emptied');
      this.resetAll();
      return;
    }
    for (const subscriber of this.topics.get(message.topic) ?? []) {
      try {
        subscriber.invalidate(message);
      } catch (error) {
        this.options.logger.error({ err: error, topic: message.topic }, 'cache invalidation: a subscriber failed');
      }
    }
  }

  private resetAll(): void {
    for (const set of this.topics.values()) {
      for (const subscriber of set) {
        try {
          subscriber.reset();
        } catch (error) {
          this.options.logger.error({ err: error }, 'cache invalidation: a subscriber failed to reset');
        }
      }
    }
  }
}

/** The message of a notification's payload; null when it is not one. */
export function parseInvalidation(payload: string | undefined): Invalidation | null {
  if (!payload) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { topic, tenantId, id } = value as Record<string, unknown>;
  if (typeof topic !== 'string' || typeof tenantId !== 'string') return null;
  if (id !== undefined && id !== null && typeof id !== 'string') return null;
  return { topic, tenantId, id: id ?? null };
}

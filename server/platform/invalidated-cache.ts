// A small in-process cache whose entries are dropped when the database says
// they changed (platform/invalidation.ts), with the classic race handled: a
// load that began before an invalidation of its key never stores its result,
// which may predate the change. Bounded (least recently used out first), with a
// time-to-live as a fallback should a notification ever be lost undetected.
// While it follows a bus that is not listening it keeps nothing: every read
// loads.
import type { Invalidation, Invalidations } from './invalidation';

export interface CacheOptions {
  /** The most entries kept; the least recently used go first. */
  maxEntries: number;
  /** How long an entry is served at most, notifications or not. */
  ttlMs: number;
  /** How long `hold` keeps a key from being stored (a change of this process, until its commit). */
  holdMs?: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  until: number;
}

/** One load in flight: stale once its key (or everything) is invalidated after it began. */
interface Ticket {
  stale: boolean;
}

/** The default of `holdMs`: longer than a request holds its transaction open. */
export const HOLD_MS = 30_000;

export class InvalidatedCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly loading = new Map<K, Set<Ticket>>();
  private readonly heldUntil = new Map<K, number>();
  private readonly buses: Invalidations[] = [];
  private readonly now: () => number;
  private readonly holdMs: number;

  constructor(private readonly options: CacheOptions) {
    this.now = options.now ?? Date.now;
    this.holdMs = options.holdMs ?? HOLD_MS;
  }

  /**
   * Drops entries as `bus` announces changes of `topic` (the key of a change: `keyOf`, null for
   * none) and everything when it resets. From then on the cache keeps entries only while at
   * least one of the buses it follows is listening: a change made while none is could go unseen.
   */
  follow(bus: Invalidations, topic: string, keyOf: (message: Invalidation) => K | null): this {
    this.buses.push(bus);
    bus.subscribe(topic, {
      invalidate: (message) => {
        const key = keyOf(message);
        if (key !== null) this.invalidate(key);
      },
      reset: () => this.clear(),
    });
    return this;
  }

  /** Whether entries may be kept and served now. */
  get live(): boolean {
    return this.buses.length === 0 || this.buses.some((b) => b.listening);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry of `key`, when there is a fresh one. */
  peek(key: K): V | undefined {
    if (!this.live) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // most recently used: last in the map's order
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The entry of `key`, or what `load` finds (kept when it is not null). */
  async get(key: K, load: () => Promise<V | null>): Promise<V | null> {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    return this.load(key, load, (value) => value !== null);
  }

  /**
   * Loads `key` whatever is cached, and keeps the result when `keep(value, cached)` says so
   * and nothing invalidated the key while it loaded (nor holds it, nor stopped the cache
   * being live). The answer is the loaded value either way.
   */
  async load(key: K, load: () => Promise<V | null>, keep: (value: V, cached: V | undefined) => boolean): Promise<V | null> {
    const ticket: Ticket = { stale: false };
    let tickets = this.loading.get(key);
    if (!tickets) {
      tickets = new Set();
      this.loading.set(key, tickets);
    }
    tickets.add(ticket);
    try {
      const value = await load();
      if (value !== null && !ticket.stale && this.live && !this.isHeld(key) && keep(value, this.entries.get(key)?.value)) {
        this.store(key, value);
      }
      return value;
    } finally {
      tickets.delete(ticket);
      if (tickets.size === 0 && this.loading.get(key) === tickets) this.loading.delete(key);
    }
  }

  /** Drops `key`; loads of it in flight will not store. */
  invalidate(key: K): void {
    this.entries.delete(key);
    for (const ticket of this.loading.get(key) ?? []) ticket.stale = true;
  }

  /**
   * A change of `key` made by this process and not yet committed: dropped now, and not stored
   * again for `holdMs`, so that a read racing the commit cannot keep the old value (the commit's
   * notification comes a moment later, to this process too).
   */
  hold(key: K): void {
    const now = this.now();
    for (const [k, until] of this.heldUntil) if (until <= now) this.heldUntil.delete(k);
    this.heldUntil.set(key, now + this.holdMs);
    this.invalidate(key);
  }

  /** Drops everything; no load in flight will store. */
  clear(): void {
    this.entries.clear();
    for (const tickets of this.loading.values()) for (const ticket of tickets) ticket.stale = true;
  }

  private isHeld(key: K): boolean {
    const until = this.heldUntil.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.heldUntil.delete(key);
    return false;
  }

  private store(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}

// Verified API keys, kept in the process by key id so that a busy client's
// requests cost no statement for their key. Only a verified key is kept (its
// secret matched, not revoked): an unknown key id or a wrong secret is looked
// up every time, so cycling random keys cannot grow the cache, which is bounded
// anyway. The secret's hash is still compared, and the expiry checked against
// the clock, on every request. Any change of the client row (a revocation
// above all) is announced by the database and drops the key in every process
// (topic `api_client`, see platform/invalidation.ts); a revocation made here is
// dropped at once, before its commit.
import { InvalidatedCache } from '../platform/invalidated-cache';
import type { Invalidations } from '../platform/invalidation';
import type { ApiKeyRecord } from './api-clients.repository';

export const API_KEY_TOPIC = 'api_client';
/** The most keys kept per process. */
export const API_KEY_CACHE_SIZE = 10_000;
/** The fallback: a key is looked up again after this long, notifications or not. */
export const API_KEY_TTL_MS = 60_000;
/** A key's last use is recorded at most this often by one process. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export class ApiKeyCache {
  private readonly keys: InvalidatedCache<string, ApiKeyRecord>;
  /** When this process last recorded a use, by client id; bounded like the cache. */
  private readonly touched = new Map<string, number>();

  constructor(
    bus: Invalidations,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = API_KEY_CACHE_SIZE,
  ) {
    this.keys = new InvalidatedCache<string, ApiKeyRecord>({ maxEntries, ttlMs: API_KEY_TTL_MS, now }).follow(bus, API_KEY_TOPIC, (m) => m.id);
  }

  /** The key's record: the kept one, or `load`'s, kept when `verified(record)` (its secret matched). */
  async find(keyId: string, load: () => Promise<ApiKeyRecord | null>, verified: (record: ApiKeyRecord) => boolean): Promise<ApiKeyRecord | null> {
    const kept = this.keys.peek(keyId);
    if (kept) return kept;
    return this.keys.load(keyId, load, (record) => record.revokedAt === null && verified(record));
  }

  /** A change of the key made by this process (its revocation): not served from the cache from now on. */
  hold(keyId: string): void {
    this.keys.hold(keyId);
  }

  /**
   * Whether this request should record a use of the key: when neither the database (as last
   * loaded) nor this process has recorded one within the last minute. Answering true counts
   * as recording it, so concurrent requests record it once.
   */
  shouldRecordUse(record: ApiKeyRecord): boolean {
    const now = this.now();
    const last = Math.max(this.touched.get(record.id) ?? 0, record.lastUsedAt?.getTime() ?? 0);
    if (now - last < LAST_USED_RESOLUTION_MS) return false;
    this.touched.delete(record.id);
    this.touched.set(record.id, now);
    if (this.touched.size > this.maxEntries) this.touched.delete(this.touched.keys().next().value!);
    return true;
  }
}

// Whether a tenant may still be served, asked on every authenticated request.
// The answer is cached in the process per tenant. A suspension or resumption
// is announced by the database when it commits (topic `tenant`, see
// platform/invalidation.ts) and drops the entry in every process; one made
// through this process drops its own entry at once and keeps the tenant
// uncached until well after its commit. The TTL of a few seconds stays as a
// fallback (one look-up per tenant per TTL): should a notification ever be
// lost unnoticed, a change still counts everywhere within it. One cache per
// runtime DataSource, shared by authentication and the tenants service, which
// both hold that DataSource.
import type { DataSource } from 'typeorm';
import { InvalidatedCache } from '../platform/invalidated-cache';
import type { Invalidations } from '../platform/invalidation';
import { queryOne, type Queryable } from '../platform/sql';
import { TenantStatus } from './tenants.types';

export const TENANT_STATUS_TTL_MS = 5_000;
export const TENANT_TOPIC = 'tenant';
const MAX_TENANTS = 10_000;

export class TenantStatusCache {
  /** The status by tenant id; `{ status: null }` for no such tenant. */
  private readonly entries: InvalidatedCache<string, { status: TenantStatus | null }>;

  constructor(
    private readonly db: Queryable,
    ttlMs = TENANT_STATUS_TTL_MS,
    now: () => number = Date.now,
  ) {
    // a change made here stays uncached for one TTL (its commit is at most that far off in practice)
    this.entries = new InvalidatedCache({ maxEntries: MAX_TENANTS, ttlMs, holdMs: ttlMs, now });
  }

  /** Drops a tenant's entry when `bus` announces a change of it; from then on entries are kept only while a followed bus listens. */
  follow(bus: Invalidations): this {
    this.entries.follow(bus, TENANT_TOPIC, (m) => m.tenantId);
    return this;
  }

  /** The tenant's status; null when there is no such tenant. */
  async status(tenantId: string): Promise<TenantStatus | null> {
    const found = await this.entries.get(tenantId, async () => {
      const row = await queryOne<{ status: TenantStatus | null }>(this.db, `SELECT app_tenant_status($1::uuid) AS status`, [tenantId]);
      return { status: row?.status ?? null };
    });
    return found?.status ?? null;
  }

  /**
   * Drops the tenant's entry, called when its status changes in this process.
   * The change commits only when the changing request ends, so for one TTL
   * the status is read afresh on every request rather than cached: a read
   * racing the commit cannot pin the old status.
   */
  invalidate(tenantId: string): void {
    this.entries.hold(tenantId);
  }
}

const caches = new WeakMap<DataSource, TenantStatusCache>();

/** The process's cache for the tenants reached through `runtime`. */
export function tenantStatusCache(runtime: DataSource): TenantStatusCache {
  let cache = caches.get(runtime);
  if (!cache) {
    cache = new TenantStatusCache(runtime);
    caches.set(runtime, cache);
  }
  return cache;
}

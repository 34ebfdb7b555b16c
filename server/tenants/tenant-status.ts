// Whether a tenant may still be served, asked on every authenticated request.
// The answer is cached in process for a few seconds per tenant, so a busy
// tenant costs one look-up per TTL; a suspension or resumption made through
// this process drops its own entry at once (other processes see it within the
// TTL). One cache per runtime DataSource, shared by authentication and the
// tenants service, which both hold that DataSource.
import type { DataSource } from 'typeorm';
import { queryOne, type Queryable } from '../platform/sql';
import { TenantStatus } from './tenants.types';

export const TENANT_STATUS_TTL_MS = 5_000;

export class TenantStatusCache {
  private readonly entries = new Map<string, { status: TenantStatus | null; until: number }>();
  /** Tenants changed through this process lately: asked afresh, not cached, until then. */
  private readonly uncachedUntil = new Map<string, number>();

  constructor(
    private readonly db: Queryable,
    private readonly ttlMs = TENANT_STATUS_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The tenant's status; null when there is no such tenant. */
  async status(tenantId: string): Promise<TenantStatus | null> {
    const now = this.now();
    const hit = this.entries.get(tenantId);
    if (hit && hit.until > now) return hit.status;
    const row = await queryOne<{ status: TenantStatus | null }>(this.db, `SELECT app_tenant_status($1::uuid) AS status`, [tenantId]);
    const status = row?.status ?? null;
    const uncached = this.uncachedUntil.get(tenantId);
    if (uncached !== undefined && uncached > now) return status;
    if (uncached !== undefined) this.uncachedUntil.delete(tenantId);
    this.entries.set(tenantId, { status, until: now + this.ttlMs });
    return status;
  }

  /**
   * Drops the tenant's entry, called when its status changes in this process.
   * The change commits only when the changing request ends, so for one TTL
   * the status is read afresh on every request rather than cached: a read
   * racing the commit cannot pin the old status.
   */
  invalidate(tenantId: string): void {
    this.entries.delete(tenantId);
    this.uncachedUntil.set(tenantId, this.now() + this.ttlMs);
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

// Each tenant's latest policy revision, kept in the process so that a request
// reading the policy costs no statement for it. A published revision is
// announced by the database when it commits (topic `policy_revision`, id: its
// number; see platform/invalidation.ts) and drops the tenant's entry in every
// process; a publication made through this process drops it at once and keeps
// the tenant uncached until well after the commit. Because a notification
// arrives a moment after the commit, `at(revision)` lets a caller that already
// knows the latest number (read in its own statement) get exactly that
// revision. Revisions are append-only, so every announced number is a floor:
// nothing older is ever kept as the latest again.
import { InvalidatedCache } from '../platform/invalidated-cache';
import type { Invalidations } from '../platform/invalidation';
import type { PolicyRevision } from './policy.repository';

export const POLICY_REVISION_TOPIC = 'policy_revision';
/** The fallback: the latest revision is read again after this long, notifications or not. */
export const LATEST_REVISION_TTL_MS = 60_000;
const MAX_TENANTS = 1_000;

export class LatestRevisions {
  private readonly latest: InvalidatedCache<string, PolicyRevision>;
  /** The highest revision number announced per tenant. */
  private readonly floors = new Map<string, number>();

  constructor(bus: Invalidations, now: () => number = Date.now) {
    this.latest = new InvalidatedCache<string, PolicyRevision>({ maxEntries: MAX_TENANTS, ttlMs: LATEST_REVISION_TTL_MS, now }).follow(
      bus,
      POLICY_REVISION_TOPIC,
      (m) => m.tenantId,
    );
    bus.subscribe(POLICY_REVISION_TOPIC, {
      invalidate: (m) => this.raiseFloor(m.tenantId, Number(m.id)),
      // floors stay true however many notifications were missed
      reset: () => undefined,
    });
  }

  /** The tenant's latest revision: the kept one, or `load`'s (the latest as the database has it). */
  async current(tenantId: string, load: () => Promise<PolicyRevision | null>): Promise<PolicyRevision | null> {
    const kept = this.latest.peek(tenantId);
    if (kept) return kept;
    return this.latest.load(tenantId, load, (loaded) => this.atLeastFloor(tenantId, loaded));
  }

  /**
   * Revision `revision` of the tenant, which the caller knows to be the latest: the kept one
   * when it is that one, else `load`'s (that revision, by number), kept as the latest when it
   * is newer than the one kept and than every revision announced.
   */
  async at(tenantId: string, revision: number, load: () => Promise<PolicyRevision | null>): Promise<PolicyRevision | null> {
    const kept = this.latest.peek(tenantId);
    if (kept?.revision === revision) return kept;
    return this.latest.load(tenantId, load, (loaded, cached) => this.atLeastFloor(tenantId, loaded) && (!cached || loaded.revision > cached.revision));
  }

  /** A publication of this process, not yet committed. */
  hold(tenantId: string): void {
    this.latest.hold(tenantId);
  }

  private atLeastFloor(tenantId: string, loaded: PolicyRevision): boolean {
    return loaded.revision >= (this.floors.get(tenantId) ?? 0);
  }

  private raiseFloor(tenantId: string, revision: number): void {
    if (!Number.isInteger(revision)) return;
    if (revision <= (this.floors.get(tenantId) ?? 0)) return;
    // bounded like the cache: forgetting floors only loses the guard against an old `at`
    if (!this.floors.has(tenantId) && this.floors.size >= MAX_TENANTS) this.floors.clear();
    this.floors.set(tenantId, revision);
  }
}

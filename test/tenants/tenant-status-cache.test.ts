// The per-process tenant status cache: one look-up per tenant per TTL, and an
// invalidation (a status change made in this process) reads afresh, uncached,
// for one TTL so that a read racing the change's commit cannot pin the old status.
import { TenantStatusCache } from '../../server/tenants/tenant-status';

function fakeDb(statuses: Map<string, string>) {
  const calls: string[] = [];
  return {
    calls,
    db: {
      async query(_sql: string, params?: unknown[]) {
        const id = String(params?.[0]);
        calls.push(id);
        return [{ status: statuses.get(id) ?? null }];
      },
    },
  };
}

describe('TenantStatusCache', () => {
  it('caches per tenant for the TTL, then asks again', async () => {
    let now = 1_000;
    const statuses = new Map([['a', 'ACTIVE'], ['b', 'SUSPENDED']]);
    const { db, calls } = fakeDb(statuses);
    const cache = new TenantStatusCache(db, 5_000, () => now);
    expect(await cache.status('a')).toBe('ACTIVE');
    expect(await cache.status('b')).toBe('SUSPENDED');
    expect(await cache.status('c')).toBeNull();
    statuses.set('a', 'SUSPENDED');
    now += 4_999;
    expect(await cache.status('a')).toBe('ACTIVE');
    expect(calls).toEqual(['a', 'b', 'c']);
    now += 1;
    expect(await cache.status('a')).toBe('SUSPENDED');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('an invalidated tenant is read afresh on every request for one TTL, then cached again', async () => {
    let now = 0;
    const statuses = new Map([['a', 'ACTIVE']]);
    const { db, calls } = fakeDb(statuses);
    const cache = new TenantStatusCache(db, 5_000, () => now);
    expect(await cache.status('a')).toBe('ACTIVE');
    cache.invalidate('a');
    // the change has not committed yet: the old status is read, but not kept
    expect(await cache.status('a')).toBe('ACTIVE');
    statuses.set('a', 'SUSPENDED');
    expect(await cache.status('a')).toBe('SUSPENDED');
    expect(calls).toHaveLength(3);
    now = 5_000;
    expect(await cache.status('a')).toBe('SUSPENDED');
    expect(await cache.status('a')).toBe('SUSPENDED');
    expect(calls).toHaveLength(4);
  });
});

// The cache helper behind the API-key, tenant-status and latest-revision caches: a load that
// began before an invalidation never stores its (possibly stale) result; bounded size; TTL;
// holds for a change not yet committed; nothing kept while the followed bus is not listening.
import { InvalidatedCache } from '../../server/platform/invalidated-cache';
import type { Invalidation, InvalidationSubscriber, Invalidations } from '../../server/platform/invalidation';
import { ApiKeyCache, LAST_USED_RESOLUTION_MS } from '../../server/api-clients/api-key-cache';
import type { ApiKeyRecord } from '../../server/api-clients/api-clients.repository';

/** A bus driven by the test. */
class FakeBus implements Invalidations {
  listening = true;
  private readonly subscribers: { topic: string; s: InvalidationSubscriber }[] = [];
  subscribe(topic: string, s: InvalidationSubscriber) {
    this.subscribers.push({ topic, s });
    return () => undefined;
  }
  announce(message: Invalidation) {
    for (const { topic, s } of this.subscribers) if (topic === message.topic) s.invalidate(message);
  }
  reset() {
    for (const { s } of this.subscribers) s.reset();
  }
}

/** A load the test finishes when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const cache = (bus?: FakeBus, now?: () => number) => {
  const c = new InvalidatedCache<string, string>({ maxEntries: 3, ttlMs: 1_000, holdMs: 500, now });
  return bus ? c.follow(bus, 't', (m) => m.id) : c;
};

describe('InvalidatedCache', () => {
  it('keeps what it loaded, and loads again after an invalidation', async () => {
    const bus = new FakeBus();
    const c = cache(bus);
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await c.get('a', load)).toBe('v1');
    expect(await c.get('a', load)).toBe('v1');
    bus.announce({ topic: 't', tenantId: 'x', id: 'a' });
    expect(await c.get('a', load)).toBe('v2');
    // another topic, or another key, drops nothing
    bus.announce({ topic: 'other', tenantId: 'x', id: 'a' });
    bus.announce({ topic: 't', tenantId: 'x', id: 'b' });
    expect(await c.get('a', load)).toBe('v2');
    expect(loads).toBe(2);
  });

  it('a load that began before an invalidation of its key answers, but does not store', async () => {
    const bus = new FakeBus();
    const c = cache(bus);
    const slow = deferred<string>();
    const pending = c.get('a', () => slow.promise);
    bus.announce({ topic: 't', tenantId: 'x', id: 'a' });
    slow.resolve('old');
    expect(await pending).toBe('old');
    expect(c.peek('a')).toBeUndefined();
    expect(await c.get('a', async () => 'new')).toBe('new');
    expect(c.peek('a')).toBe('new');
  });

  it('a reset (a lost connection) stales every load in flight and drops every entry', async () => {
    const bus = new FakeBus();
    const c = cache(bus);
    await c.get('b', async () => 'b1');
    const slow = deferred<string>();
    const pending = c.get('a', () => slow.promise);
    bus.reset();
    slow.resolve('old');
    await pending;
    expect(c.size).toBe(0);
  });

  it('an invalidation of another key does not stale a load', async () => {
    const bus = new FakeBus();
    const c = cache(bus);
    const slow = deferred<string>();
    const pending = c.get('a', () => slow.promise);
    bus.announce({ topic: 't', tenantId: 'x', id: 'b' });
    slow.resolve('a1');
    await pending;
    expect(c.peek('a')).toBe('a1');
  });

  it('keeps nothing and serves nothing while its bus is not listening', async () => {
    const bus = new FakeBus();
    const c = cache(bus);
    await c.get('a', async () => 'a1');
    bus.listening = false;
    expect(c.peek('a')).toBeUndefined();
    expect(await c.get('b', async () => 'b1')).toBe('b1');
    bus.listening = true;
    expect(c.peek('b')).toBeUndefined();
  });

  it('null (not found) is never kept, so unknown keys cannot fill it; size is bounded, least recently used out first', async () => {
    const c = cache(new FakeBus());
    for (let i = 0; i < 100; i++) expect(await c.get(`unknown${i}`, async () => null)).toBeNull();
    expect(c.size).toBe(0);
    await c.get('a', async () => 'a');
    await c.get('b', async () => 'b');
    await c.get('c', async () => 'c');
    c.peek('a');
    await c.get('d', async () => 'd');
    expect(c.size).toBe(3);
    expect(c.peek('b')).toBeUndefined();
    expect(c.peek('a')).toBe('a');
  });

  it('an entry lives for the TTL at most; a hold keeps a key uncached for its time', async () => {
    let now = 0;
    const c = cache(new FakeBus(), () => now);
    await c.get('a', async () => 'a1');
    now = 999;
    expect(c.peek('a')).toBe('a1');
    now = 1_000;
    expect(c.peek('a')).toBeUndefined();
    await c.get('a', async () => 'a2');
    c.hold('a');
    expect(c.peek('a')).toBeUndefined();
    expect(await c.get('a', async () => 'a3')).toBe('a3');
    expect(c.peek('a')).toBeUndefined();
    now += 500;
    await c.get('a', async () => 'a4');
    expect(c.peek('a')).toBe('a4');
  });

  it('a failed load stores nothing and leaves no load in flight behind', async () => {
    const c = cache(new FakeBus());
    await expect(c.get('a', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await c.get('a', async () => 'a1')).toBe('a1');
    expect(c.peek('a')).toBe('a1');
  });
});

describe('ApiKeyCache', () => {
  const record = (over: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
    tenantId: 't1',
    id: 'c1',
    name: '评审系统',
    secretHash: 'ab',
    scopes: [],
    revokedAt: null,
    expiresAt: null,
    lastUsedAt: null,
    ...over,
  });

  it('a verified key is looked up once; a wrong secret or a revoked key is looked up every time', async () => {
    const keys = new ApiKeyCache(new FakeBus());
    let lookups = 0;
    const load = (r: ApiKeyRecord) => async () => (lookups++, r);
    await keys.find('k1', load(record()), () => false);
    await keys.find('k1', load(record()), () => false);
    expect(lookups).toBe(2);
    await keys.find('k1', load(record()), () => true);
    await keys.find('k1', load(record()), () => true);
    expect(lookups).toBe(3);
    await keys.find('k2', load(record({ revokedAt: new Date() })), () => true);
    await keys.find('k2', load(record({ revokedAt: new Date() })), () => true);
    expect(lookups).toBe(5);
  });

  it('records a use at most once a minute per key in a process, counting the last use the database had', () => {
    let now = 10 * LAST_USED_RESOLUTION_MS;
    const keys = new ApiKeyCache(new FakeBus(), () => now);
    const r = record();
    expect(keys.shouldRecordUse(r)).toBe(true);
    now += LAST_USED_RESOLUTION_MS - 1;
    expect(keys.shouldRecordUse(r)).toBe(false);
    now += 1;
    expect(keys.shouldRecordUse(r)).toBe(true);
    expect(keys.shouldRecordUse(record({ id: 'c2', lastUsedAt: new Date(now - 1_000) }))).toBe(false);
    expect(keys.shouldRecordUse(record({ id: 'c3', lastUsedAt: new Date(now - LAST_USED_RESOLUTION_MS) }))).toBe(true);
  });
});

// Each tenant's latest policy revision, cached per process: a revision announced as published
// is a floor (nothing older is kept as the latest again, whenever its load began), `at(n)`
// answers exactly revision n, and a publication of this process holds the tenant uncached.
import type { Invalidation, InvalidationSubscriber, Invalidations } from '../../server/platform/invalidation';
import type { PolicyDocument } from '../../server/engine';
import { LatestRevisions, POLICY_REVISION_TOPIC } from '../../server/policy/latest-revisions';
import type { PolicyRevision } from '../../server/policy/policy.repository';

class FakeBus implements Invalidations {
  listening = true;
  private readonly subscribers: { topic: string; s: InvalidationSubscriber }[] = [];
  subscribe(topic: string, s: InvalidationSubscriber) {
    this.subscribers.push({ topic, s });
    return () => undefined;
  }
  published(tenantId: string, revision: number) {
    const message: Invalidation = { topic: POLICY_REVISION_TOPIC, tenantId, id: String(revision) };
    for (const { topic, s } of this.subscribers) if (topic === message.topic) s.invalidate(message);
  }
}

const rev = (revision: number): PolicyRevision => ({ id: `r${revision}`, revision, document: {} as PolicyDocument, note: null, publishedAt: new Date(0) });

describe('LatestRevisions', () => {
  it('keeps the latest per tenant until a publication of that tenant is announced', async () => {
    const bus = new FakeBus();
    const latest = new LatestRevisions(bus);
    let loads = 0;
    const load = (n: number) => async () => (loads++, rev(n));
    expect((await latest.current('a', load(1)))?.revision).toBe(1);
    expect((await latest.current('a', load(99)))?.revision).toBe(1);
    expect((await latest.current('b', load(5)))?.revision).toBe(5);
    bus.published('a', 2);
    expect((await latest.current('a', load(2)))?.revision).toBe(2);
    expect((await latest.current('b', load(99)))?.revision).toBe(5);
    expect(loads).toBe(3);
  });

  it('at(n) serves the kept revision when it is n, else loads n and keeps it when newer', async () => {
    const latest = new LatestRevisions(new FakeBus());
    await latest.current('a', async () => rev(1));
    let loads = 0;
    expect((await latest.at('a', 1, async () => (loads++, rev(1))))?.revision).toBe(1);
    expect(loads).toBe(0);
    // the caller's statement saw revision 2 before the notification came: 2 at once, and kept
    expect((await latest.at('a', 2, async () => (loads++, rev(2))))?.revision).toBe(2);
    expect((await latest.current('a', async () => rev(99)))?.revision).toBe(2);
    // an older number asked (a statement that began earlier) is answered but not kept as the latest
    expect((await latest.at('a', 1, async () => rev(1)))?.revision).toBe(1);
    expect((await latest.current('a', async () => rev(99)))?.revision).toBe(2);
  });

  it('after revision 3 is announced, an at(2) begun later (its statement older than the commit) is not kept', async () => {
    const bus = new FakeBus();
    const latest = new LatestRevisions(bus);
    await latest.current('a', async () => rev(2));
    bus.published('a', 3);
    expect((await latest.at('a', 2, async () => rev(2)))?.revision).toBe(2);
    expect((await latest.current('a', async () => rev(3)))?.revision).toBe(3);
  });

  it('a load that began before the announcement is not kept', async () => {
    const bus = new FakeBus();
    const latest = new LatestRevisions(bus);
    let finish!: (r: PolicyRevision) => void;
    const pending = latest.current('a', () => new Promise<PolicyRevision>((resolve) => (finish = resolve)));
    bus.published('a', 2);
    finish(rev(1));
    expect((await pending)?.revision).toBe(1);
    expect((await latest.current('a', async () => rev(2)))?.revision).toBe(2);
  });

  it('a publication of this process (hold) keeps the tenant uncached until its commit is certainly seen', async () => {
    let now = 0;
    const latest = new LatestRevisions(new FakeBus(), () => now);
    await latest.current('a', async () => rev(1));
    latest.hold('a');
    // not committed yet: the old revision is read, and not kept
    expect((await latest.current('a', async () => rev(1)))?.revision).toBe(1);
    expect((await latest.current('a', async () => rev(2)))?.revision).toBe(2);
    now += 60_000;
    expect((await latest.current('a', async () => rev(2)))?.revision).toBe(2);
    expect((await latest.current('a', async () => rev(99)))?.revision).toBe(2);
  });

  it('keeps nothing while the bus is not listening', async () => {
    const bus = new FakeBus();
    bus.listening = false;
    const latest = new LatestRevisions(bus);
    await latest.current('a', async () => rev(1));
    expect((await latest.current('a', async () => rev(2)))?.revision).toBe(2);
  });
});

import { mapInSlices } from '../../server/platform/slices';

describe('mapInSlices (long pure work yields to the event loop)', () => {
  it('maps every item in order and lets the event loop turn between slices, not inside one', async () => {
    // a chain of setImmediate callbacks counts event-loop turns while the work runs
    let turns = 0;
    let running = true;
    const tick = () => {
      turns += 1;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const seenAt: number[] = [];
    const out = await mapInSlices(Array.from({ length: 1000 }, (_, i) => i), 200, (n, i) => {
      seenAt.push(turns);
      return n * 2 + i;
    });
    running = false;
    expect(out).toEqual(Array.from({ length: 1000 }, (_, i) => i * 3));
    // five slices of 200 items: inside a slice the count never moves, between two slices it does
    const slices = [0, 200, 400, 600, 800].map((start) => new Set(seenAt.slice(start, start + 200)));
    for (const s of slices) expect(s.size).toBe(1);
    const firstOf = slices.map((s) => [...s][0] as number);
    for (let k = 1; k < firstOf.length; k++) expect(firstOf[k]).toBeGreaterThan(firstOf[k - 1] as number);
  });

  it('does not yield for work that fits in one slice, and refuses a slice size that would never yield', async () => {
    let turned = false;
    setImmediate(() => (turned = true));
    await mapInSlices([1, 2, 3], 200, (n) => n);
    expect(turned).toBe(false);
    await expect(mapInSlices([1], 0, (n) => n)).rejects.toThrow(RangeError);
    await expect(mapInSlices([1], 1.5, (n) => n)).rejects.toThrow(RangeError);
  });
});

// How far V8 lets the JavaScript heap grow past what is live before it collects the old
// generation. V8's default (a factor of up to 4 for a process that spends little time in GC)
// suits short jobs; a server under concurrent load promotes every in-flight request's objects,
// and with the default a process of ~60 MiB live data sat at ~250 MiB of heap after a few
// seconds of load and kept it (docs/PERFORMANCE.md, "Memory after the load"). A factor of
// 1 + percent / 100 bounds that at the cost of more frequent, mostly concurrent, old-generation
// collections. HEAP_GROWTH_PERCENT sets it; 0 leaves V8's own policy.
import { setFlagsFromString } from 'node:v8';

/** Applies the heap growing factor (1 + percent / 100) to this process; 0 keeps V8's default. */
export function applyHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0) throw new RangeError(`heap growth percent must be a whole number ≥ 0, got ${percent}`);
  if (percent === 0) return;
  // read by V8 each time it sets the next old-generation limit, so it applies from here on
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

// Long pure work on the request path (a batch of thousands of judgments) runs
// in slices, with a turn of the event loop between two slices, so that other
// requests and /healthz are answered while it runs.

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `items.map(fn)`, yielding to the event loop after every `sliceSize` items. */
export async function mapInSlices<T, R>(items: readonly T[], sliceSize: number, fn: (item: T, index: number) => R): Promise<R[]> {
  if (!Number.isInteger(sliceSize) || sliceSize < 1) throw new RangeError(`sliceSize must be a positive integer, got ${sliceSize}`);
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % sliceSize === 0) await nextTurn();
    out.push(fn(items[i] as T, i));
  }
  return out;
}

// Before anything is measured: the baseline must give the product's answers. The same
// bodies go to both; the answers' `data` must be deeply equal (key order aside), with no
// `errors` on either side. Anything else stops the benchmark.
import { isDeepStrictEqual } from 'node:util';
import type { LoadTarget } from './status-load';
import { post } from './status-load';
import { WORKLOAD_LABELS, type Workload } from './status-lookup-queries';

interface Answer {
  data?: unknown;
  errors?: unknown;
}

/** Compares `n` answers (the first n bodies); a line saying so, or throws naming the first difference. */
export async function checkSameAnswers(workload: Workload, product: LoadTarget, baseline: LoadTarget, n: number): Promise<string> {
  let identicalText = 0;
  for (let i = 0; i < n; i++) {
    const body = product.bodies[i % product.bodies.length]!;
    const [p, b] = await Promise.all([post(product.url + product.path, product.headers, body), post(baseline.url + baseline.path, baseline.headers, body)]);
    const pa = JSON.parse(p.text) as Answer;
    const ba = JSON.parse(b.text) as Answer;
    const show = () => `\n  product (HTTP ${p.status}): ${p.text.slice(0, 800)}\n  baseline (HTTP ${b.status}): ${b.text.slice(0, 800)}`;
    if (p.status !== 200 || b.status !== 200 || pa.errors || ba.errors || pa.data == null) throw new Error(`${workload}: not a 200 with data on both sides${show()}`);
    if (!isDeepStrictEqual(pa.data, ba.data)) throw new Error(`${workload}: the baseline's answer differs from the product's${show()}`);
    if (JSON.stringify(pa) === JSON.stringify(ba)) identicalText++;
  }
  return `same answers: ${WORKLOAD_LABELS[workload]}, ${n} request(s) compared (${identicalText} identical to the byte after parsing)`;
}

// The status-lookup benchmark's report: medians over the rounds per workload and
// concurrency, the product/baseline ratios, and one PASS/MISS line per goal (informational:
// a miss does not fail the run).
import type { StatementCount } from './statement-counts';
import type { LoadResult } from './status-load';
import { WORKLOAD_LABELS, type Workload } from './status-lookup-queries';
import { median, out } from './bench-support';

export type Side = 'product' | 'baseline';

export interface Sample {
  round: number;
  workload: Workload;
  connections: number;
  side: Side;
  result: LoadResult;
}

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** product / baseline req/s: the median of the rounds' ratios (each round's pair ran back to back). */
  ratio: number;
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const ms = (x: number) => pad(x.toFixed(1), 5);

/** The medians of one workload at one concurrency, per side; null when it was not run. */
export function figures(samples: readonly Sample[], workload: Workload, connections: number): Record<Side, Figures> | null {
  const of = (side: Side) => samples.filter((s) => s.workload === workload && s.connections === connections && s.side === side).sort((a, b) => a.round - b.round);
  const product = of('product');
  const baseline = of('baseline');
  if (!product.length || product.length !== baseline.length) return null;
  const ratio = median(product.map((p, i) => p.result.rps / baseline[i]!.result.rps));
  const side = (xs: Sample[]): Figures => ({
    rps: median(xs.map((x) => x.result.rps)),
    p50: median(xs.map((x) => x.result.p50)),
    p99: median(xs.map((x) => x.result.p99)),
    ratio,
  });
  return { product: side(product), baseline: side(baseline) };
}

export function printTables(samples: readonly Sample[], workloads: readonly Workload[], concurrencies: readonly number[], rounds: number): void {
  out(`\nresults: medians over ${rounds} round(s); latency in ms; ratio = product / baseline req/s (median of the rounds' ratios)`);
  for (const workload of workloads) {
    out(`\n${WORKLOAD_LABELS[workload]}${workload === 'typename' ? ' — baseline: constant JSON' : ''}`);
    out(`     c | product req/s   p50   p99 | baseline req/s   p50   p99 | ratio`);
    for (const c of concurrencies) {
      const f = figures(samples, workload, c);
      if (!f) continue;
      const { product: p, baseline: b } = f;
      out(`${pad(c, 6)} | ${pad(p.rps.toFixed(0), 13)} ${ms(p.p50)} ${ms(p.p99)} | ${pad(b.rps.toFixed(0), 14)} ${ms(b.p50)} ${ms(b.p99)} | ${p.ratio.toFixed(2)}`);
    }
  }
}

export function printStatements(label: string, counts: Record<Side, StatementCount | null>, n: number): void {
  for (const side of ['product', 'baseline'] as const) {
    const c = counts[side];
    if (!c) continue;
    out(`  ${label}, ${side}: ${c.perRequest.toFixed(2)} statements per request (${c.transactionControl.toFixed(2)} of them transaction control), over ${n} requests`);
    for (const s of c.statements) out(`    ${s.perRequest.toFixed(2)} × ${s.query.length > 150 ? s.query.slice(0, 147) + '...' : s.query}`);
  }
}

export interface GoalInputs {
  samples: readonly Sample[];
  statements: { status: StatementCount | null; list: StatementCount | null };
  memory: { idle: number; after: number } | null;
}

/** One line per goal of issue 14: PASS, MISS, or not measured. */
export function printGoals({ samples, statements, memory }: GoalInputs): void {
  const line = (ok: boolean | null, text: string) => out(`${ok === null ? 'n/a ' : ok ? 'PASS' : 'MISS'}  ${text}`);
  out('\ngoals (informational)');
  for (const c of [16, 64]) {
    const f = figures(samples, 'status', c);
    line(f && f.product.ratio >= 0.5, `completionStatus req/s ≥ 0.5× baseline at c=${c}: ${f ? `${f.product.ratio.toFixed(2)}×` : 'not measured'}`);
  }
  const f16 = figures(samples, 'status', 16);
  line(f16 && f16.product.p99 < 50, `completionStatus p99 < 50 ms at c=16: ${f16 ? `${f16.product.p99.toFixed(1)} ms` : 'not measured'}`);
  const floors = [16, 64].map((c) => figures(samples, 'typename', c)).filter((f) => f !== null);
  const worst = floors.length ? Math.min(...floors.map((f) => f.product.ratio)) : null;
  line(worst === null ? null : worst >= 0.3, `{__typename} ≥ 0.3× the constant-JSON floor (c=16 and c=64): ${worst === null ? 'not measured' : floors.map((f) => `${f.product.ratio.toFixed(2)}×`).join(', ')}`);
  const count = (c: StatementCount | null, max: number, label: string) =>
    line(c && c.perRequest <= max, `${label} in ≤ ${max} statements: ${c ? `${c.perRequest.toFixed(2)} (${(c.perRequest - c.transactionControl).toFixed(2)} besides transaction control)` : 'unavailable'}`);
  count(statements.status, 2, 'completionStatus');
  count(statements.list, 3, 'professionals(first: 50)');
  line(memory && memory.after <= 1.5 * memory.idle, `product RSS after the load ≤ 1.5× idle: ${memory ? `${memory.after.toFixed(0)} MiB / ${memory.idle.toFixed(0)} MiB = ${(memory.after / memory.idle).toFixed(2)}×` : 'not measured'}`);
}

// The process's metrics in Prometheus's text format (prom-client, a registry of our own, not
// the library's global one): GraphQL requests by operation and outcome with their latency,
// the database pools' use and waits, rows per list page, engine evaluations and background
// jobs. Label values come from the code and the schema, except operation names, which clients
// choose: those are bounded (MAX_OPERATIONS distinct names, then one `(other)` label).
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EngineEvaluation, Metrics } from './metrics';

/** Distinct operation names labelled; later ones count as OTHER_OPERATION. */
export const MAX_OPERATIONS = 200;
export const ANONYMOUS_OPERATION = '(anonymous)';
export const OTHER_OPERATION = '(other)';
/** An outcome label that is not an error code (a code is short, upper case) counts as this. */
const OTHER_OUTCOME = 'OTHER';
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const OUTCOME = /^[A-Z][A-Z0-9_]{0,63}$/;

/** What a pool reports: its connections and the clients waiting for one. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

type CounterChild = ReturnType<Counter['labels']>;
type HistogramChild = ReturnType<Histogram['labels']>;

/** Children of a labelled metric, made once per label value (the request path only looks them up). */
function childCache<T>(make: (label: string) => T): (label: string) => T {
  const made = new Map<string, T>();
  return (label) => {
    let child = made.get(label);
    if (child === undefined) made.set(label, (child = make(label)));
    return child;
  };
}

export class MetricsRegistry implements Metrics {
  readonly registry = new Registry();
  readonly contentType = this.registry.contentType;
  private readonly operations = new Set<string>();
  private readonly pools = new Map<string, () => PoolStats>();
  private readonly requests = new Counter({
    name: 'ce_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (OK, or the first error code of the answer)',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'ce_graphql_request_duration_seconds',
    help: 'GraphQL request time, from its arrival to the end of its answer, by operation name',
    labelNames: ['operation'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly rows = new Histogram({
    name: 'ce_list_rows',
    help: 'Rows one page of a list answered, by list field (Type.field)',
    labelNames: ['list'],
    buckets: [0, 1, 5, 10, 20, 50, 100],
    registers: [this.registry],
  });
  private readonly evaluations = new Counter({
    name: 'ce_engine_evaluations_total',
    help: 'Judgments by the hours engine: person-years (completion) and title questions (eligibility)',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  private readonly jobs = new Counter({
    name: 'ce_job_runs_total',
    help: 'Background job runs (reminder runs, staff imports) by job and outcome',
    labelNames: ['job', 'outcome'],
    registers: [this.registry],
  });
  private readonly jobTime = new Histogram({
    name: 'ce_job_duration_seconds',
    help: 'Background job run time, by job',
    labelNames: ['job'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });
  private readonly acquireWait = new Histogram({
    name: 'ce_db_pool_acquire_wait_seconds',
    help: 'Time a request waited for a connection of the request pool',
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });
  private readonly requestsBy = childCache((operation) => childCache<CounterChild>((outcome) => this.requests.labels(operation, outcome)));
  private readonly latencyOf = childCache<HistogramChild>((operation) => this.latency.labels(operation));
  private readonly rowsOf = childCache<HistogramChild>((list) => this.rows.labels(list));

  constructor() {
    const pools = this.pools;
    const gauge = (name: string, help: string, labelNames: string[], read: (g: Gauge, pool: string, stats: PoolStats) => void) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        collect() {
          this.reset();
          for (const [pool, stats] of pools) read(this, pool, stats());
        },
      });
    gauge('ce_db_pool_connections', 'Open connections of a database pool, by state (idle or in use)', ['pool', 'state'], (g, pool, s) => {
      g.set({ pool, state: 'idle' }, s.idle);
      g.set({ pool, state: 'in_use' }, s.total - s.idle);
    });
    gauge('ce_db_pool_waiting', 'Callers waiting for a connection of a database pool', ['pool'], (g, pool, s) => g.set({ pool }, s.waiting));
    gauge('ce_db_pool_max', 'Connections a database pool may open at most', ['pool'], (g, pool, s) => g.set({ pool }, s.max));
  }

  /** The operation's label: its name while fewer than MAX_OPERATIONS are known, else OTHER_OPERATION. */
  operationLabel(name: string | null): string {
    if (name === null) return ANONYMOUS_OPERATION;
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATIONS || !GRAPHQL_NAME.test(name)) return OTHER_OPERATION;
    this.operations.add(name);
    return name;
  }

  /** One GraphQL request ended: `operation` as the document named it (null: none, or it never resolved). */
  graphqlRequest(operation: string | null, outcome: string, seconds: number): void {
    const label = this.operationLabel(operation);
    this.requestsBy(label)(OUTCOME.test(outcome) ? outcome : OTHER_OUTCOME).inc();
    this.latencyOf(label).observe(seconds);
  }

  /** A page of the list field `list` (`Query.professionals`) answered `rows` rows. */
  listRows(list: string, rows: number): void {
    this.rowsOf(list).observe(rows);
  }

  /** A request waited `seconds` for a connection. */
  poolWait(seconds: number): void {
    this.acquireWait.observe(seconds);
  }

  /** Reports `stats()` of the pool `name` at every scrape. */
  watchPool(name: string, stats: () => PoolStats): void {
    this.pools.set(name, stats);
  }

  engineEvaluations(kind: EngineEvaluation, count = 1): void {
    this.evaluations.labels(kind).inc(count);
  }

  jobRun(job: string, outcome: string, seconds: number): void {
    this.jobs.labels(job, OUTCOME.test(outcome) ? outcome : OTHER_OUTCOME).inc();
    this.jobTime.labels(job).observe(seconds);
  }

  /** The metrics in Prometheus's text format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}

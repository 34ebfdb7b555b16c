// What capabilities record for the operators' metrics (app/ exposes them at /metrics when
// configured: metrics-registry.ts, docs/OPERATIONS.md). A capability sees only this small
// interface; without metrics configured it gets `noMetrics`, which records nothing.

/** What the engine was asked to judge: a person's year (completion) or a title question (eligibility). */
export type EngineEvaluation = 'completion' | 'eligibility';

export interface Metrics {
  /** The engine judged `count` times (one person-year, one title question each). */
  engineEvaluations(kind: EngineEvaluation, count?: number): void;
  /**
   * A background job (a reminder run, a staff import's check or confirmation) ended: `outcome`
   * is `OK` or its error code; `seconds` how long it ran. Job names are fixed by the code.
   */
  jobRun(job: string, outcome: string, seconds: number): void;
}

export const noMetrics: Metrics = {
  engineEvaluations: () => undefined,
  jobRun: () => undefined,
};

/** The outcome label of a failed job: its error code when it has one. */
export function outcomeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : 'ERROR';
}

/** Runs `work` as the job `job`, recording its outcome and time (the error is rethrown). */
export async function timedJob<T>(metrics: Metrics, job: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await work();
    metrics.jobRun(job, 'OK', (performance.now() - started) / 1000);
    return result;
  } catch (error) {
    metrics.jobRun(job, outcomeOf(error), (performance.now() - started) / 1000);
    throw error;
  }
}

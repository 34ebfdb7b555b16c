// One load run of the status-lookup benchmark: autocannon (in this process) against one
// server, at one concurrency, for a fixed time, with the bodies given in turn (each request
// takes the next one, so completionStatus asks about a different person each time).
// Every answer is checked cheaply (a 2xx JSON with `data` and no `errors`) and one in
// SAMPLE_EVERY thoroughly by `check`; a run with any failure is a broken run.
import autocannon from 'autocannon';

export interface LoadTarget {
  url: string;
  path: string;
  headers: Record<string, string>;
  bodies: readonly string[];
  /** A thorough check of one answer's body: a description of what is wrong, or null. */
  check: (body: string) => string | null;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** What went wrong (non-2xx answers, connection errors, timeouts, bad bodies); empty when nothing did. */
  problems: string[];
}

const SAMPLE_EVERY = 97;

export async function runLoad(target: LoadTarget, connections: number, seconds: number): Promise<LoadResult> {
  let next = 0;
  let seen = 0;
  const failures: string[] = [];
  const bodies = target.bodies;
  // autocannon's own histogram keeps whole milliseconds; its response event has the fraction
  const latencies: number[] = [];
  const options: autocannon.Options = {
    url: target.url + target.path,
    connections,
    duration: seconds,
    timeout: 10,
    // a refused or failing server must show as a broken run, not as a fast one
    bailout: 1000,
    requests: [
      {
        method: 'POST',
        path: target.path,
        headers: { 'content-type': 'application/json', ...target.headers },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
        onResponse: (status, body) => {
          if (seen++ % SAMPLE_EVERY !== 0 || failures.length >= 5) return;
          const wrong = status === 200 ? target.check(body) : `HTTP ${status}`;
          if (wrong) failures.push(`${wrong}: ${body.slice(0, 300)}`);
        },
      },
    ],
    verifyBody: (body) => {
      const text = String(body ?? '');
      return text.startsWith('{"data":') && !text.includes('"errors"');
    },
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error('autocannon failed')) : resolve(done)));
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
  const problems = [...failures];
  if (result.non2xx) problems.push(`${result.non2xx} non-2xx answers`);
  if (result.errors) problems.push(`${result.errors} connection errors (${result.timeouts} timeouts)`);
  if (result.mismatches) problems.push(`${result.mismatches} answers with errors or without data`);
  if (!result.requests.total) problems.push('no answers at all');
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)] ?? NaN;
  return { rps: result.requests.average, p50: at(0.5), p99: at(0.99), requests: result.requests.total, problems };
}

/** One request, for the checks before the load; the body's text (any status). */
export async function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, text: await res.text() };
}

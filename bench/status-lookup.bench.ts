// Status-lookup benchmark (issue 14): the product, started as a user starts it, beside a bare
// baseline (node:http + pg, same database and runtime role, the same answers in the fewest
// statements), both loaded by autocannon at several concurrencies, interleaved over rounds:
// completionStatus with an API key, professionals(first: 50) with a token, and {__typename}
// against a constant-JSON floor; plus the SQL statements one request issues (pg_stat_statements)
// and the product's memory before and after the load. Prints PASS/MISS per goal; exits
// non-zero only on a broken run (an answer that is not a 200 with data, or answers that differ).
// npm run bench:status -- [--people 50000] [--years 3] [--duration 5] [--rounds 3]
//   [--concurrency 1,16,64] [--workloads status,list,typename] [--statement-requests 200] [--log-level info]
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TokenService } from '../server/accounts/tokens';
import { openBench, out, postgresVersion } from './bench-support';
import { countStatements, enableStatementCounts, STAT_STATEMENTS_FLAGS, type StatementCount } from './statement-counts';
import { type LoadTarget, post, runLoad } from './status-load';
import { apiKeyRecord, sampleIdNumbers, seedStatusData } from './status-lookup-data';
import { BARE_PATHS, checkStatusAnswer, LIST_BODY, LIST_PAGE, STATUS_YEAR, statusBody, TYPENAME_ANSWER, TYPENAME_BODY, type Workload, WORKLOADS } from './status-lookup-queries';
import { freePort, memoryOf, type ServerProcess, startProductProcess, startServerProcess } from './status-processes';
import { checkSameAnswers } from './status-answers';
import { printGoals, printStatements, printTables, type Sample, type Side } from './status-report';

const JWT_TTL_SECONDS = 86400;

function options() {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '50000' },
      years: { type: 'string', default: '3' },
      duration: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      concurrency: { type: 'string', default: '1,16,64' },
      workloads: { type: 'string', default: WORKLOADS.join(',') },
      'statement-requests': { type: 'string', default: '200' },
      warmup: { type: 'string', default: '2' },
      'log-level': { type: 'string', default: 'info' },
    },
  });
  const workloads = values.workloads.split(',').map((w) => w.trim());
  const unknown = workloads.filter((w) => !(WORKLOADS as readonly string[]).includes(w));
  if (unknown.length) throw new Error(`unknown workload(s) ${unknown.join(', ')}; known: ${WORKLOADS.join(', ')}`);
  return {
    people: Number(values.people),
    years: Number(values.years),
    duration: Number(values.duration),
    rounds: Number(values.rounds),
    concurrencies: values.concurrency.split(',').map(Number),
    workloads: workloads as Workload[],
    statementRequests: Number(values['statement-requests']),
    warmup: Number(values.warmup),
    logLevel: values['log-level'],
  };
}

/** What one answer must hold, checked on a sample of the answers under load. */
const CHECKS: Record<Workload, (body: string) => string | null> = {
  status: checkStatusAnswer,
  list: (body) => ((JSON.parse(body) as { data?: { professionals?: { nodes?: unknown[] } } }).data?.professionals?.nodes?.length === LIST_PAGE ? null : `not ${LIST_PAGE} nodes`),
  typename: (body) => (JSON.stringify(JSON.parse(body)) === TYPENAME_ANSWER ? null : 'not the constant answer'),
};

async function main(): Promise<void> {
  const o = options();
  const { config, scratch, ownerUrl, dbs } = await openBench('bench-status', 14, STAT_STATEMENTS_FLAGS);
  const servers: ServerProcess[] = [];
  try {
    const unavailable = await enableStatementCounts(dbs.owner);
    out(`status lookups: PostgreSQL ${await postgresVersion(dbs.owner)}, Node ${process.version}, ${os.cpus().length} cores (load average ${loadAverage()}); product LOG_LEVEL=${o.logLevel}`);
    const data = await seedStatusData(dbs.owner, ownerUrl, config.POLICY_DIR, o.people, o.years);
    out(`data: one tenant (Qingdao's policy), ${data.people} professionals, ${data.activities} activities (${o.years} years up to ${STATUS_YEAR}), seeded in ${data.seconds.people.toFixed(0)} s + ${data.seconds.activities.toFixed(0)} s`);
    const ids = await sampleIdNumbers(dbs.owner, data.tenantId, 5000);
    const runtimeUrl = (dbs.runtime.options as { url?: string }).url;
    if (!runtimeUrl) throw new Error('no runtime URL');
    const role = decodeURIComponent(new URL(runtimeUrl).username);

    const secret = randomBytes(32).toString('hex');
    const tokens = new TokenService(secret, JWT_TTL_SECONDS);
    const token = async (accountId: string) => (await tokens.issue({ sub: accountId, kind: 'account', tid: data.tenantId })).token;
    const workDir = path.resolve(config.DATA_DIR, 'bench-status-run');
    await mkdir(workDir, { recursive: true });
    const product = await startProductProcess('product', {
      ownerUrl,
      jwtSecret: secret,
      jwtTtlSeconds: JWT_TTL_SECONDS,
      logLevel: o.logLevel,
      workDir,
      policyDir: config.POLICY_DIR,
      poolSize: config.DB_POOL_SIZE,
    });
    servers.push(product);
    const created = await post(`${product.url}/graphql`, { authorization: `Bearer ${await token(data.bureau.accountId)}` }, JSON.stringify({
      query: 'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey client { keyId } } }',
      variables: { input: { name: '压测职称评审系统', scopes: ['COMPLETION_READ'] } },
    }));
    const apiClient = (JSON.parse(created.text) as { data?: { createApiClient?: { apiKey: string; client: { keyId: string } } } }).data?.createApiClient;
    if (!apiClient) throw new Error(`createApiClient failed: ${created.text}`);

    const basePort = await freePort();
    const baseline = await startServerProcess({
      label: 'baseline',
      script: path.join(__dirname, 'bare-status-server.js'),
      port: basePort,
      logFile: path.join(workDir, 'baseline.log'),
      env: {
        BARE_PORT: String(basePort),
        BARE_DATABASE_URL: runtimeUrl,
        BARE_POOL_SIZE: String(config.DB_POOL_SIZE),
        JWT_SECRET: secret,
        JWT_TTL_SECONDS: String(JWT_TTL_SECONDS),
        BARE_API_KEYS: JSON.stringify([await apiKeyRecord(dbs.owner, apiClient.client.keyId)]),
        BARE_ACCOUNTS: JSON.stringify([{ id: data.department.accountId, tenantId: data.tenantId, orgPath: data.department.orgPath }]),
      },
    });
    servers.push(baseline);
    const memoryAtStart = memoryOf(product.pid);

    const listToken = await token(data.department.accountId);
    const headers: Record<Workload, Record<string, string>> = { status: { 'x-api-key': apiClient.apiKey }, list: { authorization: `Bearer ${listToken}` }, typename: {} };
    const bodies: Record<Workload, string[]> = { status: ids.map(statusBody), list: [LIST_BODY], typename: [TYPENAME_BODY] };
    const target = (side: Side, w: Workload): LoadTarget => ({
      url: side === 'product' ? product.url : baseline.url,
      path: side === 'product' ? '/graphql' : BARE_PATHS[w],
      headers: headers[w],
      bodies: bodies[w],
      check: CHECKS[w],
    });

    // the same answers, before anything is measured
    for (const w of o.workloads) out(await checkSameAnswers(w, target('product', w), target('baseline', w), w === 'status' ? 20 : 1));

    // statements per request: N requests one after the other (after a few to warm up)
    const statements: Record<'status' | 'list', StatementCount | null> = { status: null, list: null };
    out(`\nSQL statements per request (pg_stat_statements, role ${role}; the job queue's own polling left out)`);
    if (unavailable) out(`  statement counts: unavailable (${unavailable.split('\n')[0]})`);
    for (const w of (['status', 'list'] as const).filter((x) => !unavailable && o.workloads.includes(x))) {
      const counts: Record<Side, StatementCount | null> = { product: null, baseline: null };
      for (const side of ['product', 'baseline'] as const) {
        const t = target(side, w);
        const sequential = async (n: number, offset: number) => {
          for (let i = 0; i < n; i++) {
            const answer = await post(t.url + t.path, t.headers, t.bodies[(offset + i) % t.bodies.length]!);
            const wrong = answer.status === 200 ? t.check(answer.text) : `HTTP ${answer.status}`;
            if (wrong) throw new Error(`${side} ${w}: ${wrong}: ${answer.text.slice(0, 300)}`);
          }
        };
        await sequential(20, 0);
        counts[side] = await countStatements(dbs.owner, role, o.statementRequests, () => sequential(o.statementRequests, 20));
      }
      printStatements(w === 'status' ? 'completionStatus' : 'professionals(first: 50)', counts, o.statementRequests);
      statements[w] = counts.product;
    }

    // warm both servers' code paths, then the interleaved rounds
    for (const w of o.workloads) for (const side of ['product', 'baseline'] as const) requireClean(`warm-up ${side} ${w}`, (await runLoad(target(side, w), 16, o.warmup)).problems);
    await new Promise((r) => setTimeout(r, 2000));
    const idle = memoryOf(product.pid);
    out(`\nproduct memory: RSS ${mib(memoryAtStart?.rss)} after start, ${mib(idle?.rss)} idle before the load; baseline RSS ${mib(memoryOf(baseline.pid)?.rss)}`);
    out(`load: autocannon in the benchmark's process, ${o.duration} s per run, concurrency ${o.concurrencies.join(', ')}, ${o.rounds} round(s), product first in odd rounds`);
    const samples: Sample[] = [];
    for (let round = 1; round <= o.rounds; round++) {
      for (const w of o.workloads) {
        for (const c of o.concurrencies) {
          const order: Side[] = round % 2 === 1 ? ['product', 'baseline'] : ['baseline', 'product'];
          const line: string[] = [];
          for (const side of order) {
            const result = await runLoad(target(side, w), c, o.duration);
            requireClean(`round ${round} ${side} ${w} c=${c}`, result.problems);
            samples.push({ round, workload: w, connections: c, side, result });
            line.push(`${side} ${result.rps.toFixed(0)} req/s p50 ${result.p50.toFixed(1)} p99 ${result.p99.toFixed(1)}`);
          }
          out(`  round ${round} ${w} c=${c}: ${line.join('; ')}`);
        }
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
    const after = memoryOf(product.pid);
    // V8 keeps the heap it grew under load until its memory reducer runs (8 s after the
    // allocation rate falls): the figure an operator sees on an idle server is after that
    await new Promise((r) => setTimeout(r, 14000));
    const settled = memoryOf(product.pid);
    printTables(samples, o.workloads, o.concurrencies, o.rounds);
    out(`(machine load average at the end: ${loadAverage()}; other work on the machine moves these figures)`);
    out(`\nproduct memory: RSS ${mib(idle?.rss)} idle before the load, ${mib(after?.rss)} 1 s after it, ${mib(settled?.rss)} 15 s after it (peak ${mib(after?.peak)})`);
    printGoals({ samples, statements, memory: idle && after ? { idle: idle.rss, after: after.rss } : null });
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await dbs.close();
    await scratch.drop();
  }
}

const loadAverage = () => os.loadavg()[0]!.toFixed(1);
const mib = (x: number | undefined) => (x === undefined ? 'n/a' : `${x.toFixed(0)} MiB`);

/** A run with any problem is a broken run: its figures mean nothing, the benchmark stops. */
function requireClean(what: string, problems: readonly string[]): void {
  if (problems.length) throw new Error(`broken run (${what}):\n  ${problems.join('\n  ')}`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

// Two API processes against one (issue 16): does a second `node dist/server/main.js` on the same
// database add throughput? completionStatus (API key, a different person each request) is
// loaded with autocannon at the same total concurrency against one process, then split
// evenly over two (two autocannon instances, one per process, run at once), interleaved over
// rounds. Prints req/s of each and the ratio; exits non-zero only on a broken run. On a
// machine with fewer cores than two processes, PostgreSQL and the load generator need, the
// ratio says how much the cores limit, not how well processes scale.
// npm run bench:two-processes -- [--people 20000] [--years 3] [--duration 8] [--rounds 3] [--concurrency 32]
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TokenService } from '../server/accounts/tokens';
import { median, openBench, out, postgresVersion } from './bench-support';
import { type LoadResult, type LoadTarget, post, runLoad } from './status-load';
import { sampleIdNumbers, seedStatusData } from './status-lookup-data';
import { checkStatusAnswer, statusBody } from './status-lookup-queries';
import { type ServerProcess, startProductProcess } from './status-processes';

const JWT_TTL_SECONDS = 86400;

function options() {
  const { values } = parseArgs({
    options: {
      people: { type: 'string', default: '20000' },
      years: { type: 'string', default: '3' },
      duration: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '3' },
      concurrency: { type: 'string', default: '32' },
      'log-level': { type: 'string', default: 'info' },
    },
  });
  return {
    people: Number(values.people),
    years: Number(values.years),
    duration: Number(values.duration),
    rounds: Number(values.rounds),
    concurrency: Number(values.concurrency),
    logLevel: values['log-level'],
  };
}

/** A run with any problem is a broken run: its figures mean nothing, the benchmark stops. */
function requireClean(what: string, results: readonly LoadResult[]): void {
  const problems = results.flatMap((r) => r.problems);
  if (problems.length) throw new Error(`broken run (${what}):\n  ${problems.join('\n  ')}`);
}

async function main(): Promise<void> {
  const o = options();
  const { config, scratch, ownerUrl, dbs } = await openBench('bench-two-processes', 15);
  const servers: ServerProcess[] = [];
  try {
    out(`two processes: PostgreSQL ${await postgresVersion(dbs.owner)}, Node ${process.version}, ${os.cpus().length} cores; product LOG_LEVEL=${o.logLevel}`);
    const data = await seedStatusData(dbs.owner, ownerUrl, config.POLICY_DIR, o.people, o.years);
    out(`data: one tenant (Qingdao's policy), ${data.people} professionals, ${data.activities} activities`);
    const ids = await sampleIdNumbers(dbs.owner, data.tenantId, 5000);
    const secret = randomBytes(32).toString('hex');
    const workDir = path.resolve(config.DATA_DIR, 'bench-two-processes-run');
    await mkdir(workDir, { recursive: true });
    const settings = { ownerUrl, jwtSecret: secret, jwtTtlSeconds: JWT_TTL_SECONDS, logLevel: o.logLevel, workDir, policyDir: config.POLICY_DIR, poolSize: config.DB_POOL_SIZE };
    // one after the other: the first start migrates (nothing to do) and publishes policies
    servers.push(await startProductProcess('process-a', settings));
    servers.push(await startProductProcess('process-b', settings));
    const [a, b] = servers as [ServerProcess, ServerProcess];

    const token = (await new TokenService(secret, JWT_TTL_SECONDS).issue({ sub: data.bureau.accountId, kind: 'account', tid: data.tenantId })).token;
    const created = await post(`${a.url}/graphql`, { authorization: `Bearer ${token}` }, JSON.stringify({
      query: 'mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey } }',
      variables: { input: { name: '压测职称评审系统', scopes: ['COMPLETION_READ'] } },
    }));
    const apiKey = (JSON.parse(created.text) as { data?: { createApiClient?: { apiKey: string } } }).data?.createApiClient?.apiKey;
    if (!apiKey) throw new Error(`createApiClient failed: ${created.text}`);
    const bodies = ids.map(statusBody);
    const half = Math.floor(bodies.length / 2);
    const target = (server: ServerProcess, offset = 0): LoadTarget => ({
      url: server.url,
      path: '/graphql',
      headers: { 'x-api-key': apiKey },
      // the second process asks about other people than the first at the same moment
      bodies: [...bodies.slice(offset), ...bodies.slice(0, offset)],
      check: checkStatusAnswer,
    });

    const c = o.concurrency;
    const one = async () => {
      const r = await runLoad(target(a), c, o.duration);
      requireClean('one process', [r]);
      return r.rps;
    };
    const two = async () => {
      const rs = await Promise.all([runLoad(target(a), Math.ceil(c / 2), o.duration), runLoad(target(b, half), Math.floor(c / 2), o.duration)]);
      requireClean('two processes', rs);
      return rs[0].rps + rs[1].rps;
    };
    // warm both processes' code paths
    requireClean('warm-up', await Promise.all([runLoad(target(a), 8, 2), runLoad(target(b, half), 8, 2)]));
    out(`load: completionStatus (API key), ${c} connections in all, ${o.duration} s per run, ${o.rounds} round(s), alternating which goes first`);
    const single: number[] = [];
    const double: number[] = [];
    for (let round = 1; round <= o.rounds; round++) {
      if (round % 2 === 1) {
        single.push(await one());
        double.push(await two());
      } else {
        double.push(await two());
        single.push(await one());
      }
      out(`  round ${round}: one process ${single.at(-1)!.toFixed(0)} req/s; two processes ${double.at(-1)!.toFixed(0)} req/s`);
    }
    const [s, d] = [median(single), median(double)];
    out(`\nmedian: one process ${s.toFixed(0)} req/s, two processes ${d.toFixed(0)} req/s: ratio ${(d / s).toFixed(2)}`);
    out(`(machine load average at the end: ${os.loadavg()[0]!.toFixed(1)}; ${os.cpus().length} cores shared by both processes, PostgreSQL and autocannon)`);
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await dbs.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

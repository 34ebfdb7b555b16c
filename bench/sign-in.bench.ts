// Sign-in under load: 20 clients, each from its own loopback address, signing
// in with the right password over and over, at argon2's production cost (the
// server runs outside jest). Prints median and p99 latency and throughput,
// beside a baseline measured in the same run: the same number of bare argon2
// verifications through the same concurrency (the server's cost floor).
//
//   npm run bench:sign-in [-- --clients 20 --rounds 3]
import 'reflect-metadata';
import argon2 from 'argon2';
import http from 'node:http';
import { parseArgs } from 'node:util';
import { hashPassword } from '../server/accounts/passwords';
import { provisionTenant } from '../server/tenants/tenants.repository';
import { inTransaction } from '../server/platform/transaction';
import { execute } from '../server/platform/sql';
import { median, openBench, out, startBenchServer } from './bench-support';

function signInFrom(url: string, address: string, body: string): Promise<{ ms: number; outcome: string }> {
  const t0 = performance.now();
  const target = new URL(`${url}/graphql`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', localAddress: address, agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
          resolve({ ms: performance.now() - t0, outcome: parsed.errors?.[0]?.extensions?.code ?? 'OK' });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const quantile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
};

async function main() {
  const { values } = parseArgs({ options: { clients: { type: 'string', default: '20' }, rounds: { type: 'string', default: '3' } } });
  const clients = Number(values.clients);
  const rounds = Number(values.rounds);
  const { logger, scratch, dbs } = await openBench('bench-sign-in', 3);
  const password = `Bench-${Date.now()}-pw1`;
  const code = 'benchsignin';
  await inTransaction(dbs.owner, { tenantId: null, operator: true }, async (em) => {
    const { tenant, bureauId } = await provisionTenant(em, { code, name: '压测市', bureauName: '压测市人社局' });
    await execute(
      em,
      `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, password_hash, status, activated_at)
       VALUES ($1, 'bureau', '压测', 'BUREAU_OFFICIAL', $2, $3, 'ACTIVE', now())`,
      [tenant.id, bureauId, await hashPassword(password)],
    );
  });
  const server = await startBenchServer(dbs.runtime, logger);
  const body = JSON.stringify({ query: `mutation($i: SignInInput!) { signIn(input: $i) { token } }`, variables: { i: { tenantCode: code, username: 'bureau', password } } });

  // baseline: the same verifications, bare, four at a time (the server's argon2 cap)
  const stored = await hashPassword(password);
  const bare: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < clients * rounds; i += 4) {
    await Promise.all(Array.from({ length: Math.min(4, clients * rounds - i) }, async () => {
      const s = performance.now();
      await argon2.verify(stored, password);
      bare.push(performance.now() - s);
    }));
  }
  const bareRate = (bare.length / (performance.now() - t0)) * 1000;

  const ms: number[] = [];
  const outcomes: Record<string, number> = {};
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let r = 0; r < rounds; r++) {
        const res = await signInFrom(server.url, `127.0.3.${c + 1}`, body);
        ms.push(res.ms);
        outcomes[res.outcome] = (outcomes[res.outcome] ?? 0) + 1;
      }
    }),
  );
  const rate = (ms.length / (performance.now() - started)) * 1000;
  out(`sign-in under load (argon2 production cost): ${ms.length} requests from ${clients} clients`);
  out(`  median ${quantile(ms, 0.5).toFixed(0)} ms, p99 ${quantile(ms, 0.99).toFixed(0)} ms, ${rate.toFixed(1)} sign-ins/s; outcomes ${JSON.stringify(outcomes)}`);
  out(`  baseline, bare argon2 verifications 4 at a time: median ${median(bare).toFixed(0)} ms, ${bareRate.toFixed(1)}/s; sign-ins / bare = ${(rate / bareRate).toFixed(2)}`);
  await server.stop();
  await dbs.close();
  await scratch.drop();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

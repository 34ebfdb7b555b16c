// Provider batch benchmark: a training provider reports 10,000 completions in one request
// (through GraphQL with its API key), beside the bare set-based statement that records the
// same batch (the SQL floor). Target: the request is accepted in under 5 s.
// npm run bench:providers -- [--rows 10000] [--runs 5]
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { chinaToday } from '../server/platform/clock';
import { queryRows } from '../server/platform/sql';
import { inTransaction } from '../server/platform/transaction';
import { loadPolicyFiles, publishInitialPolicy } from '../server/policy/initial-policies';
import { CompletionsRepository } from '../server/providers/completions.repository';
import { ProvidersRepository } from '../server/providers/providers.repository';
import { generateProfessionals } from '../server/tools/generator';
import { benchOfficialToken, type GraphqlResponse, median, openBench, out, postgresVersion, requireRow, startBenchServer } from './bench-support';

const TARGET_MS = 5000;

async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } } });
  const n = Number(values.rows);
  const runs = Number(values.runs);
  const { config, logger, scratch, ownerUrl, dbs } = await openBench('bench-providers', 3);
  const qingdao = loadPolicyFiles(config.POLICY_DIR).get('qingdao')!;
  // enough people for a fresh project per run plus the baseline's
  const gen = await generateProfessionals({ ownerUrl, tenantCode: 'qingdao', count: n, seed: 7 });
  await publishInitialPolicy(dbs.owner, gen.tenantId, qingdao, 'bench');
  const people = await queryRows<{ id_number: string; name: string }>(dbs.owner, `SELECT id_number, name FROM professional WHERE tenant_id = $1 LIMIT $2`, [gen.tenantId, n]);
  const server = await startBenchServer(dbs.runtime, logger);
  const bureau = await requireRow<{ id: string }>(dbs.owner, `SELECT id FROM org_node WHERE tenant_id = $1 AND kind = 'BUREAU'`, [gen.tenantId]);
  const token = await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: 'bench.providers', role: 'BUREAU_OFFICIAL', orgNodeId: bureau.id });

  const gql = async <T>(query: string, variables: object, auth: Record<string, string>): Promise<{ data: T; ms: number; bytes: number }> => {
    const body = JSON.stringify({ query, variables });
    const t = process.hrtime.bigint();
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body });
    const answer = (await res.json()) as GraphqlResponse<T>;
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return { data: answer.data, ms, bytes: Buffer.byteLength(body) };
  };
  const created = await gql<{ createApiClient: { apiKey: string } }>(
    `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey } }`,
    { i: { name: '压测施教机构', scopes: ['TRAINING_REPORT'] } },
    { authorization: `Bearer ${token}` },
  );
  const provider = { 'x-api-key': created.data.createApiClient.apiKey };
  const today = chinaToday();
  const project = { title: '压测培训项目', kind: 'jobTraining', hours: 8, startDate: today, endDate: today, audience: '全体', venue: '线上', params: { category: 'job' } };
  const fileProject = async () =>
    (await gql<{ fileTrainingProject: { id: string } }>(`mutation($i: FileTrainingProjectInput!) { fileTrainingProject(input: $i) { id } }`, { i: project }, provider)).data
      .fileTrainingProject.id;
  const rows = people.map((p) => ({ idNumber: p.id_number, name: p.name, completedOn: today }));
  const REPORT = `mutation($p: ID!, $k: String!, $rows: [TrainingCompletionRowInput!]!) {
    reportTrainingCompletions(projectId: $p, batchKey: $k, rows: $rows) { credited rejected alreadyReported replayed rows { index status code hours } } }`;
  type Answer = { reportTrainingCompletions: { credited: number; rejected: number; replayed: boolean } };

  out(`provider batch: ${rows.length} completions in one request, a new project each run (PostgreSQL ${await postgresVersion(dbs.owner)})`);
  const xs: number[] = [];
  let replayMs = 0;
  for (let i = 0; i <= runs; i++) {
    const projectId = await fileProject();
    const r = await gql<Answer>(REPORT, { p: projectId, k: `bench-${i}`, rows }, provider);
    const a = r.data.reportTrainingCompletions;
    if (a.credited !== rows.length) throw new Error(`expected every row credited, got ${JSON.stringify(a)}`);
    if (i === 0) {
      out(`  first (cold) request ${r.ms.toFixed(0)} ms; request body ${(r.bytes / 1024).toFixed(0)} KiB`);
      replayMs = (await gql<Answer>(REPORT, { p: projectId, k: `bench-${i}`, rows }, provider)).ms;
    } else xs.push(r.ms);
  }
  const api = median(xs);
  out(`  API, one request (check, record, answer per row): median ${api.toFixed(0)} ms over ${runs} runs; target < ${TARGET_MS} ms: ${api < TARGET_MS ? 'met' : 'NOT met'}`);
  out(`  the same batch key again (replayed answer, nothing written): ${replayMs.toFixed(0)} ms`);

  // the floor: the same set-based statement, called directly in a transaction (no HTTP, no GraphQL, no checks in memory)
  const repo = new ProvidersRepository();
  const completions = new CompletionsRepository();
  const arrays = { index: rows.map((_, i) => i), idNumber: rows.map((r) => r.idNumber), name: rows.map((r) => r.name), completedOn: rows.map(() => today), hours: rows.map(() => 8) };
  const clientId = (await requireRow<{ id: string }>(dbs.owner, `SELECT id FROM api_client WHERE tenant_id = $1`, [gen.tenantId])).id;
  const ys: number[] = [];
  for (let i = 0; i < runs; i++) {
    const projectId = await fileProject();
    ys.push(
      await inTransaction(dbs.runtime, { tenantId: gen.tenantId }, async (em) => {
        const t = process.hrtime.bigint();
        const batchId = (await repo.claimBatch(em, {
          tenantId: gen.tenantId, projectId, source: 'PROVIDER', providerClientId: clientId, batchKey: `floor-${i}`, contentHash: '0'.repeat(64), received: rows.length, reportedBy: clientId,
        }))!;
        await completions.record(
          em,
          { tenantId: gen.tenantId, projectId, batchId, credit: true, source: 'PROVIDER', kind: 'jobTraining', params: { category: 'job', days: 1 }, hoursParam: 'hours', recordedBy: clientId },
          arrays,
        );
        return Number(process.hrtime.bigint() - t) / 1e6;
      }),
    );
  }
  out(`  baseline, the bare set-based INSERT of the batch (runtime role, row-level security): median ${median(ys).toFixed(0)} ms; API / INSERT = ${(api / median(ys)).toFixed(1)}x`);
  await server.stop();
  await dbs.close();
  await scratch.drop();
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

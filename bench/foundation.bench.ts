// Foundation benchmark (figures for the closing note):
//   1. generator throughput vs a plain COPY of the same rows, same run;
//   2. the first page of the professional list filtered by a department
//      subtree and a title level, with N professionals in one tenant:
//      median of 20 runs at the server, beside the same SQL run directly.
// npm run bench -- [--count 1000000]
import 'reflect-metadata';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createPeopleGenerator, REGION_CITIES } from '../server/demo/synthetic-people';
import { benchOfficialToken, median, p95, postgresVersion, openBench, out, requireRow, startBenchServer, type GraphqlResponse } from './bench-support';
import { COPY_COLUMNS, copyLine, generateProfessionals } from '../server/tools/generator';


async function main() {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '20' } } });
  const count = Number(values.count);
  const runs = Number(values.runs);
  const { logger, scratch, ownerUrl, dbs } = await openBench('bench', 1);
  out(`benchmark: ${count} professionals in one tenant (PostgreSQL ${await postgresVersion(dbs.owner)})`);

  // 1a. plain COPY of the same rows, pre-rendered, into a table shaped like professional
  const tenantRow = await requireRow<{ id: string }>(dbs.owner, `SELECT gen_random_uuid() AS id`);
  const fakeUnit = { id: '00000000-0000-4000-8000-000000000001', path: '/1/2/3/' };
  const people = createPeopleGenerator({ seed: 1, regionCodes: Object.values(REGION_CITIES).flatMap((c) => c.codes) });
  const chunks: string[] = [];
  for (let i = 0; i < count; i += 5000) {
    let chunk = '';
    for (let j = i; j < Math.min(count, i + 5000); j++) chunk += copyLine(tenantRow.id, people.next(j), fakeUnit);
    chunks.push(chunk);
  }
  await dbs.owner.query(`CREATE TABLE copy_baseline (LIKE professional INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING CONSTRAINTS)`);
  const raw = new Client({ connectionString: ownerUrl });
  await raw.connect();
  const t0 = process.hrtime.bigint();
  await pipeline(Readable.from(chunks), raw.query(copyFrom(`COPY copy_baseline ${COPY_COLUMNS} FROM STDIN`)));
  const copySeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await raw.query(`DROP TABLE copy_baseline`);
  await raw.end();
  chunks.length = 0;

  // 1b. the generator: tree + generation + COPY into the real table (FKs, RLS table)
  const gen = await generateProfessionals({ ownerUrl, tenantCode: 'bench', count, seed: 1 });
  out(`generator: ${gen.rows} rows in ${gen.seconds.toFixed(1)} s = ${Math.round(gen.rowsPerSecond)} rows/s ` +
    `(${gen.departments} departments, ${gen.units} units)`);
  out(`plain COPY of the same rows (same indexes, no FKs): ${copySeconds.toFixed(1)} s = ${Math.round(count / copySeconds)} rows/s`);
  out(`generator / plain COPY throughput: ${(gen.rowsPerSecond / (count / copySeconds)).toFixed(2)}`);

  // 2. list latency through the server, as a department official
  const dept = await requireRow<{ id: string; path: string }>(
    dbs.owner,
    `SELECT d.id, d.path FROM org_node d WHERE d.tenant_id = $1 AND d.kind = 'DEPARTMENT' ORDER BY d.path OFFSET $2 LIMIT 1`,
    [gen.tenantId, Math.min(7, gen.departments - 1)],
  );
  const bureau = await requireRow<{ id: string }>(dbs.owner, `SELECT id FROM org_node WHERE tenant_id = $1 AND kind = 'BUREAU'`, [gen.tenantId]);
  const server = await startBenchServer(dbs.runtime, logger);
  const deptToken = await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: 'bench.dept', role: 'DEPARTMENT_OFFICIAL', orgNodeId: dept.id });
  const bureauToken = await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: 'bench.bureau', role: 'BUREAU_OFFICIAL', orgNodeId: bureau.id });
  const query = `query($f: ProfessionalFilter) { professionals(first: 20, filter: $f) { nodes { id name idNumber titleLevel unit { name } } pageInfo { endCursor } } }`;
  const withCount = query.replace('pageInfo', 'totalCount pageInfo');
  const time = async (token: string, q: string, variables: object) => {
    const t = process.hrtime.bigint();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: q, variables }),
    });
    const body = (await res.json()) as GraphqlResponse<{ professionals: { nodes: unknown[] } }>;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    if (body.data.professionals.nodes.length === 0) throw new Error('empty page');
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const measure = async (label: string, token: string, q: string, variables: object) => {
    await time(token, q, variables); // warm
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) xs.push(await time(token, q, variables));
    out(`${label}: median ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms (${runs} runs)`);
    return median(xs);
  };
  const byDeptAndLevel = { f: { orgId: dept.id, titleLevel: 'INTERMEDIATE' } };
  const server1 = await measure('list, department official, own subtree + INTERMEDIATE, first 20', deptToken, query, { f: { titleLevel: 'INTERMEDIATE' } });
  await measure('list, bureau official, department subtree + INTERMEDIATE, first 20', bureauToken, query, byDeptAndLevel);
  await measure('same with totalCount', bureauToken, withCount, byDeptAndLevel);
  await measure('list, bureau official, whole tenant, first 20', bureauToken, query, {});
  // baseline: the same page as bare SQL on one connection, no HTTP/GraphQL/RLS
  const sql = `SELECT id, name, id_number, title_level, unit_id FROM professional
                WHERE tenant_id = $1 AND title_level = 'INTERMEDIATE' AND unit_path >= $2 AND unit_path < $3
                ORDER BY unit_path, id LIMIT 21`;
  const xs: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = process.hrtime.bigint();
    await dbs.owner.query(sql, [gen.tenantId, dept.path, dept.path + '~']);
    if (i > 0) xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  out(`baseline, same page as bare SQL: median ${median(xs).toFixed(2)} ms; server / bare SQL = ${(server1 / median(xs)).toFixed(1)}x`);

  await server.stop();
  await dbs.close();
  await scratch.drop();
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

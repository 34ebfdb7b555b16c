// Batch title-eligibility benchmark: 5,000 applicants × 5 years of stored
// activities (~10 a year each) judged through the API in one request,
// beside the bare SQL that fetches the same activities (the data floor).
// npm run bench:eligibility -- [--applicants 5000]
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadPolicyFiles, publishInitialPolicy } from '../server/policy/initial-policies';
import { benchOfficialToken, median, postgresVersion, openBench, out, requireRow, startBenchServer, type GraphqlResponse } from './bench-support';
import { queryRows } from '../server/platform/sql';
import { generateProfessionals } from '../server/tools/generator';


async function main() {
  const { values } = parseArgs({ options: { applicants: { type: 'string', default: '5000' }, runs: { type: 'string', default: '5' } } });
  const n = Number(values.applicants);
  const runs = Number(values.runs);
  const { config: base, logger, scratch, ownerUrl, dbs } = await openBench('bench-eligibility', 2);
  const gen = await generateProfessionals({ ownerUrl, tenantCode: 'qingdao', count: n, seed: 3 });
  await publishInitialPolicy(dbs.owner, gen.tenantId, loadPolicyFiles(base.POLICY_DIR).get('qingdao')!, 'bench');
  // ~10 activities a year for 2019–2023, set-based
  await dbs.owner.query(
    `INSERT INTO activity (tenant_id, professional_id, kind, year, params)
     SELECT p.tenant_id, p.id, k.kind, y, k.params
       FROM professional p CROSS JOIN generate_series(2019, 2023) y
       CROSS JOIN (VALUES
         ('publicCourse', '{"hours": 15}'::jsonb), ('publicCourse', '{"hours": 15}'),
         ('jobTraining', '{"category": "job", "hours": 16, "days": 2}'), ('jobTraining', '{"category": "job", "hours": 16, "days": 2}'),
         ('jobTraining', '{"category": "urgentTalent", "hours": 8, "days": 1}'), ('jobTraining', '{"category": "advancedSeminar", "hours": 12, "days": 2}'),
         ('academicActivity', '{"category": "conference", "hours": 8, "days": 1}'), ('academicActivity', '{"category": "conference", "hours": 6, "days": 1}'),
         ('studyTour', '{"title": "考察"}'), ('selfStudy', '{"category": "courseClass", "school": "夜大"}')
       ) AS k(kind, params)
      WHERE p.tenant_id = $1`,
    [gen.tenantId],
  );
  await dbs.owner.query('ANALYZE activity');
  const { count } = await requireRow<{ count: number }>(dbs.owner, `SELECT count(*)::int AS count FROM activity`);
  const bureau = await requireRow<{ id: string }>(dbs.owner, `SELECT id FROM org_node WHERE tenant_id = $1 AND kind = 'BUREAU'`, [gen.tenantId]);
  const people = await queryRows<{ id: string; id_number: string }>(dbs.owner, `SELECT id, id_number FROM professional WHERE tenant_id = $1`, [gen.tenantId]);
  const server = await startBenchServer(dbs.runtime, logger);
  const token = await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: 'bench.bureau', role: 'BUREAU_OFFICIAL', orgNodeId: bureau.id });
  const applicants = people.map((p) => ({ idNumber: p.id_number, targetLevel: 'DEPUTY_SENIOR' }));
  const query = `query($a: [EligibilityApplicant!]!) { titleEligibilityBatch(applicants: $a, applicationYear: 2023) { idNumber errorCode result { eligible yearsChecked years { year status } } } }`;
  out(`batch eligibility: ${applicants.length} applicants × 5 years, ${count} stored activities (PostgreSQL ${await postgresVersion(dbs.owner)})`);
  const xs: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = process.hrtime.bigint();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { a: applicants } }),
    });
    const body = (await res.json()) as GraphqlResponse<{ titleEligibilityBatch: { result: { eligible: boolean } | null }[] }>;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const eligible = body.data.titleEligibilityBatch.filter((r) => r.result?.eligible).length;
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (i === 0) out(`  first (cold) request: ${ms.toFixed(0)} ms, ${eligible} eligible`);
    else xs.push(ms);
  }
  out(`  API, one request: median ${median(xs).toFixed(0)} ms over ${runs} runs`);
  const ys: number[] = [];
  const ids = people.map((p) => p.id);
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await dbs.owner.query(`SELECT professional_id, id, kind, year, params FROM activity WHERE professional_id = ANY($1::uuid[]) AND year <= 2023`, [ids]);
    ys.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  out(`  baseline, fetching the same activities as bare SQL: median ${median(ys).toFixed(0)} ms; API / fetch = ${(median(xs) / median(ys)).toFixed(1)}x`);
  await server.stop();
  await dbs.close();
  await scratch.drop();
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

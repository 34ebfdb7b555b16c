// Batch title-eligibility benchmark: 5,000 applicants × 5 years of stored
// activities (~10 a year each) judged through the API in one request,
// beside the bare SQL that fetches the same activities (the data floor).
// npm run bench:eligibility -- [--applicants 5000] [--runs 5]
//
// Two cores shared with other work (figures move by a third between runs;
// the Node CPU a request takes moves less). Medians of three runs: 1.15–1.4 s
// a request, 1.5–1.9x the bare fetch, ~0.72 s of Node CPU; before the records
// were read slice by slice (one json_agg statement for all, and a scan of the
// whole table for withdrawn hours): 1.3–1.8 s, 2.6–3.1x, ~0.85 s. Where the
// time goes: docs/ARCHITECTURE.md, "Batch eligibility".
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
  const qingdao = loadPolicyFiles(base.POLICY_DIR).get('qingdao')!;
  // two tenants with the same people and activities: Qingdao's policy as it is, and the same
  // policy with a filing-date deadline (as Binzhou's), judged for applications filed on June 30
  const plain = await generateProfessionals({ ownerUrl, tenantCode: 'qingdao', count: n, seed: 3 });
  const filing = await generateProfessionals({ ownerUrl, tenantCode: 'filing', count: n, seed: 4 });
  await publishInitialPolicy(dbs.owner, plain.tenantId, qingdao, 'bench');
  await publishInitialPolicy(dbs.owner, filing.tenantId, { ...qingdao, code: 'filing', title: { ...qingdao.title, deadline: { type: 'filing', source: '001 bench' } } }, 'bench');
  for (const tenantId of [plain.tenantId, filing.tenantId]) {
    // ~10 activities a year for 2019–2023, dated across the year, set-based
    await dbs.owner.query(
      `INSERT INTO activity (tenant_id, professional_id, kind, year, occurred_on, params)
       SELECT p.tenant_id, p.id, k.kind, y, make_date(y, k.month, 15), k.params
         FROM professional p CROSS JOIN generate_series(2019, 2023) y
         CROSS JOIN (VALUES
           ('publicCourse', 2, '{"hours": 15}'::jsonb), ('publicCourse', 9, '{"hours": 15}'),
           ('jobTraining', 3, '{"category": "job", "hours": 16, "days": 2}'), ('jobTraining', 4, '{"category": "job", "hours": 16, "days": 2}'),
           ('jobTraining', 5, '{"category": "urgentTalent", "hours": 8, "days": 1}'), ('jobTraining', 6, '{"category": "advancedSeminar", "hours": 12, "days": 2}'),
           ('academicActivity', 7, '{"category": "conference", "hours": 8, "days": 1}'), ('academicActivity', 8, '{"category": "conference", "hours": 6, "days": 1}'),
           ('studyTour', 10, '{"title": "考察"}'), ('selfStudy', 11, '{"category": "courseClass", "school": "夜大"}')
         ) AS k(kind, month, params)
        WHERE p.tenant_id = $1`,
      [tenantId],
    );
  }
  // recorded when they happened (a recording date after the filing date would exclude them)
  await dbs.owner.query(`UPDATE activity SET recorded_at = occurred_on + time '12:00'`);
  // the UPDATE left a dead version of every row; autovacuum would clear them within a minute
  await dbs.owner.query('VACUUM (ANALYZE) activity');
  const { count } = await requireRow<{ count: number }>(dbs.owner, `SELECT count(*)::int AS count FROM activity WHERE tenant_id = $1`, [plain.tenantId]);
  const server = await startBenchServer(dbs.runtime, logger);
  const query = `query($a: [EligibilityApplicant!]!) { titleEligibilityBatch(applicants: $a, applicationYear: 2023) { idNumber errorCode result { eligible yearsChecked years { year status } excludedActivities { activityId } } } }`;
  out(`batch eligibility: ${n} applicants × 5 years, ${count} stored activities per tenant (PostgreSQL ${await postgresVersion(dbs.owner)})`);
  const medians: number[] = [];
  for (const [label, gen, filedOn] of [['Qingdao policy, no filing date', plain, null], ['filing-date deadline, filed 2023-06-30', filing, '2023-06-30']] as const) {
    const bureau = await requireRow<{ id: string }>(dbs.owner, `SELECT id FROM org_node WHERE tenant_id = $1 AND kind = 'BUREAU'`, [gen.tenantId]);
    const people = await queryRows<{ id: string; id_number: string }>(dbs.owner, `SELECT id, id_number FROM professional WHERE tenant_id = $1`, [gen.tenantId]);
    const token = await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: `bench.${gen.tenantId.slice(0, 8)}`, role: 'BUREAU_OFFICIAL', orgNodeId: bureau.id });
    const applicants = people.map((p) => ({ idNumber: p.id_number, targetLevel: 'DEPUTY_SENIOR', ...(filedOn ? { filedOn } : {}) }));
    const xs: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t = process.hrtime.bigint();
      const cpuBefore = process.cpuUsage();
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: { a: applicants } }),
      });
      const body = (await res.json()) as GraphqlResponse<{ titleEligibilityBatch: { result: { eligible: boolean; excludedActivities: unknown[] } | null }[] }>;
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      const eligible = body.data.titleEligibilityBatch.filter((r) => r.result?.eligible).length;
      const excluded = body.data.titleEligibilityBatch.reduce((sum, r) => sum + (r.result?.excludedActivities.length ?? 0), 0);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      const used = process.cpuUsage(cpuBefore);
      if (i > 0) cpu.push((used.user + used.system) / 1000);
      if (i === 0) out(`  ${label}: first (cold) request ${ms.toFixed(0)} ms, ${eligible} eligible, ${excluded} activities excluded by the deadline`);
      else xs.push(ms);
    }
    medians.push(median(xs));
    out(`  ${label}: API, one request: median ${median(xs).toFixed(0)} ms over ${runs} runs (Node CPU, server and client: ${median(cpu).toFixed(0)} ms)`);
    if (medians.length === 1) {
      const ys: number[] = [];
      const ids = people.map((p) => p.id);
      for (let i = 0; i < runs; i++) {
        const t = process.hrtime.bigint();
        await dbs.owner.query(`SELECT professional_id, id, kind, year, params FROM activity WHERE professional_id = ANY($1::uuid[]) AND year <= 2023`, [ids]);
        ys.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      out(`  baseline, fetching the same activities as bare SQL: median ${median(ys).toFixed(0)} ms; API / fetch = ${(median(xs) / median(ys)).toFixed(1)}x`);
    }
  }
  out(`  with filing dates / without: ${(medians[1]! / medians[0]!).toFixed(2)}x`);
  await server.stop();
  await dbs.close();
  await scratch.drop();
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

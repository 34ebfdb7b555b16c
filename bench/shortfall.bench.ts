// "Who is short" benchmark: a tenant of N professionals (default 200,000) whose year is
// mostly complete, a few percent short and a few hundred title applicants; the bureau's
// first page, a page deep in the walk, and a unit's page, through the API, beside the bare
// SQL that reads the same 2,000 people's activities (the data floor of one request).
// npm run bench:shortfall -- [--count 200000] [--runs 5]
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SCAN_BUDGET } from '../server/hours/shortfall.service';
import { loadPolicyFiles, publishInitialPolicy } from '../server/policy/initial-policies';
import { generateProfessionals } from '../server/tools/generator';
import { benchOfficialToken, median, openBench, out, postgresVersion, requireRow, startBenchServer, type GraphqlResponse } from './bench-support';

const Y = 2026;
const QUERY = `query($after: String, $f: ShortfallFilter) { shortfalls(year: ${Y}, first: 50, after: $after, filter: $f) {
  nodes { professionalId deadline publicShortfall professionalShortfall } pageInfo { hasNextPage endCursor } scanned } }`;
type Page = { shortfalls: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string }; scanned: number } };

async function main() {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '200000' }, runs: { type: 'string', default: '5' } } });
  const n = Number(values.count);
  const runs = Number(values.runs);
  const { config, logger, scratch, ownerUrl, dbs } = await openBench('bench-shortfall', 6);
  const gen = await generateProfessionals({ ownerUrl, tenantCode: 'qingdao', count: n, seed: 11 });
  await publishInitialPolicy(dbs.owner, gen.tenantId, loadPolicyFiles(config.POLICY_DIR).get('qingdao')!, 'bench');
  // 95 % complete (30 + 60), 5 % short (30 + 20); one in 500 applies for a title this year
  await dbs.owner.query(
    `INSERT INTO activity (tenant_id, professional_id, kind, year, params)
     SELECT tenant_id, id, 'transferIn', $2, jsonb_build_object('fromPlace', '压测', 'publicHours', 30, 'professionalHours', CASE WHEN hashtext(id::text) % 20 = 0 THEN 20 ELSE 60 END)
       FROM professional WHERE tenant_id = $1`,
    [gen.tenantId, Y],
  );
  await dbs.owner.query(
    `INSERT INTO title_application (tenant_id, professional_id, target_level, target_series, application_year, route)
     SELECT tenant_id, id, 'SENIOR', title_series, $2, 'NORMAL_REVIEW' FROM professional WHERE tenant_id = $1 AND hashtext(id::text) % 500 = 1`,
    [gen.tenantId, Y],
  );
  await dbs.owner.query('ANALYZE');
  const bureau = await requireRow<{ id: string }>(dbs.owner, `SELECT id FROM org_node WHERE tenant_id = $1 AND kind = 'BUREAU'`, [gen.tenantId]);
  const unit = await requireRow<{ id: string; n: number }>(
    dbs.owner,
    `SELECT unit_id AS id, count(*)::int AS n FROM professional WHERE tenant_id = $1 GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1`,
    [gen.tenantId],
  );
  const server = await startBenchServer(dbs.runtime, logger);
  const token = await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: 'bench.shortfall', role: 'BUREAU_OFFICIAL', orgNodeId: bureau.id });
  const page = async (variables: object): Promise<{ ms: number; page: Page['shortfalls'] }> => {
    const t = process.hrtime.bigint();
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, variables }),
    });
    const body = (await res.json()) as GraphqlResponse<Page>;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, page: body.data.shortfalls };
  };
  out(`who is short: ${n} professionals, ~5% short, ~0.2% title applicants (PostgreSQL ${await postgresVersion(dbs.owner)})`);
  const measure = async (label: string, variables: object) => {
    const xs: number[] = [];
    let last: Page['shortfalls'] | null = null;
    for (let i = 0; i <= runs; i++) {
      const r = await page(variables);
      if (i > 0) xs.push(r.ms);
      last = r.page;
    }
    out(`  ${label}: median ${median(xs).toFixed(0)} ms, ${last!.nodes.length} listed, ${last!.scanned} judged`);
    return median(xs);
  };
  const first = await measure('bureau, first page (applicants first)', {});
  // a page deep in the walk: after 20 pages
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const r = await page({ after });
    if (!r.page.pageInfo.hasNextPage) break;
    after = r.page.pageInfo.endCursor;
  }
  await measure('bureau, page 21', { after });
  await measure(`unit of ${unit.n} people`, { f: { unitId: unit.id } });
  // the data floor: one request's reads for SCAN_BUDGET people, as bare SQL
  const ys: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await dbs.owner.query(
      `SELECT a.professional_id, json_agg(json_build_array(a.id, a.kind, a.year, a.params)) FROM activity a
        WHERE a.professional_id IN (SELECT id FROM professional WHERE tenant_id = $1 ORDER BY unit_path, id LIMIT $2) AND a.year <= $3
        GROUP BY a.professional_id`,
      [gen.tenantId, SCAN_BUDGET, Y],
    );
    ys.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  out(`  baseline, reading ${SCAN_BUDGET} people's activities as bare SQL: median ${median(ys).toFixed(0)} ms; first page / baseline = ${(first / median(ys)).toFixed(1)}x`);
  await server.stop();
  await dbs.close();
  await scratch.drop();
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

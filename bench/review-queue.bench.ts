// Review-queue benchmark (issue 11): one tenant of N professionals (1,000,000 by default) in a
// tree of departments and units, with 10 declarations each (10,000,000), generated set-based in
// SQL: mostly recorded (with their activities), some waiting at each level, some rejected,
// withdrawn or drafts, the chain columns and queue numbers filled as the service fills them.
// Then, through GraphQL with real tokens (a unit, a department and the bureau official):
// median and p95 of a queue page of 50 with every field a reviewer's page shows (preview
// included), page 2 by cursor, each filter, the counts, the SQL statements of each request,
// and bulk approval of a page of 50; the baseline is the bare keyset SQL of the same page.
// npm run bench:review -- [--count 1000000] [--per 10] [--runs 20] [--bulk 5] [--explain]
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { SELECT_DECLARATION } from '../server/declarations/declaration-row';
import { loadPolicyFiles, publishInitialPolicy } from '../server/policy/initial-policies';
import type { PolicyDocument } from '../server/engine';
import { pgQueryable, queryRows } from '../server/platform/sql';
import { inTransaction } from '../server/platform/transaction';
import { generateProfessionals } from '../server/tools/generator';
import { benchOfficialToken, median, openBench, out, p95, postgresVersion, requireRow, startBenchServer, type GraphqlResponse } from './bench-support';

/** Target figures of the issue. */
const PAGE_TARGET_MS = 100;
const BULK_TARGET_MS = 500;

const PAGE = `query($f: ReviewQueueFilter, $first: Int, $after: String) { reviewQueue(filter: $f, first: $first, after: $after) { totalCount
  pageInfo { hasNextPage endCursor }
  edges { cursor node { id professionalName unitName kindName status year submittedAt version
    chain { level organisationName current }
    decisions { level decision reviewerName comment decidedAt }
    preview { hours { publicHours professionalHours rule cappedBy { cap cut } } year { complete public { credited required } professional { credited required } } }
    professional { id name titleLevel }
    evidence { certificateNo issuer fileIds }
  } } } }`;
const COUNTS = `query($f: ReviewQueueFilter) { reviewQueueCounts(filter: $f) { waiting forwarded recorded rejected withdrawn } }`;
const BULK = `mutation($ids: [ID!]!) { bulkApproveDeclarations(ids: $ids) { id errorCode declaration { id status currentLevel } } }`;

/** Kinds of Qingdao's policy the generated declarations use, with parameters its rules accept. */
const KINDS: [string, string][] = [
  ['selfStudy', `jsonb_build_object('category', 'courseClass', 'school', '夜大')`],
  ['studyTour', `jsonb_build_object('title', '考察' || k)`],
  ['researchResult', `jsonb_build_object('category', 'award', 'title', '成果' || k)`],
  ['jobTraining', `jsonb_build_object('category', 'job', 'hours', 8 + k, 'days', 2)`],
  ['academicActivity', `jsonb_build_object('category', 'conference', 'hours', 6, 'days', 1)`],
];

/** Counts every statement the runtime pool's connections run (as test/declarations/review-queue-batching does), and keeps them. */
function countStatements(runtime: DataSource): { count: () => number; sqlMs: () => number; seen: [string, unknown[] | undefined, number][] } {
  let n = 0;
  let ms = 0;
  const seen: [string, unknown[] | undefined, number][] = [];
  const create = runtime.createQueryRunner.bind(runtime);
  runtime.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>) => {
    const runner = create(...args);
    const query = runner.query.bind(runner);
    runner.query = ((...q: Parameters<typeof runner.query>) => {
      n++;
      const entry: [string, unknown[] | undefined, number] = [q[0], Array.isArray(q[1]) ? q[1] : undefined, 0];
      seen.push(entry);
      if (seen.length > 1000) seen.splice(0, 500);
      const t = process.hrtime.bigint();
      return query(...q).finally(() => {
        entry[2] = Number(process.hrtime.bigint() - t) / 1e6;
        ms += entry[2];
      });
    }) as typeof runner.query;
    return runner;
  };
  return { count: () => n, sqlMs: () => ms, seen };
}

const seconds = (t: bigint) => (Number(process.hrtime.bigint() - t) / 1e9).toFixed(1);

/**
 * The declarations (and the recorded ones' activities and the decisions of those past the
 * unit), in one INSERT … SELECT each, with the secondary indexes built afterwards and foreign
 * keys not checked row by row (the rows are consistent by construction; checked after).
 */
async function generateDeclarations(ownerUrl: string, tenantId: string, per: number, policy: PolicyDocument, accounts: { filer: string; unit: string; dept: string; bureau: string; bureauNode: string }) {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  const version = policy.versions[policy.versions.length - 1]!;
  const kindName = (k: string) => version.kinds[k]!.name.replace(/'/g, "''");
  try {
    await db.query(`SET session_replication_role = replica; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'; SET max_parallel_maintenance_workers = 2`);
    const indexes = await queryRows<{ indexname: string; indexdef: string }>(
      pgQueryable(db),
      `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename IN ('declaration', 'activity', 'declaration_decision')
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const i of indexes) await db.query(`DROP INDEX ${i.indexname}`);
    let t = process.hrtime.bigint();
    const kinds = KINDS.map(([k], i) => `WHEN ${i} THEN '${k}'`).join(' ');
    const names = KINDS.map(([k], i) => `WHEN ${i} THEN '${kindName(k)}'`).join(' ');
    const params = KINDS.map(([, p], i) => `WHEN ${i} THEN ${p}`).join(' ');
    // state by r: 80% recorded; waiting at the unit 5%, the department 3%, the bureau 2%;
    // rejected 4% (at each level), withdrawn 3%, drafts 3%
    await db.query(
      `INSERT INTO declaration (tenant_id, professional_id, unit_id, title_series, kind, kind_name, year, occurred_on, params,
          filed_by, filed_by_role, status, round, step, entry_step, review_unit_id, review_department_id, review_bureau_id,
          queue_no, rejection_reason, submitted_at, recorded_at, created_at, updated_at, version)
       SELECT s.tenant_id, s.pid, s.unit_id, s.title_series, s.kind, s.kind_name, s.year, s.at::date, s.params,
          $2, 'PROFESSIONAL', s.status, CASE WHEN s.status = 'DRAFT' THEN 0 ELSE 1 END, s.step, CASE WHEN s.status = 'DRAFT' THEN 0 ELSE 1 END,
          s.unit_id, s.dept, s.bureau,
          CASE WHEN s.status <> 'DRAFT' THEN nextval('declaration_queue_no') END,
          CASE WHEN s.status = 'REJECTED' THEN '证明材料不全' END,
          CASE WHEN s.status <> 'DRAFT' THEN s.at END, CASE WHEN s.status = 'RECORDED' THEN s.at + interval '20 days' END,
          s.at, s.at, 1
         FROM (SELECT p.tenant_id, p.id AS pid, p.unit_id, p.title_series, u.parent_id AS dept, $3::uuid AS bureau,
                      CASE k % ${KINDS.length} ${kinds} END AS kind, CASE k % ${KINDS.length} ${names} END AS kind_name,
                      CASE k % ${KINDS.length} ${params} END AS params,
                      2019 + k % 6 AS year,
                      make_timestamptz(2019 + k % 6, 1, 1, 9, 0, 0, 'Asia/Shanghai') + random() * interval '360 days' AS at,
                      CASE WHEN r < 0.80 THEN 'RECORDED' WHEN r < 0.90 THEN 'SUBMITTED' WHEN r < 0.94 THEN 'REJECTED' WHEN r < 0.97 THEN 'WITHDRAWN' ELSE 'DRAFT' END AS status,
                      CASE WHEN r < 0.80 THEN 4 WHEN r < 0.85 THEN 1 WHEN r < 0.88 THEN 2 WHEN r < 0.90 THEN 3
                           WHEN r < 0.92 THEN 1 WHEN r < 0.93 THEN 2 WHEN r < 0.94 THEN 3 WHEN r < 0.97 THEN 1 ELSE 0 END AS step
                 FROM (SELECT p.*, k, random() AS r FROM professional p CROSS JOIN generate_series(1, $4::int) k WHERE p.tenant_id = $1) p
                 JOIN org_node u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id
                ORDER BY at) s`,
      [tenantId, accounts.filer, accounts.bureauNode, per],
    );
    out(`  declarations inserted in ${seconds(t)} s`);
    t = process.hrtime.bigint();
    await db.query(
      `INSERT INTO activity (tenant_id, id, professional_id, kind, year, occurred_on, params, source, recorded_by, recorded_at, declaration_id)
       SELECT tenant_id, id, professional_id, kind, year, occurred_on, params, 'DECLARATION', $2, recorded_at, id FROM declaration WHERE tenant_id = $1 AND status = 'RECORDED'`,
      [tenantId, accounts.bureau],
    );
    // the approvals below the step a declaration waits at (or was rejected at), and the rejections
    await db.query(
      `INSERT INTO declaration_decision (tenant_id, declaration_id, round, level, node_id, decision, reviewer_id, reviewer_label, comment, decided_at)
       SELECT d.tenant_id, d.id, 1, l.level, l.node, CASE WHEN l.step = d.step THEN 'REJECTED' ELSE 'APPROVED' END, l.reviewer, '压测',
              CASE WHEN l.step = d.step THEN d.rejection_reason END, d.submitted_at + l.step * interval '1 day'
         FROM declaration d CROSS JOIN LATERAL (VALUES (1, 'UNIT', d.review_unit_id, $2::uuid), (2, 'DEPARTMENT', d.review_department_id, $3::uuid)) l(step, level, node, reviewer)
        WHERE d.tenant_id = $1 AND d.status IN ('SUBMITTED', 'REJECTED') AND (l.step < d.step OR (d.status = 'REJECTED' AND l.step = d.step))`,
      [tenantId, accounts.unit, accounts.dept],
    );
    out(`  activities and decisions inserted in ${seconds(t)} s`);
    t = process.hrtime.bigint();
    for (const i of indexes) await db.query(i.indexdef);
    out(`  ${indexes.length} indexes built in ${seconds(t)} s`);
    t = process.hrtime.bigint();
    await db.query(`SET session_replication_role = origin`);
    // what the skipped foreign keys would have checked: every chain node and person exists
    const broken = await requireRow<{ n: number }>(
      pgQueryable(db),
      `SELECT count(*)::int AS n FROM declaration d WHERE d.tenant_id = $1 AND (
          NOT EXISTS (SELECT 1 FROM org_node o WHERE o.tenant_id = d.tenant_id AND o.id = d.review_department_id)
          OR NOT EXISTS (SELECT 1 FROM professional p WHERE p.tenant_id = d.tenant_id AND p.id = d.professional_id))`,
      [tenantId],
    );
    if (broken.n !== 0) throw new Error(`${broken.n} declarations with a missing node or person`);
    for (const table of ['declaration', 'activity', 'declaration_decision']) await db.query(`VACUUM (ANALYZE) ${table}`);
    out(`  checked, vacuumed and analyzed in ${seconds(t)} s`);
  } finally {
    await db.end();
  }
}

async function main() {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '1000000' }, per: { type: 'string', default: '10' }, runs: { type: 'string', default: '20' }, bulk: { type: 'string', default: '5' }, explain: { type: 'boolean', default: false } } });
  const count = Number(values.count);
  const per = Number(values.per);
  const runs = Number(values.runs);
  const bulkPages = Number(values.bulk);
  const { config, logger, scratch, ownerUrl, dbs } = await openBench('bench-review', 4);
  out(`review queues: ${count} professionals × ${per} declarations in one tenant (PostgreSQL ${await postgresVersion(dbs.owner)})`);
  const started = process.hrtime.bigint();
  const gen = await generateProfessionals({ ownerUrl, tenantCode: 'review', count, seed: 5 });
  out(`  ${gen.rows} professionals (${gen.departments} departments, ${gen.units} units) in ${gen.seconds.toFixed(1)} s`);
  const policy = loadPolicyFiles(config.POLICY_DIR).get('qingdao')!;
  await publishInitialPolicy(dbs.owner, gen.tenantId, policy, 'bench');
  // the officials: of the department with the most units' first unit, that department, the bureau
  const unit = await requireRow<{ id: string; parent_id: string }>(
    dbs.owner,
    `SELECT u.id, u.parent_id FROM org_node u WHERE u.tenant_id = $1 AND u.kind = 'UNIT' AND u.parent_id IS NOT NULL ORDER BY u.path LIMIT 1`,
    [gen.tenantId],
  );
  const bureau = await requireRow<{ id: string }>(dbs.owner, `SELECT id FROM org_node WHERE tenant_id = $1 AND kind = 'BUREAU'`, [gen.tenantId]);
  const server = await startBenchServer(dbs.runtime, logger, { MAX_QUERY_COMPLEXITY: '20000' });
  await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: 'bench.unit', role: 'UNIT_OFFICIAL', orgNodeId: unit.id });
  await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: 'bench.dept', role: 'DEPARTMENT_OFFICIAL', orgNodeId: unit.parent_id });
  await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: 'bench.bureau', role: 'BUREAU_OFFICIAL', orgNodeId: bureau.id });
  await benchOfficialToken(dbs.owner, server, { tenantId: gen.tenantId, username: 'bench.filer', role: 'UNIT_OFFICIAL', orgNodeId: unit.id });
  const account = async (username: string) => (await requireRow<{ id: string }>(dbs.owner, `SELECT id FROM account WHERE tenant_id = $1 AND username = $2`, [gen.tenantId, username])).id;
  const t = process.hrtime.bigint();
  await generateDeclarations(ownerUrl, gen.tenantId, per, policy, { filer: await account('bench.filer'), unit: await account('bench.unit'), dept: await account('bench.dept'), bureau: await account('bench.bureau'), bureauNode: bureau.id });
  const total = await requireRow<{ n: string }>(dbs.owner, `SELECT count(*) AS n FROM declaration WHERE tenant_id = $1`, [gen.tenantId]);
  out(`  ${total.n} declarations generated in ${seconds(t)} s (all data: ${seconds(started)} s)`);
  // signed in now: a token issued before the generation would have expired
  const token = async (username: string) => (await server.tokens.issue({ sub: await account(username), kind: 'account', tid: gen.tenantId })).token;
  const tokens = { unit: await token('bench.unit'), dept: await token('bench.dept'), bureau: await token('bench.bureau') };

  const counter = countStatements(dbs.runtime);
  let statementsOfLast = 0;
  const statements = counter.count;
  /** EXPLAIN ANALYZE, as the runtime role under the tenant's row-level security, of the queue statements of the last request. */
  const explain = async (label: string) => {
    if (!values.explain) return;
    const last = counter.seen.slice(-statementsOfLast);
    out(`    statements: ${last.map(([sql, , ms]) => `${ms.toFixed(1)} ms ${sql.replace(/\s+/g, ' ').slice(0, 40)}`).join(' | ')}`);
    const queue = counter.seen.filter(([sql]) => /FROM declaration d/.test(sql)).slice(-2);
    for (const [sql, params] of queue) {
      const plan = await inTransaction(dbs.runtime, { tenantId: gen.tenantId }, (em) => queryRows<{ 'QUERY PLAN': string }>(em, `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params ?? []));
      out(`    plan (${label}${/count\(/.test(sql) ? ', count' : ''}):`);
      for (const line of plan.map((r) => r['QUERY PLAN']).filter((l) => /Scan|Sort|Limit|Aggregate|Execution|Buffers: shared hit=\d+ read/.test(l)).slice(0, 10)) out(`      ${line.trim()}`);
    }
  };
  const gql = async <T>(token: string, query: string, variables: object): Promise<{ ms: number; n: number; sql: number; data: T }> => {
    const before = statements();
    const sqlBefore = counter.sqlMs();
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as GraphqlResponse<T>;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, n: statements() - before, sql: counter.sqlMs() - sqlBefore, data: body.data };
  };
  type Page = { reviewQueue: { totalCount: number; pageInfo: { endCursor: string | null }; edges: { node: { id: string } }[] } };
  const measure = async (label: string, token: string, query: string, variables: object, rows?: (data: never) => number) => {
    const first = await gql(token, query, variables); // warm
    statementsOfLast = first.n;
    const xs: number[] = [];
    const sql: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await gql(token, query, variables);
      xs.push(r.ms);
      sql.push(r.sql);
    }
    const size = rows ? `, ${rows(first.data as never)} rows` : '';
    out(`  ${label}: median ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms (SQL ${median(sql).toFixed(1)} ms), ${first.n} statements${size}`);
    await explain(label);
    return { median: median(xs), data: first.data };
  };
  const rows = (d: Page) => d.reviewQueue.edges.length;
  const sample = await requireRow<{ unit_id: string; from: string; to: string }>(
    dbs.owner,
    `SELECT unit_id, (submitted_at AT TIME ZONE 'Asia/Shanghai')::date::text AS from, (submitted_at AT TIME ZONE 'Asia/Shanghai' + interval '30 days')::date::text AS to
       FROM declaration WHERE tenant_id = $1 AND status = 'SUBMITTED' AND step = 3 ORDER BY queue_no OFFSET 1000 LIMIT 1`,
    [gen.tenantId],
  );
  const pageTargets: [string, number][] = [];
  for (const [who, token] of [['unit', tokens.unit], ['department', tokens.dept], ['bureau', tokens.bureau]] as const) {
    out(`${who} official`);
    const p1 = await measure('page 1 of 50 waiting (every field, preview, totalCount)', token, PAGE, { first: 50 }, rows);
    pageTargets.push([`${who} page 1`, p1.median]);
    const after = (p1.data as Page).reviewQueue.pageInfo.endCursor;
    if (after) await measure('page 2 by cursor', token, PAGE, { first: 50, after }, rows);
    await measure('page of 10 (statements as for 50)', token, PAGE, { first: 10 }, rows);
    await measure('filter unit', token, PAGE, { first: 50, f: { unitId: who === 'bureau' ? sample.unit_id : unit.id } }, rows);
    await measure('filter kind', token, PAGE, { first: 50, f: { kind: 'researchResult' } }, rows);
    await measure('filter title series', token, PAGE, { first: 50, f: { titleSeries: 'ACCOUNTING' } }, rows);
    await measure('filter 30 days of submissions', token, PAGE, { first: 50, f: { from: sample.from, to: sample.to } }, rows);
    await measure('status RECORDED', token, PAGE, { first: 50, f: { status: 'RECORDED' } }, rows);
    await measure('status REJECTED', token, PAGE, { first: 50, f: { status: 'REJECTED' } }, rows);
    const c = await measure('reviewQueueCounts', token, COUNTS, {});
    out(`    counts: ${JSON.stringify((c.data as { reviewQueueCounts: object }).reviewQueueCounts)}`);
    await measure('reviewQueueCounts, filter kind', token, COUNTS, { f: { kind: 'researchResult' } });
  }

  // baseline: the bare keyset SQL of the bureau's first page (owner connection: no RLS, HTTP or GraphQL)
  const bare = `${SELECT_DECLARATION} WHERE d.tenant_id = $2 AND d.review_bureau_id = $1 AND d.status = 'SUBMITTED' AND d.step = 3 ORDER BY d.queue_no LIMIT 51`;
  const ys: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = process.hrtime.bigint();
    await dbs.owner.query(bare, [bureau.id, gen.tenantId]);
    if (i > 0) ys.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  // the counts as they were before the limit: every state's exact count of the bureau's queue in one pass
  const exact = `SELECT count(*) FILTER (WHERE d.status = 'SUBMITTED' AND d.step = 3) AS waiting, count(*) FILTER (WHERE d.status = 'RECORDED') AS recorded,
      count(*) FILTER (WHERE d.status = 'REJECTED' AND d.step >= 3) AS rejected FROM declaration d WHERE d.tenant_id = $2 AND d.review_bureau_id = $1`;
  const zs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    await dbs.owner.query(exact, [bureau.id, gen.tenantId]);
    zs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  out(`baseline, the bureau's exact counts in one pass (the form before the 10,000 limit) as bare SQL: median ${median(zs).toFixed(0)} ms`);
  const bureauPage = pageTargets.find(([l]) => l === 'bureau page 1')![1];
  out(`baseline, the bureau's page 1 as bare keyset SQL: median ${median(ys).toFixed(2)} ms; API page / bare SQL = ${(bureauPage / median(ys)).toFixed(1)}x`);

  // bulk approval: the department forwards pages to the bureau; the bureau records pages
  for (const [who, token] of [['department', tokens.dept], ['bureau', tokens.bureau]] as const) {
    const xs: number[] = [];
    let n = 0;
    for (let i = 0; i < bulkPages; i++) {
      const page = await gql<Page>(token, `{ reviewQueue(first: 50) { totalCount pageInfo { endCursor } edges { node { id } } } }`, {});
      const ids = page.data.reviewQueue.edges.map((e) => e.node.id);
      const r = await gql<{ bulkApproveDeclarations: { errorCode: string | null }[] }>(token, BULK, { ids });
      const failed = r.data.bulkApproveDeclarations.filter((x) => x.errorCode !== null).length;
      if (failed) throw new Error(`${failed} of the page not approved`);
      xs.push(r.ms);
      n = r.n;
    }
    out(`bulk approval of 50, ${who} official${who === 'bureau' ? ' (records each)' : ''}: median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms over ${bulkPages} pages, ${n} statements`);
    pageTargets.push([`${who} bulk 50`, median(xs)]);
  }
  out('targets:');
  for (const [label, ms] of pageTargets) {
    const target = label.includes('bulk') ? BULK_TARGET_MS : PAGE_TARGET_MS;
    out(`  ${label}: ${ms.toFixed(1)} ms / ${target} ms target = ${(ms / target).toFixed(2)} ${ms < target ? 'met' : 'NOT met'}`);
  }
  await server.stop();
  await dbs.close();
  await scratch.drop();
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

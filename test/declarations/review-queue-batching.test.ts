// A review-queue page asks every row for its preview, decisions, person and chain: the page
// is answered in a fixed number of SQL statements whatever its size (the previews of the
// page are evaluated together), and each batched preview is the answer of the single one.
import { randomBytes } from 'node:crypto';
import { authenticate, readCredentials } from '../../server/app/authenticate';
import { createLoaders, createServices } from '../../server/app/registry';
import type { Declaration } from '../../server/declarations/declarations.types';
import { loadConfig } from '../../server/platform/config';
import type { Context } from '../../server/platform/context';
import { createLogger } from '../../server/platform/logger';
import type { RequestPool } from '../../server/platform/request-db';
import type { Services } from '../../server/platform/module';
import type { TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { addProfessional, APPROVE, CREATE, ok, policyTenant, RECORD } from './declarations-support';

const jwtSecret = randomBytes(32).toString('hex');
let app: TestApp;
let services: Services;
let t: TenantFixture;
let statements: () => number;
let firstPersonToken: string;
const waiting: string[] = [];
const recorded: string[] = [];

/** Counts every statement the requests' connections run, but the switches of a connection's tenant settings (they depend on which connection a statement gets). */
function countStatements(pool: RequestPool): () => number {
  let n = 0;
  pool.observe((text) => {
    if (!text.includes("set_config('app.tenant_id'")) n++;
  });
  return () => n;
}

/** Runs `work` as one request of a signed-in account, with its context built as /graphql builds it. */
async function as<T>(token: string, work: (ctx: Context) => Promise<T>): Promise<T> {
  const { actor, tx } = await authenticate(readCredentials({ authorization: `Bearer ${token}` }), { runtime: app.runtime, pool: app.server.pool, tokens: services.tokens, apiClients: services.apiClients }, '127.0.0.1');
  const db = () => tx.manager();
  const ctx: Context = { requestId: 'test', clientAddress: '127.0.0.1', actor, tenantId: actor.kind === 'ACCOUNT' ? actor.tenantId : null, tx, db, loaders: createLoaders(db), log: createLogger('silent') };
  try {
    return await work(ctx);
  } finally {
    await tx.finish(false);
  }
}

beforeAll(async () => {
  // the page below with every field costs more than the default budget (decisions count 30 a row)
  app = await startTestApp({ MAX_QUERY_COMPLEXITY: '20000' }, undefined, jwtSecret);
  services = createServices({ runtime: app.runtime, config: loadConfig({ NODE_ENV: 'test', EVIDENCE_DIR: app.evidenceDir }), jwtSecret });
  t = await policyTenant(app, 'qingdao', 'dqb');
  // six people of one unit, two years each, with self-study (capped at 40 a year) and research
  // results (capped with papers; each result declared once: the same one twice is refused at
  // declaration, see counts-once.test.ts); some recorded by the bureau at once, the rest waiting at the unit
  for (let p = 0; p < 6; p++) {
    const person = await addProfessional(app, t, t.nodes.unitA1, p % 2 ? 'ENGINEERING' : 'ECONOMICS');
    if (p === 0) firstPersonToken = person.token;
    for (const year of [2023, 2024]) {
      // 40 hours of self-study recorded already (the year's cap); in 2023 also three results (30: the results-and-papers cap)
      const records = [0, 1, 2, 3].map((i) => ({ kind: 'selfStudy', params: { category: 'courseClass', school: `夜大${i}` } }));
      if (year === 2023) for (const title of ['旧成果1', '旧成果2', '旧成果3']) records.push({ kind: 'researchResult', params: { category: 'award', title } as never });
      for (const r of records) {
        // dated before the declarations below: caps are credited in date order (ties by id would make the cut random)
        const date = `${year}-02-01`;
        recorded.push(ok<{ id: string }>(await app.gql(RECORD, { i: { professionalId: person.id, year, date, ...r } }, t.accounts.bureau.token), 'recordActivity').id);
      }
      for (let i = 0; i < 5; i++) {
        const [kind, params] = i % 2 ? ['researchResult', { category: 'award', title: `成果${i}-${year}` }] : ['selfStudy', { category: 'selfTaughtExam', school: `大学${i + p}` }];
        const d = ok<{ id: string }>(await app.gql(CREATE, { i: { kind, year, date: `${year}-06-01`, params, submit: true } }, person.token), 'createDeclaration');
        waiting.push(d.id);
      }
    }
  }
  // one moved on to the department: the unit's queue shows it as forwarded, with its decision
  ok(await app.gql(APPROVE, { id: waiting.pop()! }, t.accounts.unitA1.token), 'approveDeclaration');
  statements = countStatements(app.server.pool);
});
afterAll(() => app.close());

const PAGE = `query($f: ReviewQueueFilter, $first: Int) { reviewQueue(filter: $f, first: $first) { totalCount edges { cursor node {
  id professionalName unitName kindName status evidence { certificateNo issuer issuedOn fileIds }
  chain { level organisationId organisationName current }
  decisions { level decision reviewerName organisationName }
  preview { hours { publicHours professionalHours rule notes cappedBy { cap cut } } year { complete public { credited } professional { credited } activities { activityId professionalHours } } }
  professional { id name unitId }
} } } }`;
const COUNTS = `query($f: ReviewQueueFilter) { reviewQueueCounts(filter: $f) { waiting forwarded recorded rejected withdrawn } }`;

/** The statements one GraphQL request runs, and its data. */
async function counted(query: string, variables: object, token: string): Promise<{ n: number; data: Record<string, unknown> }> {
  // a first request may fill a cache or note when a token was last used: not the page's statements
  await app.gql(query, variables, token);
  const before = statements();
  const r = await app.gql(query, variables, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return { n: statements() - before, data: r.data };
}

describe('a queue page’s statements', () => {
  it('a page of 10 and a page of 50 with every field (preview included) run the same number of statements', async () => {
    const small = await counted(PAGE, { first: 10 }, t.accounts.unitA1.token);
    const large = await counted(PAGE, { first: 50 }, t.accounts.unitA1.token);
    const rows = (d: Record<string, unknown>) => (d.reviewQueue as { edges: unknown[] }).edges.length;
    expect([rows(small.data), rows(large.data)]).toEqual([10, 50]);
    expect(large.n).toBe(small.n);
    // a transaction, the page, its count, the previews' reads, decisions, people: a handful
    expect(large.n).toBeLessThanOrEqual(12);
  });

  it('the bureau’s page of recorded declarations (other years, nothing to add to the year) too', async () => {
    const small = await counted(PAGE, { f: { status: 'RECORDED' }, first: 1 }, t.accounts.bureau.token);
    const large = await counted(PAGE, { f: { status: 'RECORDED' }, first: 50 }, t.accounts.bureau.token);
    expect((large.data.reviewQueue as { edges: unknown[] }).edges).toHaveLength(Math.min(50, recorded.length));
    expect(large.n).toBe(small.n);
  });

  it('the counts of every state are one statement in one transaction, whatever the filter', async () => {
    const all = await counted(COUNTS, {}, t.accounts.unitA1.token);
    const filtered = await counted(COUNTS, { f: { kind: 'selfStudy', titleSeries: 'ENGINEERING', from: '2020-01-01', to: '2100-12-31' } }, t.accounts.unitA1.token);
    expect(all.data.reviewQueueCounts).toEqual({ waiting: waiting.length, forwarded: 1, recorded: recorded.length, rejected: 0, withdrawn: 0 });
    expect(filtered.n).toBe(all.n);
  });
});

describe('a batched preview', () => {
  it('equals the single declaration’s preview, for waiting and recorded declarations of several people and years', async () => {
    const ids = [...waiting, ...recorded];
    const { single, batched } = await as(t.accounts.bureau.token, async (ctx) => {
      const ds = (await ctx.loaders.declaration.loadMany(ids)) as Declaration[];
      const one: unknown[] = [];
      for (const d of ds) one.push(await services.declarationPreviews.preview(ctx, d));
      return { single: one, batched: await services.declarationPreviews.previewMany(ctx, ds) };
    });
    expect(batched).toHaveLength(ids.length);
    expect(batched).toEqual(single);
    // the comparison is about something: caps cut some lines, and a 2023 result beyond the results-and-papers cap counts nothing
    const lines = batched.flatMap((p) => (p instanceof Error ? [] : [p.hours]));
    expect(lines).toHaveLength(ids.length);
    expect(lines.some((h) => h.cappedBy.length > 0)).toBe(true);
    expect(lines.some((h) => h.kind === 'researchResult' && h.professionalHours === 0)).toBe(true);
  });

  it('a declaration out of the caller’s sight answers DECLARATION_NOT_FOUND in its place, the others their previews', async () => {
    const ds = (await as(t.accounts.bureau.token, (ctx) => ctx.loaders.declaration.loadMany([waiting[0]!, waiting[waiting.length - 1]!]))) as Declaration[];
    const results = await as(firstPersonToken, (ctx) => services.declarationPreviews.previewMany(ctx, ds));
    expect(results.map((r) => (r instanceof Error ? (r as Error & { code?: string }).code : 'preview'))).toEqual(['preview', 'DECLARATION_NOT_FOUND']);
  });
});

describe('the counts of a queue of millions', () => {
  it('count exactly up to 10,000 and say which states are above it (10,001 recorded: 10000+, capped); totalCount stops there too', async () => {
    const big = await policyTenant(app, 'qingdao', 'dqc');
    // 10,001 recorded declarations of one person, set-based (the page's rows need nothing more)
    await app.owner.query(
      `INSERT INTO declaration (tenant_id, professional_id, unit_id, title_series, kind, kind_name, year, params, filed_by, filed_by_role,
          status, round, step, entry_step, review_unit_id, review_department_id, review_bureau_id, queue_no, submitted_at, recorded_at)
       SELECT p.tenant_id, p.id, p.unit_id, p.title_series, 'studyTour', '业务进修', 2024, jsonb_build_object('title', '考察' || g), $2, 'PROFESSIONAL',
              'RECORDED', 1, 4, 1, $3, $4, $5, nextval('declaration_queue_no'), now(), now()
         FROM professional p CROSS JOIN generate_series(1, 10001) g WHERE p.tenant_id = $1 AND p.id = $6`,
      [big.tenantId, big.accounts.personA1.id, big.nodes.unitA1, big.nodes.deptA, big.nodes.bureau, big.people.a1[0].id],
    );
    const COUNTED = `query($f: ReviewQueueFilter) { reviewQueueCounts(filter: $f) { waiting recorded limit capped } reviewQueue(filter: $f, first: 1) { totalCount } }`;
    const all = ok<{ recorded: number; waiting: number; limit: number; capped: string[] }>(await app.gql(COUNTED, { f: { status: 'RECORDED' } }, big.accounts.unitA1.token), 'reviewQueueCounts');
    expect(all).toEqual({ waiting: 0, recorded: 10000, limit: 10000, capped: ['RECORDED'] });
    expect((await app.gql(COUNTED, { f: { status: 'RECORDED' } }, big.accounts.unitA1.token)).data.reviewQueue.totalCount).toBe(10000);
    // under the limit, exact: one kind of none
    const none = ok<{ recorded: number; capped: string[] }>(await app.gql(COUNTED, { f: { status: 'RECORDED', kind: 'selfStudy' } }, big.accounts.unitA1.token), 'reviewQueueCounts');
    expect(none).toEqual({ waiting: 0, recorded: 0, limit: 10000, capped: [] });
  });
});

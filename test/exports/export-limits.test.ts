// The bounds of an export (issue 13): a row cap checked before any work is sent (a clear
// error naming the cap), and a rate limit per account consumed atomically before the work,
// so exports started at once cannot all pass it; both leave the database as it was.
import path from 'node:path';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ExportLimits } from '../../server/exports/export-limits';
import type { AppError } from '../../server/platform/errors';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { inTransaction } from '../../server/platform/transaction';
import { auditRows, createTenantFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { bookOf, exportFile, recordsOf } from './export-support';

const MAX_ROWS = 5;
const PER_WINDOW = 3;
/** below the test server's pool of 5 connections */
const CONCURRENCY = 3;
const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));
let app: TestApp;
/** this test's tenant: each test has one of its own, so no export or rate-limit point of another test counts in it */
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp({ EXPORT_MAX_ROWS: String(MAX_ROWS), EXPORT_RATE_LIMIT: String(PER_WINDOW), EXPORT_CONCURRENCY: String(CONCURRENCY) });
});
beforeEach(async () => {
  t = await createTenantFixture(app, 'exl');
  await publishInitialPolicy(app.owner, t.tenantId, policies.get('qingdao')!, 'test');
  // more audit events than the cap
  await inTransaction(app.owner, { tenantId: t.tenantId }, async (em) => {
    for (let i = 0; i < MAX_ROWS + 1; i++) {
      await em.query(
        `INSERT INTO audit_log (tenant_id, request_id, actor_kind, actor_id, actor_label, action, entity_type, entity_id)
         VALUES ($1, 'raw', 'SYSTEM', NULL, 'system:test', 'test.event', 'test', $2)`,
        [t.tenantId, `e${i}`],
      );
    }
  });
});
afterAll(async () => {
  // A refused export's request goes on after its answer has been sent (it rolls its transaction
  // back), and a sent one's writes its audit row: whichever test ran last, let that work end
  // before the pools close under it (all of the runtime pool's connections idle for a while).
  const pool = (app.runtime.driver as PostgresDriver).master as Pool;
  for (let idle = 0, waited = 0; idle < 3 && waited < 5000; waited += 20) {
    idle = pool.totalCount === pool.idleCount ? idle + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await app.close();
});

const codeOf = (a: Awaited<ReturnType<typeof exportFile>>) => [a.status, a.errors?.[0]?.extensions?.code];

describe('the row cap (EXPORT_MAX_ROWS)', () => {
  it('refuses a list longer than the cap before sending anything, naming the cap; a narrower filter passes', async () => {
    const staff = await exportFile(app, t.accounts.bureau.token, 'professionals'); // nine people
    expect(codeOf(staff)).toEqual([400, 'EXPORT_TOO_MANY_ROWS']);
    expect(staff.errors?.[0]).toMatchObject({ message: expect.stringContaining(`上限 ${MAX_ROWS} 行，本次共 9 行`), extensions: { field: 'filter' } });
    expect(staff.headers.get('content-disposition')).toBeNull();
    const unit = await exportFile(app, t.accounts.bureau.token, 'professionals', { filter: { unitId: t.nodes.unitA1 } });
    expect(recordsOf(bookOf(unit).worksheets[0]!)).toHaveLength(3);
    // the six events written for this test's tenant, and the audit row of the export just sent
    const events = await exportFile(app, t.accounts.bureau.token, 'audit-events');
    expect(codeOf(events)).toEqual([400, 'EXPORT_TOO_MANY_ROWS']);
    expect(events.errors?.[0]?.message).toContain(`上限 ${MAX_ROWS} 行，本次共 7 行`);
  });

  it('bounds who is short by the people it would judge', async () => {
    const dept = await exportFile(app, t.accounts.deptA.token, 'shortfalls', { year: 2026 }); // six people in the department's two units
    expect(codeOf(dept)).toEqual([400, 'EXPORT_TOO_MANY_ROWS']);
    const unit = await exportFile(app, t.accounts.deptA.token, 'shortfalls', { year: 2026, filter: { unitId: t.nodes.unitA1 } });
    expect(recordsOf(bookOf(unit).worksheets[0]!)).toHaveLength(3);
  });
});

describe('the rate limit (EXPORT_RATE_LIMIT per account)', () => {
  it('counts every export started, refused ones too: the bureau’s fourth is refused with 429 and Retry-After', async () => {
    // the bureau starts three: two refused by the cap, one sent
    expect(codeOf(await exportFile(app, t.accounts.bureau.token, 'professionals'))).toEqual([400, 'EXPORT_TOO_MANY_ROWS']);
    expect((await exportFile(app, t.accounts.bureau.token, 'professionals', { filter: { unitId: t.nodes.unitA1 } })).status).toBe(200);
    expect(codeOf(await exportFile(app, t.accounts.bureau.token, 'audit-events'))).toEqual([400, 'EXPORT_TOO_MANY_ROWS']);
    const fourth = await exportFile(app, t.accounts.bureau.token, 'completion-statistics', { year: 2026 });
    expect(codeOf(fourth)).toEqual([429, 'EXPORT_RATE_LIMITED']);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(fourth.errors?.[0]?.message).toMatch(/^导出过于频繁，请 \d+ 分钟后再试$/);
    // input the list would refuse is not an export started: it costs nothing
    const bad = await exportFile(app, t.accounts.deptA.token, 'professionals', { filter: { titleLevel: 'BOSS' } });
    expect(codeOf(bad)).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('lets exactly the limit through when an account starts more at once, and audits only those', async () => {
    const before = (await auditRows(app, t.tenantId)).filter((r) => r.action.startsWith('export.')).length;
    const answers = await Promise.all(Array.from({ length: PER_WINDOW + 3 }, () => exportFile(app, t.accounts.unitA1.token, 'professionals')));
    // the first CONCURRENCY always get a slot and are counted; a later one gets 429 (counted) or 503 (busy: not counted)
    expect(answers.filter((a) => a.status === 200)).toHaveLength(PER_WINDOW);
    for (const a of answers.filter((x) => x.status !== 200)) expect([[429, 'EXPORT_RATE_LIMITED'], [503, 'EXPORT_BUSY']]).toContainEqual(codeOf(a));
    for (const a of answers.filter((x) => x.status === 200)) expect(recordsOf(bookOf(a).worksheets[0]!)).toHaveLength(3);
    // a sent export's audit row is written once the file has gone out: wait for it (5 s at most)
    const exported = async () => (await auditRows(app, t.tenantId)).filter((r) => r.action.startsWith('export.'));
    let after = await exported();
    for (let waited = 0; after.length - before < PER_WINDOW && waited < 5000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await exported();
    }
    expect(after.length - before).toBe(PER_WINDOW);
    expect(after.slice(-PER_WINDOW).every((r) => r.actor_id === t.accounts.unitA1.id && r.after?.rows === 3)).toBe(true);
  });

  it('is consumed atomically: of twenty consumptions at once for one account (one that has exported nothing), exactly the limit pass', async () => {
    const limits = new ExportLimits((app.runtime.driver as PostgresDriver).master as Pool, { points: PER_WINDOW, windowSeconds: 60 });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => limits.consume(t.tenantId, t.accounts.personA1.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(PER_WINDOW);
    expect(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []))).toEqual(Array(20 - PER_WINDOW).fill('EXPORT_RATE_LIMITED'));
  });
});

// Data retention: declarations, their decisions and evidence files of years before the tenant's
// retention period go (with an audit row of counts), those inside it stay, a dry run removes
// nothing, and a run for one tenant never touches another's rows or files.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createServices } from '../../server/app/registry';
import { systemClock } from '../../server/platform/clock';
import { loadConfig } from '../../server/platform/config';
import { createLogger } from '../../server/platform/logger';
import { LocalStorage } from '../../server/platform/local-storage';
import type { PolicyDocument } from '../../server/engine';
import { retentionBoundary } from '../../server/retention/retention-years';
import { connectionUrl } from '../../server/reminders/job-queue';
import { startRetentionJobs } from '../../server/retention/retention-jobs';
import type { RetentionService } from '../../server/retention/retention.service';
import { policyTenant } from '../declarations/declarations-support';
import { auditRows, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let retention: RetentionService;
let storage: LocalStorage;
const log = createLogger('silent');
const thisYear = Number(systemClock.today().slice(0, 4));
/** Qingdao's policy: five-year windows, no retention of its own → this year and the five before. */
const firstKept = thisYear - 5;

beforeAll(async () => {
  app = await startTestApp();
  storage = new LocalStorage(app.evidenceDir);
  retention = createServices({ runtime: app.runtime, config: loadConfig({ NODE_ENV: 'test', EVIDENCE_DIR: app.evidenceDir }), jwtSecret: 'retention-test-secret-of-32-bytes!' }).retention;
});
afterAll(() => app.close());

/** A stored evidence file of the tenant's first person, created at `createdAt` (an SQL expression). */
async function file(t: TenantFixture, createdAt = 'now()'): Promise<string> {
  const [row] = await app.owner.query(
    `INSERT INTO evidence_file (tenant_id, id, uploaded_by, professional_id, file_name, content_type, bytes, sha256, storage_key, created_at)
     SELECT $1::uuid, id, $2, $3, '证书.pdf', 'application/pdf', 4, repeat('0', 64), $1::text || '/' || id, ${createdAt} FROM (SELECT gen_random_uuid() AS id) g
     RETURNING id, storage_key`,
    [t.tenantId, t.accounts.personA1.id, t.people.a1[0].id],
  );
  await storage.put(row.storage_key, Readable.from([Buffer.from('%PDF')]), 100);
  return row.id;
}

const stored = (t: TenantFixture, fileId: string) => existsSync(path.join(app.evidenceDir, t.tenantId, fileId));

/** A recorded declaration of `year` naming `files`, with its filing decision and the activity it became. */
async function declaration(t: TenantFixture, year: number, files: string[], status: 'RECORDED' | 'SUBMITTED' = 'RECORDED'): Promise<string> {
  const recorded = status === 'RECORDED';
  const [d] = await app.owner.query(
    `INSERT INTO declaration (tenant_id, professional_id, unit_id, title_series, kind, kind_name, year, params, file_ids, filed_by, filed_by_role,
        status, round, step, entry_step, review_unit_id, review_department_id, review_bureau_id, queue_no, submitted_at, recorded_at)
     SELECT p.tenant_id, p.id, p.unit_id, p.title_series, 'studyTour', '业务进修', $2, '{}', $3::uuid[], $4, 'PROFESSIONAL',
            $5, 1, $6::smallint, 1, $7, $8, $9, nextval('declaration_queue_no'), now(), CASE WHEN $5 = 'RECORDED' THEN now() END
       FROM professional p WHERE p.tenant_id = $1 AND p.id = $10 RETURNING id`,
    [t.tenantId, year, files, t.accounts.personA1.id, status, recorded ? 4 : 1, t.nodes.unitA1, t.nodes.deptA, t.nodes.bureau, t.people.a1[0].id],
  );
  await app.owner.query(`INSERT INTO declaration_file (tenant_id, declaration_id, file_id) SELECT $1, $2, unnest($3::uuid[])`, [t.tenantId, d.id, files]);
  await app.owner.query(
    `INSERT INTO declaration_decision (tenant_id, declaration_id, round, level, node_id, decision, reviewer_id, reviewer_label)
     VALUES ($1, $2, 1, 'UNIT', $3, 'FILED', $4, '本人')`,
    [t.tenantId, d.id, t.nodes.unitA1, t.accounts.personA1.id],
  );
  if (recorded) {
    // withdrawn hours keep their row as it is; retention only unlinks the declaration
    await app.owner.query(
      `INSERT INTO activity (tenant_id, professional_id, kind, year, params, source, declaration_id, withdrawn_at, withdrawal_reason)
       VALUES ($1, $2, 'studyTour', $3, '{}', 'DECLARATION', $4, now(), '抽查不合格')`,
      [t.tenantId, t.people.a1[0].id, year, d.id],
    );
  }
  return d.id;
}

async function counts(t: TenantFixture) {
  const [row] = await app.owner.query(
    `SELECT (SELECT count(*)::int FROM declaration WHERE tenant_id = $1) AS declarations,
            (SELECT count(*)::int FROM declaration_decision WHERE tenant_id = $1) AS decisions,
            (SELECT count(*)::int FROM evidence_file WHERE tenant_id = $1) AS files,
            (SELECT count(*)::int FROM activity WHERE tenant_id = $1) AS activities`,
    [t.tenantId],
  );
  return row as { declarations: number; decisions: number; files: number; activities: number };
}

/** The boundary of files: 1 January of the first kept year, China time, and one second before. */
const AT_BOUNDARY = `make_timestamptz(${firstKept}, 1, 1, 0, 0, 0, 'Asia/Shanghai')`;
const JUST_BEFORE = `${AT_BOUNDARY} - interval '1 second'`;

interface Setup {
  t: TenantFixture;
  oldFile: string;
  keptFile: string;
  shared: string;
  orphanOld: string;
  orphanKept: string;
  old: string;
  kept: string;
  inReview: string;
  onRecord: string;
}

async function setUp(prefix: string): Promise<Setup> {
  const t = await policyTenant(app, 'qingdao', prefix);
  const [oldFile, keptFile, shared] = [await file(t), await file(t), await file(t)];
  const orphanOld = await file(t, JUST_BEFORE);
  const orphanKept = await file(t, AT_BOUNDARY);
  const old = await declaration(t, firstKept - 1, [oldFile, shared]);
  const kept = await declaration(t, firstKept, [keptFile, shared]);
  const inReview = await declaration(t, firstKept - 1, [], 'SUBMITTED');
  const onRecord = await declaration(t, firstKept - 1, []);
  await app.owner.query(`INSERT INTO integrity_record (tenant_id, professional_id, from_date, to_date, reason, declaration_id) VALUES ($1, $2, $3, $4, '虚假申报', $5)`, [
    t.tenantId,
    t.people.a1[0].id,
    `${firstKept - 1}-06-01`,
    `${firstKept + 2}-05-31`,
    onRecord,
  ]);
  return { t, oldFile, keptFile, shared, orphanOld, orphanKept, old, kept, inReview, onRecord };
}

// each test sets up tenants of its own (tests may run in any order)
describe('data retention', () => {
  it('keeps six years for a five-year title window: a dry run counts what is just outside and removes nothing', async () => {
    const a = await setUp('rtd');
    const before = await counts(a.t);
    const s = await retention.runTenant(a.t.tenantId, log, { dryRun: true, slice: 1 });
    expect(s).toMatchObject({ dryRun: true, keptYears: 6, beforeYear: firstKept, declarations: 1, decisions: 1, files: 2, bytes: 8, objectsDeleted: 0 });
    expect(await counts(a.t)).toEqual(before);
    expect([a.oldFile, a.orphanOld].every((f) => stored(a.t, f))).toBe(true);
    expect((await auditRows(app, a.t.tenantId)).filter((r) => r.action === 'retention.remove')).toEqual([]);
  });

  it("removes what is just outside (rows and stored files), keeps what is just inside, audits counts, and leaves the other tenant alone", async () => {
    const [a, b] = [await setUp('rta'), await setUp('rtb')];
    const bBefore = await counts(b.t);
    const s = await retention.runTenant(a.t.tenantId, log, { slice: 1 });
    expect(s).toMatchObject({ dryRun: false, declarations: 1, decisions: 1, files: 2, bytes: 8, objectsDeleted: 2 });

    const ids = async (table: string) => (await app.owner.query(`SELECT id FROM ${table} WHERE tenant_id = $1`, [a.t.tenantId])).map((r: { id: string }) => r.id).sort();
    expect(await ids('declaration')).toEqual([a.kept, a.inReview, a.onRecord].sort());
    expect(await ids('evidence_file')).toEqual([a.keptFile, a.shared, a.orphanKept].sort());
    expect([a.oldFile, a.orphanOld].map((f) => stored(a.t, f))).toEqual([false, false]);
    expect([a.keptFile, a.shared, a.orphanKept].every((f) => stored(a.t, f))).toBe(true);
    // the hours stay, unlinked; the decisions of kept declarations stay
    const hours = await app.owner.query(`SELECT year, declaration_id FROM activity WHERE tenant_id = $1 ORDER BY year, declaration_id NULLS FIRST`, [a.t.tenantId]);
    expect(hours).toEqual([
      { year: firstKept - 1, declaration_id: null },
      { year: firstKept - 1, declaration_id: a.onRecord },
      { year: firstKept, declaration_id: a.kept },
    ]);
    expect((await counts(a.t)).decisions).toBe(3);
    expect(await app.owner.query(`SELECT * FROM evidence_file_deletion WHERE tenant_id = $1`, [a.t.tenantId])).toEqual([]);

    const audit = (await auditRows(app, a.t.tenantId)).filter((r) => r.action === 'retention.remove');
    expect(audit.map((r) => [r.actor_kind, r.entity_type, r.entity_id, r.after])).toEqual([
      ['SYSTEM', 'tenant', a.t.tenantId, { phase: 'declarations', keptYears: 6, beforeYear: firstKept, declarations: 1, decisions: 1, files: 1, bytes: 4 }],
      ['SYSTEM', 'tenant', a.t.tenantId, { phase: 'files', keptYears: 6, beforeYear: firstKept, declarations: 0, decisions: 0, files: 1, bytes: 4 }],
    ]);

    expect(await counts(b.t)).toEqual(bBefore);
    expect([b.oldFile, b.orphanOld].every((f) => stored(b.t, f))).toBe(true);
    expect(await retention.runTenant(a.t.tenantId, log)).toMatchObject({ declarations: 0, files: 0 });
  });

  it('deletes a stored file whose row went in a run that stopped before deleting it (its tombstone)', async () => {
    const b = await setUp('rtc');
    const leftover = await file(b.t);
    const [row] = await app.owner.query(`SELECT storage_key FROM evidence_file WHERE tenant_id = $1 AND id = $2`, [b.t.tenantId, leftover]);
    await app.owner.query(`DELETE FROM evidence_file WHERE tenant_id = $1 AND id = $2`, [b.t.tenantId, leftover]);
    await app.owner.query(`INSERT INTO evidence_file_deletion (tenant_id, file_id, storage_key) VALUES ($1, $2, $3)`, [b.t.tenantId, leftover, row.storage_key]);
    const s = await retention.runTenant(b.t.tenantId, log);
    expect(s).toMatchObject({ declarations: 1, files: 2, objectsDeleted: 3 });
    expect(stored(b.t, leftover)).toBe(false);
    expect(await app.owner.query(`SELECT * FROM evidence_file_deletion WHERE tenant_id = $1`, [b.t.tenantId])).toEqual([]);
  });

  it('the database refuses to remove anything of the last six years, and decisions stay append-only outside retention', async () => {
    const a = await setUp('rtf');
    const asRuntime = (sql: string) =>
      app.runtime.transaction(async (em) => {
        await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.t.tenantId]);
        return em.query(sql);
      });
    await expect(asRuntime(`SELECT * FROM app_retention_declarations(${firstKept + 1}, NULL, 10, false)`)).rejects.toThrow(/five before are kept/);
    await expect(asRuntime(`SELECT * FROM app_retention_files(${firstKept + 1}, NULL, 10, true)`)).rejects.toThrow(/five before are kept/);
    await expect(app.owner.query(`DELETE FROM declaration_decision WHERE tenant_id = $1`, [a.t.tenantId])).rejects.toThrow(/append-only/);
    await expect(app.owner.query(`UPDATE activity SET year = year WHERE tenant_id = $1 AND withdrawn_at IS NOT NULL`, [a.t.tenantId])).rejects.toThrow(/withdrawn already/);
  });
});

describe('the retention job', () => {
  it('a run queued on pg-boss removes the named tenant\'s old rows (the scheduled run visits every active tenant the same way)', async () => {
    const a = await setUp('rtj');
    const jobs = await startRetentionJobs(retention, connectionUrl(app.runtime), { RETENTION_CRON: '30 2 * * *', SHUTDOWN_GRACE_MS: 5000 }, log, { pollingIntervalSeconds: 0.5 });
    try {
      await jobs.runNow([a.t.tenantId]);
      const end = Date.now() + 30_000;
      while ((await counts(a.t)).declarations > 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
      expect(await counts(a.t)).toMatchObject({ declarations: 3, files: 3 });
    } finally {
      await jobs.stop();
    }
  });
});

describe('the retention period', () => {
  const policy = (windows: number[], retention?: number) => ({ title: { windows: windows.map((years) => ({ years })) }, ...(retention ? { retention: { years: retention, source: 'x' } } : {}) }) as unknown as PolicyDocument;

  it("the product's default, six years, without a policy or with five-year windows; longer when the policy or a longer window says so", () => {
    expect(retentionBoundary(null, 2026)).toEqual({ keptYears: 6, beforeYear: 2021 });
    expect(retentionBoundary(policy([1, 3, 5]), 2026)).toEqual({ keptYears: 6, beforeYear: 2021 });
    expect(retentionBoundary(policy([5], 10), 2026)).toEqual({ keptYears: 10, beforeYear: 2017 });
    expect(retentionBoundary(policy([8]), 2026)).toEqual({ keptYears: 9, beforeYear: 2018 });
  });
});

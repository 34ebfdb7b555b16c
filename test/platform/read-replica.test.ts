// The read replica (READ_DATABASE_URL) against a real streaming standby: heavy reads (here batch
// eligibility) run there and answer as the primary does; a caller's own write is read on the
// primary until the standby has it; a standby lagging beyond the bound, or unreachable, leaves
// the read to the primary.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { createLogger } from '../../server/platform/logger';
import { replicaConnection } from '../../server/platform/read-replica';
import { RequestScope } from '../../server/platform/request-scope';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { bookOf, exportFile, rowsOf } from '../exports/export-support';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { eventually } from '../support/eventually';
import { freePort } from '../support/global-setup';
import { startTestApp, type TestApp } from '../support/harness';
import { startReplicatedDatabase, type ReplicatedDatabase } from '../support/standby';

const BATCH = `query($a: [EligibilityApplicant!]!) { titleEligibilityBatch(applicants: $a, applicationYear: 2023) {
  idNumber errorCode result { eligible yearsChecked years { year status certified } reasons } } }`;
const STATISTICS = `query($y: Int!) { completionStatistics(year: $y) { scanned total byOrganisation { organisationId headcount complete } hoursByKind { kind hours people } } }`;
const IMPACT = `query($i: PublishPolicyVersionInput!, $y: Int!) { policyImpact(input: $i, year: $y) { scanned total changedCount changes { professionalId } } }`;
const CERTIFY = `mutation($p: ID!, $y: Int!) { certifyYear(professionalId: $p, year: $y) { complete } }`;
/** Qingdao: a public course and job training that complete a year. */
const COMPLETE_YEAR: readonly [string, object][] = [
  ['publicCourse', { hours: 35 }],
  ['jobTraining', { category: 'job', hours: 64, days: 8 }],
];

/** The batch whose lag is measured: nine people, asked again and again. */
const APPLICANTS = 1800;
const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));
const jwtSecret = randomBytes(32).toString('hex');
let db: ReplicatedDatabase;
/** Heavy reads on the standby (bound 5 s) … */
let app: TestApp;
/** … and the same server without one (the primary's answers). */
let primaryOnly: TestApp;
let tenant: TenantFixture;

/** The tenant's nine people: complete years 2016–2024 for the first five, public hours only for the rest. */
async function seed(t: TenantFixture): Promise<void> {
  const people = [...t.people.a1, ...t.people.a2, ...t.people.b1];
  await publishInitialPolicy(app.owner, t.tenantId, policies.get('qingdao')!, 'test');
  const rows = people.flatMap((p, i) => (i < 5 ? COMPLETE_YEAR : COMPLETE_YEAR.slice(0, 1)).map(([kind, params]) => ({ p: p.id, kind, params })));
  await app.owner.query(
    `INSERT INTO activity (tenant_id, professional_id, kind, year, occurred_on, params, recorded_at)
     SELECT $1, r.p::uuid, r.kind, y, make_date(y, 3, 10), r.params, make_date(y, 3, 12)
     FROM jsonb_to_recordset($2::jsonb) AS r(p text, kind text, params jsonb), generate_series(2016, 2024) AS y`,
    [t.tenantId, JSON.stringify(rows)],
  );
}

function applicants(t: TenantFixture, times: number): object[] {
  const people = [...t.people.a1, ...t.people.a2, ...t.people.b1];
  const once = people.map((p, i) => ({ idNumber: p.idNumber, targetLevel: i % 2 ? 'DEPUTY_SENIOR' : 'INTERMEDIATE' }));
  return Array.from({ length: times }, () => once).flat();
}

/** Statements the app's replica pool sent while `work` ran. */
async function onReplica<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const stop = app.server.replica!.requests.observe((text) => statements.push(text));
  try {
    return { result: await work(), statements };
  } finally {
    stop();
  }
}

beforeAll(async () => {
  db = await startReplicatedDatabase(createLogger('silent'));
  const readUrl = `postgres://127.0.0.1:${db.standbyPort}/ce_replica`;
  app = await startTestApp({ DATABASE_URL: db.primaryUrl, READ_DATABASE_URL: readUrl, READ_REPLICA_MAX_LAG_MS: '5000' }, undefined, jwtSecret);
  primaryOnly = await startTestApp({ DATABASE_URL: db.primaryUrl }, undefined, jwtSecret);
  tenant = await createTenantFixture(app, 'rr');
  await seed(tenant);
}, 60000);

afterAll(async () => {
  await app?.close();
  await primaryOnly?.close();
  await db?.stop();
});

test('a batch eligibility check runs on the standby and answers exactly as the primary does', async () => {
  await db.caughtUp();
  const token = tenant.accounts.bureau.token;
  const asked = { a: applicants(tenant, APPLICANTS / 9) };
  // other writes go on meanwhile (another tenant's records), so that the standby has something to replay
  const other = await createTenantFixture(app, 'rw');
  let writing = true;
  const writes = (async () => {
    for (let year = 2000; writing; year++) {
      await app.owner.query(
        `INSERT INTO activity (tenant_id, professional_id, kind, year, occurred_on, params, recorded_at)
         SELECT $1, p.id, 'publicCourse', $2, make_date($2, 3, 10), '{"hours": 1}', now() FROM professional p WHERE p.tenant_id = $1`,
        [other.tenantId, 2000 + (year % 30)],
      );
    }
  })();
  // the primary's view of the standby, sampled throughout the batch
  const lags: { replay_ms: number | null; bytes: string }[] = [];
  const monitor = new Client({ connectionString: db.primaryUrl });
  await monitor.connect();
  let sampling = true;
  const samples = (async () => {
    while (sampling) {
      const { rows } = await monitor.query<{ replay_ms: number | null; bytes: string }>(
        `SELECT (extract(epoch FROM replay_lag) * 1000)::float8 AS replay_ms, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text AS bytes FROM pg_stat_replication`,
      );
      lags.push(...rows);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const before = app.server.replica!.stats.onReplica;
  const started = Date.now();
  const { result: onStandby, statements } = await onReplica(() => app.gql(BATCH, asked, token));
  const took = Date.now() - started;
  sampling = false;
  writing = false;
  await Promise.all([samples, writes]);
  await monitor.end();

  expect(onStandby.errors).toBeUndefined();
  expect(onStandby.data.titleEligibilityBatch).toHaveLength(APPLICANTS);
  expect(app.server.replica!.stats.onReplica).toBe(before + 1);
  // the batch's reads went through the replica's pool, whose connections are the standby's
  expect(statements.some((s) => /FROM activity/i.test(s))).toBe(true);
  const standbyReaders = await db.onStandby<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ce-platform-replica'`);
  expect(standbyReaders[0]!.n).toBeGreaterThan(0);
  const primaryReaders = await db.onPrimary<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ce-platform-replica'`);
  expect(primaryReaders[0]!.n).toBe(0);

  // the tenant wall stands on the standby too: another tenant's official finds none of these people
  const outsider = await app.gql(BATCH, { a: applicants(tenant, 1) }, other.accounts.bureau.token);
  expect(outsider.errors).toBeUndefined();
  expect(app.server.replica!.stats.onReplica).toBe(before + 2);
  expect(outsider.data.titleEligibilityBatch.map((i: { errorCode: string }) => i.errorCode)).toEqual(Array(9).fill('PROFESSIONAL_NOT_FOUND'));

  const onPrimary = await primaryOnly.gql(BATCH, asked, token);
  expect(onPrimary.errors).toBeUndefined();
  expect(onStandby.data).toEqual(onPrimary.data);

  const replayMs = lags.map((l) => l.replay_ms).filter((v): v is number => v !== null);
  const bytes = lags.map((l) => Number(l.bytes));
  console.log(
    `read replica: batch of ${APPLICANTS} applicants on the standby in ${took} ms; replica lag meanwhile (pg_stat_replication, ${lags.length} samples): ` +
      `replay_lag max ${replayMs.length ? Math.max(...replayMs).toFixed(1) : 'n/a'} ms, median ${replayMs.length ? replayMs.sort((a, b) => a - b)[replayMs.length >> 1]!.toFixed(1) : 'n/a'} ms; ` +
      `WAL not yet replayed max ${bytes.length ? Math.max(...bytes) : 'n/a'} bytes; lag at the reader's check ${app.server.replica!.stats.lastLagMs} ms`,
  );
});

test('completion statistics, the policy impact preview and an export read there too, with the primary\'s answers', async () => {
  const t = await createTenantFixture(app, 'rs');
  await seed(t);
  await db.caughtUp();
  const token = t.accounts.bureau.token;
  const before = app.server.replica!.stats.onReplica;
  const stats = { y: 2023 };
  const impact = { i: { deadline: { monthDay: '10-31', source: '001 测试：提前截止' }, note: '截止日期提前' }, y: 2023 };
  const answers = [await app.gql(STATISTICS, stats, token), await app.gql(IMPACT, impact, token)];
  const sheet = await exportFile(app, token, 'completion-statistics', { year: 2023 });
  expect(app.server.replica!.stats.onReplica).toBe(before + 3);
  for (const answer of answers) expect(answer.errors).toBeUndefined();
  expect(answers.map((a) => a.data)).toEqual([(await primaryOnly.gql(STATISTICS, stats, token)).data, (await primaryOnly.gql(IMPACT, impact, token)).data]);
  expect(answers[0]!.data.completionStatistics.scanned).toBe(9);
  expect(rowsOf(bookOf(sheet).worksheets[0]!)).toEqual(rowsOf(bookOf(await exportFile(primaryOnly, token, 'completion-statistics', { year: 2023 })).worksheets[0]!));
});

describe('reads that must see the caller\'s own writes', () => {
  afterEach(async () => {
    await db.onStandby('SELECT pg_wal_replay_resume()');
  });

  test('inside a request that has begun writing, a heavy read asks for no replica', async () => {
    const settings = { tenantId: tenant.tenantId, actorId: tenant.accounts.deptA.id };
    const writing = new RequestScope(app.server.pool, settings, app.server.replica);
    await (await writing.manager()).query('SELECT 1');
    const before = { ...app.server.replica!.stats };
    expect(await writing.replicaSnapshot()).toBeNull();
    await writing.finish(false);
    // not even asked: the replica's counts stand
    expect(app.server.replica!.stats).toMatchObject({ onReplica: before.onReplica, onPrimary: before.onPrimary });
  });

  test('a write, then the same caller\'s batch: on the primary, with the write, until the standby has replayed it', async () => {
    const token = tenant.accounts.bureau.token;
    const asked = { a: applicants(tenant, 1) };
    const person = tenant.people.a1[0];
    await db.caughtUp();
    const earlier = (await app.gql(BATCH, asked, token)).data.titleEligibilityBatch;
    // the standby stops replaying: it will not have the write
    await db.onStandby('SELECT pg_wal_replay_pause()');
    const certified = await app.gql(CERTIFY, { p: person.id, y: 2021 }, token);
    expect(certified.errors).toBeUndefined();

    const { before, after } = { before: { ...app.server.replica!.stats }, after: app.server.replica!.stats };
    const { result, statements } = await onReplica(() => app.gql(BATCH, asked, token));
    expect(result.errors).toBeUndefined();
    expect(after.onPrimary).toBe(before.onPrimary + 1);
    expect(statements.filter((s) => /FROM activity/i.test(s))).toEqual([]);
    const items = result.data.titleEligibilityBatch;
    expect(items).not.toEqual(earlier);
    expect(items[0].result.years.find((y: { year: number }) => y.year === 2021).certified).toBe(true);
    expect(result.data).toEqual((await primaryOnly.gql(BATCH, asked, token)).data);

    // once replayed, the standby serves the caller again, with the same answer
    await db.onStandby('SELECT pg_wal_replay_resume()');
    await db.caughtUp();
    const again = await onReplica(() => app.gql(BATCH, asked, token));
    expect(after.onReplica).toBe(before.onReplica + 1);
    expect(again.statements.some((s) => /FROM activity/i.test(s))).toBe(true);
    expect(again.result.data).toEqual(result.data);
  });
});

describe('the primary serves when the replica is not fit', () => {
  test('a standby behind the primary beyond READ_REPLICA_MAX_LAG_MS', async () => {
    const strict = await startTestApp({ DATABASE_URL: db.primaryUrl, READ_DATABASE_URL: `postgres://127.0.0.1:${db.standbyPort}/ce_replica`, READ_REPLICA_MAX_LAG_MS: '0' }, undefined, jwtSecret);
    try {
      const asked = { a: applicants(tenant, 1) };
      const stats = strict.server.replica!.stats;
      // bound 0: the standby serves once it has replayed all the primary had written (the primary
      // writes now and then on its own, vacuum for one: then the primary serves, and it is asked again)
      const fresh = await eventually(async () => {
        await db.caughtUp();
        const answer = await strict.gql(BATCH, asked, tenant.accounts.deptA.token);
        expect(stats.onReplica).toBe(1);
        return answer;
      }, 10000, 0);
      expect(fresh.errors).toBeUndefined();
      await db.onStandby('SELECT pg_wal_replay_pause()');
      // someone else's write: the standby is now behind
      await strict.owner.query(`UPDATE professional SET phone = phone WHERE tenant_id = $1`, [tenant.tenantId]);
      const onPrimary = stats.onPrimary;
      const behind = await strict.gql(BATCH, asked, tenant.accounts.deptA.token);
      expect(behind.errors).toBeUndefined();
      expect(stats).toMatchObject({ onReplica: 1, onPrimary: onPrimary + 1 });
      expect(behind.data).toEqual(fresh.data);
    } finally {
      await db.onStandby('SELECT pg_wal_replay_resume()');
      await strict.close();
    }
  });

  test('a standby that cannot be reached', async () => {
    const lost = await startTestApp({ DATABASE_URL: db.primaryUrl, READ_DATABASE_URL: `postgres://127.0.0.1:${await freePort()}/ce_replica` }, undefined, jwtSecret);
    try {
      const asked = { a: applicants(tenant, 1) };
      const answer = await lost.gql(BATCH, asked, tenant.accounts.bureau.token);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual((await primaryOnly.gql(BATCH, asked, tenant.accounts.bureau.token)).data);
      expect(lost.server.replica!.stats).toMatchObject({ onReplica: 0, onPrimary: 1 });
    } finally {
      await lost.close();
    }
  });
});

describe('READ_DATABASE_URL', () => {
  test('without a user of its own: the standby as the runtime role (its user and password)', () => {
    const runtime = { connectionString: 'postgres://ce_app:s3cret@primary.internal:5432/ce' };
    expect(replicaConnection(runtime, 'postgres://standby.internal:5433').connectionString).toBe('postgres://ce_app:s3cret@standby.internal:5433/ce');
    expect(replicaConnection(runtime, 'postgresql://reader:pw@standby.internal/ce_copy?sslmode=require').connectionString).toBe(
      'postgres://reader:pw@standby.internal/ce_copy?sslmode=require',
    );
  });
});

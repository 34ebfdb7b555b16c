// A batch answers each applicant exactly as the single question does. The batch reads its
// records in its own set-based way (slices of applicants, JSON built by PostgreSQL, recording
// dates of the application year only), so the two are compared on varied records: every year
// rule (each year, average, credits), title deadlines (year end, fixed, filing date), late and
// undated activities, reviewer-adjusted and withdrawn hours, evidence counted once, unknown
// kinds, certified years, integrity records, shortened tenure, and a batch longer than a slice.
import path from 'node:path';
import { checkTitleEligibility, type ActivityInput } from '../../server/engine';
import type { TitleLevel, TitleRoute } from '../../server/engine/titles';
import { eligibilityRecordSlices, type EligibilityRecord } from '../../server/hours/eligibility.repository';
import { HoursRepository } from '../../server/hours/hours.repository';
import { inTransaction } from '../../server/platform/transaction';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type PersonFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';

const FIELDS = `idNumber name targetLevel applicationYear route filedOn applicationId eligible yearsChecked
  yearsNotChecked { year reason } excludedActivities { activityId kind date recordedOn reason }
  years { year status reason certified } average { years total perYear required passed }
  integrityRecord { from until reason } reasons`;
const SINGLE = `query($id: String!, $l: TitleLevel!, $r: TitleRoute, $f: String) {
  titleEligibility(idNumber: $id, targetLevel: $l, applicationYear: 2023, route: $r, filedOn: $f) { ${FIELDS} } }`;
const BATCH = `query($a: [EligibilityApplicant!]!) { titleEligibilityBatch(applicants: $a, applicationYear: 2023) { idNumber errorCode result { ${FIELDS} } } }`;

const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

const KINDS: readonly [string, (r: ReturnType<typeof random>) => object][] = [
  ['publicCourse', (r) => ({ hours: 5 + r.int(30) })],
  ['professionalTraining', (r) => ({ hours: 10 + r.int(60) })],
  ['jobTraining', (r) => ({ category: r.pick(['job', 'urgentTalent', 'advancedSeminar']), hours: 4 + r.int(40), days: 1 + r.int(6) })],
  ['academicActivity', (r) => ({ category: 'conference', hours: 2 + r.int(10), days: 1 + r.int(3) })],
  ['studyTour', (r) => ({ title: r.pick(['考察', '出国（境）学习 "引号" 与 \\ 反斜杠', 'tour\n2']) })],
  ['selfStudy', () => ({ category: 'courseClass', school: '夜大' })],
  ['researchResult', (r) => ({ category: 'award', title: r.pick(['同一成果', '另一成果']) })],
  ['paper', (r) => ({ category: 'journal', title: r.pick(['论文甲', '论文乙']), authors: 1 + r.int(3) })],
  ['noSuchKind', () => ({ hours: 10 })],
];

/** A public and a professional activity that complete a year under each policy (given to the first four people). */
const COMPLETE_YEAR: Record<string, readonly [string, object][]> = {
  qingdao: [['publicCourse', { hours: 35 }], ['jobTraining', { category: 'job', hours: 64, days: 8 }]],
  binzhou: [['publicCourse', { hours: 35 }], ['professionalTraining', { hours: 65 }]],
  jining: [['publicCourse', { hours: 35 }], ['professionalTraining', { hours: 65 }]],
  bingtuan: [['publicOnline', { hours: 35 }], ['professionalOnline', { hours: 70 }]],
};

/** Varied records for the nine people of a tenant, written as the owner (what the API would store, and more). */
async function seedRecords(t: TenantFixture, code: string, seed: number): Promise<void> {
  const r = random(seed);
  const people = [...t.people.a1, ...t.people.a2, ...t.people.b1];
  for (const [i, p] of people.entries()) {
    const obtained = [null, '2020-05-01', '2022-03-01', '2023-01-15'][i % 4];
    await app.owner.query(`UPDATE professional SET title_obtained_on = $3 WHERE tenant_id = $1 AND id = $2`, [t.tenantId, p.id, obtained]);
    if (i === 8) continue; // one person with no activities at all
    for (let year = 2016; year <= 2024; year++) {
      for (const [kind, params] of i < 4 ? COMPLETE_YEAR[code]! : []) {
        await app.owner.query(
          `INSERT INTO activity (tenant_id, professional_id, kind, year, occurred_on, params, recorded_at) VALUES ($1, $2, $3, $4, make_date($4, 3, 10), $5, make_date($4, 3, 12))`,
          [t.tenantId, p.id, kind, year, params],
        );
      }
      const count = i === 0 ? 12 : r.int(10);
      for (let k = 0; k < count; k++) {
        const [kind, params] = r.pick(KINDS);
        const month = 1 + r.int(12);
        const date = r.next() < 0.1 ? null : `${year}-${String(month).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`;
        const recordedDaysLater = r.next() < 0.2 ? 40 + r.int(200) : r.int(5);
        const adjusted = r.next() < 0.1 ? [r.int(20) + 0.5, r.int(40)] : [null, null];
        const withdrawn = r.next() < 0.05;
        await app.owner.query(
          `INSERT INTO activity (tenant_id, professional_id, kind, year, occurred_on, params, recorded_at, adjusted_public, adjusted_professional, withdrawn_at, withdrawal_reason)
           VALUES ($1, $2, $3, $4, $5, $6, (COALESCE($5::date, make_date($4, 6, 1)) + $7::int + time '23:30') AT TIME ZONE 'Asia/Shanghai',
                   $8, $9, CASE WHEN $10 THEN now() END, CASE WHEN $10 THEN '抽查不合格：证明材料不实' END)`,
          [t.tenantId, p.id, kind, year, date, params(r), recordedDaysLater, adjusted[0], adjusted[1], withdrawn],
        );
      }
    }
  }
  // on the integrity record: one person through the application year, one long before it
  for (const [p, from, to] of [[people[2]!, '2023-01-01', '2024-12-31'], [people[5]!, '2015-01-01', '2016-12-31']] as const) {
    await app.owner.query(`INSERT INTO integrity_record (tenant_id, professional_id, from_date, to_date, reason) VALUES ($1, $2, $3, $4, '申报材料造假')`, [
      t.tenantId,
      p.id,
      from,
      to,
    ]);
  }
  // certified years keep their verdict
  for (const [p, year] of [[people[0]!, 2021], [people[3]!, 2022], [people[4]!, 2020]] as const) {
    const c = await app.gql(`mutation($p: ID!, $y: Int!) { certifyYear(professionalId: $p, year: $y) { complete } }`, { p: p.id, y: year }, t.accounts.bureau.token);
    expect(c.errors).toBeUndefined();
  }
}

interface Question {
  person: PersonFixture;
  targetLevel: string;
  route: string | null;
  filedOn: string | null;
}

function questions(t: TenantFixture, seed: number): Question[] {
  const r = random(seed);
  const out: Question[] = [];
  for (const person of [...t.people.a1, ...t.people.a2, ...t.people.b1]) {
    for (let k = 0; k < 4; k++) {
      const targetLevel = r.pick(['ASSISTANT', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR']);
      const route = targetLevel === 'ASSISTANT' && r.next() < 0.5 ? 'DIRECT_APPLICATION' : r.pick([null, 'NORMAL_REVIEW']);
      out.push({ person, targetLevel, route, filedOn: r.pick([null, '2023-06-30', '2023-02-01', '2023-12-31']) });
    }
  }
  return out;
}

describe('titleEligibilityBatch answers as titleEligibility does, applicant by applicant', () => {
  it.each([
    ['qingdao', 11],
    ['binzhou', 12],
    ['jining', 13],
    ['bingtuan', 14],
  ])('%s: varied records, 612 applicants (past one read slice, people repeated)', async (code, seed) => {
    const t = await createTenantFixture(app, code.slice(0, 3));
    await publishInitialPolicy(app.owner, t.tenantId, policies.get(code)!, 'test');
    await seedRecords(t, code, seed);
    const asked = questions(t, seed + 100);
    const token = t.accounts.bureau.token;
    const single: { eligible: boolean; years: unknown; yearsNotChecked: unknown; excludedActivities: unknown }[] = [];
    for (const q of asked) {
      const r = await app.gql(SINGLE, { id: q.person.idNumber, l: q.targetLevel, r: q.route, f: q.filedOn }, token);
      expect(r.errors).toBeUndefined();
      single.push(r.data.titleEligibility);
    }
    // the judgments differ from one another (the comparison below is not between empty answers)
    expect(new Set(single.map((s) => JSON.stringify([s.eligible, s.years, s.yearsNotChecked, s.excludedActivities]))).size).toBeGreaterThanOrEqual(8);
    const repeated = Array.from({ length: 17 }, () => asked).flat();
    const batch = await app.gql(
      BATCH,
      { a: repeated.map((q) => ({ idNumber: q.person.idNumber, targetLevel: q.targetLevel, route: q.route, filedOn: q.filedOn })) },
      token,
    );
    expect(batch.errors).toBeUndefined();
    const items: { errorCode: string | null; result: unknown }[] = batch.data.titleEligibilityBatch;
    expect(items).toHaveLength(repeated.length);
    items.forEach((item, i) => {
      expect(item.errorCode).toBeNull();
      expect(item.result).toEqual(single[i % asked.length]);
    });
  });
});

describe('titleApplicationEligibilityBatch answers as titleApplicationEligibility does', () => {
  it('Binzhou: stored applications with filing dates', async () => {
    const t = await createTenantFixture(app, 'bza');
    await publishInitialPolicy(app.owner, t.tenantId, policies.get('binzhou')!, 'test');
    await seedRecords(t, 'binzhou', 21);
    const token = t.accounts.bureau.token;
    const ids: string[] = [];
    const people = [...t.people.a1, ...t.people.a2, ...t.people.b1];
    for (const [i, p] of people.entries()) {
      const r = await app.gql(`mutation($i: CreateTitleApplicationInput!) { createTitleApplication(input: $i) { id } }`, {
        i: { professionalId: p.id, targetLevel: i % 2 ? 'DEPUTY_SENIOR' : 'INTERMEDIATE', targetSeries: 'HEALTH', applicationYear: 2023, filedOn: ['2023-06-30', '2023-03-15', '2023-11-01'][i % 3] },
      }, token);
      expect(r.errors).toBeUndefined();
      ids.push(r.data.createTitleApplication.id);
    }
    const single: unknown[] = [];
    for (const id of ids) {
      const r = await app.gql(`query($id: ID!) { titleApplicationEligibility(applicationId: $id) { ${FIELDS} } }`, { id }, token);
      expect(r.errors).toBeUndefined();
      single.push(r.data.titleApplicationEligibility);
    }
    const batch = await app.gql(`query($ids: [ID!]!) { titleApplicationEligibilityBatch(applicationIds: $ids) { applicationId errorCode result { ${FIELDS} } } }`, { ids }, token);
    expect(batch.errors).toBeUndefined();
    expect(batch.data.titleApplicationEligibilityBatch).toEqual(ids.map((applicationId, i) => ({ applicationId, errorCode: null, result: single[i] })));
  });
});

describe('the records a batch reads', () => {
  it('are the activities activitiesOf reads (recording dates in the application year only), and the engine answers the same with either', async () => {
    const code = 'bingtuan'; // a fixed title deadline (06-30): the recording date decides
    const t = await createTenantFixture(app, 'rec');
    await publishInitialPolicy(app.owner, t.tenantId, policies.get(code)!, 'test');
    await seedRecords(t, code, 31);
    const people = [...t.people.a1, ...t.people.a2, ...t.people.b1];
    const ids = people.map((p) => p.id);
    const { full, read } = await inTransaction(app.owner, { tenantId: t.tenantId }, async (em) => {
      const records = new Map<string, EligibilityRecord>();
      // slices of four: three statements for nine people
      for await (const slice of eligibilityRecordSlices(em, ids, 2023, 4)) for (const [id, r] of slice) records.set(id, r);
      return { full: await new HoursRepository().activitiesOf(em, ids, 2023), read: records };
    });
    const withdrawn = await app.owner.query(
      `SELECT professional_id, year, kind, withdrawal_reason AS reason FROM activity WHERE tenant_id = $1 AND withdrawn_at IS NOT NULL AND year <= 2023 ORDER BY professional_id, year, id`,
      [t.tenantId],
    );
    expect(withdrawn.length).toBeGreaterThan(0);
    for (const id of ids) {
      const all = full.get(id) ?? [];
      const activities = read.get(id)?.activities() ?? [];
      expect(activities).toEqual(all.map(({ recordedOn, ...a }): ActivityInput => (a.year === 2023 ? { ...a, recordedOn } : a)));
      expect(read.get(id)?.withdrawn ?? []).toEqual(
        withdrawn.filter((w: { professional_id: string }) => w.professional_id === id).map((w: { year: number; kind: string; reason: string }) => ({ professionalId: id, year: w.year, kind: w.kind, reason: w.reason })),
      );
      for (const q of questions(t, 41).filter((x) => x.person.id === id)) {
        const ask = (given: readonly ActivityInput[]) =>
          checkTitleEligibility({
            policy: policies.get(code)!,
            profile: { titleLevel: 'INTERMEDIATE', titleSeries: 'HEALTH' },
            activities: given,
            targetLevel: q.targetLevel as TitleLevel,
            applicationYear: 2023,
            route: (q.route ?? 'NORMAL_REVIEW') as TitleRoute,
            ...(q.filedOn ? { filingDate: q.filedOn } : {}),
            today: '2023-07-01',
          });
        expect(ask(activities)).toEqual(ask(all));
      }
    }
  });
});

// The calendar through the API: anyone signed in reads a year (holidays, adjusted workdays,
// source); a year outside the table is CALENDAR_YEAR_MISSING with the field, for the query and
// for every input that needs a working-day count (Jining's pre-filing lead time), with nothing
// written; inside the table the explanation names the holidays it skipped.
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { auditRows, createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';

const CALENDAR = `query($y: Int!) { workingCalendar(year: $y) { year source sourceVersion checkedAt holidays { date name } adjustedWorkdays { date name } } }`;
// recorded by the bureau (the chain's last level: counted at once); the id is the recorded activity's
const RECORD = `mutation($i: RecordActivityInput!) { recordActivity(input: $i) { id } }`;
const STATUS = `query($id: String!, $y: Int!) { completionStatus(idNumber: $id, year: $y) { evaluation { activities { activityId professionalHours notes } } } }`;
const PREVIEW = `query($i: PreviewHoursInput!) { previewHours(input: $i) { activities { professionalHours notes } } }`;

let app: TestApp;
let t: TenantFixture;
/** The first year after the latest in the table (2027 with chinese-days 1.5.7). */
let missingYear: number;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'cal');
  const policy = loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('jining');
  if (!policy) throw new Error('no jining policy');
  await publishInitialPolicy(app.owner, t.tenantId, policy, 'test');
  const [latest] = await app.owner.query<{ y: number }[]>(`SELECT max(year) AS y FROM calendar_year`);
  missingYear = latest!.y + 1;
});
afterAll(() => app.close());

const training = (filedDate: string, startDate: string) => ({ projectName: '专题培训班', filedDate, startDate, hours: 16 });

describe('workingCalendar(year)', () => {
  it('gives a signed-in professional 2024: the National Day week, the adjusted Sunday 29 September and Saturday 12 October, from chinese-days 1.5.7', async () => {
    const r = await app.gql(CALENDAR, { y: 2024 }, t.accounts.personA1.token);
    expect(r.errors).toBeUndefined();
    const year = r.data.workingCalendar;
    expect({ year: year.year, source: year.source, sourceVersion: year.sourceVersion }).toEqual({ year: 2024, source: 'chinese-days', sourceVersion: '1.5.7' });
    expect(year.holidays.filter((d: { name: string }) => d.name === '国庆节').map((d: { date: string }) => d.date)).toEqual([
      '2024-10-01',
      '2024-10-02',
      '2024-10-03',
      '2024-10-04',
      '2024-10-05',
      '2024-10-06',
      '2024-10-07',
    ]);
    expect(year.adjustedWorkdays).toContainEqual({ date: '2024-09-29', name: '国庆节' });
    expect(year.adjustedWorkdays).toContainEqual({ date: '2024-10-12', name: '国庆节' });
    expect(Number.isNaN(Date.parse(year.checkedAt))).toBe(false);
  });

  it('refuses a caller who is not signed in', async () => {
    expect(codes(await app.gql(CALENDAR, { y: 2024 }))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers a year outside the table with CALENDAR_YEAR_MISSING on the field year', async () => {
    const r = await app.gql(CALENDAR, { y: missingYear }, t.accounts.personA1.token);
    expect(codes(r)).toEqual(['CALENDAR_YEAR_MISSING']);
    expect(r.errors?.[0]?.extensions?.field).toBe('year');
    expect(r.errors?.[0]?.message).toContain(`${missingYear}年`);
  });
});

describe('inputs that need a working-day count', () => {
  it(`Jining: recordActivity for a training filed in a year outside the table → CALENDAR_YEAR_MISSING on params.filedDate, nothing written`, async () => {
    const person = t.people.a1[1].id;
    const auditBefore = (await auditRows(app, t.tenantId)).length;
    const r = await app.gql(
      RECORD,
      { i: { professionalId: person, year: missingYear, kind: 'unitTraining', params: training(`${missingYear}-01-04`, `${missingYear}-01-15`) } },
      t.accounts.unitA1.token,
    );
    expect(codes(r)).toEqual(['CALENDAR_YEAR_MISSING']);
    expect(r.errors?.[0]?.extensions?.field).toBe('params.filedDate');
    const stored = await app.owner.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM activity WHERE professional_id = $1`, [person]);
    expect(stored[0]?.n).toBe(0);
    expect((await auditRows(app, t.tenantId)).length).toBe(auditBefore);
  });

  it('Jining: a training filed the Friday before the 2024 National Day week is recorded, and its year explains it earns nothing: only 3 working days, National Day skipped', async () => {
    const person = t.people.a1[2];
    const recorded = await app.gql(RECORD, { i: { professionalId: person.id, year: 2024, kind: 'unitTraining', params: training('2024-09-27', '2024-10-08') } }, t.accounts.bureau.token);
    expect(recorded.errors).toBeUndefined();
    const ordinary = await app.gql(RECORD, { i: { professionalId: person.id, year: 2024, kind: 'unitTraining', params: training('2024-11-01', '2024-11-12') } }, t.accounts.bureau.token);
    expect(ordinary.errors).toBeUndefined();
    const r = await app.gql(STATUS, { id: person.idNumber, y: 2024 }, t.accounts.unitA1.token);
    expect(r.errors).toBeUndefined();
    const byId = new Map(r.data.completionStatus.evaluation.activities.map((a: { activityId: string }) => [a.activityId, a]));
    const nationalDay = byId.get(recorded.data.recordActivity.id) as { professionalHours: number; notes: string[] };
    expect(nationalDay.professionalHours).toBe(0);
    expect(nationalDay.notes[0]).toContain('只有3个工作日');
    expect(nationalDay.notes[0]).toContain('跳过国庆节 10月1日—10月7日');
    expect((byId.get(ordinary.data.recordActivity.id) as { professionalHours: number }).professionalHours).toBe(16);
  });

  it('Jining: previewHours with a start date in a year outside the table → CALENDAR_YEAR_MISSING on activities[0].params.startDate', async () => {
    const r = await app.gql(
      PREVIEW,
      {
        i: {
          year: missingYear - 1,
          profile: { titleLevel: 'INTERMEDIATE', titleSeries: 'HEALTH' },
          activities: [{ kind: 'unitTraining', params: training(`${missingYear - 1}-12-24`, `${missingYear}-01-05`) }],
        },
      },
      t.accounts.unitA1.token,
    );
    expect(codes(r)).toEqual(['CALENDAR_YEAR_MISSING']);
    expect(r.errors?.[0]?.extensions?.field).toBe('activities[0].params.startDate');
  });
});

// Who is short (issue 11): the professionals in the caller's scope whose year is not complete,
// with the shortfall per subject; title applicants first, nearest deadline first (the Corps'
// June 30; Binzhou's filing date), then everyone else by unit. Complete people are never listed.
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type PersonFixture, type TenantFixture } from '../support/fixtures';
import { codes, type GqlResult, startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let corps: TenantFixture;
let binzhou: TenantFixture;
const Y = 2026;
const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));

const LIST = `query($y: Int!, $first: Int, $after: String, $f: ShortfallFilter) { shortfalls(year: $y, first: $first, after: $after, filter: $f) {
  nodes { professionalId name idNumber unitName deadline deadlineReason daysLeft titleApplicationId targetLevel
          publicCredited publicShortfall professionalCredited professionalShortfall }
  pageInfo { hasNextPage endCursor } scanned } }`;

interface Row {
  professionalId: string;
  idNumber: string;
  deadline: string;
  deadlineReason: string;
  titleApplicationId: string | null;
  publicShortfall: number;
  professionalShortfall: number;
}

async function hours(t: TenantFixture, p: PersonFixture, pub: number, prof: number) {
  await app.owner.query(
    `INSERT INTO activity (tenant_id, professional_id, kind, year, params) VALUES ($1, $2, 'transferIn', $3, $4)`,
    [t.tenantId, p.id, Y, { fromPlace: '测试', publicHours: pub, professionalHours: prof }],
  );
}

async function applies(t: TenantFixture, p: PersonFixture, filedOn: string | null = null): Promise<string> {
  const [row] = await app.owner.query(
    `INSERT INTO title_application (tenant_id, professional_id, target_level, target_series, application_year, route, filed_on)
     SELECT tenant_id, id, 'DEPUTY_SENIOR', title_series, $3, 'NORMAL_REVIEW', $4 FROM professional WHERE tenant_id = $1 AND id = $2 RETURNING id`,
    [t.tenantId, p.id, Y, filedOn],
  );
  return row.id as string;
}

async function all(token: string, first = 100, filter: object | null = null): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const r: GqlResult = await app.gql(LIST, { y: Y, first, after, f: filter }, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    rows.push(...r.data.shortfalls.nodes);
    if (!r.data.shortfalls.pageInfo.hasNextPage) return rows;
    after = r.data.shortfalls.pageInfo.endCursor;
  }
  throw new Error('the list did not end');
}

const everyone = (t: TenantFixture) => [...t.people.a1, ...t.people.a2, ...t.people.b1];

beforeAll(async () => {
  app = await startTestApp();
  corps = await createTenantFixture(app, 'sfc');
  await publishInitialPolicy(app.owner, corps.tenantId, policies.get('bingtuan')!, 'test');
  binzhou = await createTenantFixture(app, 'sfb');
  await publishInitialPolicy(app.owner, binzhou.tenantId, policies.get('binzhou')!, 'test');
  const { a1, a2, b1 } = corps.people;
  await hours(corps, a1[0], 30, 60); // complete
  await hours(corps, a1[1], 30, 0); // short of 60 professional
  await hours(corps, b1[1], 30, 60); // complete applicant
  await applies(corps, b1[1]);
  await applies(corps, a2[1]);
  await applies(corps, b1[2]);
  await hours(corps, b1[2], 10, 20);
  const z = binzhou.people;
  await applies(binzhou, z.a1[0], `${Y}-05-01`);
  await applies(binzhou, z.a2[0], `${Y}-03-01`);
  await applies(binzhou, z.b1[0], null);
});
afterAll(() => app.close());

describe('who is short', () => {
  it('Corps: title applicants come first with the June 30 deadline, then everyone else with Dec 31; complete people are not listed', async () => {
    const rows = await all(corps.accounts.bureau.token);
    const { a1, a2, b1 } = corps.people;
    const applicants = [a2[1], b1[2]].map((p) => p.id).sort();
    expect(rows.slice(0, 2).map((r) => r.professionalId)).toEqual(applicants);
    expect(rows.slice(0, 2).every((r) => r.deadline === `${Y}-06-30` && r.titleApplicationId !== null && r.deadlineReason.includes('003'))).toBe(true);
    const rest = rows.slice(2);
    expect(rest.every((r) => r.deadline === `${Y}-12-31` && r.titleApplicationId === null)).toBe(true);
    const listed = rows.map((r) => r.professionalId);
    for (const done of [a1[0], b1[1]]) expect(listed).not.toContain(done.id);
    const expected = everyone(corps).filter((p) => ![a1[0], b1[1]].includes(p));
    expect(new Set(listed)).toEqual(new Set(expected.map((p) => p.id)));
    expect(listed).toHaveLength(expected.length);
  });

  it('Corps: the shortfall per subject is the engine’s (30 public met, 60 professional missing; 10/20 of 30/60)', async () => {
    const rows = await all(corps.accounts.bureau.token);
    const row = (p: PersonFixture) => rows.find((r) => r.professionalId === p.id)!;
    expect(row(corps.people.a1[1])).toMatchObject({ publicShortfall: 0, professionalShortfall: 60 });
    expect(row(corps.people.b1[2])).toMatchObject({ publicShortfall: 20, professionalShortfall: 40 });
    expect(row(corps.people.a2[0])).toMatchObject({ publicShortfall: 30, professionalShortfall: 60 });
    // ID numbers are masked in the list
    expect(row(corps.people.a2[0]).idNumber).not.toBe(corps.people.a2[0].idNumber);
    expect(row(corps.people.a2[0]).idNumber).toContain('*');
  });

  it('Binzhou: applicants are ordered by their filing date (the title deadline), one without a filing date by Dec 31', async () => {
    const rows = await all(binzhou.accounts.bureau.token);
    const z = binzhou.people;
    expect(rows.slice(0, 3).map((r) => [r.professionalId, r.deadline])).toEqual([
      [z.a2[0].id, `${Y}-03-01`],
      [z.a1[0].id, `${Y}-05-01`],
      [z.b1[0].id, `${Y}-12-31`],
    ]);
    expect(rows[0]!.deadlineReason).toContain('提交申报材料');
  });

  it('pages of one walk the same list in the same order, with no one twice', async () => {
    const whole = (await all(corps.accounts.bureau.token)).map((r) => r.professionalId);
    const paged = (await all(corps.accounts.bureau.token, 1)).map((r) => r.professionalId);
    expect(paged).toEqual(whole);
  });

  it('scope: a unit official sees their unit only, a department official its units, with the same order', async () => {
    const { a1, a2, b1 } = corps.people;
    const unit = (await all(corps.accounts.unitA1.token)).map((r) => r.professionalId);
    expect(new Set(unit)).toEqual(new Set([a1[1].id, a1[2].id]));
    const dept = (await all(corps.accounts.deptA.token)).map((r) => r.professionalId);
    expect(dept[0]).toBe(a2[1].id);
    expect(new Set(dept)).toEqual(new Set([a1[1], a1[2], a2[0], a2[1], a2[2]].map((p) => p.id)));
    expect(dept).not.toContain(b1[2].id);
    const filtered = (await all(corps.accounts.deptA.token, 100, { unitId: corps.nodes.unitB1 })).map((r) => r.professionalId);
    expect(filtered).toEqual([]);
  });

  it('professionals, other tenants’ officials and anonymous callers get no list', async () => {
    expect(codes(await app.gql(LIST, { y: Y }, corps.accounts.personA1.token))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(LIST, { y: Y }))).toEqual(['UNAUTHENTICATED']);
    const other = (await all(binzhou.accounts.bureau.token)).map((r) => r.professionalId);
    for (const p of everyone(corps)) expect(other).not.toContain(p.id);
  });

  it('bad input: a foreign cursor, a year outside the policy, a page size over 100', async () => {
    const bad = await app.gql(LIST, { y: Y, after: 'bm90LWEtY3Vyc29y' }, corps.accounts.bureau.token);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.field).toBe('after');
    expect(codes(await app.gql(LIST, { y: 1989 }, corps.accounts.bureau.token)).length).toBe(1);
    expect(codes(await app.gql(LIST, { y: Y, first: 101 }, corps.accounts.bureau.token))).toEqual(['BAD_USER_INPUT']);
  });
});

// Who is short does bounded work: one request judges at most SCAN_BUDGET people and hands back
// a cursor at the point it reached, however many complete people stand before the short ones.
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { createPeopleGenerator, REGION_CITIES } from '../../server/demo/synthetic-people';
import { SCAN_BUDGET } from '../../server/hours/shortfall.service';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { type GqlResult, startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let t: TenantFixture;
const Y = 2026;
const EXTRA = SCAN_BUDGET + 150;
const LIST = `query($y: Int!, $after: String) { shortfalls(year: $y, first: 100, after: $after) {
  nodes { professionalId } pageInfo { hasNextPage endCursor } scanned } }`;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'sfg');
  await publishInitialPolicy(app.owner, t.tenantId, loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('qingdao')!, 'test');
  // EXTRA complete people in unit A1, set-based (the fixture's nine people have no hours)
  const people = createPeopleGenerator({ seed: randomInt(1, 2 ** 31), regionCodes: REGION_CITIES.linyi.codes });
  const generated = Array.from({ length: EXTRA }, (_, i) => people.next(1000 + i));
  await app.owner.query(
    `WITH p AS (
       INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)
       SELECT $1, x.id_number, x.name, x.gender, x.birth_date::date, o.id, o.path, 'INTERMEDIATE', 'ENGINEERING', x.phone, x.joined::date
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(id_number, name, gender, birth_date, phone, joined)
         JOIN org_node o ON o.tenant_id = $1 AND o.id = $2
       ON CONFLICT DO NOTHING RETURNING id)
     INSERT INTO activity (tenant_id, professional_id, kind, year, params)
     SELECT $1, p.id, 'transferIn', $9, '{"fromPlace":"测试","publicHours":30,"professionalHours":60}'::jsonb FROM p`,
    [
      t.tenantId,
      t.nodes.unitA1,
      generated.map((p) => p.idNumber),
      generated.map((p) => p.name),
      generated.map((p) => p.gender),
      generated.map((p) => p.birthDate),
      generated.map((p) => p.mobile),
      generated.map((p) => p.joinedOn),
      Y,
    ],
  );
});
afterAll(() => app.close());

it(`a request judges at most ${SCAN_BUDGET} people and continues from where it stopped; the walk still finds every short person`, async () => {
  const scans: number[] = [];
  const found: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const r: GqlResult = await app.gql(LIST, { y: Y, after }, t.accounts.bureau.token);
    expect(r.errors).toBeUndefined();
    const page: { scanned: number; nodes: { professionalId: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = r.data.shortfalls;
    scans.push(page.scanned);
    found.push(...page.nodes.map((n: { professionalId: string }) => n.professionalId));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(Math.max(...scans)).toBe(SCAN_BUDGET);
  expect(scans.length).toBeGreaterThan(1);
  const nine = [...t.people.a1, ...t.people.a2, ...t.people.b1].map((p) => p.id);
  expect(new Set(found)).toEqual(new Set(nine));
  expect(found).toHaveLength(nine.length);
});

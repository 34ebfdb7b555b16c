// Recorded activities as a connection: keyset pages by (year, id), a year
// filter, totalCount, and the same scope as the person's record.
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';
import { expectConsistentPaging } from '../support/queries';

const RECORD = `mutation($i: RecordActivityInput!) { recordActivity(input: $i) { id } }`;
const LIST = `query($p: ID!, $y: Int, $first: Int, $after: String) {
  activities(professionalId: $p, year: $y, first: $first, after: $after) {
    totalCount nodes { id year kind } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

let app: TestApp;
let t: TenantFixture;
const recorded: { id: string; year: number }[] = [];

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'act');
  const policy = loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('qingdao');
  if (!policy) throw new Error('no qingdao policy');
  await publishInitialPolicy(app.owner, t.tenantId, policy, 'test');
  // recorded by the bureau: its record is the chain's last level, so each is an activity at once
  for (const year of [2023, 2021, 2022, 2021, 2023]) {
    const r = await app.gql(RECORD, { i: { professionalId: t.people.a1[0].id, year, kind: 'publicCourse', params: { hours: 10 } } }, t.accounts.bureau.token);
    expect(r.errors).toBeUndefined();
    recorded.push({ id: r.data.recordActivity.id, year });
  }
});
afterAll(() => app.close());

const list = (variables: object, token = t.accounts.unitA1.token) => app.gql(LIST, { p: t.people.a1[0].id, ...variables }, token);

describe('activities(professionalId, year, first, after)', () => {
  it('pages through every activity, oldest year first, each edge cursor continuing right after its item', async () => {
    const ids = await expectConsistentPaging(async (first, after) => {
      const r = await list({ first, after });
      expect(r.errors).toBeUndefined();
      return r.data.activities;
    });
    expect(ids.sort()).toEqual(recorded.map((a) => a.id).sort());
    const whole = await list({ first: 100 });
    const years = whole.data.activities.nodes.map((n: { year: number }) => n.year);
    expect(years).toEqual([...years].sort());
  });

  it('filters by year, and totalCount counts that year only', async () => {
    const r = await list({ y: 2021, first: 1 });
    expect(r.errors).toBeUndefined();
    expect(r.data.activities.totalCount).toBe(2);
    expect(r.data.activities.nodes).toHaveLength(1);
    expect(r.data.activities.pageInfo.hasNextPage).toBe(true);
  });

  it('an official of another tenant gets the person’s not-found error, not their activities', async () => {
    const other = await createTenantFixture(app, 'ac2');
    const r = await app.gql(LIST, { p: t.people.a1[0].id, first: 5 }, other.accounts.unitA1.token);
    expect(r.data).toBeNull();
    expect(codes(r)).toEqual(['PROFESSIONAL_NOT_FOUND']);
  });

  it('rejects a page size over 100 and a forged cursor with BAD_USER_INPUT on the field', async () => {
    const big = await list({ first: 101 });
    expect(codes(big)).toEqual(['BAD_USER_INPUT']);
    expect(big.errors?.[0]?.extensions?.field).toBe('first');
    const forged = await list({ first: 2, after: Buffer.from(JSON.stringify(['20x1', 'not-a-uuid'])).toString('base64url') });
    expect(codes(forged)).toEqual(['BAD_USER_INPUT']);
    expect(forged.errors?.[0]?.extensions?.field).toBe('after');
    expect(forged.status).toBeLessThan(500);
  });
});

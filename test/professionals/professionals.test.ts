import { codes, GqlResult, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';
import { expectConsistentPaging, PROFESSIONALS_PAGE } from '../support/queries';

const LIST = `query($filter: ProfessionalFilter, $first: Int, $after: String) {
  professionals(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id name idNumber unitId titleLevel unit { id name } } pageInfo { hasNextPage endCursor }
  }
}`;

type ListPage = { professionals: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

let app: TestApp;
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app);
});
afterAll(() => app.close());

describe('professional list', () => {
  it('a bureau official sees every professional of the tenant, with totalCount', async () => {
    const r = await app.gql(LIST, { first: 100 }, t.accounts.bureau.token);
    expect(r.errors).toBeUndefined();
    expect(r.data.professionals.totalCount).toBe(9);
    expect(r.data.professionals.nodes).toHaveLength(9);
  });

  it('a department official sees only the units below their department', async () => {
    const r = await app.gql(LIST, { first: 100 }, t.accounts.deptA.token);
    const ids = r.data.professionals.nodes.map((n: { id: string }) => n.id).sort();
    expect(ids).toEqual([...t.people.a1, ...t.people.a2].map((p) => p.id).sort());
  });

  it('a unit official sees only their unit', async () => {
    const r = await app.gql(LIST, { first: 100 }, t.accounts.unitA1.token);
    expect(r.data.professionals.nodes.map((n: { id: string }) => n.id).sort()).toEqual(t.people.a1.map((p) => p.id).sort());
  });

  it('a professional sees only themself', async () => {
    const r = await app.gql(LIST, { first: 100 }, t.accounts.personA1.token);
    expect(r.data.professionals.nodes.map((n: { id: string }) => n.id)).toEqual([t.people.a1[0].id]);
    expect(r.data.professionals.nodes[0].idNumber).toBe(t.people.a1[0].idNumber);
  });

  it('filters by organisation subtree and title level together', async () => {
    const r = await app.gql(LIST, { filter: { orgId: t.nodes.deptA, titleLevel: 'INTERMEDIATE' } }, t.accounts.bureau.token);
    expect(r.data.professionals.totalCount).toBe(2);
    expect(r.data.professionals.nodes.every((n: { titleLevel: string }) => n.titleLevel === 'INTERMEDIATE')).toBe(true);
  });

  it('filters by unit, name prefix and exact ID number (lowercase x accepted)', async () => {
    const byUnit = await app.gql(LIST, { filter: { unitId: t.nodes.unitB1 } }, t.accounts.bureau.token);
    expect(byUnit.data.professionals.totalCount).toBe(3);
    const someone = t.people.b1[1];
    const byName = await app.gql(LIST, { filter: { name: someone.name.slice(0, 1) } }, t.accounts.bureau.token);
    expect(byName.data.professionals.nodes.map((n: { id: string }) => n.id)).toContain(someone.id);
    const byId = await app.gql(LIST, { filter: { idNumber: someone.idNumber.toLowerCase() } }, t.accounts.bureau.token);
    expect(byId.data.professionals.nodes.map((n: { id: string }) => n.id)).toEqual([someone.id]);
  });

  it('pages with a keyset cursor without repeating or skipping anyone', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const r: GqlResult<ListPage> = await app.gql(LIST, { first: 4, after }, t.accounts.bureau.token);
      seen.push(...r.data.professionals.nodes.map((n: { id: string }) => n.id));
      if (!r.data.professionals.pageInfo.hasNextPage) break;
      after = r.data.professionals.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it('edges carry a cursor per person: paging on from edges[i] continues right after person i, totalCount on every page', async () => {
    const pageAs = (token: string, filter: object | null) => async (first: number, after: string | null) =>
      (await app.gql(PROFESSIONALS_PAGE, { filter, first, after }, token)).data.professionals;
    const all = await expectConsistentPaging(pageAs(t.accounts.bureau.token, null));
    expect(all).toHaveLength(9);
    const filtered = await expectConsistentPaging(pageAs(t.accounts.bureau.token, { orgId: t.nodes.deptA, titleLevel: 'INTERMEDIATE' }));
    expect(filtered).toHaveLength(2);
    const unit = await expectConsistentPaging(pageAs(t.accounts.unitA1.token, null));
    expect(unit.sort()).toEqual(t.people.a1.map((p) => p.id).sort());
  });

  it('totalCount is counted only when asked, and an empty page still has it', async () => {
    const none = await app.gql(PROFESSIONALS_PAGE, { filter: { name: '查无此人' }, first: 5 }, t.accounts.bureau.token);
    expect(none.data.professionals).toEqual({
      totalCount: 0,
      nodes: [],
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it('a cursor whose key is not ours (an id that is not a UUID) is BAD_USER_INPUT on after, not a server error', async () => {
    const forged = Buffer.from(JSON.stringify(['/1/', 'not-a-uuid'])).toString('base64url');
    const r = await app.gql(LIST, { after: forged }, t.accounts.bureau.token);
    expect(r.status).toBe(200);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0]?.extensions?.field).toBe('after');
  });

  it('rejects a department filter outside the official scope', async () => {
    const r = await app.gql(LIST, { filter: { orgId: t.nodes.deptB } }, t.accounts.deptA.token);
    expect(codes(r)).toEqual(['ORGANISATION_NOT_FOUND']);
    expect(r.errors?.[0]?.extensions?.field).toBe('filter.orgId');
  });

  it('rejects a page size over 100 and a forged cursor', async () => {
    expect(codes(await app.gql(LIST, { first: 101 }, t.accounts.bureau.token))).toEqual(['BAD_USER_INPUT']);
    const forged = await app.gql(LIST, { after: 'not-a-cursor' }, t.accounts.bureau.token);
    expect(codes(forged)).toEqual(['BAD_USER_INPUT']);
    expect(forged.errors?.[0]?.extensions?.field).toBe('after');
  });

  it('requires sign-in', async () => {
    expect(codes(await app.gql(LIST, {}))).toEqual(['UNAUTHENTICATED']);
  });
});

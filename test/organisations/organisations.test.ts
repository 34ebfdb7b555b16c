import { codes, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';
import { CHILDREN_PAGE, expectConsistentPaging, ORGANISATIONS_PAGE } from '../support/queries';

const CREATE = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id kind name depth parent { id } } }`;
const MOVE = `mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id depth parentId } }`;
const RENAME = `mutation($i: RenameOrganisationInput!) { renameOrganisation(input: $i) { id name version } }`;
const TREE = `query($under: ID) { organisations(under: $under, first: 100) { nodes { id name kind depth parentId } } }`;
const COUNT = `query($org: ID!) { professionals(filter: { orgId: $org }) { totalCount } }`;

let app: TestApp;
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app);
});
afterAll(() => app.close());

describe('organisation tree', () => {
  it('lists the tree depth-first; a department official sees their subtree only', async () => {
    // a tree of its own: other tests of this file move and add organisations in `t`
    const own = await createTenantFixture(app, 'otr');
    const all = await app.gql(TREE, {}, own.accounts.bureau.token);
    expect(all.data.organisations.nodes.map((n: { depth: number }) => n.depth)).toEqual([0, 1, 2, 2, 1, 2]);
    const dept = await app.gql(TREE, {}, own.accounts.deptA.token);
    expect(dept.data.organisations.nodes.map((n: { id: string }) => n.id)).toEqual([own.nodes.deptA, own.nodes.unitA1, own.nodes.unitA2]);
  });

  it('children and parent resolve within scope', async () => {
    const r = await app.gql(
      `query($id: ID!) { organisation(id: $id) { name parent { id } children(first: 10) { totalCount nodes { id } } } }`,
      { id: t.nodes.deptA },
      t.accounts.deptA.token,
    );
    // the bureau above a department official is outside their scope
    expect(r.data.organisation.parent).toBeNull();
    expect(r.data.organisation.children.totalCount).toBe(2);
    expect(r.data.organisation.children.nodes.map((c: { id: string }) => c.id).sort()).toEqual([t.nodes.unitA1, t.nodes.unitA2].sort());
  });

  it('children is a connection: sized (first 1–100), by name, paging on from any edge cursor', async () => {
    const children = (id: string) => async (first: number, after: string | null) =>
      (await app.gql(CHILDREN_PAGE, { id, first, after }, t.accounts.bureau.token)).data.organisation.children;
    expect(await expectConsistentPaging(children(t.nodes.bureau))).toEqual([t.nodes.deptB, t.nodes.deptA]); // 乙 < 甲 in code points
    expect(await expectConsistentPaging(children(t.nodes.unitA1))).toEqual([]);
    const tooMany = await app.gql(CHILDREN_PAGE, { id: t.nodes.bureau, first: 101 }, t.accounts.bureau.token);
    expect(codes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });

  it('a professional sees their own unit and no children of it', async () => {
    const r = await app.gql(CHILDREN_PAGE, { id: t.nodes.unitA1, first: 10 }, t.accounts.personA1.token);
    expect(r.data.organisation.children).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('the tree pages on from any edge cursor, with totalCount of the caller’s part of it', async () => {
    const tree = (token: string, under: string | null, kind: string | null = null) => async (first: number, after: string | null) =>
      (await app.gql(ORGANISATIONS_PAGE, { under, kind, first, after }, token)).data.organisations;
    expect(await expectConsistentPaging(tree(t.accounts.bureau.token, null))).toHaveLength(6);
    expect(await expectConsistentPaging(tree(t.accounts.bureau.token, null, 'UNIT'))).toHaveLength(3);
    expect(await expectConsistentPaging(tree(t.accounts.deptA.token, null))).toEqual([t.nodes.deptA, t.nodes.unitA1, t.nodes.unitA2]);
    expect(await expectConsistentPaging(tree(t.accounts.unitA1.token, null))).toEqual([t.nodes.unitA1]);
    expect(await expectConsistentPaging(tree(t.accounts.personA1.token, t.nodes.unitA1))).toEqual([t.nodes.unitA1]);
  });

  it('a department official creates a unit below their department; depth and parent are derived', async () => {
    // in a tenant of its own: the tree tests above count t's nodes
    const own = await createTenantFixture(app, 'new');
    const r = await app.gql(CREATE, { i: { parentId: own.nodes.deptA, kind: 'UNIT', name: '甲三卫生院', code: 'A3' } }, own.accounts.deptA.token);
    expect(r.errors).toBeUndefined();
    expect(r.data.createOrganisation).toMatchObject({ kind: 'UNIT', depth: 2, parent: { id: own.nodes.deptA } });
  });

  it('rejects a unit under a unit, a second bureau, a duplicate sibling name and an empty name, writing nothing', async () => {
    const before = await app.owner.query(`SELECT count(*)::int AS n FROM org_node WHERE tenant_id = $1`, [t.tenantId]);
    const underUnit = await app.gql(CREATE, { i: { parentId: t.nodes.unitA1, kind: 'UNIT', name: '下属科室' } }, t.accounts.bureau.token);
    expect(codes(underUnit)).toEqual(['ORGANISATION_PARENT_KIND']);
    expect(underUnit.errors?.[0]?.extensions?.field).toBe('kind');
    const bureau = await app.gql(CREATE, { i: { parentId: t.nodes.bureau, kind: 'BUREAU', name: '第二个人社局' } }, t.accounts.bureau.token);
    expect(codes(bureau)).toEqual(['ORGANISATION_PARENT_KIND']);
    const dup = await app.gql(CREATE, { i: { parentId: t.nodes.deptA, kind: 'UNIT', name: '甲一医院' } }, t.accounts.bureau.token);
    expect(codes(dup)).toEqual(['ORGANISATION_NAME_TAKEN']);
    expect(dup.errors?.[0]?.extensions?.field).toBe('name');
    const empty = await app.gql(CREATE, { i: { parentId: t.nodes.deptA, kind: 'UNIT', name: '' } }, t.accounts.bureau.token);
    expect(codes(empty)).toEqual(['BAD_USER_INPUT']);
    expect(empty.errors?.[0]?.extensions?.field).toBe('name');
    const after = await app.owner.query(`SELECT count(*)::int AS n FROM org_node WHERE tenant_id = $1`, [t.tenantId]);
    expect(after[0].n).toBe(before[0].n);
  });

  it('renames with a new version; units and departments cannot rename themselves', async () => {
    // in a tenant of its own: the tree tests above read t's names and versions
    const fresh = await createTenantFixture(app, 'ren');
    const own = await app.gql(RENAME, { i: { id: fresh.nodes.unitA1, name: '甲一医院（新）' } }, fresh.accounts.unitA1.token);
    expect(codes(own)).toEqual(['FORBIDDEN']);
    const ownDept = await app.gql(RENAME, { i: { id: fresh.nodes.deptA, name: '甲区人社局（新）' } }, fresh.accounts.deptA.token);
    expect(codes(ownDept)).toEqual(['ORGANISATION_OUT_OF_SCOPE']);
    const ok = await app.gql(RENAME, { i: { id: fresh.nodes.unitA2, name: '甲区第二中学' } }, fresh.accounts.deptA.token);
    expect(ok.data.renameOrganisation).toMatchObject({ name: '甲区第二中学', version: 2 });
  });

  it('moving a unit to another department moves its people in subtree filters, in one step', async () => {
    const own = await createTenantFixture(app, 'mv');
    expect((await app.gql(COUNT, { org: own.nodes.deptB }, own.accounts.bureau.token)).data.professionals.totalCount).toBe(3);
    const moved = await app.gql(MOVE, { i: { id: own.nodes.unitA2, newParentId: own.nodes.deptB } }, own.accounts.bureau.token);
    expect(moved.errors).toBeUndefined();
    expect(moved.data.moveOrganisation).toMatchObject({ parentId: own.nodes.deptB, depth: 2 });
    expect((await app.gql(COUNT, { org: own.nodes.deptB }, own.accounts.bureau.token)).data.professionals.totalCount).toBe(6);
    expect((await app.gql(COUNT, { org: own.nodes.deptA }, own.accounts.bureau.token)).data.professionals.totalCount).toBe(3);
    // the department official of A no longer sees the moved unit's people
    const list = await app.gql(`{ professionals(first: 100) { totalCount } }`, {}, own.accounts.deptA.token);
    expect(list.data.professionals.totalCount).toBe(3);
  });

  it('moving a department under its own unit is refused', async () => {
    const r = await app.gql(MOVE, { i: { id: t.nodes.deptA, newParentId: t.nodes.unitA1 } }, t.accounts.bureau.token);
    expect(codes(r)).toEqual(['ORGANISATION_MOVE_CYCLE']);
    const root = await app.gql(MOVE, { i: { id: t.nodes.bureau, newParentId: t.nodes.deptA } }, t.accounts.bureau.token);
    expect(codes(root)).toEqual(['ORGANISATION_MOVE_ROOT']);
  });
});

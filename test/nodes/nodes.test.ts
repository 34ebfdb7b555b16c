// node(id): any record fetched again by its id alone, typed through the Node
// interface, with the access rules of the record's own query. What a caller
// may not see is null, exactly like an id that does not exist.
import { codes, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';
import { CREATE_API_CLIENT, failure, NODE } from '../support/queries';

let app: TestApp;
let t: TenantFixture;
let clientId: string;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'node');
  const client = await app.gql(CREATE_API_CLIENT, { input: { name: '人事系统', scopes: ['COMPLETION_READ'] } }, t.accounts.bureau.token);
  clientId = client.data.createApiClient.client.id;
});
afterAll(() => app.close());

describe('node(id) for the bureau official', () => {
  const node = async (id: string) => {
    const r = await app.gql(NODE, { id }, t.accounts.bureau.token);
    expect(r.errors).toBeUndefined();
    return r.data.node;
  };

  it('returns an organisation, a professional, an account and an API client, each as its own type', async () => {
    const person = t.people.b1[0];
    expect(await node(t.nodes.deptA)).toEqual({ __typename: 'Organisation', id: t.nodes.deptA, name: '甲区人社局' });
    expect(await node(person.id)).toEqual({ __typename: 'Professional', id: person.id, idNumber: person.idNumber });
    expect(await node(t.accounts.unitA1.id)).toEqual({ __typename: 'Account', id: t.accounts.unitA1.id, username: 'unit-a1' });
    expect(await node(clientId)).toEqual({ __typename: 'ApiClient', id: clientId, name: '人事系统' });
  });

  it('a professional’s account shows its masked username, as in the accounts list', async () => {
    const account = await node(t.accounts.personA1.id);
    expect(account.username).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });

  it('is null for a well-formed id that names nothing', async () => {
    expect(await node('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('answers the common Node fields through the interface alone', async () => {
    const r = await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: t.people.a1[1].id }, t.accounts.bureau.token);
    expect(r.data.node).toEqual({ id: t.people.a1[1].id });
  });
});

describe('node(id) with an id that is not an id', () => {
  it.each(['', 'abc', '123', `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(11)}`, `${'a'.repeat(36)}`, "' OR 1=1 --"])(
    '%j → BAD_USER_INPUT on id (HTTP 200, not a server error)',
    async (id) => {
      const r = await app.gql(NODE, { id }, t.accounts.bureau.token);
      expect(r.status).toBe(200);
      expect(failure(r)).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(r.data).toEqual({ node: null });
    },
  );

  it('a number given as the ID is the same input error', async () => {
    expect(codes(await app.gql(`{ node(id: 42) { id } }`, {}, t.accounts.bureau.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('requires sign-in', async () => {
    expect(codes(await app.gql(NODE, { id: t.nodes.bureau }))).toEqual(['UNAUTHENTICATED']);
  });
});

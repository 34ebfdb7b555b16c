// Scope inside one tenant: an official manages the part of the organisation
// tree under their own node, a professional sees only themself, and each
// role may call only its own mutations. Every refusal changes nothing.
import { codes, GqlResult, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';
import {
  ACCOUNTS,
  ACCOUNTS_PAGE,
  API_CLIENTS,
  API_CLIENTS_PAGE,
  CREATE_API_CLIENT,
  CREATE_OFFICIAL_ACCOUNT,
  CREATE_ORGANISATION,
  CREATE_PROFESSIONAL,
  expectConsistentPaging,
  failure,
  ISSUE_ACTIVATION_CODE,
  ME,
  MOVE_ORGANISATION,
  newIdNumber,
  NODE,
  ORGANISATION,
  ORGANISATIONS,
  ORGANISATIONS_PAGE,
  PageResult,
  PROFESSIONAL,
  PROFESSIONALS,
  PROFESSIONALS_PAGE,
  RENAME_ORGANISATION,
  REVOKE_API_CLIENT,
  tenantSnapshot,
  TRANSFER_PROFESSIONAL,
  UPDATE_PROFESSIONAL,
} from '../support/queries';

let app: TestApp;
let t: TenantFixture;
let clientId: string;
/** A second department official of deptA, created by the bureau. */
let deptAPeerId: string;
/** The account of a professional of unitA2, created by the bureau. */
let a2AccountId: string;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'scope');
  const client = await app.gql(CREATE_API_CLIENT, { input: { name: '职称评审系统', scopes: ['COMPLETION_READ'] } }, t.accounts.bureau.token);
  clientId = client.data.createApiClient.client.id;
  const peer = await app.gql(
    CREATE_OFFICIAL_ACCOUNT,
    { input: { username: 'dept-a-peer', displayName: '甲区同事', role: 'DEPARTMENT_OFFICIAL', orgNodeId: t.nodes.deptA } },
    t.accounts.bureau.token,
  );
  deptAPeerId = peer.data.createOfficialAccount.account.id;
  const a2 = await app.gql(ISSUE_ACTIVATION_CODE, { input: { professionalId: t.people.a2[1].id } }, t.accounts.bureau.token);
  a2AccountId = a2.data.issueActivationCode.account.id;
});
afterAll(() => app.close());

/** Runs a request and checks that nothing in the tenant changed (audit log included). */
async function changesNothing(request: () => Promise<GqlResult>): Promise<GqlResult> {
  const before = await tenantSnapshot(app, t.tenantId);
  const result = await request();
  expect(await tenantSnapshot(app, t.tenantId)).toEqual(before);
  return result;
}

const newPerson = (unitId: string) => ({
  idNumber: newIdNumber(),
  name: '新登记人员',
  unitId,
  titleLevel: 'JUNIOR',
  titleSeries: 'HEALTH',
  joinedUnitOn: '2021-09-01',
});

describe('a unit official (unitA1) facing a professional of unitA2', () => {
  const as = (query: string, variables: object = {}) => app.gql(query, variables, t.accounts.unitA1.token);

  it('professional(id) is null', async () => {
    const r = await as(PROFESSIONAL, { id: t.people.a2[0].id });
    expect(r.errors).toBeUndefined();
    expect(r.data.professional).toBeNull();
  });

  it('the list does not find them, even by exact ID number', async () => {
    const r = await as(PROFESSIONALS, { filter: { idNumber: t.people.a2[0].idNumber } });
    expect(r.data.professionals).toEqual({ totalCount: 0, nodes: [] });
  });

  it('updateProfessional → PROFESSIONAL_NOT_FOUND on id, nothing changed', async () => {
    const r = await changesNothing(() => as(UPDATE_PROFESSIONAL, { input: { id: t.people.a2[0].id, version: 1, name: '越权改名' } }));
    expect(failure(r)).toEqual({ code: 'PROFESSIONAL_NOT_FOUND', field: 'id' });
  });

  it('transferProfessional of them into unitA1 → PROFESSIONAL_NOT_FOUND on id, nothing changed', async () => {
    const r = await changesNothing(() =>
      as(TRANSFER_PROFESSIONAL, { input: { id: t.people.a2[0].id, unitId: t.nodes.unitA1, joinedUnitOn: '2024-01-02' } }),
    );
    expect(failure(r)).toEqual({ code: 'PROFESSIONAL_NOT_FOUND', field: 'id' });
  });

  it("transferProfessional of the official's own person into unitA2 → ORGANISATION_NOT_FOUND on unitId", async () => {
    const r = await changesNothing(() =>
      as(TRANSFER_PROFESSIONAL, { input: { id: t.people.a1[1].id, unitId: t.nodes.unitA2, joinedUnitOn: '2024-01-02' } }),
    );
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'unitId' });
  });

  it('issueActivationCode for them → PROFESSIONAL_NOT_FOUND on professionalId, no account or code created', async () => {
    const r = await changesNothing(() => as(ISSUE_ACTIVATION_CODE, { input: { professionalId: t.people.a2[0].id } }));
    expect(failure(r)).toEqual({ code: 'PROFESSIONAL_NOT_FOUND', field: 'professionalId' });
  });

  it("issueActivationCode for their existing account (a password reset) → ACCOUNT_NOT_FOUND on accountId", async () => {
    const r = await changesNothing(() => as(ISSUE_ACTIVATION_CODE, { input: { accountId: a2AccountId } }));
    expect(failure(r)).toEqual({ code: 'ACCOUNT_NOT_FOUND', field: 'accountId' });
  });

  it('createProfessional into unitA2 → ORGANISATION_NOT_FOUND on unitId', async () => {
    const r = await changesNothing(() => as(CREATE_PROFESSIONAL, { input: newPerson(t.nodes.unitA2) }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'unitId' });
  });

  it('organisation(id) is null for unitA2 and for the department above', async () => {
    for (const id of [t.nodes.unitA2, t.nodes.deptA, t.nodes.bureau]) {
      const r = await as(ORGANISATION, { id });
      expect(r.data.organisation).toBeNull();
    }
  });
});

describe('a unit official may not create organisations or official accounts', () => {
  const as = (query: string, variables: object = {}) => app.gql(query, variables, t.accounts.unitA1.token);

  it('createOrganisation → FORBIDDEN', async () => {
    const r = await changesNothing(() => as(CREATE_ORGANISATION, { input: { parentId: t.nodes.deptA, kind: 'UNIT', name: '经办人新建单位' } }));
    expect(codes(r)).toEqual(['FORBIDDEN']);
  });

  it('moveOrganisation → FORBIDDEN', async () => {
    const r = await changesNothing(() => as(MOVE_ORGANISATION, { input: { id: t.nodes.unitA1, newParentId: t.nodes.deptB } }));
    expect(codes(r)).toEqual(['FORBIDDEN']);
  });

  it('createOfficialAccount, even for their own unit → ROLE_NOT_ALLOWED on role', async () => {
    const input = { username: 'unit-a1-second', displayName: '第二经办人', role: 'UNIT_OFFICIAL', orgNodeId: t.nodes.unitA1 };
    const r = await changesNothing(() => as(CREATE_OFFICIAL_ACCOUNT, { input }));
    expect(failure(r)).toEqual({ code: 'ROLE_NOT_ALLOWED', field: 'role' });
  });

  it('API clients: createApiClient, revokeApiClient and apiClients → FORBIDDEN', async () => {
    const create = await changesNothing(() => as(CREATE_API_CLIENT, { input: { name: '单位系统', scopes: ['COMPLETION_READ'] } }));
    expect(codes(create)).toEqual(['FORBIDDEN']);
    const revoke = await changesNothing(() => as(REVOKE_API_CLIENT, { id: clientId }));
    expect(codes(revoke)).toEqual(['FORBIDDEN']);
    expect(codes(await as(API_CLIENTS))).toEqual(['FORBIDDEN']);
  });
});

describe('a department official (deptA) facing unitB1 of deptB', () => {
  const as = (query: string, variables: object = {}) => app.gql(query, variables, t.accounts.deptA.token);

  it('cannot createProfessional into unitB1 → ORGANISATION_NOT_FOUND on unitId', async () => {
    const r = await changesNothing(() => as(CREATE_PROFESSIONAL, { input: newPerson(t.nodes.unitB1) }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'unitId' });
  });

  it('cannot createOrganisation under deptB → ORGANISATION_NOT_FOUND on parentId', async () => {
    const r = await changesNothing(() => as(CREATE_ORGANISATION, { input: { parentId: t.nodes.deptB, kind: 'UNIT', name: '越界单位' } }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'parentId' });
  });

  it('cannot moveOrganisation unitB1 into deptA → ORGANISATION_NOT_FOUND on id', async () => {
    const r = await changesNothing(() => as(MOVE_ORGANISATION, { input: { id: t.nodes.unitB1, newParentId: t.nodes.deptA } }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'id' });
  });

  it('cannot moveOrganisation its own unitA1 under deptB → ORGANISATION_NOT_FOUND on newParentId', async () => {
    const r = await changesNothing(() => as(MOVE_ORGANISATION, { input: { id: t.nodes.unitA1, newParentId: t.nodes.deptB } }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'newParentId' });
  });

  it('cannot renameOrganisation unitB1 → ORGANISATION_NOT_FOUND on id', async () => {
    const r = await changesNothing(() => as(RENAME_ORGANISATION, { input: { id: t.nodes.unitB1, name: '越界改名' } }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'id' });
  });

  it('cannot createOfficialAccount for unitB1 → ORGANISATION_NOT_FOUND on orgNodeId', async () => {
    const input = { username: 'unit-b1-x', displayName: '越界经办人', role: 'UNIT_OFFICIAL', orgNodeId: t.nodes.unitB1 };
    const r = await changesNothing(() => as(CREATE_OFFICIAL_ACCOUNT, { input }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'orgNodeId' });
  });

  it('organisation(id) is null for unitB1, deptB and the bureau above', async () => {
    for (const id of [t.nodes.unitB1, t.nodes.deptB, t.nodes.bureau]) {
      const r = await as(ORGANISATION, { id });
      expect(r.errors).toBeUndefined();
      expect(r.data.organisation).toBeNull();
    }
  });

  it('organisations() lists exactly deptA and its two units', async () => {
    const r = await as(ORGANISATIONS);
    expect(r.data.organisations.nodes.map((n: { id: string }) => n.id).sort()).toEqual([t.nodes.deptA, t.nodes.unitA1, t.nodes.unitA2].sort());
  });

  it('professional(id) is null for a professional of unitB1', async () => {
    const r = await as(PROFESSIONAL, { id: t.people.b1[0].id });
    expect(r.data.professional).toBeNull();
  });

  it("cannot issue an activation code for the bureau official's account → ACCOUNT_NOT_FOUND on accountId", async () => {
    const r = await changesNothing(() => as(ISSUE_ACTIVATION_CODE, { input: { accountId: t.accounts.bureau.id } }));
    expect(failure(r)).toEqual({ code: 'ACCOUNT_NOT_FOUND', field: 'accountId' });
  });
});

describe('a department official may create units and lower accounts only', () => {
  const as = (query: string, variables: object = {}) => app.gql(query, variables, t.accounts.deptA.token);

  it('createOrganisation of a DEPARTMENT, even under deptA → ORGANISATION_OUT_OF_SCOPE on kind', async () => {
    const r = await changesNothing(() => as(CREATE_ORGANISATION, { input: { parentId: t.nodes.deptA, kind: 'DEPARTMENT', name: '甲区下设部门' } }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_OUT_OF_SCOPE', field: 'kind' });
  });

  it('moveOrganisation of its own department → ORGANISATION_OUT_OF_SCOPE on id', async () => {
    const r = await changesNothing(() => as(MOVE_ORGANISATION, { input: { id: t.nodes.deptA, newParentId: t.nodes.deptA } }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_OUT_OF_SCOPE', field: 'id' });
  });

  it('createOfficialAccount of a BUREAU_OFFICIAL → ROLE_NOT_ALLOWED on role', async () => {
    const input = { username: 'fake-bureau', displayName: '冒充人社局', role: 'BUREAU_OFFICIAL', orgNodeId: t.nodes.deptA };
    const r = await changesNothing(() => as(CREATE_OFFICIAL_ACCOUNT, { input }));
    expect(failure(r)).toEqual({ code: 'ROLE_NOT_ALLOWED', field: 'role' });
  });

  it('cannot create, revoke or list API clients (bureau only) → FORBIDDEN', async () => {
    const create = await changesNothing(() => as(CREATE_API_CLIENT, { input: { name: '部门系统', scopes: ['COMPLETION_READ'] } }));
    expect(codes(create)).toEqual(['FORBIDDEN']);
    expect(create.data).toBeNull();
    const revoke = await changesNothing(() => as(REVOKE_API_CLIENT, { id: clientId }));
    expect(codes(revoke)).toEqual(['FORBIDDEN']);
    expect(codes(await as(API_CLIENTS))).toEqual(['FORBIDDEN']);
  });

  // accounts.service.ts: "an official may reset accounts below their own role only"
  it('cannot reset (issue an activation code for) a fellow department official → ROLE_NOT_ALLOWED on accountId', async () => {
    // with a code for the peer's username, the caller could set the peer's password and sign in as them
    const before = await tenantSnapshot(app, t.tenantId);
    const r = await as(ISSUE_ACTIVATION_CODE, { input: { accountId: deptAPeerId } });
    expect(r.data?.issueActivationCode?.activationCode).toBeUndefined();
    expect(failure(r)).toEqual({ code: 'ROLE_NOT_ALLOWED', field: 'accountId' });
    expect(await tenantSnapshot(app, t.tenantId)).toEqual(before);
  });
});

describe('a professional (personA1) facing another professional', () => {
  const as = (query: string, variables: object = {}) => app.gql(query, variables, t.accounts.personA1.token);
  const self = () => t.people.a1[0];

  it('professional(id) is null for a colleague in the same unit and for someone elsewhere', async () => {
    for (const id of [t.people.a1[1].id, t.people.a2[0].id, t.people.b1[0].id]) {
      const r = await as(PROFESSIONAL, { id });
      expect(r.errors).toBeUndefined();
      expect(r.data.professional).toBeNull();
    }
  });

  it('professional(id) of themself returns their own full record', async () => {
    const r = await as(PROFESSIONAL, { id: self().id });
    expect(r.data.professional).toMatchObject({ id: self().id, idNumber: self().idNumber, name: self().name });
  });

  it('the list shows only themself (totalCount 1), whatever the filter', async () => {
    const all = await as(PROFESSIONALS);
    expect(all.data.professionals).toEqual({ totalCount: 1, nodes: [{ id: self().id, idNumber: self().idNumber, unitId: t.nodes.unitA1 }] });
    const colleague = await as(PROFESSIONALS, { filter: { idNumber: t.people.a1[1].idNumber } });
    expect(colleague.data.professionals).toEqual({ totalCount: 0, nodes: [] });
  });

  it('organisations() shows only their own unit; the department is hidden', async () => {
    const r = await as(ORGANISATIONS);
    expect(r.data.organisations.nodes.map((n: { id: string }) => n.id)).toEqual([t.nodes.unitA1]);
    expect((await as(ORGANISATION, { id: t.nodes.deptA })).data.organisation).toBeNull();
  });

  it('me is themself', async () => {
    const r = await as(ME);
    expect(r.data.me).toMatchObject({ kind: 'ACCOUNT', role: 'PROFESSIONAL', organisation: { id: t.nodes.unitA1 }, professional: { id: self().id } });
  });

  it('accounts and apiClients → FORBIDDEN', async () => {
    expect(codes(await as(ACCOUNTS))).toEqual(['FORBIDDEN']);
    expect(codes(await as(API_CLIENTS))).toEqual(['FORBIDDEN']);
  });

  const officialMutations: [string, () => [string, object]][] = [
    ['createOrganisation', () => [CREATE_ORGANISATION, { input: { parentId: t.nodes.unitA1, kind: 'UNIT', name: '个人新建单位' } }]],
    ['renameOrganisation (own unit)', () => [RENAME_ORGANISATION, { input: { id: t.nodes.unitA1, name: '个人改名' } }]],
    ['moveOrganisation (own unit)', () => [MOVE_ORGANISATION, { input: { id: t.nodes.unitA1, newParentId: t.nodes.deptB } }]],
    ['createProfessional (own unit)', () => [CREATE_PROFESSIONAL, { input: newPerson(t.nodes.unitA1) }]],
    ['updateProfessional (a colleague)', () => [UPDATE_PROFESSIONAL, { input: { id: t.people.a1[1].id, version: 1, name: '同事改名' } }]],
    ['updateProfessional (themself)', () => [UPDATE_PROFESSIONAL, { input: { id: self().id, version: 1, titleLevel: 'SENIOR' } }]],
    ['transferProfessional (themself)', () => [TRANSFER_PROFESSIONAL, { input: { id: self().id, unitId: t.nodes.unitA2, joinedUnitOn: '2024-01-02' } }]],
    [
      'createOfficialAccount',
      () => [CREATE_OFFICIAL_ACCOUNT, { input: { username: 'self-made', displayName: '自封', role: 'UNIT_OFFICIAL', orgNodeId: t.nodes.unitA1 } }],
    ],
    ['issueActivationCode (a colleague)', () => [ISSUE_ACTIVATION_CODE, { input: { professionalId: t.people.a1[1].id } }]],
    ['issueActivationCode (own account)', () => [ISSUE_ACTIVATION_CODE, { input: { accountId: t.accounts.personA1.id } }]],
    ['createApiClient', () => [CREATE_API_CLIENT, { input: { name: '个人系统', scopes: ['COMPLETION_READ'] } }]],
    ['revokeApiClient', () => [REVOKE_API_CLIENT, { id: clientId }]],
  ];
  it.each(officialMutations)('%s → FORBIDDEN, nothing changed', async (_name, op) => {
    const [query, variables] = op();
    const r = await changesNothing(() => as(query, variables));
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data).toBeNull();
  });
});

describe('lists and their totalCount follow each role’s scope', () => {
  type Role = 'bureau' | 'deptA' | 'unitA1' | 'personA1';
  const pages = (query: string, field: string, role: Role) => async (first: number, after: string | null): Promise<PageResult> => {
    const r = await app.gql(query, { first, after }, t.accounts[role].token);
    expect(r.errors).toBeUndefined();
    return r.data[field];
  };
  const sorted = (ids: string[]) => [...ids].sort();
  const people = (...units: ('a1' | 'a2' | 'b1')[]) => sorted(units.flatMap((u) => t.people[u].map((p) => p.id)));

  it.each<[Role, () => string[]]>([
    ['bureau', () => people('a1', 'a2', 'b1')],
    ['deptA', () => people('a1', 'a2')],
    ['unitA1', () => people('a1')],
    ['personA1', () => [t.people.a1[0].id]],
  ])('professionals as %s', async (role, expected) => {
    expect(sorted(await expectConsistentPaging(pages(PROFESSIONALS_PAGE, 'professionals', role)))).toEqual(expected());
  });

  it.each<[Role, () => string[]]>([
    ['bureau', () => Object.values(t.nodes)],
    ['deptA', () => [t.nodes.deptA, t.nodes.unitA1, t.nodes.unitA2]],
    ['unitA1', () => [t.nodes.unitA1]],
    ['personA1', () => [t.nodes.unitA1]],
  ])('organisations as %s', async (role, expected) => {
    expect(sorted(await expectConsistentPaging(pages(ORGANISATIONS_PAGE, 'organisations', role)))).toEqual(sorted(expected()));
  });

  it.each<[Role, () => string[]]>([
    ['bureau', () => [...Object.values(t.accounts).map((a) => a.id), deptAPeerId, a2AccountId]],
    ['deptA', () => [t.accounts.deptA.id, t.accounts.unitA1.id, t.accounts.personA1.id, deptAPeerId, a2AccountId]],
    ['unitA1', () => [t.accounts.unitA1.id, t.accounts.personA1.id]],
  ])('accounts as %s', async (role, expected) => {
    expect(sorted(await expectConsistentPaging(pages(ACCOUNTS_PAGE, 'accounts', role)))).toEqual(sorted(expected()));
  });

  it('apiClients as the bureau', async () => {
    expect(await expectConsistentPaging(pages(API_CLIENTS_PAGE, 'apiClients', 'bureau'))).toEqual([clientId]);
  });
});

describe('node(id) applies the same rules as each type’s own query', () => {
  const nodeAs = async (role: 'bureau' | 'deptA' | 'unitA1' | 'personA1', id: string) => {
    const r = await app.gql(NODE, { id }, t.accounts[role].token);
    expect(r.errors).toBeUndefined();
    return r.data.node as { __typename: string; id: string } | null;
  };

  it('a unit official gets their own people, unit and accounts, and null for anything of unitA2 or above', async () => {
    expect(await nodeAs('unitA1', t.people.a1[0].id)).toMatchObject({ __typename: 'Professional', idNumber: t.people.a1[0].idNumber });
    expect(await nodeAs('unitA1', t.nodes.unitA1)).toMatchObject({ __typename: 'Organisation' });
    expect(await nodeAs('unitA1', t.accounts.personA1.id)).toMatchObject({ __typename: 'Account' });
    for (const id of [t.people.a2[0].id, t.nodes.unitA2, t.nodes.deptA, a2AccountId, t.accounts.deptA.id, clientId]) {
      expect(await nodeAs('unitA1', id)).toBeNull();
    }
  });

  it('a department official gets a peer’s account, and null for deptB’s people or the bureau’s account', async () => {
    expect(await nodeAs('deptA', deptAPeerId)).toMatchObject({ __typename: 'Account', id: deptAPeerId });
    expect(await nodeAs('deptA', t.people.a2[2].id)).toMatchObject({ __typename: 'Professional' });
    for (const id of [t.people.b1[0].id, t.nodes.unitB1, t.accounts.bureau.id, clientId]) {
      expect(await nodeAs('deptA', id)).toBeNull();
    }
  });

  it('a professional gets themself and their unit; null for colleagues, the department, any account (their own too) and API clients', async () => {
    expect(await nodeAs('personA1', t.people.a1[0].id)).toMatchObject({ __typename: 'Professional', id: t.people.a1[0].id });
    expect(await nodeAs('personA1', t.nodes.unitA1)).toMatchObject({ __typename: 'Organisation', id: t.nodes.unitA1 });
    for (const id of [t.people.a1[1].id, t.nodes.deptA, t.accounts.personA1.id, t.accounts.unitA1.id, clientId]) {
      expect(await nodeAs('personA1', id)).toBeNull();
    }
  });

  it('the bureau gets the API client', async () => {
    expect(await nodeAs('bureau', clientId)).toMatchObject({ __typename: 'ApiClient', id: clientId, name: '职称评审系统' });
  });
});

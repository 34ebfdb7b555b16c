// The tenant wall: an official of tenant A who holds tenant B's real IDs gets
// nothing back and changes nothing, through every query and mutation; and
// underneath the API, the runtime database role itself sees and writes only
// the tenant set on its transaction.
import type { EntityManager } from 'typeorm';
import { changedRows } from '../../server/platform/sql';
import { codes, GqlResult, startTestApp, TestApp } from '../support/harness';
import { createTenantFixture, TenantFixture } from '../support/fixtures';
import { asRuntimeRole, pgError } from '../support/runtime-role';
import {
  ACCOUNTS,
  ACTIVATE,
  API_CLIENTS,
  CREATE_API_CLIENT,
  CREATE_OFFICIAL_ACCOUNT,
  CREATE_ORGANISATION,
  CREATE_PROFESSIONAL,
  CREATE_TENANT,
  failure,
  ISSUE_ACTIVATION_CODE,
  ME,
  MOVE_ORGANISATION,
  newIdNumber,
  NODE,
  ORGANISATION,
  ORGANISATIONS,
  PROFESSIONAL,
  PROFESSIONALS,
  RENAME_ORGANISATION,
  REVOKE_API_CLIENT,
  SIGN_IN,
  TENANTS,
  tenantSnapshot,
  TRANSFER_PROFESSIONAL,
  UPDATE_PROFESSIONAL,
} from '../support/queries';

const TENANT_TABLES = ['org_node', 'professional', 'account', 'activation_code', 'api_client', 'audit_log'] as const;

let app: TestApp;
let A: TenantFixture;
let B: TenantFixture;
/** B's API client, B's pending professional account (with a live activation code). */
let bClientId: string;
let bApiKey: string;
let bPendingAccountId: string;
/** A's API key, and an activation code A issued for one of A's people. */
let aApiKey: string;
let aClientId: string;
let aCode: { idNumber: string; code: string };
/** B as the set-up leaves it: some tests below write to B (a sign-in adds an audit row). */
let bAtSetUp: Awaited<ReturnType<typeof tenantSnapshot>>;

beforeAll(async () => {
  app = await startTestApp();
  [A, B] = await Promise.all([createTenantFixture(app, 'isoa'), createTenantFixture(app, 'isob')]);

  const bClient = await app.gql(CREATE_API_CLIENT, { input: { name: '乙市职称评审系统', scopes: ['COMPLETION_READ'] } }, B.accounts.bureau.token);
  bClientId = bClient.data.createApiClient.client.id;
  bApiKey = bClient.data.createApiClient.apiKey;
  const bIssued = await app.gql(ISSUE_ACTIVATION_CODE, { input: { professionalId: B.people.b1[0].id } }, B.accounts.bureau.token);
  bPendingAccountId = bIssued.data.issueActivationCode.account.id;

  const aClient = await app.gql(CREATE_API_CLIENT, { input: { name: '甲市职称评审系统', scopes: ['COMPLETION_READ'] } }, A.accounts.bureau.token);
  aApiKey = aClient.data.createApiClient.apiKey;
  aClientId = aClient.data.createApiClient.client.id;
  const aIssued = await app.gql(ISSUE_ACTIVATION_CODE, { input: { professionalId: A.people.a1[1].id } }, A.accounts.bureau.token);
  aCode = { idNumber: A.people.a1[1].idNumber, code: aIssued.data.issueActivationCode.activationCode };
  bAtSetUp = await tenantSnapshot(app, B.tenantId);
});
afterAll(() => app.close());

/** Runs a request and checks that neither tenant's rows changed. */
async function changesNothing(request: () => Promise<GqlResult>): Promise<GqlResult> {
  const before = await Promise.all([tenantSnapshot(app, A.tenantId), tenantSnapshot(app, B.tenantId)]);
  const result = await request();
  const after = await Promise.all([tenantSnapshot(app, A.tenantId), tenantSnapshot(app, B.tenantId)]);
  expect(after[1]).toEqual(before[1]);
  expect(after[0]).toEqual(before[0]);
  return result;
}

const asA = (query: string, variables: object = {}) => app.gql(query, variables, A.accounts.bureau.token);
const bNodeIds = () => Object.values(B.nodes);
const bPeople = () => [...B.people.a1, ...B.people.a2, ...B.people.b1];

describe('the test set-up', () => {
  it('gives B real data of every kind (so that "nothing" below means hidden, not absent)', async () => {
    const b = bAtSetUp;
    expect(b.orgNodes).toHaveLength(6);
    expect(b.professionals).toHaveLength(9);
    expect(b.accounts).toHaveLength(5);
    expect(b.activationCodes).toHaveLength(1);
    expect(b.apiClients).toHaveLength(1);
    expect(b.audit.n).toBe(2);
  });
});

describe("queries: tenant A's bureau official asking for tenant B's records", () => {
  it("organisation(id) is null for each of B's organisation nodes", async () => {
    for (const id of bNodeIds()) {
      const r = await asA(ORGANISATION, { id });
      expect(r.errors).toBeUndefined();
      expect(r.data.organisation).toBeNull();
    }
  });

  it("organisations(under: B's node) is ORGANISATION_NOT_FOUND on `under`", async () => {
    const r = await asA(ORGANISATIONS, { under: B.nodes.bureau });
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'under' });
    expect(r.data).toBeNull();
  });

  it("organisations() lists exactly A's six nodes, none of B's", async () => {
    const r = await asA(ORGANISATIONS);
    expect(r.data.organisations.nodes.map((n: { id: string }) => n.id).sort()).toEqual(Object.values(A.nodes).sort());
  });

  it("professional(id) is null for each of B's professionals", async () => {
    for (const p of bPeople()) {
      const r = await asA(PROFESSIONAL, { id: p.id });
      expect(r.errors).toBeUndefined();
      expect(r.data.professional).toBeNull();
    }
  });

  it("professionals filtered by B's unit or organisation is ORGANISATION_NOT_FOUND on the filter field", async () => {
    expect(failure(await asA(PROFESSIONALS, { filter: { unitId: B.nodes.unitB1 } }))).toEqual({
      code: 'ORGANISATION_NOT_FOUND',
      field: 'filter.unitId',
    });
    expect(failure(await asA(PROFESSIONALS, { filter: { orgId: B.nodes.deptB } }))).toEqual({
      code: 'ORGANISATION_NOT_FOUND',
      field: 'filter.orgId',
    });
  });

  it("professionals filtered by a B professional's ID number finds no one (totalCount 0)", async () => {
    const r = await asA(PROFESSIONALS, { filter: { idNumber: B.people.b1[0].idNumber } });
    expect(r.errors).toBeUndefined();
    expect(r.data.professionals).toEqual({ totalCount: 0, nodes: [] });
  });

  it("professionals() lists exactly A's nine people, none of B's", async () => {
    const r = await asA(PROFESSIONALS);
    expect(r.data.professionals.totalCount).toBe(9);
    expect(r.data.professionals.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [...A.people.a1, ...A.people.a2, ...A.people.b1].map((p) => p.id).sort(),
    );
  });

  it("accounts lists only A's accounts", async () => {
    const r = await asA(ACCOUNTS);
    const ids: string[] = r.data.accounts.nodes.map((n: { id: string }) => n.id);
    const aAccounts = (await tenantSnapshot(app, A.tenantId)).accounts.map((a: { id: string }) => a.id);
    expect(ids.sort()).toEqual([...aAccounts].sort());
    const bAccounts = [...Object.values(B.accounts).map((a) => a.id), bPendingAccountId];
    expect(ids.filter((id) => bAccounts.includes(id))).toEqual([]);
  });

  it("apiClients lists only A's client, not B's", async () => {
    const r = await asA(API_CLIENTS);
    expect(r.data.apiClients.nodes.map((n: { id: string }) => n.id)).toEqual([aClientId]);
  });

  it("node(id) is null for every one of B's records, of each type, like an id that does not exist", async () => {
    const bAccounts = [...Object.values(B.accounts).map((a) => a.id), bPendingAccountId];
    for (const id of [...bNodeIds(), ...bPeople().map((p) => p.id), ...bAccounts, bClientId, '00000000-0000-4000-8000-000000000000']) {
      const r = await asA(NODE, { id });
      expect({ id, errors: r.errors, node: r.data.node }).toEqual({ id, errors: undefined, node: null });
    }
  });

  it('tenants (the operator list of every tenant) is FORBIDDEN', async () => {
    const r = await asA(TENANTS);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data).toBeNull();
  });

  it("me shows tenant A, A's bureau node and no professional", async () => {
    const r = await asA(ME);
    expect(r.data.me).toMatchObject({ kind: 'ACCOUNT', role: 'BUREAU_OFFICIAL', tenant: { id: A.tenantId, code: A.code } });
    expect(r.data.me.organisation).toEqual({ id: A.nodes.bureau });
    expect(r.data.me.professional).toBeNull();
  });
});

describe("mutations: tenant A's bureau official using tenant B's IDs is refused and changes nothing in either tenant", () => {
  it("createOrganisation under B's bureau or department → ORGANISATION_NOT_FOUND on parentId", async () => {
    for (const [parentId, kind] of [
      [B.nodes.bureau, 'DEPARTMENT'],
      [B.nodes.deptB, 'UNIT'],
    ]) {
      const r = await changesNothing(() => asA(CREATE_ORGANISATION, { input: { parentId, kind, name: '越界新建单位' } }));
      expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'parentId' });
    }
  });

  it("renameOrganisation of B's unit → ORGANISATION_NOT_FOUND on id", async () => {
    const r = await changesNothing(() => asA(RENAME_ORGANISATION, { input: { id: B.nodes.unitB1, name: '被篡改的名称' } }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'id' });
  });

  it("moveOrganisation of B's unit under A's department → ORGANISATION_NOT_FOUND on id", async () => {
    const r = await changesNothing(() => asA(MOVE_ORGANISATION, { input: { id: B.nodes.unitB1, newParentId: A.nodes.deptA } }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'id' });
  });

  it("moveOrganisation of A's unit under B's department → ORGANISATION_NOT_FOUND on newParentId", async () => {
    const r = await changesNothing(() => asA(MOVE_ORGANISATION, { input: { id: A.nodes.unitA1, newParentId: B.nodes.deptB } }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'newParentId' });
  });

  it("createProfessional into B's unit → ORGANISATION_NOT_FOUND on unitId", async () => {
    const input = {
      idNumber: newIdNumber(),
      name: '越界登记',
      unitId: B.nodes.unitB1,
      titleLevel: 'JUNIOR',
      titleSeries: 'HEALTH',
      joinedUnitOn: '2020-01-01',
    };
    const r = await changesNothing(() => asA(CREATE_PROFESSIONAL, { input }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'unitId' });
  });

  it("updateProfessional of B's professional → PROFESSIONAL_NOT_FOUND on id", async () => {
    const r = await changesNothing(() =>
      asA(UPDATE_PROFESSIONAL, { input: { id: B.people.b1[1].id, version: 1, name: '被篡改', titleLevel: 'SENIOR' } }),
    );
    expect(failure(r)).toEqual({ code: 'PROFESSIONAL_NOT_FOUND', field: 'id' });
  });

  it("transferProfessional of B's professional into A's unit → PROFESSIONAL_NOT_FOUND on id", async () => {
    const r = await changesNothing(() =>
      asA(TRANSFER_PROFESSIONAL, { input: { id: B.people.b1[1].id, unitId: A.nodes.unitA1, joinedUnitOn: '2024-03-01' } }),
    );
    expect(failure(r)).toEqual({ code: 'PROFESSIONAL_NOT_FOUND', field: 'id' });
  });

  it("transferProfessional of A's professional into B's unit → ORGANISATION_NOT_FOUND on unitId", async () => {
    const r = await changesNothing(() =>
      asA(TRANSFER_PROFESSIONAL, { input: { id: A.people.a1[2].id, unitId: B.nodes.unitB1, joinedUnitOn: '2024-03-01' } }),
    );
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'unitId' });
  });

  it("createOfficialAccount at B's unit → ORGANISATION_NOT_FOUND on orgNodeId", async () => {
    const input = { username: 'intruder', displayName: '越界经办人', role: 'UNIT_OFFICIAL', orgNodeId: B.nodes.unitB1 };
    const r = await changesNothing(() => asA(CREATE_OFFICIAL_ACCOUNT, { input }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'orgNodeId' });
  });

  it("issueActivationCode for B's professional → PROFESSIONAL_NOT_FOUND on professionalId", async () => {
    const r = await changesNothing(() => asA(ISSUE_ACTIVATION_CODE, { input: { professionalId: B.people.b1[2].id } }));
    expect(failure(r)).toEqual({ code: 'PROFESSIONAL_NOT_FOUND', field: 'professionalId' });
  });

  it("issueActivationCode for B's accounts (official and pending professional) → ACCOUNT_NOT_FOUND on accountId", async () => {
    for (const accountId of [B.accounts.bureau.id, B.accounts.unitA1.id, bPendingAccountId]) {
      const r = await changesNothing(() => asA(ISSUE_ACTIVATION_CODE, { input: { accountId } }));
      expect(failure(r)).toEqual({ code: 'ACCOUNT_NOT_FOUND', field: 'accountId' });
    }
  });

  it("revokeApiClient of B's client → API_CLIENT_NOT_FOUND on id (B's key still works)", async () => {
    const r = await changesNothing(() => asA(REVOKE_API_CLIENT, { id: bClientId }));
    expect(failure(r)).toEqual({ code: 'API_CLIENT_NOT_FOUND', field: 'id' });
    const me = await app.gql(ME, {}, { apiKey: bApiKey });
    expect(me.data.me).toMatchObject({ kind: 'API_CLIENT', tenant: { id: B.tenantId } });
  });

  it("createApiClient creates the client in A only", async () => {
    // a fresh tenant plays A here, so that A's clients stay as the list tests above expect them
    const ownA = await createTenantFixture(app, 'isoc');
    const bBefore = await tenantSnapshot(app, B.tenantId);
    const r = await app.gql(CREATE_API_CLIENT, { input: { name: '甲市人事系统', scopes: ['COMPLETION_READ'] } }, ownA.accounts.bureau.token);
    const id = r.data.createApiClient.client.id;
    const rows = await app.owner.query(`SELECT tenant_id FROM api_client WHERE id = $1`, [id]);
    expect(rows).toEqual([{ tenant_id: ownA.tenantId }]);
    expect(await tenantSnapshot(app, B.tenantId)).toEqual(bBefore);
  });

  it("signIn to tenant B with A's username and password → INVALID_CREDENTIALS", async () => {
    const input = { tenantCode: B.code, username: A.accounts.bureau.username, password: A.accounts.bureau.password };
    const r = await changesNothing(() => app.gql(SIGN_IN, { input }));
    expect(failure(r)).toEqual({ code: 'INVALID_CREDENTIALS', field: 'password' });
  });

  it("signIn to tenant B while still sending A's token signs in to B's account (looked up in B, never in A)", async () => {
    const b = B.accounts.deptA;
    const aBefore = await tenantSnapshot(app, A.tenantId);
    const r = await app.gql(SIGN_IN, { input: { tenantCode: B.code, username: b.username, password: b.password } }, A.accounts.bureau.token);
    expect(r.errors).toBeUndefined();
    expect(r.data.signIn.account).toMatchObject({ id: b.id, role: 'DEPARTMENT_OFFICIAL' });
    const me = await app.gql(ME, {}, r.data.signIn.token);
    expect(me.data.me.tenant).toEqual({ id: B.tenantId, code: B.code });
    expect(await tenantSnapshot(app, A.tenantId)).toEqual(aBefore);
  });

  it("activateAccount in tenant B with a code A issued → ACTIVATION_CODE_INVALID (for A's person and for B's pending person)", async () => {
    for (const username of [aCode.idNumber, B.people.b1[0].idNumber]) {
      const input = { tenantCode: B.code, username, activationCode: aCode.code, newPassword: 'Abcdefgh12345' };
      const r = await changesNothing(() => app.gql(ACTIVATE, { input }));
      expect(failure(r)).toEqual({ code: 'ACTIVATION_CODE_INVALID', field: 'activationCode' });
    }
  });

  it("createProfessional in A with an ID number B has registered succeeds in A (uniqueness is per tenant, so B's record is not revealed) and leaves B untouched", async () => {
    // a fresh tenant plays A here, so that A's people stay as the list tests above expect them
    const ownA = await createTenantFixture(app, 'isoc');
    const bBefore = await tenantSnapshot(app, B.tenantId);
    const shared = B.people.b1[2];
    const input = { idNumber: shared.idNumber, name: shared.name, unitId: ownA.nodes.unitA2, titleLevel: 'JUNIOR', titleSeries: 'HEALTH', joinedUnitOn: '2023-02-01' };
    const r = await app.gql(CREATE_PROFESSIONAL, { input }, ownA.accounts.bureau.token);
    expect(r.errors).toBeUndefined();
    expect(r.data.createProfessional).toMatchObject({ idNumber: shared.idNumber, unitId: ownA.nodes.unitA2, version: 1 });
    expect(r.data.createProfessional.id).not.toBe(shared.id);
    expect(await tenantSnapshot(app, B.tenantId)).toEqual(bBefore);
  });

  it('createTenant (operators only) is FORBIDDEN', async () => {
    const r = await changesNothing(() => asA(CREATE_TENANT, { input: { code: 'hijack', name: '劫持', bureauName: '劫持局' } }));
    expect(codes(r)).toEqual(['FORBIDDEN']);
    const rows = await app.owner.query(`SELECT id FROM tenant WHERE code = 'hijack'`);
    expect(rows).toEqual([]);
  });
});

describe('credentials are bound to their tenant', () => {
  it("a token carrying A's account but B's tenant claim is refused as UNAUTHENTICATED", async () => {
    const { token } = await app.server.tokens.issue({ sub: A.accounts.bureau.id, kind: 'account', tid: B.tenantId });
    const r = await app.gql(ME, {}, token);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.data ?? null).toBeNull();
  });

  it("an API key of tenant A sees tenant A, and only A, through me", async () => {
    const r = await app.gql(ME, {}, { apiKey: aApiKey });
    expect(r.errors).toBeUndefined();
    expect(r.data.me).toEqual({
      kind: 'API_CLIENT',
      label: 'api:甲市职称评审系统',
      role: null,
      scopes: ['COMPLETION_READ'],
      tenant: { id: A.tenantId, code: A.code },
      organisation: null,
      professional: null,
    });
  });

  it("node(id) with an API key is FORBIDDEN whatever the id (A's, B's or none), so it tells nothing about ids", async () => {
    for (const id of [A.people.a1[0].id, B.people.b1[0].id, A.nodes.bureau, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect(codes(await app.gql(NODE, { id }, { apiKey: aApiKey }))).toEqual(['FORBIDDEN']);
    }
  });

  it("an API key of tenant A cannot read B's professional (nor A's: it is not an account)", async () => {
    for (const id of [B.people.b1[0].id, A.people.a1[0].id]) {
      const r = await app.gql(PROFESSIONAL, { id }, { apiKey: aApiKey });
      expect(codes(r)).toEqual(['FORBIDDEN']);
    }
  });
});

// ---------------------------------------------------------------------------
// Below the API: the runtime role and row-level security.

const withTenant = <T>(tenantId: string | null, work: (em: EntityManager) => Promise<T>): Promise<T> => asRuntimeRole(app.runtime, tenantId, work);

describe('row-level security on the runtime role', () => {
  it.each([...TENANT_TABLES, 'tenant'])('with no tenant set, SELECT from %s returns no rows', async (table) => {
    const [{ n }] = await app.runtime.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(n).toBe(0);
    // also inside a transaction where the setting exists but is empty
    const rows = await withTenant(null, async (em) => {
      await em.query(`SELECT set_config('app.tenant_id', '', true)`);
      return em.query(`SELECT count(*)::int AS n FROM ${table}`);
    });
    expect(rows[0].n).toBe(0);
  });

  it.each(TENANT_TABLES)("with A's tenant set, SELECT from %s returns exactly A's rows", async (table) => {
    const [{ n: ownerCount }] = await app.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [A.tenantId]);
    expect(ownerCount).toBeGreaterThan(0);
    const rows = await withTenant(A.tenantId, (em) =>
      em.query(`SELECT tenant_id::text, count(*)::int AS n FROM ${table} GROUP BY tenant_id`),
    );
    expect(rows).toEqual([{ tenant_id: A.tenantId, n: ownerCount }]);
  });

  it("with A's tenant set, the tenant table shows only tenant A", async () => {
    const rows = await withTenant(A.tenantId, (em) => em.query(`SELECT id::text FROM tenant`));
    expect(rows).toEqual([{ id: A.tenantId }]);
  });

  it("with A's tenant set, INSERT of a row carrying B's tenant_id violates the row-level security policy", async () => {
    const attempts = [
      [`INSERT INTO api_client (tenant_id, name, key_id, secret_hash, scopes) VALUES ($1, 'x', 'rlsprobe' || gen_random_uuid(), 'h', '{}')`, [B.tenantId]],
      [`INSERT INTO audit_log (tenant_id, actor_kind, action, entity_type, entity_id) VALUES ($1, 'SYSTEM', 'forged', 'x', 'x')`, [B.tenantId]],
      [
        `INSERT INTO account (tenant_id, username, display_name, role, org_node_id) VALUES ($1, 'rls-probe', 'x', 'UNIT_OFFICIAL', $2)`,
        [B.tenantId, B.nodes.unitB1],
      ],
      [
        `INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, joined_unit_on)
         VALUES ($1, $2, '探针', 'MALE', '1985-06-12', $3, '/x/', 'JUNIOR', 'HEALTH', '2020-01-01')`,
        [B.tenantId, newIdNumber(), B.nodes.unitB1],
      ],
    ] as const;
    const before = await tenantSnapshot(app, B.tenantId);
    for (const [sql, params] of attempts) {
      const e = await pgError(withTenant(A.tenantId, (em) => em.query(sql, [...params])));
      expect(e.code).toBe('42501');
      expect(e.message).toMatch(/row-level security/);
    }
    expect(await tenantSnapshot(app, B.tenantId)).toEqual(before);
  });

  it("with A's tenant set, moving A's row to tenant B violates the policy, and UPDATE of B's rows touches nothing", async () => {
    const e = await pgError(
      withTenant(A.tenantId, (em) => em.query(`UPDATE api_client SET tenant_id = $1 WHERE id = $2`, [B.tenantId, aClientId])),
    );
    expect(e.code).toBe('42501');
    expect(e.message).toMatch(/row-level security/);

    const before = await tenantSnapshot(app, B.tenantId);
    const touched = await withTenant(A.tenantId, async (em) => ({
      professional: await changedRows(em, `UPDATE professional SET name = '篡改' WHERE tenant_id = $1 RETURNING id`, [B.tenantId]),
      apiClient: await changedRows(em, `UPDATE api_client SET revoked_at = now() WHERE id = $1 RETURNING id`, [bClientId]),
      tenant: await changedRows(em, `UPDATE tenant SET name = '篡改' WHERE id = $1 RETURNING id`, [B.tenantId]),
    }));
    expect(touched).toEqual({ professional: [], apiClient: [], tenant: [] });
    expect(await tenantSnapshot(app, B.tenantId)).toEqual(before);
  });

  it("cannot UPDATE or DELETE audit_log rows, even its own tenant's (permission denied)", async () => {
    const [{ n }] = await app.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1`, [A.tenantId]);
    expect(n).toBeGreaterThan(0);
    const update = await pgError(withTenant(A.tenantId, (em) => em.query(`UPDATE audit_log SET action = 'tampered'`)));
    expect(update.code).toBe('42501');
    expect(update.message).toMatch(/permission denied/);
    const del = await pgError(withTenant(A.tenantId, (em) => em.query(`DELETE FROM audit_log`)));
    expect(del.code).toBe('42501');
    expect(del.message).toMatch(/permission denied/);
    const [{ n: after }] = await app.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action <> 'tampered'`, [A.tenantId]);
    expect(after).toBe(n);
  });

  it('cannot read platform operators (their password hashes) unless the transaction is marked as an operator one', async () => {
    const [probe] = await app.owner.query(
      `INSERT INTO platform_operator (username, password_hash) VALUES ('iso-probe-' || substr(md5(random()::text), 1, 8), 'x') RETURNING id`,
    );
    try {
      const [{ n: plain }] = await app.runtime.query(`SELECT count(*)::int AS n FROM platform_operator`);
      const [{ n: asTenant }] = await withTenant(A.tenantId, (em) => em.query(`SELECT count(*)::int AS n FROM platform_operator`));
      expect({ plain, asTenant }).toEqual({ plain: 0, asTenant: 0 });
    } finally {
      await app.owner.query(`DELETE FROM platform_operator WHERE id = $1`, [probe.id]);
    }
  });

  it('does not own the tables, is not a member of their owner, and cannot bypass row-level security', async () => {
    const tables = [...TENANT_TABLES, 'tenant'];
    const owners = await app.runtime.query(
      `SELECT tablename, tableowner, tableowner = current_user AS mine, pg_has_role(current_user, tableowner, 'MEMBER') AS member,
              c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
         FROM pg_tables t JOIN pg_class c ON c.oid = (quote_ident(t.schemaname) || '.' || quote_ident(t.tablename))::regclass
        WHERE schemaname = 'public' AND tablename = ANY($1) ORDER BY tablename`,
      [tables],
    );
    expect(owners.map((r: { tablename: string }) => r.tablename)).toEqual([...tables].sort());
    for (const row of owners) expect({ table: row.tablename, mine: row.mine, member: row.member, rls: row.rls, forced: row.forced }).toEqual({
      table: row.tablename,
      mine: false,
      member: false,
      rls: true,
      forced: true,
    });
    const [me] = await app.runtime.query(
      `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(me).toMatchObject({ rolsuper: false, rolbypassrls: false });
    const bypassing = await app.runtime.query(
      `SELECT rolname FROM pg_roles WHERE (rolbypassrls OR rolsuper) AND pg_has_role(current_user, oid, 'MEMBER')`,
    );
    expect(bypassing).toEqual([]);
  });
});

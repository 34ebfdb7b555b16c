// The audit trail: every write that succeeds leaves exactly one audit row
// naming who did it, what, to which record, with before/after where a record
// changed; a write that fails leaves no row and no change; and the trail
// never holds a full ID number.
import { maskIdNumber } from '../../server/platform/id-number';
import { GqlResult, startTestApp, TestApp } from '../support/harness';
import { AuditRow, createTenantFixture, TenantFixture } from '../support/fixtures';
import {
  ACTIVATE,
  CREATE_API_CLIENT,
  CREATE_OFFICIAL_ACCOUNT,
  CREATE_ORGANISATION,
  CREATE_PROFESSIONAL,
  failure,
  ISSUE_ACTIVATION_CODE,
  lastAuditId,
  auditRowsAfter,
  MOVE_ORGANISATION,
  newIdNumber,
  PROFESSIONAL,
  RENAME_ORGANISATION,
  REVOKE_API_CLIENT,
  SIGN_IN,
  tenantSnapshot,
  TRANSFER_PROFESSIONAL,
  UPDATE_PROFESSIONAL,
  withWrongCheckDigit,
} from '../support/queries';

const FULL_ID_NUMBER = /[0-9]{17}[0-9X]/;
const NEW_PASSWORD = 'Abcdefgh12345';

let app: TestApp;
let t: TenantFixture;
/** every ID number this file registers, to search the trail for afterwards */
const idNumbersUsed: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'audit');
  idNumbersUsed.push(...[...t.people.a1, ...t.people.a2, ...t.people.b1].map((p) => p.idNumber));
});
afterAll(() => app.close());

/** Runs one request and returns its result with the audit rows it wrote. */
async function audited(request: () => Promise<GqlResult>): Promise<{ r: GqlResult; rows: AuditRow[] }> {
  const mark = await lastAuditId(app, t.tenantId);
  const r = await request();
  return { r, rows: await auditRowsAfter(app, t.tenantId, mark) };
}

/** Runs a request expected to fail: it must leave no audit row and change nothing. */
async function failsCleanly(request: () => Promise<GqlResult>): Promise<GqlResult> {
  const before = await tenantSnapshot(app, t.tenantId);
  const r = await request();
  expect(r.errors?.length).toBe(1);
  expect(await tenantSnapshot(app, t.tenantId)).toEqual(before);
  return r;
}

const by = (account: keyof TenantFixture['accounts']) => (query: string, variables: object) =>
  app.gql(query, variables, t.accounts[account].token);

/** The actor columns of a row written by a signed-in account. */
function actedBy(account: keyof TenantFixture['accounts']) {
  return { actor_kind: 'ACCOUNT', actor_id: t.accounts[account].id, actor_label: `account:${t.accounts[account].username}` };
}

async function newUnit(name: string, parentId = t.nodes.deptA): Promise<{ id: string }> {
  const r = await by('bureau')(CREATE_ORGANISATION, { input: { parentId, kind: 'UNIT', name } });
  return r.data.createOrganisation;
}

function personInput(unitId: string, idNumber = newIdNumber()) {
  idNumbersUsed.push(idNumber);
  return { idNumber, name: '审计测试人', unitId, titleLevel: 'INTERMEDIATE', titleSeries: 'HEALTH', phone: '13800000000', joinedUnitOn: '2019-07-01' };
}

describe('a successful mutation writes exactly one audit row', () => {
  it('createOrganisation: organisation.create by the bureau official, with the new node as `after`', async () => {
    const { r, rows } = await audited(() =>
      by('bureau')(CREATE_ORGANISATION, { input: { parentId: t.nodes.deptA, kind: 'UNIT', name: '审计新建医院', code: 'AUD-1' } }),
    );
    const created = r.data.createOrganisation;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tenant_id: t.tenantId,
      ...actedBy('bureau'),
      action: 'organisation.create',
      entity_type: 'organisation',
      entity_id: created.id,
      before: null,
      after: { name: '审计新建医院', kind: 'UNIT', code: 'AUD-1', parentId: t.nodes.deptA, version: 1 },
    });
    expect(rows[0]?.request_id).toEqual(expect.any(String));
  });

  it('renameOrganisation: organisation.rename by the department official, old name before, new name after', async () => {
    const unit = await newUnit('审计改名前');
    const { rows } = await audited(() => by('deptA')(RENAME_ORGANISATION, { input: { id: unit.id, name: '审计改名后' } }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ...actedBy('deptA'),
      action: 'organisation.rename',
      entity_type: 'organisation',
      entity_id: unit.id,
      before: { name: '审计改名前', version: 1 },
      after: { name: '审计改名后', version: 2 },
    });
  });

  it('moveOrganisation: organisation.move, old parent before, new parent after', async () => {
    const unit = await newUnit('审计迁移单位');
    const { r, rows } = await audited(() => by('bureau')(MOVE_ORGANISATION, { input: { id: unit.id, newParentId: t.nodes.deptB } }));
    expect(r.data.moveOrganisation).toMatchObject({ id: unit.id, parentId: t.nodes.deptB });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ...actedBy('bureau'),
      action: 'organisation.move',
      entity_type: 'organisation',
      entity_id: unit.id,
      before: { parentId: t.nodes.deptA, version: 1 },
      after: { parentId: t.nodes.deptB, version: 2 },
    });
  });

  it('createProfessional: professional.create by the unit official, `after` with the ID number masked', async () => {
    const input = personInput(t.nodes.unitA1);
    const { r, rows } = await audited(() => by('unitA1')(CREATE_PROFESSIONAL, { input }));
    expect(r.errors).toBeUndefined();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ...actedBy('unitA1'),
      action: 'professional.create',
      entity_type: 'professional',
      entity_id: r.data.createProfessional.id,
      before: null,
      after: {
        idNumber: maskIdNumber(input.idNumber),
        name: '审计测试人',
        unitId: t.nodes.unitA1,
        titleLevel: 'INTERMEDIATE',
        titleSeries: 'HEALTH',
        phone: '13800000000',
        status: 'ACTIVE',
        joinedUnitOn: '2019-07-01',
        version: 1,
      },
    });
  });

  it('updateProfessional: professional.update, the changed fields and version before and after', async () => {
    const p = t.people.a1[1];
    const { rows } = await audited(() =>
      by('unitA1')(UPDATE_PROFESSIONAL, { input: { id: p.id, version: 1, name: '审计更名', titleLevel: 'DEPUTY_SENIOR' } }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ...actedBy('unitA1'),
      action: 'professional.update',
      entity_type: 'professional',
      entity_id: p.id,
      before: { name: p.name, titleLevel: 'INTERMEDIATE', version: 1, idNumber: maskIdNumber(p.idNumber) },
      after: { name: '审计更名', titleLevel: 'DEPUTY_SENIOR', version: 2, idNumber: maskIdNumber(p.idNumber) },
    });
  });

  it('transferProfessional: professional.transfer by the department official, old unit before, new unit after', async () => {
    const p = t.people.a2[2];
    const { r, rows } = await audited(() =>
      by('deptA')(TRANSFER_PROFESSIONAL, { input: { id: p.id, unitId: t.nodes.unitA1, joinedUnitOn: '2024-05-06' } }),
    );
    expect(r.errors).toBeUndefined();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ...actedBy('deptA'),
      action: 'professional.transfer',
      entity_type: 'professional',
      entity_id: p.id,
      before: { unitId: t.nodes.unitA2, version: 1 },
      after: { unitId: t.nodes.unitA1, joinedUnitOn: '2024-05-06', version: 2 },
    });
  });

  it('createOfficialAccount: account.createOfficial, the new account as the entity', async () => {
    const input = { username: 'unit-a2-clerk', displayName: '甲二经办人', role: 'UNIT_OFFICIAL', orgNodeId: t.nodes.unitA2 };
    const { r, rows } = await audited(() => by('bureau')(CREATE_OFFICIAL_ACCOUNT, { input }));
    const account = r.data.createOfficialAccount.account;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ...actedBy('bureau'),
      action: 'account.createOfficial',
      entity_type: 'account',
      entity_id: account.id,
      before: null,
      after: { username: 'unit-a2-clerk', role: 'UNIT_OFFICIAL', orgNodeId: t.nodes.unitA2 },
    });
  });

  it("issueActivationCode: account.createProfessional the first time (the account is created), account.issueActivationCode after", async () => {
    const p = t.people.a1[2];
    const first = await audited(() => by('unitA1')(ISSUE_ACTIVATION_CODE, { input: { professionalId: p.id } }));
    const accountId = first.r.data.issueActivationCode.account.id;
    expect(first.rows).toHaveLength(1);
    expect(first.rows[0]).toMatchObject({
      ...actedBy('unitA1'),
      action: 'account.createProfessional',
      entity_type: 'account',
      entity_id: accountId,
      after: { role: 'PROFESSIONAL', expiresAt: expect.any(String) },
    });
    const again = await audited(() => by('unitA1')(ISSUE_ACTIVATION_CODE, { input: { professionalId: p.id } }));
    expect(again.r.data.issueActivationCode.account.id).toBe(accountId);
    expect(again.rows).toHaveLength(1);
    expect(again.rows[0]).toMatchObject({ ...actedBy('unitA1'), action: 'account.issueActivationCode', entity_id: accountId });
  });

  it('activateAccount: account.activate, with the activated account as both actor and entity', async () => {
    const p = t.people.a2[0];
    const issued = await by('bureau')(ISSUE_ACTIVATION_CODE, { input: { professionalId: p.id } });
    const { account, activationCode } = issued.data.issueActivationCode;
    const input = { tenantCode: t.code, username: p.idNumber, activationCode, newPassword: NEW_PASSWORD };
    const { r, rows } = await audited(() => app.gql(ACTIVATE, { input }));
    expect(r.errors).toBeUndefined();
    expect(r.data.activateAccount.account).toEqual({ id: account.id, status: 'ACTIVE' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_kind: 'ACCOUNT',
      actor_id: account.id,
      actor_label: expect.stringMatching(/^account:/),
      action: 'account.activate',
      entity_type: 'account',
      entity_id: account.id,
    });
    expect(rows[0]?.actor_label).not.toMatch(FULL_ID_NUMBER);
    // and the new password works
    const signIn = await app.gql(SIGN_IN, { input: { tenantCode: t.code, username: p.idNumber, password: NEW_PASSWORD } });
    expect(signIn.data.signIn.account.id).toBe(account.id);
  });

  it('signIn: account.signIn, the official as actor and entity', async () => {
    const a = t.accounts.deptA;
    const { r, rows } = await audited(() => app.gql(SIGN_IN, { input: { tenantCode: t.code, username: a.username, password: a.password } }));
    expect(r.data.signIn.account.id).toBe(a.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ...actedBy('deptA'),
      action: 'account.signIn',
      entity_type: 'account',
      entity_id: a.id,
      before: null,
      after: null,
    });
  });

  it('signIn of a professional by ID number: account.signIn, the ID number nowhere in the row', async () => {
    const a = t.accounts.personA1;
    const { rows } = await audited(() => app.gql(SIGN_IN, { input: { tenantCode: t.code, username: a.username, password: a.password } }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_kind: 'ACCOUNT',
      actor_id: a.id,
      actor_label: expect.stringMatching(/^account:/),
      action: 'account.signIn',
      entity_id: a.id,
    });
    expect(JSON.stringify(rows[0])).not.toMatch(FULL_ID_NUMBER);
  });

  it('signIn from a client that still sends an earlier session token: succeeds, one account.signIn row for the account signing in', async () => {
    const a = t.accounts.unitA1;
    const { r, rows } = await audited(() =>
      app.gql(SIGN_IN, { input: { tenantCode: t.code, username: a.username, password: a.password } }, t.accounts.bureau.token),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.signIn.account.id).toBe(a.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ...actedBy('unitA1'), action: 'account.signIn', entity_id: a.id });
  });

  it('createApiClient: apiClient.create with name and scopes after (never the secret)', async () => {
    const { r, rows } = await audited(() => by('bureau')(CREATE_API_CLIENT, { input: { name: '审计评审系统', scopes: ['COMPLETION_READ'] } }));
    const { client, apiKey } = r.data.createApiClient;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ...actedBy('bureau'),
      action: 'apiClient.create',
      entity_type: 'api_client',
      entity_id: client.id,
      before: null,
      after: { name: '审计评审系统', scopes: ['completion:read'] },
    });
    const secret = apiKey.split('.')[1];
    expect(JSON.stringify(rows[0])).not.toContain(secret);
  });

  it('revokeApiClient: apiClient.revoke with the revocation time after', async () => {
    const created = await by('bureau')(CREATE_API_CLIENT, { input: { name: '待吊销系统', scopes: ['COMPLETION_READ'] } });
    const id = created.data.createApiClient.client.id;
    const { r, rows } = await audited(() => by('bureau')(REVOKE_API_CLIENT, { id }));
    expect(r.data.revokeApiClient.revokedAt).toEqual(expect.any(String));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ...actedBy('bureau'), action: 'apiClient.revoke', entity_type: 'api_client', entity_id: id });
    expect(new Date(String(rows[0]?.after?.revokedAt)).getTime()).toBe(new Date(r.data.revokeApiClient.revokedAt).getTime());
    const refused = await app.gql(`query { me { kind } }`, {}, { apiKey: created.data.createApiClient.apiKey });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('a failed mutation writes no audit row and changes nothing', () => {
  it('createProfessional with a wrong ID check digit → ID_NUMBER_CHECK_DIGIT on idNumber', async () => {
    const r = await failsCleanly(() => by('unitA1')(CREATE_PROFESSIONAL, { input: personInput(t.nodes.unitA1, withWrongCheckDigit(newIdNumber())) }));
    expect(failure(r)).toEqual({ code: 'ID_NUMBER_CHECK_DIGIT', field: 'idNumber' });
  });

  it('createProfessional with an ID number already registered in the tenant → PROFESSIONAL_ID_NUMBER_TAKEN on idNumber', async () => {
    const taken = t.people.b1[0].idNumber;
    const r = await failsCleanly(() => by('bureau')(CREATE_PROFESSIONAL, { input: personInput(t.nodes.unitA1, taken.toLowerCase()) }));
    expect(failure(r)).toEqual({ code: 'PROFESSIONAL_ID_NUMBER_TAKEN', field: 'idNumber' });
  });

  it('createProfessional into a unit outside the official scope → ORGANISATION_NOT_FOUND on unitId', async () => {
    const r = await failsCleanly(() => by('unitA1')(CREATE_PROFESSIONAL, { input: personInput(t.nodes.unitB1) }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NOT_FOUND', field: 'unitId' });
  });

  it('updateProfessional with a stale version → VERSION_CONFLICT on version', async () => {
    const p = t.people.b1[1];
    const first = await by('bureau')(UPDATE_PROFESSIONAL, { input: { id: p.id, version: 1, phone: '13900000001' } });
    expect(first.data.updateProfessional.version).toBe(2);
    const r = await failsCleanly(() => by('bureau')(UPDATE_PROFESSIONAL, { input: { id: p.id, version: 1, phone: '13900000002' } }));
    expect(failure(r)).toEqual({ code: 'VERSION_CONFLICT', field: 'version' });
    const now = await by('bureau')(PROFESSIONAL, { id: p.id });
    expect(now.data.professional.version).toBe(2);
  });

  it('transferProfessional into the unit they are already in → PROFESSIONAL_SAME_UNIT on unitId', async () => {
    const p = t.people.b1[2];
    const r = await failsCleanly(() => by('bureau')(TRANSFER_PROFESSIONAL, { input: { id: p.id, unitId: t.nodes.unitB1, joinedUnitOn: '2024-01-02' } }));
    expect(failure(r)).toEqual({ code: 'PROFESSIONAL_SAME_UNIT', field: 'unitId' });
  });

  it('createOrganisation with a name its sibling already has → ORGANISATION_NAME_TAKEN on name', async () => {
    const r = await failsCleanly(() => by('bureau')(CREATE_ORGANISATION, { input: { parentId: t.nodes.deptA, kind: 'UNIT', name: '甲一医院' } }));
    expect(failure(r)).toEqual({ code: 'ORGANISATION_NAME_TAKEN', field: 'name' });
  });

  it('createOfficialAccount with a username already in use → USERNAME_TAKEN on username, no activation code left behind', async () => {
    const input = { username: t.accounts.unitA1.username, displayName: '重名', role: 'UNIT_OFFICIAL', orgNodeId: t.nodes.unitA2 };
    const r = await failsCleanly(() => by('bureau')(CREATE_OFFICIAL_ACCOUNT, { input }));
    expect(failure(r)).toEqual({ code: 'USERNAME_TAKEN', field: 'username' });
  });

  it('signIn with a wrong password → INVALID_CREDENTIALS on password (last sign-in time unchanged)', async () => {
    const a = t.accounts.bureau;
    const r = await failsCleanly(() => app.gql(SIGN_IN, { input: { tenantCode: t.code, username: a.username, password: a.password + 'x' } }));
    expect(failure(r)).toEqual({ code: 'INVALID_CREDENTIALS', field: 'password' });
  });

  it('activateAccount with a wrong code → ACTIVATION_CODE_INVALID on activationCode (the account stays pending)', async () => {
    const p = t.people.b1[0];
    await by('bureau')(ISSUE_ACTIVATION_CODE, { input: { professionalId: p.id } });
    const input = { tenantCode: t.code, username: p.idNumber, activationCode: 'WRONGCODE2', newPassword: NEW_PASSWORD };
    const r = await failsCleanly(() => app.gql(ACTIVATE, { input }));
    expect(failure(r)).toEqual({ code: 'ACTIVATION_CODE_INVALID', field: 'activationCode' });
  });

  it('revokeApiClient of a client already revoked → API_CLIENT_REVOKED on id', async () => {
    const created = await by('bureau')(CREATE_API_CLIENT, { input: { name: '二次吊销系统', scopes: ['COMPLETION_READ'] } });
    const id = created.data.createApiClient.client.id;
    await by('bureau')(REVOKE_API_CLIENT, { id });
    const r = await failsCleanly(() => by('bureau')(REVOKE_API_CLIENT, { id }));
    expect(failure(r)).toEqual({ code: 'API_CLIENT_REVOKED', field: 'id' });
  });
});

describe('a request with several mutations', () => {
  it('every mutation the response reports as done is stored and audited, even when a later one in the same request fails', async () => {
    const mark = await lastAuditId(app, t.tenantId);
    const r = await by('bureau')(
      `mutation($ok: CreateOrganisationInput!, $dup: CreateOrganisationInput!) {
        ok: createOrganisation(input: $ok) { id name }
        dup: createOrganisation(input: $dup) { id name }
      }`,
      {
        ok: { parentId: t.nodes.deptB, kind: 'UNIT', name: '批量请求新单位' },
        dup: { parentId: t.nodes.deptA, kind: 'UNIT', name: '甲一医院' },
      },
    );
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['ORGANISATION_NAME_TAKEN']);
    const reported = r.data?.ok;
    const rows = await auditRowsAfter(app, t.tenantId, mark);
    const stored = await app.owner.query(`SELECT id FROM org_node WHERE tenant_id = $1 AND name = '批量请求新单位'`, [t.tenantId]);
    // either the first mutation is kept (stored and audited once), or it is not reported as done
    if (reported) {
      expect(stored).toEqual([{ id: reported.id }]);
      expect(rows.map((row) => [row.action, row.entity_id])).toEqual([['organisation.create', reported.id]]);
    } else {
      expect(stored).toEqual([]);
      expect(rows).toEqual([]);
    }
  });
});

/**
 * One successful write of every audited kind in tenant `x`, with a professional
 * (whose username is their ID number) activating and signing in.
 */
async function writeOneOfEachKind(x: TenantFixture): Promise<void> {
  idNumbersUsed.push(...[...x.people.a1, ...x.people.a2, ...x.people.b1].map((p) => p.idNumber));
  const ok = async (request: Promise<GqlResult>) => {
    const r = await request;
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const token = (account: keyof TenantFixture['accounts']) => x.accounts[account].token;
  const { createOrganisation: unit } = await ok(
    app.gql(CREATE_ORGANISATION, { input: { parentId: x.nodes.deptA, kind: 'UNIT', name: '审计全类单位' } }, token('bureau')),
  );
  await ok(app.gql(RENAME_ORGANISATION, { input: { id: unit.id, name: '审计全类单位（改名）' } }, token('deptA')));
  await ok(app.gql(MOVE_ORGANISATION, { input: { id: unit.id, newParentId: x.nodes.deptB } }, token('bureau')));
  const { createProfessional: created } = await ok(app.gql(CREATE_PROFESSIONAL, { input: personInput(x.nodes.unitA1) }, token('unitA1')));
  await ok(app.gql(UPDATE_PROFESSIONAL, { input: { id: created.id, version: 1, name: '审计全类更名' } }, token('unitA1')));
  await ok(app.gql(TRANSFER_PROFESSIONAL, { input: { id: created.id, unitId: x.nodes.unitA2, joinedUnitOn: '2024-05-06' } }, token('deptA')));
  const clerk = { username: 'audit-all-clerk', displayName: '全类经办人', role: 'UNIT_OFFICIAL', orgNodeId: x.nodes.unitA2 };
  await ok(app.gql(CREATE_OFFICIAL_ACCOUNT, { input: clerk }, token('bureau')));
  const p = x.people.a2[0];
  await ok(app.gql(ISSUE_ACTIVATION_CODE, { input: { professionalId: p.id } }, token('bureau'))); // creates the account
  const { issueActivationCode } = await ok(app.gql(ISSUE_ACTIVATION_CODE, { input: { professionalId: p.id } }, token('bureau')));
  const activation = { tenantCode: x.code, username: p.idNumber, activationCode: issueActivationCode.activationCode, newPassword: NEW_PASSWORD };
  await ok(app.gql(ACTIVATE, { input: activation }));
  await ok(app.gql(SIGN_IN, { input: { tenantCode: x.code, username: p.idNumber, password: NEW_PASSWORD } }));
  const { createApiClient } = await ok(app.gql(CREATE_API_CLIENT, { input: { name: '审计全类系统', scopes: ['COMPLETION_READ'] } }, token('bureau')));
  await ok(app.gql(REVOKE_API_CLIENT, { id: createApiClient.client.id }, token('bureau')));
}

describe('the audit trail never holds a full ID number', () => {
  it('no audit row of the tenant, read as JSON text, contains an 18-character ID number', async () => {
    // the trail of a tenant of its own holds a row of every kind, whichever tests ran before
    const own = await createTenantFixture(app, 'auditall');
    await writeOneOfEachKind(own);
    const trail = (tenantId: string): Promise<{ action: string; text: string }[]> =>
      app.owner.query(`SELECT action, row_to_json(a)::text AS text FROM audit_log a WHERE tenant_id = $1 ORDER BY id`, [tenantId]);
    const rows = await trail(own.tenantId);
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        'organisation.create',
        'organisation.rename',
        'organisation.move',
        'professional.create',
        'professional.update',
        'professional.transfer',
        'account.createOfficial',
        'account.createProfessional',
        'account.issueActivationCode',
        'account.activate',
        'account.signIn',
        'apiClient.create',
        'apiClient.revoke',
      ]),
    );
    // and the shared tenant's trail, with whatever the tests that ran before this one wrote
    const leaks = [...rows, ...(await trail(t.tenantId))].filter((r) => FULL_ID_NUMBER.test(r.text) || idNumbersUsed.some((n) => r.text.includes(n)));
    expect(leaks).toEqual([]);
  });
});

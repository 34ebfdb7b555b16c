// Employer type (单位性质) on the organisation tree: set on a node, inherited by the
// nodes and people below unless they set their own; the Corps' "private enterprises:
// no requirement yet" (003 第19问) then reaches a person's completion answer.
import path from 'node:path';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, startTestApp, type TestApp } from '../support/harness';

const ORG = `query($id: ID!) { organisation(id: $id) { id version employerType effectiveEmployerType } }`;
const SET = `mutation($i: SetEmployerTypeInput!) { setOrganisationEmployerType(input: $i) { id version employerType effectiveEmployerType } }`;
const STATUS = `query($id: String!, $y: Int!) { completionStatus(idNumber: $id, year: $y) {
  evaluation { complete status noRequirement reasons public { required shortfall } professional { shortfall } } } }`;

let app: TestApp;
let t: TenantFixture;

beforeAll(async () => {
  app = await startTestApp();
  t = await createTenantFixture(app, 'emp');
  const policy = loadPolicyFiles(path.resolve(__dirname, '../../tenants')).get('bingtuan')!;
  await publishInitialPolicy(app.owner, t.tenantId, policy, 'test');
});
afterAll(() => app.close());

const bureau = () => t.accounts.bureau.token;
const org = async (id: string) => (await app.gql(ORG, { id }, bureau())).data.organisation;
const set = async (id: string, employerType: string | null, token = bureau()) => app.gql(SET, { i: { id, version: (await org(id)).version, employerType } }, token);
const employerTypeAudits = async () =>
  (await app.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'organisation.employerType'`, [t.tenantId]))[0].n as number;
const status = async (idNumber: string) => {
  const r = await app.gql(STATUS, { id: idNumber, y: 2021 }, bureau());
  expect(r.errors).toBeUndefined();
  return r.data.completionStatus.evaluation;
};

describe('employer type: set on a node, inherited below, and used by the policy', () => {
// tests run in random order: each sets the types it relies on
beforeEach(async () => {
  for (const id of [t.nodes.deptA, t.nodes.deptB, t.nodes.unitA1, t.nodes.unitA2, t.nodes.unitB1]) {
    if ((await org(id)).employerType !== null) await set(id, null);
  }
});

  it('a department set to 民营企业 passes it to its units; a unit that sets its own keeps it; clearing falls back', async () => {
    const auditBefore = await employerTypeAudits();
    expect((await set(t.nodes.deptA, 'PRIVATE_ENTERPRISE')).errors).toBeUndefined();
    expect(await org(t.nodes.unitA1)).toMatchObject({ employerType: null, effectiveEmployerType: 'PRIVATE_ENTERPRISE' });
    expect((await set(t.nodes.unitA2, 'PUBLIC_INSTITUTION')).errors).toBeUndefined();
    expect(await org(t.nodes.unitA2)).toMatchObject({ employerType: 'PUBLIC_INSTITUTION', effectiveEmployerType: 'PUBLIC_INSTITUTION' });
    expect(await org(t.nodes.unitB1)).toMatchObject({ effectiveEmployerType: null });
    expect((await set(t.nodes.unitA2, null)).errors).toBeUndefined();
    expect(await org(t.nodes.unitA2)).toMatchObject({ employerType: null, effectiveEmployerType: 'PRIVATE_ENTERPRISE' });
    // a unit created later under the department inherits too
    const created = await app.gql(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { effectiveEmployerType } }`, {
      i: { parentId: t.nodes.deptA, kind: 'UNIT', name: '甲三公司' },
    }, bureau());
    expect(created.data.createOrganisation.effectiveEmployerType).toBe('PRIVATE_ENTERPRISE');
    expect((await employerTypeAudits()) - auditBefore).toBe(3);
  });

  it('Corps: a person in a private enterprise has no requirement (neither complete nor short); in a public institution, a shortfall', async () => {
    await set(t.nodes.deptA, 'PRIVATE_ENTERPRISE');
    const privateSector = await status(t.people.a1[1].idNumber);
    expect(privateSector).toMatchObject({ complete: false, status: 'NO_REQUIREMENT', public: { shortfall: 0 }, professional: { shortfall: 0 } });
    expect(privateSector.noRequirement).toContain('民营企业');
    expect(privateSector.reasons.join('')).not.toContain('尚缺');
    await set(t.nodes.unitA2, 'PUBLIC_INSTITUTION');
    const publicSector = await status(t.people.a2[1].idNumber);
    expect(publicSector).toMatchObject({ complete: false, status: 'INCOMPLETE', public: { shortfall: 30 }, professional: { shortfall: 60 } });
  });

  it('moving a unit under another department makes it follow the new parent’s type', async () => {
    await set(t.nodes.deptB, 'STATE_ENTERPRISE');
    const moved = await app.gql(`mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`, { i: { id: t.nodes.unitA1, newParentId: t.nodes.deptB } }, bureau());
    expect(moved.errors).toBeUndefined();
    expect(await org(t.nodes.unitA1)).toMatchObject({ effectiveEmployerType: 'STATE_ENTERPRISE' });
    expect((await status(t.people.a1[1].idNumber)).status).toBe('INCOMPLETE');
    await app.gql(`mutation($i: MoveOrganisationInput!) { moveOrganisation(input: $i) { id } }`, { i: { id: t.nodes.unitA1, newParentId: t.nodes.deptA } }, bureau());
  });

  it('an unknown employer type is BAD_USER_INPUT naming the value; a stale version a VERSION_CONFLICT; nothing changes', async () => {
    const before = await org(t.nodes.deptB);
    const unknown = await app.gql(SET, { i: { id: t.nodes.deptB, version: before.version, employerType: 'PIRATE_SHIP' } }, bureau());
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0]!.message).toContain('PIRATE_SHIP');
    const stale = await app.gql(SET, { i: { id: t.nodes.deptB, version: before.version - 1, employerType: 'OTHER' } }, bureau());
    expect(codes(stale)).toEqual(['VERSION_CONFLICT']);
    expect(await org(t.nodes.deptB)).toEqual(before);
  });

  it('a unit official cannot set it; a department official cannot set their own department’s; another tenant cannot touch it', async () => {
    expect(codes(await set(t.nodes.unitA1, 'OTHER', t.accounts.unitA1.token))).toEqual(['FORBIDDEN']);
    expect(codes(await set(t.nodes.deptA, 'OTHER', t.accounts.deptA.token))).toEqual(['ORGANISATION_OUT_OF_SCOPE']);
    const other = await createTenantFixture(app, 'emp2');
    const r = await app.gql(SET, { i: { id: t.nodes.deptB, version: 1, employerType: 'OTHER' } }, other.accounts.bureau.token);
    expect(codes(r)).toEqual(['ORGANISATION_NOT_FOUND']);
  });
});

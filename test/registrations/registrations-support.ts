// Shared set-up for the self-registration tests: the GraphQL operations, a new applicant's
// sign-up input, and small readers of the tables (as the owner, so tests see what was
// written whatever row-level security would show).
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import { makeIdNumber } from '../../server/platform/id-number';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { codes, type GqlResult, type TestApp } from '../support/harness';

export const UNITS = `query($t: String!, $name: String, $first: Int, $after: String) {
  registrationUnits(tenantCode: $t, name: $name, first: $first, after: $after) {
    totalCount nodes { id name kind pathNames } pageInfo { hasNextPage endCursor } } }`;
export const PARENTS = `query($t: String!, $name: String) { registrationParents(tenantCode: $t, name: $name, first: 50) { nodes { id name kind pathNames } } }`;
export const SIGN_UP = `mutation($i: ProfessionalSignUpInput!) { signUpProfessional(input: $i) {
  receipt progress { kind status name organisationName signInName submittedAt expiresAt decidedAt rejectionReason } } }`;
export const APPLY = `mutation($i: OrganisationApplicationInput!) { applyForOrganisation(input: $i) {
  receipt progress { kind status name organisationName signInName expiresAt rejectionReason } } }`;
export const PROGRESS = `query($t: String!, $r: String!) { registrationProgress(tenantCode: $t, receipt: $r) {
  kind status name organisationName signInName decidedAt rejectionReason } }`;
const REGISTRATION_FIELDS = `id idNumber idNumberMasked name gender birthDate phone titleLevel titleSeries unitId unitName status
  submittedAt expiresAt decidedAt decidedBy comment rejectionReason professionalId`;
export const QUEUE = `query($f: RegistrationQueueFilter, $first: Int, $after: String) { registrationQueue(filter: $f, first: $first, after: $after) {
  totalCount nodes { ${REGISTRATION_FIELDS} } pageInfo { hasNextPage endCursor } } }`;
export const COUNTS = `query($f: RegistrationQueueFilter) { registrationQueueCounts(filter: $f) { pending approved rejected expired } }`;
export const ONE = `query($id: ID!) { professionalRegistration(id: $id) { id status } }`;
export const APPROVE = `mutation($id: ID!, $j: String, $c: String) { approveProfessionalRegistration(id: $id, joinedUnitOn: $j, comment: $c) { ${REGISTRATION_FIELDS} } }`;
export const REJECT = `mutation($id: ID!, $r: String!) { rejectProfessionalRegistration(id: $id, reason: $r) { id status rejectionReason decidedBy } }`;
const APPLICATION_FIELDS = `id kind name code parentId parentName adminUsername adminName adminPhone status decidedBy comment rejectionReason organisationId accountId`;
export const APP_QUEUE = `query($f: RegistrationQueueFilter) { organisationApplicationQueue(filter: $f, first: 50) { totalCount nodes { ${APPLICATION_FIELDS} } } }`;
export const APP_COUNTS = `query($f: RegistrationQueueFilter) { organisationApplicationQueueCounts(filter: $f) { pending approved rejected expired } }`;
export const APP_APPROVE = `mutation($id: ID!, $c: String) { approveOrganisationApplication(id: $id, comment: $c) { ${APPLICATION_FIELDS} } }`;
export const APP_REJECT = `mutation($id: ID!, $r: String!) { rejectOrganisationApplication(id: $id, reason: $r) { ${APPLICATION_FIELDS} } }`;
export const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token account { id role status orgNodeId professionalId } } }`;
export const ME = `{ me { role organisation { id name kind } professional { id name idNumber unitId titleLevel phone } } }`;

/** The data field of a result that must have succeeded (its errors, else). */
export function ok<T = Record<string, unknown>>(r: GqlResult, field: string): T {
  if (r.errors) throw new Error(`${field}: ${JSON.stringify(r.errors)}`);
  return r.data[field] as T;
}

/** The one error of a result: its code and field. */
export function failure(r: GqlResult): { code: string; field: string | undefined; message: string } {
  expect(codes(r)).toHaveLength(1);
  const e = r.errors![0]!;
  return { code: e.extensions?.code ?? 'NONE', field: e.extensions?.field, message: e.message };
}

/** A new, valid ID number (a random birth date and sequence: no two tests share one). */
export function newIdNumber(): string {
  const year = 1960 + randomInt(40);
  const day = `${year}${String(1 + randomInt(12)).padStart(2, '0')}${String(1 + randomInt(28)).padStart(2, '0')}`;
  return makeIdNumber('371302', day, randomInt(1000));
}

export const PASSWORD = 'Chosen-pass-2026';

/** A professional's sign-up for a unit of the fixture tenant. */
export function signUpInput(t: TenantFixture, unitId: string, overrides: object = {}) {
  return {
    tenantCode: t.code,
    idNumber: newIdNumber(),
    name: '李晓明',
    phone: '13912345678',
    titleLevel: 'INTERMEDIATE',
    titleSeries: 'ENGINEERING',
    unitId,
    password: PASSWORD,
    ...overrides,
  };
}

/** An organisation's application under `parentId`. */
export function applyInput(t: TenantFixture, parentId: string, overrides: object = {}) {
  return {
    tenantCode: t.code,
    kind: 'UNIT',
    name: `新单位${randomBytes(3).toString('hex')}`,
    parentId,
    adminUsername: `admin-${randomBytes(4).toString('hex')}`,
    adminName: '王经办',
    adminPhone: '13800001111',
    password: PASSWORD,
    ...overrides,
  };
}

const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));

/** A fixture tenant (bureau → deptA 甲区人社局 → unitA1, unitA2; deptB 乙区卫健委 → unitB1), with a launch tenant's policy when named. */
export async function registrationTenant(app: TestApp, policy: 'jining' | 'binzhou' | 'bingtuan' | null = null): Promise<TenantFixture> {
  const t = await createTenantFixture(app, 'reg');
  if (policy) await publishInitialPolicy(app.owner, t.tenantId, policies.get(policy)!, 'test');
  return t;
}

/** A signed-in official at a node (token). */
export async function officialToken(app: TestApp, t: TenantFixture, role: 'DEPARTMENT_OFFICIAL' | 'UNIT_OFFICIAL' | 'BUREAU_OFFICIAL', orgNodeId: string): Promise<string> {
  const [row] = await app.owner.query(
    `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, password_hash, status)
     VALUES ($1, $2, $2, $3, $4, 'x', 'ACTIVE') RETURNING id`,
    [t.tenantId, `off-${randomBytes(5).toString('hex')}`, role, orgNodeId],
  );
  return (await app.server.tokens.issue({ sub: row.id as string, kind: 'account', tid: t.tenantId })).token;
}

/** A new node straight into the tree (as the owner). */
export async function addNode(app: TestApp, t: TenantFixture, parentId: string, kind: 'DEPARTMENT' | 'UNIT', name: string): Promise<string> {
  const [row] = await app.owner.query(
    `INSERT INTO org_node (tenant_id, parent_id, kind, name, path, depth) VALUES ($1, $2, $3, $4, '', 0) RETURNING id`,
    [t.tenantId, parentId, kind, name],
  );
  return row.id as string;
}

/** The id of the registration a receipt names (as the owner). */
export async function registrationId(app: TestApp, t: TenantFixture, idNumber: string): Promise<string> {
  const [row] = await app.owner.query(`SELECT id FROM professional_registration WHERE tenant_id = $1 AND id_number = $2 ORDER BY queue_no DESC LIMIT 1`, [t.tenantId, idNumber]);
  return row.id as string;
}

export async function applicationId(app: TestApp, t: TenantFixture, name: string): Promise<string> {
  const [row] = await app.owner.query(`SELECT id FROM org_application WHERE tenant_id = $1 AND name = $2 ORDER BY queue_no DESC LIMIT 1`, [t.tenantId, name]);
  return row.id as string;
}

/** Rows of a table of a tenant (as the owner). */
export async function countRows(app: TestApp, table: string, tenantId: string): Promise<number> {
  const [row] = await app.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]);
  return row.n as number;
}

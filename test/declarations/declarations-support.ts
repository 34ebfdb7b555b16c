// Shared set-up for the declarations tests: a fixture tenant with one of the five launch
// policies, extra organisation nodes and accounts built straight into the database (as the
// owner), and the GraphQL operations of declaring and reviewing.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createPeopleGenerator, REGION_CITIES } from '../../server/demo/synthetic-people';
import { loadPolicyFiles, publishInitialPolicy } from '../../server/policy/initial-policies';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import type { GqlResult, TestApp } from '../support/harness';

export type LaunchTenant = 'linyi' | 'qingdao' | 'jining' | 'binzhou' | 'bingtuan';

const policies = loadPolicyFiles(path.resolve(__dirname, '../../tenants'));

/** The fixture tenant (bureau → deptA → unitA1, unitA2; deptB → unitB1) under a launch tenant's policy. */
export async function policyTenant(app: TestApp, code: LaunchTenant, prefix = 'dcl'): Promise<TenantFixture> {
  const t = await createTenantFixture(app, prefix);
  await publishInitialPolicy(app.owner, t.tenantId, policies.get(code)!, 'test');
  return t;
}

/** A new organisation node (e.g. a sector body with the code a policy route names). */
export async function addNode(app: TestApp, t: TenantFixture, parentId: string, kind: 'DEPARTMENT' | 'UNIT', name: string, code: string | null = null): Promise<string> {
  const [row] = await app.owner.query(
    `INSERT INTO org_node (tenant_id, parent_id, kind, name, code, path, depth) VALUES ($1, $2, $3, $4, $5, '', 0) RETURNING id`,
    [t.tenantId, parentId, kind, name, code],
  );
  return row.id as string;
}

let seed = 1;
/** A new professional in a unit, of a title series. */
export async function addPerson(app: TestApp, t: TenantFixture, unitId: string, series = 'HEALTH'): Promise<{ id: string; idNumber: string }> {
  const people = createPeopleGenerator({ seed: Date.now() % 100000 + seed++ * 7919, regionCodes: REGION_CITIES.linyi.codes });
  for (let i = 0; ; i++) {
    const p = people.next(i);
    const [taken] = await app.owner.query(`SELECT 1 FROM professional WHERE tenant_id = $1 AND id_number = $2`, [t.tenantId, p.idNumber]);
    if (taken) continue;
    const [row] = await app.owner.query(
      `INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)
       SELECT $1, $2, $3, $4, $5, $6, o.path, 'INTERMEDIATE', $7, $8, $9 FROM org_node o WHERE o.tenant_id = $1 AND o.id = $6 RETURNING id`,
      [t.tenantId, p.idNumber, p.name, p.gender, p.birthDate, unitId, series, p.mobile, p.joinedOn],
    );
    return { id: row.id as string, idNumber: p.idNumber };
  }
}

/** A signed-in account (token) of a role at a node; a professional's account names their record. */
export async function addAccount(
  app: TestApp,
  t: TenantFixture,
  role: 'BUREAU_OFFICIAL' | 'DEPARTMENT_OFFICIAL' | 'UNIT_OFFICIAL' | 'PROFESSIONAL',
  orgNodeId: string,
  professionalId: string | null = null,
): Promise<string> {
  const username = `${role.toLowerCase().slice(0, 4)}-${randomBytes(5).toString('hex')}`;
  const [row] = await app.owner.query(
    `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, professional_id, password_hash, status)
     VALUES ($1, $2, $2, $3, $4, $5, 'x', 'ACTIVE') RETURNING id`,
    [t.tenantId, username, role, orgNodeId, professionalId],
  );
  return (await app.server.tokens.issue({ sub: row.id as string, kind: 'account', tid: t.tenantId })).token;
}

/** A professional with their own account, in a unit. */
export async function addProfessional(app: TestApp, t: TenantFixture, unitId: string, series = 'HEALTH') {
  const person = await addPerson(app, t, unitId, series);
  const token = await addAccount(app, t, 'PROFESSIONAL', unitId, person.id);
  return { ...person, token };
}

export const DECLARATION_FIELDS = `id status round currentLevel version kind kindName year date params rejectionReason activityId chainNote
  chain { level organisationId current } adjustedHours { publicHours professionalHours reason }
  evidence { certificateNo issuer issuedOn fileIds }`;

export const CREATE = `mutation($i: CreateDeclarationInput!) { createDeclaration(input: $i) { ${DECLARATION_FIELDS} } }`;
export const UPDATE = `mutation($i: UpdateDeclarationInput!) { updateDeclaration(input: $i) { ${DECLARATION_FIELDS} } }`;
export const SUBMIT = `mutation($id: ID!, $v: Int!) { submitDeclaration(id: $id, version: $v) { ${DECLARATION_FIELDS} } }`;
export const WITHDRAW = `mutation($id: ID!, $v: Int) { withdrawDeclaration(id: $id, version: $v) { ${DECLARATION_FIELDS} } }`;
export const APPROVE = `mutation($id: ID!, $v: Int, $c: String) { approveDeclaration(id: $id, version: $v, comment: $c) { ${DECLARATION_FIELDS} } }`;
export const REJECT = `mutation($id: ID!, $r: String!) { rejectDeclaration(id: $id, reason: $r) { ${DECLARATION_FIELDS} } }`;
export const ADJUST = `mutation($id: ID!, $p: Float!, $q: Float!, $r: String!) { adjustDeclaration(id: $id, publicHours: $p, professionalHours: $q, reason: $r) { ${DECLARATION_FIELDS} } }`;
export const RECORD = `mutation($i: RecordActivityInput!, $e: EvidenceInput) { recordActivity(input: $i, evidence: $e) { ${DECLARATION_FIELDS} } }`;
export const GET = `query($id: ID!) { declaration(id: $id) { ${DECLARATION_FIELDS}
  decisions { round level organisationId decision reviewerId comment publicHours professionalHours }
  preview { hours { publicHours professionalHours rule notes } year { public { credited } professional { credited } } } } }`;
export const QUEUE = `query($f: ReviewQueueFilter, $first: Int, $after: String) { reviewQueue(filter: $f, first: $first, after: $after) {
  totalCount nodes { id status currentLevel } pageInfo { hasNextPage endCursor } } }`;
export const COUNTS = `query($f: ReviewQueueFilter) { reviewQueueCounts(filter: $f) { waiting forwarded recorded rejected withdrawn } }`;
export const STATUS = `query($id: String!, $y: Int!) { completionStatus(idNumber: $id, year: $y) { evaluation {
  public { credited } professional { credited } activities { activityId publicHours professionalHours notes } } } }`;

/** The data of a successful result (fails the test with the errors otherwise). */
export function ok<T = Record<string, unknown>>(r: GqlResult, field: string): T {
  if (r.errors) throw new Error(`${field}: ${JSON.stringify(r.errors)}`);
  return r.data[field] as T;
}

/** Credited hours of a person's year, as `completionStatus` answers. */
export async function credited(app: TestApp, token: string, idNumber: string, year: number): Promise<{ public: number; professional: number; activityIds: string[] }> {
  const e = ok<{ evaluation: { public: { credited: number }; professional: { credited: number }; activities: { activityId: string }[] } }>(
    await app.gql(STATUS, { id: idNumber, y: year }, token),
    'completionStatus',
  ).evaluation;
  return { public: e.public.credited, professional: e.professional.credited, activityIds: e.activities.map((a) => a.activityId) };
}

/** Rows the tenant holds in the declaration tables and activity (to check that nothing was written). */
export async function writtenRows(app: TestApp, tenantId: string): Promise<{ declarations: number; decisions: number; activities: number; audit: number }> {
  const [row] = await app.owner.query(
    `SELECT (SELECT count(*)::int FROM declaration WHERE tenant_id = $1) AS declarations,
            (SELECT count(*)::int FROM declaration_decision WHERE tenant_id = $1) AS decisions,
            (SELECT count(*)::int FROM activity WHERE tenant_id = $1) AS activities,
            (SELECT count(*)::int FROM audit_log WHERE tenant_id = $1) AS audit`,
    [tenantId],
  );
  return row;
}

/**
 * An evidence file as the evidence capability stores it once its bytes are whole, uploaded
 * by the account of `professionalId` (written as the owner: these tests are about which files
 * a declaration may name, not about uploading).
 */
export async function storedFile(app: TestApp, t: TenantFixture, professionalId: string): Promise<string> {
  const [account] = await app.owner.query(`SELECT id FROM account WHERE tenant_id = $1 AND professional_id = $2`, [t.tenantId, professionalId]);
  const [row] = await app.owner.query(
    `INSERT INTO evidence_file (tenant_id, id, uploaded_by, professional_id, file_name, content_type, bytes, sha256, storage_key)
     VALUES ($1, gen_random_uuid(), $2, $3, '证书.pdf', 'application/pdf', 1024, $4, 'test/' || gen_random_uuid()) RETURNING id`,
    [t.tenantId, account.id, professionalId, randomBytes(32).toString('hex')],
  );
  return row.id as string;
}

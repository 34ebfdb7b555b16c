// GraphQL operations and small helpers shared by the isolation, scope and
// audit tests: one place that spells each operation, and a snapshot of a
// tenant's rows to prove that a refused request changed nothing.
import { randomInt } from 'node:crypto';
import { makeIdNumber } from '../../server/platform/id-number';
import { inTransaction } from '../../server/platform/transaction';
import type { AuditRow } from './fixtures';
import type { GqlError, GqlResult, TestApp } from './harness';

export const ME = `query { me { kind label role scopes tenant { id code } organisation { id } professional { id } } }`;
export const ORGANISATION = `query($id: ID!) { organisation(id: $id) { id name parentId version children(first: 100) { nodes { id } } } }`;
export const ORGANISATIONS = `query($under: ID, $kind: OrgKind, $first: Int! = 100) {
  organisations(under: $under, kind: $kind, first: $first) { nodes { id name kind } }
}`;
export const PROFESSIONAL = `query($id: ID!) { professional(id: $id) { id idNumber name unitId version } }`;
export const PROFESSIONALS = `query($filter: ProfessionalFilter, $first: Int! = 100) {
  professionals(filter: $filter, first: $first) { totalCount nodes { id idNumber unitId } }
}`;
export const ACCOUNTS = `query { accounts(first: 100) { nodes { id username role orgNodeId } } }`;
export const API_CLIENTS = `query { apiClients(first: 100) { nodes { id name revokedAt } } }`;
export const TENANTS = `query { tenants(first: 100) { totalCount nodes { id code } } }`;
export const NODE = `query($id: ID!) {
  node(id: $id) { __typename id ... on Professional { idNumber } ... on Organisation { name } ... on Account { username } ... on ApiClient { name } }
}`;

/** Everything a connection carries, for the paging checks below. */
const PAGE = `totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
export const PROFESSIONALS_PAGE = `query($filter: ProfessionalFilter, $first: Int!, $after: String) {
  professionals(filter: $filter, first: $first, after: $after) { ${PAGE} }
}`;
export const ORGANISATIONS_PAGE = `query($under: ID, $kind: OrgKind, $first: Int!, $after: String) {
  organisations(under: $under, kind: $kind, first: $first, after: $after) { ${PAGE} }
}`;
export const CHILDREN_PAGE = `query($id: ID!, $first: Int!, $after: String) {
  organisation(id: $id) { children(first: $first, after: $after) { ${PAGE} } }
}`;
export const ACCOUNTS_PAGE = `query($first: Int!, $after: String) { accounts(first: $first, after: $after) { ${PAGE} } }`;
export const API_CLIENTS_PAGE = `query($first: Int!, $after: String) { apiClients(first: $first, after: $after) { ${PAGE} } }`;

export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token account { id username role } } }`;
export const ACTIVATE = `mutation($input: ActivateAccountInput!) { activateAccount(input: $input) { token account { id status } } }`;
export const CREATE_ORGANISATION = `mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { id name kind parentId depth version }
}`;
export const MOVE_ORGANISATION = `mutation($input: MoveOrganisationInput!) { moveOrganisation(input: $input) { id parentId depth version } }`;
export const RENAME_ORGANISATION = `mutation($input: RenameOrganisationInput!) { renameOrganisation(input: $input) { id name version } }`;
export const CREATE_PROFESSIONAL = `mutation($input: CreateProfessionalInput!) {
  createProfessional(input: $input) { id idNumber name unitId version }
}`;
export const UPDATE_PROFESSIONAL = `mutation($input: UpdateProfessionalInput!) {
  updateProfessional(input: $input) { id name titleLevel phone version }
}`;
export const TRANSFER_PROFESSIONAL = `mutation($input: TransferProfessionalInput!) {
  transferProfessional(input: $input) { id unitId joinedUnitOn version }
}`;
export const CREATE_OFFICIAL_ACCOUNT = `mutation($input: CreateOfficialAccountInput!) {
  createOfficialAccount(input: $input) { activationCode account { id username role orgNodeId status } }
}`;
export const ISSUE_ACTIVATION_CODE = `mutation($input: IssueActivationCodeInput!) {
  issueActivationCode(input: $input) { activationCode account { id username role status } }
}`;
export const CREATE_API_CLIENT = `mutation($input: CreateApiClientInput!) {
  createApiClient(input: $input) { apiKey client { id name scopes revokedAt } }
}`;
export const REVOKE_API_CLIENT = `mutation($id: ID!) { revokeApiClient(id: $id) { id revokedAt } }`;
export const CREATE_TENANT = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id code } }`;

/** A connection as PAGE reads it. */
export interface PageResult {
  totalCount: number;
  nodes: { id: string }[];
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * Pages through a connection and checks it against the whole list (first
 * 100): totalCount is the list's length on every page, edges carry the
 * nodes in order, and the cursor of edges[i] continues right after item i.
 * Returns the ids of the whole list.
 */
export async function expectConsistentPaging(page: (first: number, after: string | null) => Promise<PageResult>): Promise<string[]> {
  const whole = await page(100, null);
  const ids = whole.nodes.map((n) => n.id);
  expect(whole.totalCount).toBe(ids.length);
  expect(whole.edges.map((e) => e.node.id)).toEqual(ids);
  expect(whole.pageInfo).toEqual({
    hasNextPage: false,
    hasPreviousPage: false,
    startCursor: whole.edges[0]?.cursor ?? null,
    endCursor: whole.edges[ids.length - 1]?.cursor ?? null,
  });
  for (const [i, edge] of whole.edges.entries()) {
    const next = await page(2, edge.cursor);
    expect({ after: i, ids: next.nodes.map((n) => n.id) }).toEqual({ after: i, ids: ids.slice(i + 1, i + 3) });
    expect(next.edges.map((e) => e.node.id)).toEqual(next.nodes.map((n) => n.id));
    expect(next.pageInfo).toMatchObject({ hasNextPage: i + 3 < ids.length, hasPreviousPage: true, endCursor: next.edges.at(-1)?.cursor ?? null });
    expect(next.totalCount).toBe(ids.length);
  }
  return ids;
}

/** A valid ID number not handed out before in this test file (Linyi Lanshan, born 1985-06-12). */
const usedSeqs = new Set<number>();
export function newIdNumber(birthDate8 = '19850612'): string {
  let seq: number;
  do seq = randomInt(0, 1000);
  while (usedSeqs.has(seq));
  usedSeqs.add(seq);
  return makeIdNumber('371302', birthDate8, seq);
}

/** The same number with a wrong check character. */
export function withWrongCheckDigit(idNumber: string): string {
  const last = idNumber[17];
  return idNumber.slice(0, 17) + (last === '0' ? '1' : '0');
}

/** The one error of a result, as { code, field }, for compact assertions. */
export function failure(result: GqlResult): { code?: string; field?: string } | undefined {
  const { code, field } = onlyError(result).extensions ?? {};
  return { code, field };
}

function onlyError(result: GqlResult): GqlError {
  const [error, ...more] = result.errors ?? [];
  if (!error || more.length > 0) {
    throw new Error(`expected exactly one error, got ${JSON.stringify(result.errors ?? result.data)}`);
  }
  return error;
}

/**
 * Everything a tenant owns that a request could change, read as the owner:
 * versions and timestamps included, so any write shows up as a difference.
 */
export async function tenantSnapshot(app: TestApp, tenantId: string) {
  return inTransaction(app.owner, { tenantId }, async (em) => {
    const q = (sql: string) => em.query(sql, [tenantId]);
    const [audit] = await q(`SELECT count(*)::int AS n, max(id)::text AS last FROM audit_log WHERE tenant_id = $1`);
    return {
      tenant: await q(`SELECT id, code, name, status FROM tenant WHERE id = $1`),
      orgNodes: await q(
        `SELECT id, parent_id, kind, name, code, path, depth, version, updated_at FROM org_node WHERE tenant_id = $1 ORDER BY id`,
      ),
      professionals: await q(
        `SELECT id, id_number, name, unit_id, unit_path, title_level, title_series, phone, status, joined_unit_on::text,
                version, updated_at FROM professional WHERE tenant_id = $1 ORDER BY id`,
      ),
      accounts: await q(
        `SELECT id, username, role, org_node_id, professional_id, status, password_hash, activated_at, last_sign_in_at, version
           FROM account WHERE tenant_id = $1 ORDER BY id`,
      ),
      activationCodes: await q(`SELECT id, account_id, expires_at, used_at FROM activation_code WHERE tenant_id = $1 ORDER BY id`),
      apiClients: await q(`SELECT id, name, key_id, scopes, revoked_at, last_used_at FROM api_client WHERE tenant_id = $1 ORDER BY id`),
      audit,
    };
  });
}

/** Audit rows of a tenant after a given audit id (exclusive), read as the owner. */
export async function auditRowsAfter(app: TestApp, tenantId: string, afterId: string | null): Promise<AuditRow[]> {
  return inTransaction(app.owner, { tenantId }, (em) =>
    em.query(`SELECT * FROM audit_log WHERE tenant_id = $1 AND id > $2::bigint ORDER BY id`, [tenantId, afterId ?? '0']),
  );
}

/** The id of the newest audit row of a tenant (a bookmark for auditRowsAfter). */
export async function lastAuditId(app: TestApp, tenantId: string): Promise<string | null> {
  const [row]: { last: string | null }[] = await inTransaction(app.owner, { tenantId }, (em) =>
    em.query(`SELECT max(id)::text AS last FROM audit_log WHERE tenant_id = $1`, [tenantId]),
  );
  return row?.last ?? null;
}

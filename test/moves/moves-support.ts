// Shared set-up for the moves tests (issue 15): a sending tenant under Jining's policy whose
// people have certified years (and a revoked one, and years never certified), receiving tenants
// under Qingdao's (ACCEPT) and Linyi's (REVIEW) policies, and the GraphQL operations.
import type { TenantFixture } from '../support/fixtures';
import type { GqlResult, TestApp } from '../support/harness';
import { addAccount, addProfessional, ok } from '../declarations/declarations-support';
import { completeJiningYear, MARK, recorded, THIS_YEAR } from '../verification/verification-support';
import { certify } from '../certificates/certificates-support';

export { THIS_YEAR };

export const REQUEST_FIELDS = `id idNumberMasked name unitId unitName titleLevel titleSeries joinedUnitOn status requestedAt expiresAt decidedAt
  decidedBy refusalReason sourceTenantName professionalId yearsMoved`;
export const REQUEST_MOVE = `mutation($i: RequestMoveInput!) { requestMove(input: $i) { ${REQUEST_FIELDS} } }`;
export const CANCEL_MOVE = `mutation($id: ID!) { cancelMoveRequest(id: $id) { ${REQUEST_FIELDS} } }`;
export const MOVE_REQUESTS = `query($s: MoveRequestStatus, $first: Int, $after: String) { moveRequests(status: $s, first: $first, after: $after) {
  totalCount nodes { ${REQUEST_FIELDS} } pageInfo { hasNextPage endCursor } } }`;
export const MY_MOVE_REQUESTS = `query($first: Int, $after: String) { myMoveRequests(first: $first, after: $after) {
  totalCount nodes { id receivingTenantName receivingUnitName requestedAt expiresAt professionalId professional { id name status } }
  pageInfo { hasNextPage endCursor } } }`;
export const CONSENT = `mutation($id: ID!) { consentMove(requestId: $id) { requestId status receivingTenantName yearsMoved professionalId } }`;
export const REFUSE = `mutation($id: ID!, $r: String!) { refuseMove(requestId: $id, reason: $r) { requestId status receivingTenantName yearsMoved professionalId } }`;
export const MOVED_YEAR_FIELDS = `id professionalId year regime publicHours professionalHours complete policyRevision policyRevisionId
  issuingTenantCode issuingTenantName certifiedAt movedAt review reviewReason reviewedAt counts`;
export const MOVED_YEARS = `query($id: ID!) { professional(id: $id) { id status unitId movedYears { ${MOVED_YEAR_FIELDS} } } }`;
export const REVIEW_MOVED_YEAR = `mutation($i: ReviewMovedYearInput!) { reviewMovedYear(input: $i) { ${MOVED_YEAR_FIELDS} } }`;

export interface MovedYearView {
  id: string;
  year: number;
  regime: string;
  publicHours: number;
  professionalHours: number;
  complete: boolean;
  policyRevision: number;
  issuingTenantCode: string;
  issuingTenantName: string;
  review: string;
  counts: boolean;
}

/** A person of the sending tenant, in unit A1, with their own account. */
export interface Mover {
  id: string;
  idNumber: string;
  name: string;
  token: string;
  /** Years certified (and not revoked) in the sending tenant. */
  certified: number[];
}

/**
 * A person with complete years certified for THIS_YEAR-4 … THIS_YEAR-1, a fifth certified year
 * (THIS_YEAR-5) revoked by a fraud mark, and THIS_YEAR's hours recorded but not certified.
 */
export async function mover(app: TestApp, from: TenantFixture): Promise<Mover> {
  const p = await addProfessional(app, from, from.nodes.unitA1);
  const [{ name }] = await app.owner.query(`SELECT name FROM professional WHERE tenant_id = $1 AND id = $2`, [from.tenantId, p.id]);
  const certified = [THIS_YEAR - 4, THIS_YEAR - 3, THIS_YEAR - 2, THIS_YEAR - 1];
  for (const y of certified) {
    await completeJiningYear(app, from, p.id, y);
    await certify(app, from, p.id, y);
  }
  const [fraud] = await completeJiningYear(app, from, p.id, THIS_YEAR - 5);
  await certify(app, from, p.id, THIS_YEAR - 5);
  ok(await app.gql(MARK, { id: fraud, r: '证书系伪造' }, from.accounts.bureau.token), 'markDeclarationFraudulent');
  await recorded(app, from, p.id, THIS_YEAR, 'publicElective', { hours: 10 });
  return { ...p, name: name as string, certified };
}

/** A person of the sending tenant with no certified year (for the tests that need none). */
export async function plainPerson(app: TestApp, from: TenantFixture): Promise<Mover> {
  const p = await addProfessional(app, from, from.nodes.unitA2);
  const [{ name }] = await app.owner.query(`SELECT name FROM professional WHERE tenant_id = $1 AND id = $2`, [from.tenantId, p.id]);
  return { ...p, name: name as string, certified: [] };
}

export function moveInput(to: TenantFixture, person: { idNumber: string; name: string }, more: object = {}) {
  return { idNumber: person.idNumber, name: person.name, unitId: to.nodes.unitA1, titleLevel: 'INTERMEDIATE', titleSeries: 'HEALTH', joinedUnitOn: `${THIS_YEAR}-03-01`, ...more };
}

/** The receiving tenant's unit official asks for the person; the request's id. */
export async function requested(app: TestApp, to: TenantFixture, person: { idNumber: string; name: string }): Promise<string> {
  return ok<{ id: string }>(await app.gql(REQUEST_MOVE, { i: moveInput(to, person) }, to.accounts.unitA1.token), 'requestMove').id;
}

export async function consented(app: TestApp, token: string, requestId: string): Promise<{ yearsMoved: number; professionalId: string }> {
  return ok(await app.gql(CONSENT, { id: requestId }, token), 'consentMove');
}

/** The receiving tenant's record made (or linked) by a consented request. */
export async function movedProfessional(app: TestApp, to: TenantFixture, requestId: string): Promise<string> {
  const [row] = await app.owner.query(`SELECT professional_id FROM move_request WHERE tenant_id = $1 AND id = $2`, [to.tenantId, requestId]);
  return row.professional_id as string;
}

export async function movedYears(app: TestApp, token: string, professionalId: string): Promise<MovedYearView[]> {
  return ok<{ movedYears: MovedYearView[] }>(await app.gql(MOVED_YEARS, { id: professionalId }, token), 'professional').movedYears;
}

/** A department official of the receiving tenant (deptA: above unit A1). */
export async function departmentToken(app: TestApp, t: TenantFixture): Promise<string> {
  return addAccount(app, t, 'DEPARTMENT_OFFICIAL', t.nodes.deptA);
}

export function failure(r: GqlResult): { code: string | undefined; field: string | undefined } {
  return { code: r.errors?.[0]?.extensions?.code, field: r.errors?.[0]?.extensions?.field };
}

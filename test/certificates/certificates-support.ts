// Shared set-up for the certificates tests: the GraphQL operations, certified years (the
// bureau certifies what the tests recorded), the PDF download and the public page.
import type { TenantFixture } from '../support/fixtures';
import type { GqlResult, TestApp } from '../support/harness';
import { ok } from '../declarations/declarations-support';

export const CERTIFICATE_FIELDS = `id professionalId code scope title holderName idNumber years
  lines { year regime publicHours professionalHours totalHours complete policyRevision }
  issuingBody issuedOn policyRevisions targetLevel applicationYear issuedAt status revokedAt downloadUrl verifyUrl`;

export const ISSUE = `mutation($i: IssueCertificateInput!) { issueCertificate(input: $i) { ${CERTIFICATE_FIELDS} } }`;
export const MINE = `query($first: Int, $after: String) { myCertificates(first: $first, after: $after) {
  totalCount nodes { ${CERTIFICATE_FIELDS} } pageInfo { hasNextPage endCursor } } }`;
export const OF_PERSON = `query($p: ID!, $first: Int, $after: String) { certificates(professionalId: $p, first: $first, after: $after) {
  totalCount nodes { ${CERTIFICATE_FIELDS} } pageInfo { hasNextPage endCursor } } }`;
export const ONE = `query($id: ID!) { certificate(id: $id) { ${CERTIFICATE_FIELDS} } }`;
export const OPTIONS = `query($p: ID) { certificateOptions(professionalId: $p) { scope title requireComplete source certifiedYears { year complete } } }`;

export interface CertificateLineView {
  year: number;
  regime: string;
  publicHours: number;
  professionalHours: number;
  totalHours: number;
  complete: boolean;
  policyRevision: number;
}

export interface CertificateView {
  id: string;
  professionalId: string;
  code: string;
  scope: string;
  title: string;
  holderName: string;
  idNumber: string;
  years: number[];
  lines: CertificateLineView[];
  issuingBody: string;
  issuedOn: string;
  policyRevisions: number[];
  targetLevel: string | null;
  applicationYear: number | null;
  issuedAt: string;
  status: 'VALID' | 'REVOKED';
  revokedAt: string | null;
  downloadUrl: string;
  verifyUrl: string;
}

export async function issue(app: TestApp, token: string, input: object): Promise<GqlResult> {
  return app.gql(ISSUE, { i: input }, token);
}

export async function issued(app: TestApp, token: string, input: object): Promise<CertificateView> {
  return ok<CertificateView>(await issue(app, token, input), 'issueCertificate');
}

/** The bureau certifies a person's year (under the current policy revision). */
export async function certify(app: TestApp, t: TenantFixture, professionalId: string, year: number): Promise<void> {
  ok(await app.gql(`mutation($p: ID!, $y: Int!) { certifyYear(professionalId: $p, year: $y) { year } }`, { p: professionalId, y: year }, t.accounts.bureau.token), 'certifyYear');
}

/** GET /certificates/:id/pdf with a token (or none). */
export async function download(app: TestApp, id: string, token?: string): Promise<Response> {
  return fetch(`${app.url}/certificates/${id}/pdf`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** GET /verify/:code, as a browser (HTML) or as data (JSON). */
export async function verifyPage(app: TestApp, code: string, as: 'html' | 'json' = 'html'): Promise<Response> {
  return fetch(`${app.url}/verify/${encodeURIComponent(code)}`, { headers: { accept: as === 'json' ? 'application/json' : 'text/html' } });
}

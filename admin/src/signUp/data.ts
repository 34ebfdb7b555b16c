// The public sign-up's GraphQL: the directory of units (and of the organisations
// a new one may apply under), the two sign-ups and the progress by receipt. Sent
// without the session's token even when someone is signed in: these name their
// tenant themselves, and a token of another tenant would be refused.
import { gql } from '../providers/graphql';
import type { Connection } from '../providers/pagination';
import type { RegistrationStatus } from '../shared/registration-status';

export interface DirectoryEntry {
  id: string;
  name: string;
  kind: 'BUREAU' | 'DEPARTMENT' | 'UNIT';
  /** the names above it, from the bureau down */
  pathNames: string[];
}

export interface RegistrationProgress {
  kind: 'PROFESSIONAL' | 'UNIT' | 'DEPARTMENT';
  status: RegistrationStatus;
  name: string;
  organisationName: string;
  signInName: string;
  submittedAt: string;
  expiresAt: string;
  decidedAt: string | null;
  rejectionReason: string | null;
}

export interface RegistrationReceipt {
  receipt: string;
  progress: RegistrationProgress;
}

const PROGRESS = `kind status name organisationName signInName submittedAt expiresAt decidedAt rejectionReason`;
const PUBLIC = { token: null };

export type DirectorySource = 'units' | 'parents';

/** A page of the directory: units a professional may choose, or the bureau and departments an organisation may apply under. */
export async function searchDirectory(source: DirectorySource, tenantCode: string, name: string, after: string | null): Promise<Connection<DirectoryEntry>> {
  const field = source === 'units' ? 'registrationUnits' : 'registrationParents';
  const data = await gql<Record<string, Connection<DirectoryEntry>>>(
    `query Directory($tenantCode: String!, $name: String, $first: Int!, $after: String) {
      ${field}(tenantCode: $tenantCode, name: $name, first: $first, after: $after) { nodes { id name kind pathNames } pageInfo { endCursor hasNextPage } totalCount }
    }`,
    { tenantCode: tenantCode.trim(), name: name.trim() || null, first: 20, after },
    PUBLIC,
  );
  return data[field]!;
}

export interface ProfessionalSignUp {
  tenantCode: string;
  idNumber: string;
  name: string;
  phone: string;
  titleLevel: string;
  titleSeries: string;
  unitId: string;
  password: string;
}

export async function signUpProfessional(input: ProfessionalSignUp): Promise<RegistrationReceipt> {
  const data = await gql<{ signUpProfessional: RegistrationReceipt }>(
    `mutation SignUpProfessional($input: ProfessionalSignUpInput!) { signUpProfessional(input: $input) { receipt progress { ${PROGRESS} } } }`,
    { input },
    PUBLIC,
  );
  return data.signUpProfessional;
}

export interface OrganisationApplicationInput {
  tenantCode: string;
  kind: 'UNIT' | 'DEPARTMENT';
  name: string;
  code: string | null;
  parentId: string;
  adminUsername: string;
  adminName: string;
  adminPhone: string;
  password: string;
}

export async function applyForOrganisation(input: OrganisationApplicationInput): Promise<RegistrationReceipt> {
  const data = await gql<{ applyForOrganisation: RegistrationReceipt }>(
    `mutation ApplyForOrganisation($input: OrganisationApplicationInput!) { applyForOrganisation(input: $input) { receipt progress { ${PROGRESS} } } }`,
    { input },
    PUBLIC,
  );
  return data.applyForOrganisation;
}

export async function registrationProgress(tenantCode: string, receipt: string): Promise<RegistrationProgress> {
  const data = await gql<{ registrationProgress: RegistrationProgress }>(
    `query RegistrationProgress($tenantCode: String!, $receipt: String!) { registrationProgress(tenantCode: $tenantCode, receipt: $receipt) { ${PROGRESS} } }`,
    { tenantCode: tenantCode.trim(), receipt: receipt.trim() },
    PUBLIC,
  );
  return data.registrationProgress;
}

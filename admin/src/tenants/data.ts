// The tenants resource against the API: the operator's list (keyset pages),
// onboarding from a policy file, the policy file check, suspend and resume.
import type { GetListParams } from 'ra-core';
import type { ResourceData } from '../providers/data-provider';
import { ApiError, gql } from '../providers/graphql';
import { type Connection, listKey, pageOf } from '../providers/pagination';

export interface Tenant {
  id: string;
  code: string;
  name: string;
  status: 'ACTIVE' | 'SUSPENDED';
  suspendedAt: string | null;
  suspensionReason: string | null;
}

/** One problem of a policy file, where it is (1-based line and column). */
export interface PolicyProblem {
  line: number;
  column: number;
  path: string | null;
  message: string;
}

const FIELDS = 'id code name status suspendedAt suspensionReason';
const LIST = `query Tenants($first: Int!, $after: String) { tenants(first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } totalCount } }`;
const CREATE = `mutation CreateTenant($input: CreateTenantInput!) { createTenant(input: $input) { ${FIELDS} } }`;
const SUSPEND = `mutation SuspendTenant($id: ID!, $reason: String!) { suspendTenant(id: $id, reason: $reason) { ${FIELDS} } }`;
const RESUME = `mutation ResumeTenant($id: ID!) { resumeTenant(id: $id) { ${FIELDS} } }`;
const VALIDATE = `query ValidatePolicyFile($policy: String!, $code: String!) { validatePolicyFile(policy: $policy, code: $code) { ok problems { line column path message } } }`;

const fetchPage = (first: number, after: string | null) => gql<{ tenants: Connection<Tenant> }>(LIST, { first, after }).then((d) => d.tenants);

export const tenantsData: ResourceData = {
  getList: (params: GetListParams) => pageOf(listKey('tenants', params), params, fetchPage),
  // the API has no tenant(id) query; the operator's list is short, so walk it
  async getOne({ id }) {
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Connection<Tenant> = await fetchPage(100, after);
      const found = page.nodes.find((t) => t.id === id);
      if (found) return { data: found };
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    throw new ApiError('未找到该租户', 404, 'NOT_FOUND', null);
  },
  async create({ data }) {
    const input = { code: String(data.code ?? '').trim(), name: String(data.name ?? '').trim(), bureauName: String(data.bureauName ?? '').trim(), policy: data.policy || null };
    return { data: (await gql<{ createTenant: Tenant }>(CREATE, { input })).createTenant };
  },
};

export async function suspendTenant(id: string, reason: string): Promise<Tenant> {
  return (await gql<{ suspendTenant: Tenant }>(SUSPEND, { id, reason })).suspendTenant;
}

export async function resumeTenant(id: string): Promise<Tenant> {
  return (await gql<{ resumeTenant: Tenant }>(RESUME, { id })).resumeTenant;
}

export async function validatePolicyFile(policy: string, code: string): Promise<{ ok: boolean; problems: PolicyProblem[] }> {
  return (await gql<{ validatePolicyFile: { ok: boolean; problems: PolicyProblem[] } }>(VALIDATE, { policy, code })).validatePolicyFile;
}

/** The problems a failed createTenant carries (POLICY_FILE_INVALID), or none. */
export function problemsOf(error: unknown): PolicyProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'POLICY_FILE_INVALID') return [];
  const problems = error.extensions.problems;
  return Array.isArray(problems) ? (problems as PolicyProblem[]) : [];
}

// Accounts in the official's scope (by user name, keyset pages), and the two
// mutations that answer a one-time activation code: creating an official's
// account and resetting an account's password. The code never enters
// react-admin's cache: the screens call these directly and show it once.
import type { ResourceData } from '../providers/data-provider';
import { ApiError, gql } from '../providers/graphql';
import { type Connection, listKey, pageOf } from '../providers/pagination';

export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgNodeId: string;
  professionalId: string | null;
  status: string;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface IssuedCode {
  activationCode: string;
  expiresAt: string;
  account: AccountRecord;
}

const FIELDS = `id username displayName role orgNodeId professionalId status createdAt lastSignInAt`;
const LIST = `query Accounts($first: Int!, $after: String) { accounts(first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } totalCount } }`;
const ONE = `query Account($id: ID!) { node(id: $id) { ... on Account { ${FIELDS} } } }`;
const CREATE = `mutation CreateOfficialAccount($input: CreateOfficialAccountInput!) { createOfficialAccount(input: $input) { activationCode expiresAt account { ${FIELDS} } } }`;
const RESET = `mutation IssueActivationCode($input: IssueActivationCodeInput!) { issueActivationCode(input: $input) { activationCode expiresAt account { ${FIELDS} } } }`;

export const accountsData: ResourceData = {
  async getList(params) {
    return pageOf(listKey('accounts', params), params, (first, after) => gql<{ accounts: Connection<AccountRecord> }>(LIST, { first, after }).then((d) => d.accounts));
  },
  async getOne({ id }) {
    const { node } = await gql<{ node: AccountRecord | null }>(ONE, { id });
    if (!node?.username) throw new ApiError('未找到此账号，或不在您的管理范围内', 404, 'NOT_FOUND', null);
    return { data: node };
  },
};

export async function createOfficialAccount(input: { username: string; displayName: string; role: string; orgNodeId: string }): Promise<IssuedCode> {
  return (await gql<{ createOfficialAccount: IssuedCode }>(CREATE, { input: { ...input, username: input.username.trim(), displayName: input.displayName.trim() } })).createOfficialAccount;
}

export async function resetAccount(accountId: string): Promise<IssuedCode> {
  return (await gql<{ issueActivationCode: IssuedCode }>(RESET, { input: { accountId } })).issueActivationCode;
}

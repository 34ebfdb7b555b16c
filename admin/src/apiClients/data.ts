// API clients (第三方接入客户端) through the GraphQL API: list, create (the key is
// answered only once, so create hands it back with the record), revoke.
import type { ResourceData } from '../providers/data-provider';
import { gql } from '../providers/graphql';
import { type Connection, listKey, pageOf } from '../providers/pagination';

export interface ApiClientRecord {
  id: string;
  name: string;
  keyId: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  /** only on the record create answers: the key, shown once */
  apiKey?: string;
}

const FIELDS = 'id name keyId scopes createdAt revokedAt expiresAt lastUsedAt';

const LIST = `query ApiClients($first: Int!, $after: String) {
  apiClients(first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } totalCount }
}`;
const ONE = `query ApiClient($id: ID!) { node(id: $id) { ... on ApiClient { ${FIELDS} } } }`;
const CREATE = `mutation CreateApiClient($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey client { ${FIELDS} } } }`;
const REVOKE = `mutation RevokeApiClient($id: ID!) { revokeApiClient(id: $id) { ${FIELDS} } }`;

export const apiClientsData: ResourceData = {
  getList: (params) =>
    pageOf(listKey('apiClients', params), params, (first, after) =>
      gql<{ apiClients: Connection<ApiClientRecord> }>(LIST, { first, after }).then((d) => d.apiClients),
    ),
  async getOne({ id }) {
    const { node } = await gql<{ node: ApiClientRecord | null }>(ONE, { id });
    if (!node) throw new Error('ra.notification.item_doesnt_exist');
    return { data: node };
  },
  async create({ data }) {
    const input = {
      name: String(data.name ?? '').trim(),
      scopes: (data.scopes as string[] | undefined) ?? [],
      expiresAt: data.expiresAt ? new Date(data.expiresAt as string).toISOString() : null,
    };
    const { createApiClient } = await gql<{ createApiClient: { apiKey: string; client: ApiClientRecord } }>(CREATE, { input });
    return { data: { ...createApiClient.client, apiKey: createApiClient.apiKey } };
  },
  async update({ id }) {
    // the only change a client allows is revoking it
    const { revokeApiClient } = await gql<{ revokeApiClient: ApiClientRecord }>(REVOKE, { id });
    return { data: revokeApiClient };
  },
};

// Organisations through the GraphQL API. The tree is small (a city's
// departments and units), so a list reads the whole scope in depth-first order
// and the name search and paging happen here; the API has no name filter.
import type { GetListParams } from 'ra-core';
import type { ResourceData } from '../providers/data-provider';
import { ApiError, gql } from '../providers/graphql';
import type { Connection } from '../providers/pagination';

export interface OrganisationRecord {
  id: string;
  kind: 'BUREAU' | 'DEPARTMENT' | 'UNIT';
  name: string;
  code: string | null;
  parentId: string | null;
  depth: number;
  employerType: string | null;
  effectiveEmployerType: string | null;
  version: number;
}

const FIELDS = `id kind name code parentId depth employerType effectiveEmployerType version`;
const LIST = `query Organisations($kind: OrgKind, $under: ID, $first: Int!, $after: String) {
  organisations(kind: $kind, under: $under, first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } }
}`;
const ONE = `query Organisation($id: ID!) { organisation(id: $id) { ${FIELDS} } }`;
const CREATE = `mutation CreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${FIELDS} } }`;
const MOVE = `mutation MoveOrganisation($input: MoveOrganisationInput!) { moveOrganisation(input: $input) { ${FIELDS} } }`;
const RENAME = `mutation RenameOrganisation($input: RenameOrganisationInput!) { renameOrganisation(input: $input) { ${FIELDS} } }`;
const EMPLOYER = `mutation SetEmployerType($input: SetEmployerTypeInput!) { setOrganisationEmployerType(input: $input) { ${FIELDS} } }`;

/** Upper bound on what one tree read fetches (100 a page). */
const MAX_PAGES = 50;

export async function loadOrganisations(kind?: string, under?: string): Promise<OrganisationRecord[]> {
  const all: OrganisationRecord[] = [];
  let after: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page: Connection<OrganisationRecord> = (
      await gql<{ organisations: Connection<OrganisationRecord> }>(LIST, { kind: kind ?? null, under: under ?? null, first: 100, after })
    ).organisations;
    all.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return all;
}

function matches(filter: GetListParams['filter'], org: OrganisationRecord): boolean {
  const q = typeof filter?.q === 'string' ? filter.q.trim().toLowerCase() : '';
  if (q && !org.name.toLowerCase().includes(q) && !(org.code ?? '').toLowerCase().includes(q)) return false;
  if (Array.isArray(filter?.kinds) && !filter.kinds.includes(org.kind)) return false;
  return true;
}

export const organisationsData: ResourceData = {
  async getList(params) {
    const kind = typeof params.filter?.kind === 'string' ? params.filter.kind : undefined;
    const under = typeof params.filter?.under === 'string' ? params.filter.under : undefined;
    const rows = (await loadOrganisations(kind, under)).filter((o) => matches(params.filter, o));
    const perPage = params.pagination?.perPage ?? 25;
    const page = params.pagination?.page ?? 1;
    return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
  },
  async getOne({ id }) {
    const { organisation } = await gql<{ organisation: OrganisationRecord | null }>(ONE, { id });
    if (!organisation) throw new ApiError('未找到此机构，或不在您的管理范围内', 404, 'NOT_FOUND', null);
    return { data: organisation };
  },
  async create({ data }) {
    const input = {
      parentId: data.parentId,
      kind: data.kind,
      name: String(data.name ?? '').trim(),
      code: typeof data.code === 'string' && data.code.trim() ? data.code.trim() : null,
      employerType: data.employerType || null,
    };
    return { data: (await gql<{ createOrganisation: OrganisationRecord }>(CREATE, { input })).createOrganisation };
  },
};

export async function renameOrganisation(id: string, name: string): Promise<OrganisationRecord> {
  return (await gql<{ renameOrganisation: OrganisationRecord }>(RENAME, { input: { id, name: name.trim() } })).renameOrganisation;
}

export async function moveOrganisation(id: string, newParentId: string): Promise<OrganisationRecord> {
  return (await gql<{ moveOrganisation: OrganisationRecord }>(MOVE, { input: { id, newParentId } })).moveOrganisation;
}

export async function setEmployerType(org: OrganisationRecord, employerType: string | null): Promise<OrganisationRecord> {
  const input = { id: org.id, version: org.version, employerType };
  return (await gql<{ setOrganisationEmployerType: OrganisationRecord }>(EMPLOYER, { input })).setOrganisationEmployerType;
}

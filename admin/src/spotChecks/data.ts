// Spot checks (随机抽查) through the API: list, one with its departments, draw
// (create), and the items of one, recorded one outcome at a time.
import type { ResourceData } from '../providers/data-provider';
import { gql } from '../providers/graphql';
import { type Connection, listKey, pageOf } from '../providers/pagination';

export interface SpotCheckRecord {
  id: string;
  year: number;
  percentage: number;
  seed: string;
  departmentIds: string[] | null;
  population: number;
  itemCount: number;
  departments: { departmentId: string; departmentName: string; population: number; drawn: number }[];
  pending: number;
  passed: number;
  failed: number;
  drawnAt: string;
}

export type Outcome = 'PENDING' | 'PASSED' | 'FAILED';

export interface SpotCheckItemRecord {
  id: string;
  departmentName: string;
  position: number;
  declarationId: string;
  outcome: Outcome;
  reason: string | null;
  decidedAt: string | null;
  declaration: { professionalName: string; unitName: string; kindName: string; date: string | null; status: string; year: number } | null;
}

const FIELDS = 'id year percentage seed departmentIds population itemCount pending passed failed drawnAt departments { departmentId departmentName population drawn }';
const ITEM = 'id departmentName position declarationId outcome reason decidedAt declaration { professionalName unitName kindName date status year }';

const LIST = `query SpotChecks($first: Int!, $after: String) {
  spotChecks(first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } totalCount }
}`;
const ONE = `query SpotCheck($id: ID!) { spotCheck(id: $id) { ${FIELDS} } }`;
const DRAW = `mutation DrawSpotCheck($input: DrawSpotCheckInput!) { drawSpotCheck(input: $input) { ${FIELDS} } }`;
const ITEMS = `query SpotCheckItems($id: ID!, $outcome: SpotCheckOutcome, $first: Int!, $after: String) {
  spotCheck(id: $id) { items(outcome: $outcome, first: $first, after: $after) { nodes { ${ITEM} } pageInfo { endCursor hasNextPage } totalCount } }
}`;
const RECORD = `mutation RecordSpotCheckOutcome($itemId: ID!, $passed: Boolean!, $reason: String) {
  recordSpotCheckOutcome(itemId: $itemId, passed: $passed, reason: $reason) { ${ITEM} }
}`;
const DEPARTMENTS = `query Departments { organisations(kind: DEPARTMENT, first: 100) { nodes { id name } } }`;

export const spotChecksData: ResourceData = {
  getList: (params) =>
    pageOf(listKey('spotChecks', params), params, (first, after) =>
      gql<{ spotChecks: Connection<SpotCheckRecord> }>(LIST, { first, after }).then((d) => d.spotChecks),
    ),
  async getOne({ id }) {
    return { data: (await gql<{ spotCheck: SpotCheckRecord }>(ONE, { id })).spotCheck };
  },
  async create({ data }) {
    const ids = (data.departmentIds as string[] | undefined) ?? [];
    const input = {
      year: Number(data.year),
      percentage: Number(data.percentage),
      seed: String(data.seed ?? '').trim(),
      departmentIds: ids.length ? ids : null,
    };
    return { data: (await gql<{ drawSpotCheck: SpotCheckRecord }>(DRAW, { input })).drawSpotCheck };
  },
};

export async function loadItems(id: string, outcome: Outcome | null, first: number, after: string | null): Promise<Connection<SpotCheckItemRecord>> {
  return (await gql<{ spotCheck: { items: Connection<SpotCheckItemRecord> } }>(ITEMS, { id, outcome, first, after })).spotCheck.items;
}

export async function recordOutcome(itemId: string, passed: boolean, reason: string | null): Promise<SpotCheckItemRecord> {
  return (await gql<{ recordSpotCheckOutcome: SpotCheckItemRecord }>(RECORD, { itemId, passed, reason })).recordSpotCheckOutcome;
}

export async function loadDepartments(): Promise<{ id: string; name: string }[]> {
  return (await gql<{ organisations: { nodes: { id: string; name: string }[] } }>(DEPARTMENTS)).organisations.nodes;
}

// The receiving side of a move between cities (迁入申请): the requests into the official's
// part of the tree, newest first, one tab per state; asking for a person registered in
// another tenant (by ID number and name), and withdrawing a request nobody answered yet.
import type { CreateParams, GetListParams, GetOneParams } from 'ra-core';
import type { ResourceData } from '../providers/data-provider';
import { gql } from '../providers/graphql';
import { type Connection, forgetCursors, listKey, pageOf } from '../providers/pagination';
import { personInput } from '../professionals/data';

export const MOVE_STATUSES = ['PENDING', 'CONSENTED', 'REFUSED', 'CANCELLED', 'EXPIRED'] as const;
export type MoveStatus = (typeof MOVE_STATUSES)[number];

export interface MoveRequestRecord {
  id: string;
  idNumberMasked: string;
  name: string;
  unitId: string;
  unitName: string;
  titleLevel: string;
  titleSeries: string;
  joinedUnitOn: string;
  status: MoveStatus;
  requestedAt: string;
  expiresAt: string;
  decidedAt: string | null;
  decidedBy: 'PERSON' | 'BUREAU' | null;
  refusalReason: string | null;
  sourceTenantName: string | null;
  professionalId: string | null;
  yearsMoved: number | null;
}

const FIELDS = `id idNumberMasked name unitId unitName titleLevel titleSeries joinedUnitOn status requestedAt expiresAt
  decidedAt decidedBy refusalReason sourceTenantName professionalId yearsMoved`;

/** The tab shown: the list's status filter, pending by default. */
export function statusOf(filter: Record<string, unknown> | undefined): MoveStatus {
  const s = filter?.status;
  return MOVE_STATUSES.includes(s as MoveStatus) ? (s as MoveStatus) : 'PENDING';
}

export const moveRequestsData: ResourceData = {
  async getList(params: GetListParams) {
    const status = statusOf(params.filter);
    return pageOf(listKey('moveRequests', params), params, async (first, after) => {
      const data = await gql<{ moveRequests: Connection<MoveRequestRecord> }>(
        `query MoveRequests($status: MoveRequestStatus, $first: Int!, $after: String) {
          moveRequests(status: $status, first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } totalCount }
        }`,
        { status, first, after },
      );
      return data.moveRequests;
    });
  },

  async getOne(params: GetOneParams) {
    const data = await gql<{ moveRequest: MoveRequestRecord | null }>(`query MoveRequest($id: ID!) { moveRequest(id: $id) { ${FIELDS} } }`, { id: String(params.id) });
    if (!data.moveRequest) throw new Error('ra.notification.item_doesnt_exist');
    return { data: data.moveRequest };
  },

  async create({ data }: CreateParams) {
    // what the person is registered as here, as when registering someone
    const input = personInput(data);
    const created = await gql<{ requestMove: MoveRequestRecord }>(`mutation RequestMove($input: RequestMoveInput!) { requestMove(input: $input) { ${FIELDS} } }`, { input });
    return { data: created.requestMove };
  },
};

export async function cancelMoveRequest(id: string): Promise<MoveRequestRecord> {
  const data = await gql<{ cancelMoveRequest: MoveRequestRecord }>(`mutation CancelMoveRequest($id: ID!) { cancelMoveRequest(id: $id) { ${FIELDS} } }`, { id });
  forgetCursors('moveRequests');
  return data.cancelMoveRequest;
}

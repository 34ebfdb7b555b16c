// The sending side of a move between cities (迁出确认): the pending requests another city
// made for me (a professional) or for this city's people (the bureau), oldest first; and
// the answers. Consenting moves the certified years to the receiving city at once.
import type { GetListParams } from 'ra-core';
import type { ResourceData } from '../providers/data-provider';
import { gql } from '../providers/graphql';
import { type Connection, forgetCursors, listKey, pageOf } from '../providers/pagination';

export interface MoveConsentRecord {
  id: string;
  receivingTenantName: string;
  receivingUnitName: string;
  requestedAt: string;
  expiresAt: string;
  professionalId: string;
  professional: { id: string; name: string; idNumberMasked: string; unit: { name: string } | null } | null;
}

export interface MoveDecision {
  requestId: string;
  status: 'CONSENTED' | 'REFUSED';
  receivingTenantName: string;
  yearsMoved: number;
}

const FIELDS = `id receivingTenantName receivingUnitName requestedAt expiresAt professionalId professional { id name idNumberMasked unit { name } }`;
const DECISION = `requestId status receivingTenantName yearsMoved`;

export const moveConsentsData: ResourceData = {
  async getList(params: GetListParams) {
    return pageOf(listKey('moveConsents', params), params, async (first, after) => {
      const data = await gql<{ myMoveRequests: Connection<MoveConsentRecord> }>(
        `query MyMoveRequests($first: Int!, $after: String) {
          myMoveRequests(first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } totalCount }
        }`,
        { first, after },
      );
      return data.myMoveRequests;
    });
  },
};

/** How many requests wait for my answer (the professional's home says so). */
export async function pendingMoveCount(): Promise<number> {
  const data = await gql<{ myMoveRequests: { totalCount: number } }>(`query PendingMoves { myMoveRequests(first: 1) { totalCount } }`);
  return data.myMoveRequests.totalCount;
}

export async function consentMove(requestId: string): Promise<MoveDecision> {
  const data = await gql<{ consentMove: MoveDecision }>(`mutation ConsentMove($id: ID!) { consentMove(requestId: $id) { ${DECISION} } }`, { id: requestId });
  forgetCursors('moveConsents');
  return data.consentMove;
}

export async function refuseMove(requestId: string, reason: string): Promise<MoveDecision> {
  const data = await gql<{ refuseMove: MoveDecision }>(`mutation RefuseMove($id: ID!, $reason: String!) { refuseMove(requestId: $id, reason: $reason) { ${DECISION} } }`, {
    id: requestId,
    reason,
  });
  forgetCursors('moveConsents');
  return data.refuseMove;
}

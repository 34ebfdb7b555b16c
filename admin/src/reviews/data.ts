// The review queue of the signed-in official's level (unit, department or bureau):
// one tab per queue status with its count, the decisions on one declaration, and
// approving a page at once.
import type { GetListParams, GetOneParams } from 'ra-core';
import { FULL } from '../declarations/data';
import type { ResourceData } from '../providers/data-provider';
import { gql } from '../providers/graphql';
import { type Connection, forgetCursors, listKey, pageOf } from '../providers/pagination';

export type QueueStatus = 'WAITING' | 'FORWARDED' | 'RECORDED' | 'REJECTED' | 'WITHDRAWN' | 'REVOKED';
export const QUEUE_STATUSES: readonly QueueStatus[] = ['WAITING', 'FORWARDED', 'RECORDED', 'REJECTED', 'WITHDRAWN', 'REVOKED'];

/** A queue row: no decisions (a page of 50 asking them would exceed the query-cost limit). */
const ROW = `id professionalName unitName kind kindName year date status round currentLevel submittedAt version
  warnings { code }
  preview { hours { publicHours professionalHours } }`;

interface QueueFilter {
  status?: QueueStatus;
  kind?: string;
  unitId?: string;
  from?: string;
  to?: string;
  titleSeries?: string;
}

/** The API's filter from the list's (empty choices dropped). */
export function queueFilter(values: Record<string, unknown>, withStatus = true): QueueFilter {
  const f: QueueFilter = {};
  const text = (k: keyof QueueFilter) => (typeof values[k] === 'string' && values[k] ? (values[k] as string) : undefined);
  if (withStatus) f.status = (text('status') as QueueStatus | undefined) ?? 'WAITING';
  for (const k of ['kind', 'unitId', 'titleSeries'] as const) if (text(k)) f[k] = text(k) as never;
  if (text('from')) f.from = text('from')!.slice(0, 10);
  if (text('to')) f.to = text('to')!.slice(0, 10);
  return f;
}

export const reviewsData: ResourceData = {
  async getList(params: GetListParams) {
    const filter = queueFilter(params.filter ?? {});
    return pageOf(listKey('reviews', params), params, async (first, after) => {
      const data = await gql<{ reviewQueue: Connection<{ id: string }> }>(
        `query ReviewQueue($filter: ReviewQueueFilter, $first: Int!, $after: String) {
          reviewQueue(filter: $filter, first: $first, after: $after) { nodes { ${ROW} } pageInfo { endCursor hasNextPage } totalCount }
        }`,
        { filter, first, after },
      );
      return data.reviewQueue;
    });
  },

  async getOne(params: GetOneParams) {
    const data = await gql<{ declaration: { id: string } | null }>(`query ReviewDeclaration($id: ID!) { declaration(id: $id) { ${FULL} } }`, { id: String(params.id) });
    if (!data.declaration) throw new Error('ra.notification.item_doesnt_exist');
    return { data: data.declaration };
  },
};

export interface QueueCounts extends Record<Lowercase<QueueStatus>, number> {
  limit: number;
  capped: QueueStatus[];
}

export async function queueCounts(values: Record<string, unknown>): Promise<QueueCounts> {
  const data = await gql<{ reviewQueueCounts: QueueCounts }>(
    `query QueueCounts($filter: ReviewQueueFilter) { reviewQueueCounts(filter: $filter) { waiting forwarded recorded rejected withdrawn revoked limit capped } }`,
    { filter: queueFilter(values, false) },
  );
  return data.reviewQueueCounts;
}

/** Runs a decision and forgets the queue's cursors (the row leaves its tab). */
async function decide<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const data = await gql<T>(query, variables);
  forgetCursors('reviews');
  return data;
}

export function approve(id: string, version: number, comment: string | null) {
  return decide(`mutation Approve($id: ID!, $version: Int, $comment: String) { approveDeclaration(id: $id, version: $version, comment: $comment) { id status version } }`, { id, version, comment });
}

export function reject(id: string, version: number, reason: string) {
  return decide(`mutation Reject($id: ID!, $version: Int, $reason: String!) { rejectDeclaration(id: $id, version: $version, reason: $reason) { id status version } }`, { id, version, reason });
}

export function adjust(id: string, version: number, publicHours: number, professionalHours: number, reason: string) {
  return decide(
    `mutation Adjust($id: ID!, $version: Int, $publicHours: Float!, $professionalHours: Float!, $reason: String!) {
      adjustDeclaration(id: $id, version: $version, publicHours: $publicHours, professionalHours: $professionalHours, reason: $reason) { id status version } }`,
    { id, version, publicHours, professionalHours, reason },
  );
}

export interface BulkItem {
  id: string;
  errorCode: string | null;
  errorMessage: string | null;
}

export async function bulkApprove(ids: string[], comment: string | null): Promise<BulkItem[]> {
  const data = await decide<{ bulkApproveDeclarations: BulkItem[] }>(
    `mutation BulkApprove($ids: [ID!]!, $comment: String) { bulkApproveDeclarations(ids: $ids, comment: $comment) { id errorCode errorMessage } }`,
    { ids, comment },
  );
  return data.bulkApproveDeclarations;
}

// react-admin asks for page N; the API pages by keyset (first/after). The cursor
// that starts each page is remembered per list (resource + filter + page size),
// so going forward, back or re-reading a page is one request; a jump to a page
// not seen yet walks forward from the nearest known one, a bounded number of pages.
import type { GetListParams, GetListResult } from 'ra-core';

export interface Connection<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount?: number;
}

type FetchPage<T> = (first: number, after: string | null) => Promise<Connection<T>>;

const MAX_WALK = 25;
const cursors = new Map<string, (string | null)[]>();

export function listKey(resource: string, params: Pick<GetListParams, 'filter' | 'sort' | 'pagination' | 'meta'>): string {
  return JSON.stringify([resource, params.filter ?? {}, params.sort ?? null, params.pagination?.perPage ?? 20, params.meta ?? null]);
}

/** Forgets the cursors of a resource's lists (after a write that may reorder them). */
export function forgetCursors(resource: string): void {
  for (const key of cursors.keys()) if (key.startsWith(JSON.stringify([resource]).slice(0, -1))) cursors.delete(key);
}

export async function pageOf<T extends { id: string }>(key: string, params: GetListParams, fetchPage: FetchPage<T>): Promise<GetListResult<T>> {
  const perPage = Math.min(Math.max(params.pagination?.perPage ?? 20, 1), 100);
  const page = Math.max(params.pagination?.page ?? 1, 1);
  const starts = cursors.get(key) ?? [null];
  cursors.set(key, starts);
  let known = Math.min(page, starts.length) - 1; // index of the nearest page whose start is known
  let result = await fetchPage(perPage, starts[known] ?? null);
  for (let walked = 0; known < page - 1; walked++) {
    if (!result.pageInfo.hasNextPage || walked >= MAX_WALK) break;
    starts[known + 1] = result.pageInfo.endCursor;
    known++;
    result = await fetchPage(perPage, starts[known] ?? null);
  }
  if (result.pageInfo.hasNextPage) starts[known + 1] = result.pageInfo.endCursor;
  return {
    data: result.nodes,
    total: result.totalCount,
    pageInfo: { hasNextPage: result.pageInfo.hasNextPage, hasPreviousPage: known > 0 },
  };
}

// The audit log (审计日志) through auditEvents: newest first, keyset pages, the
// list's filter passed as the API's AuditEventFilter. There is no query for one
// event, so a row's details are shown in the list (an expanded row), not a show page.
import type { ResourceData } from '../providers/data-provider';
import { gql } from '../providers/graphql';
import { type Connection, listKey, pageOf } from '../providers/pagination';

export interface AuditEventRecord {
  id: string;
  at: string;
  actorKind: 'ACCOUNT' | 'API_CLIENT' | 'OPERATOR' | 'SYSTEM';
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

const LIST = `query AuditEvents($filter: AuditEventFilter, $first: Int!, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    nodes { id at actorKind actorId actorLabel action entityType entityId before after requestId }
    pageInfo { endCursor hasNextPage }
    totalCount
  }
}`;

const FILTER_KEYS = ['actorLabel', 'actorLabelPrefix', 'entityType', 'entityId', 'action', 'actionPrefix', 'from', 'to'] as const;

/** Only the filter's known, non-empty fields (react-admin may keep empty strings). */
export function auditFilter(filter: Record<string, unknown> | undefined): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = filter?.[key];
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
  }
  return Object.keys(out).length ? out : null;
}

export const auditEventsData: ResourceData = {
  getList: (params) =>
    pageOf(listKey('auditEvents', params), params, (first, after) =>
      gql<{ auditEvents: Connection<AuditEventRecord> }>(LIST, { filter: auditFilter(params.filter), first, after }).then((d) => d.auditEvents),
    ),
};

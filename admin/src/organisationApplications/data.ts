// Organisations' applications waiting for the level above: a unit's for the
// department it applies under (or the district HR bureau), a department's (and any)
// for the bureau. Paged by keyset in application order, one tab per state.
import type { GetListParams, GetOneParams } from 'ra-core';
import type { ResourceData } from '../providers/data-provider';
import { gql } from '../providers/graphql';
import { type Connection, forgetCursors, listKey, pageOf } from '../providers/pagination';
import { type ApplicationState, type RegistrationCounts, registrationFilter } from '../shared/registration-filter';

export interface OrganisationApplicationRecord extends ApplicationState {
  id: string;
  kind: 'UNIT' | 'DEPARTMENT';
  name: string;
  code: string | null;
  parentId: string;
  parentName: string;
  adminUsername: string;
  adminName: string;
  adminPhone: string;
  organisationId: string | null;
  accountId: string | null;
}

const FIELDS = `id kind name code parentId parentName adminUsername adminName adminPhone status submittedAt expiresAt
  decidedAt decidedBy comment rejectionReason organisationId accountId`;

/** The list's filter of the organisation applied under (the bureau chooses among its departments). */
export const PARENT_FILTER = 'parentId';

export const organisationApplicationsData: ResourceData = {
  async getList(params: GetListParams) {
    const filter = registrationFilter(params.filter ?? {}, PARENT_FILTER);
    return pageOf(listKey('organisationApplications', params), params, async (first, after) => {
      const data = await gql<{ organisationApplicationQueue: Connection<OrganisationApplicationRecord> }>(
        `query OrganisationApplicationQueue($filter: RegistrationQueueFilter, $first: Int!, $after: String) {
          organisationApplicationQueue(filter: $filter, first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } totalCount }
        }`,
        { filter, first, after },
      );
      return data.organisationApplicationQueue;
    });
  },

  async getOne(params: GetOneParams) {
    const data = await gql<{ organisationApplication: OrganisationApplicationRecord | null }>(
      `query OrganisationApplication($id: ID!) { organisationApplication(id: $id) { ${FIELDS} } }`,
      { id: String(params.id) },
    );
    if (!data.organisationApplication) throw new Error('ra.notification.item_doesnt_exist');
    return { data: data.organisationApplication };
  },
};

export async function applicationCounts(values: Record<string, unknown>): Promise<RegistrationCounts> {
  const data = await gql<{ organisationApplicationQueueCounts: RegistrationCounts }>(
    `query OrganisationApplicationCounts($filter: RegistrationQueueFilter) {
      organisationApplicationQueueCounts(filter: $filter) { pending approved rejected expired limit capped } }`,
    { filter: registrationFilter(values, PARENT_FILTER, false) },
  );
  return data.organisationApplicationQueueCounts;
}

export async function approveApplication(id: string, comment: string | null) {
  const data = await gql<{ approveOrganisationApplication: { id: string; status: string } }>(
    `mutation ApproveOrganisationApplication($id: ID!, $comment: String) { approveOrganisationApplication(id: $id, comment: $comment) { id status organisationId accountId } }`,
    { id, comment },
  );
  forgetCursors('organisationApplications');
  return data.approveOrganisationApplication;
}

export async function rejectApplication(id: string, reason: string) {
  const data = await gql<{ rejectOrganisationApplication: { id: string; status: string } }>(
    `mutation RejectOrganisationApplication($id: ID!, $reason: String!) { rejectOrganisationApplication(id: $id, reason: $reason) { id status rejectionReason } }`,
    { id, reason },
  );
  forgetCursors('organisationApplications');
  return data.rejectOrganisationApplication;
}

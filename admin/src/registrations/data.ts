// The professionals' sign-ups waiting for the signed-in official's level: the
// chosen unit's officials, the department above it and the bureau (who may act for
// the unit). A list pages by keyset in sign-up order, one tab per state.
import type { GetListParams, GetOneParams } from 'ra-core';
import type { ResourceData } from '../providers/data-provider';
import { gql } from '../providers/graphql';
import { type Connection, forgetCursors, listKey, pageOf } from '../providers/pagination';
import { type ApplicationState, type RegistrationCounts, registrationFilter } from '../shared/registration-filter';

export interface RegistrationRecord extends ApplicationState {
  id: string;
  idNumber: string;
  idNumberMasked: string;
  name: string;
  gender: string;
  birthDate: string;
  phone: string;
  titleLevel: string;
  titleSeries: string;
  unitId: string;
  unitName: string;
  professionalId: string | null;
}

const FIELDS = `id idNumber idNumberMasked name gender birthDate phone titleLevel titleSeries unitId unitName status
  submittedAt expiresAt decidedAt decidedBy comment rejectionReason professionalId`;

/** The list's unit filter (departments and the bureau choose among their units). */
export const UNIT_FILTER = 'unitId';

export const registrationsData: ResourceData = {
  async getList(params: GetListParams) {
    const filter = registrationFilter(params.filter ?? {}, UNIT_FILTER);
    return pageOf(listKey('registrations', params), params, async (first, after) => {
      const data = await gql<{ registrationQueue: Connection<RegistrationRecord> }>(
        `query RegistrationQueue($filter: RegistrationQueueFilter, $first: Int!, $after: String) {
          registrationQueue(filter: $filter, first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } totalCount }
        }`,
        { filter, first, after },
      );
      return data.registrationQueue;
    });
  },

  async getOne(params: GetOneParams) {
    const data = await gql<{ professionalRegistration: RegistrationRecord | null }>(`query Registration($id: ID!) { professionalRegistration(id: $id) { ${FIELDS} } }`, {
      id: String(params.id),
    });
    if (!data.professionalRegistration) throw new Error('ra.notification.item_doesnt_exist');
    return { data: data.professionalRegistration };
  },
};

export async function registrationCounts(values: Record<string, unknown>): Promise<RegistrationCounts> {
  const data = await gql<{ registrationQueueCounts: RegistrationCounts }>(
    `query RegistrationCounts($filter: RegistrationQueueFilter) { registrationQueueCounts(filter: $filter) { pending approved rejected expired limit capped } }`,
    { filter: registrationFilter(values, UNIT_FILTER, false) },
  );
  return data.registrationQueueCounts;
}

export async function approveRegistration(id: string, joinedUnitOn: string | null, comment: string | null) {
  const data = await gql<{ approveProfessionalRegistration: { id: string; status: string; professionalId: string } }>(
    `mutation ApproveRegistration($id: ID!, $joinedUnitOn: String, $comment: String) {
      approveProfessionalRegistration(id: $id, joinedUnitOn: $joinedUnitOn, comment: $comment) { id status professionalId } }`,
    { id, joinedUnitOn, comment },
  );
  forgetCursors('registrations');
  return data.approveProfessionalRegistration;
}

export async function rejectRegistration(id: string, reason: string) {
  const data = await gql<{ rejectProfessionalRegistration: { id: string; status: string } }>(
    `mutation RejectRegistration($id: ID!, $reason: String!) { rejectProfessionalRegistration(id: $id, reason: $reason) { id status rejectionReason } }`,
    { id, reason },
  );
  forgetCursors('registrations');
  return data.rejectProfessionalRegistration;
}

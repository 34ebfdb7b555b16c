// Staff through the GraphQL API: the list pages by keyset (professionals is
// ordered by unit, so columns are not sortable), one person comes with their
// title history, and the person's year comes from completionStatus.
import type { GetListParams } from 'ra-core';
import type { ResourceData } from '../providers/data-provider';
import { ApiError, gql } from '../providers/graphql';
import { type Connection, listKey, pageOf } from '../providers/pagination';

const FIELDS = `id idNumber idNumberMasked name gender birthDate unitId titleLevel titleSeries titleObtainedOn phone status joinedUnitOn version createdAt updatedAt unit { id name }`;
const TITLE_FIELDS = `titleHistory { id level series obtainedOn issuingBody certificateNo recordedAt }`;

export interface TitleRecord {
  id: string;
  level: string;
  series: string;
  obtainedOn: string;
  issuingBody: string;
  certificateNo: string | null;
  recordedAt: string;
}

export interface ProfessionalRecord {
  id: string;
  idNumber: string;
  idNumberMasked: string;
  name: string;
  unitId: string;
  unit: { id: string; name: string } | null;
  version: number;
  titleHistory?: TitleRecord[];
  [key: string]: unknown;
}

const LIST = `query Professionals($filter: ProfessionalFilter, $first: Int!, $after: String) {
  professionals(filter: $filter, first: $first, after: $after) { nodes { ${FIELDS} } pageInfo { endCursor hasNextPage } totalCount }
}`;
const ONE = `query Professional($id: ID!) { professional(id: $id) { ${FIELDS} ${TITLE_FIELDS} } }`;
const CREATE = `mutation CreateProfessional($input: CreateProfessionalInput!) { createProfessional(input: $input) { ${FIELDS} ${TITLE_FIELDS} } }`;
const UPDATE = `mutation UpdateProfessional($input: UpdateProfessionalInput!) { updateProfessional(input: $input) { ${FIELDS} ${TITLE_FIELDS} } }`;
const TRANSFER = `mutation TransferProfessional($input: TransferProfessionalInput!) { transferProfessional(input: $input) { ${FIELDS} ${TITLE_FIELDS} } }`;
const RECORD_TITLE = `mutation RecordTitle($input: RecordTitleInput!) { recordTitle(input: $input) { ${FIELDS} ${TITLE_FIELDS} } }`;
const REMOVE_TITLE = `mutation RemoveTitleRecord($input: RemoveTitleRecordInput!) { removeTitleRecord(input: $input) { ${FIELDS} ${TITLE_FIELDS} } }`;
const ISSUE_CODE = `mutation IssueActivationCode($input: IssueActivationCodeInput!) { issueActivationCode(input: $input) { activationCode expiresAt account { id username status } } }`;

const ID_NUMBER = /^\d{17}[\dXx]$/;

/** The list's filter as ProfessionalFilter (also the Excel export's): a full ID number in the search box is matched exactly, anything else is a name prefix. */
export function toFilter(filter: GetListParams['filter']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['unitId', 'orgId', 'titleLevel', 'titleSeries', 'status'] as const) if (filter?.[key]) out[key] = filter[key];
  const q = typeof filter?.q === 'string' ? filter.q.trim() : '';
  if (q) {
    if (ID_NUMBER.test(q)) out.idNumber = q.toUpperCase();
    else out.name = q;
  }
  return out;
}

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

/** Who a person is and where they are registered, from a form (registering them, or asking for them to move here). */
export function personInput(data: Record<string, unknown>) {
  return {
    idNumber: String(data.idNumber ?? '').trim().toUpperCase(),
    name: String(data.name ?? '').trim(),
    unitId: data.unitId,
    titleLevel: data.titleLevel,
    titleSeries: data.titleSeries,
    phone: blankToNull(data.phone),
    joinedUnitOn: data.joinedUnitOn,
  };
}

export async function fetchProfessional(id: string): Promise<ProfessionalRecord> {
  const { professional } = await gql<{ professional: ProfessionalRecord | null }>(ONE, { id });
  // null: absent, another tenant's or outside the caller's scope, which the API does not tell apart
  if (!professional) throw new ApiError('未找到此人员，或不在您的管理范围内', 404, 'NOT_FOUND', null);
  return professional;
}

export const professionalsData: ResourceData = {
  async getList(params) {
    const filter = toFilter(params.filter);
    return pageOf(listKey('professionals', params), params, (first, after) =>
      gql<{ professionals: Connection<ProfessionalRecord> }>(LIST, { filter, first, after }).then((d) => d.professionals),
    );
  },
  async getOne({ id }) {
    return { data: await fetchProfessional(String(id)) };
  },
  async create({ data }) {
    const { createProfessional } = await gql<{ createProfessional: ProfessionalRecord }>(CREATE, { input: personInput(data) });
    return { data: createProfessional };
  },
  async update({ id, data, previousData }) {
    const hasTitles = (previousData?.titleHistory?.length ?? 0) > 0;
    const input: Record<string, unknown> = {
      id,
      // the version read with the form: the server refuses the change if someone saved since
      version: previousData?.version ?? data.version,
      name: String(data.name ?? '').trim(),
      phone: blankToNull(data.phone) ?? null,
      status: data.status,
    };
    if (!hasTitles) {
      input.titleLevel = data.titleLevel;
      input.titleSeries = data.titleSeries;
    }
    const { updateProfessional } = await gql<{ updateProfessional: ProfessionalRecord }>(UPDATE, { input });
    return { data: updateProfessional };
  },
};

export async function transferProfessional(id: string, unitId: string, joinedUnitOn: string): Promise<ProfessionalRecord> {
  return (await gql<{ transferProfessional: ProfessionalRecord }>(TRANSFER, { input: { id, unitId, joinedUnitOn } })).transferProfessional;
}

export interface TitleInput {
  level: string;
  series: string;
  obtainedOn: string;
  issuingBody: string;
  certificateNo?: string | null;
}

export async function recordTitle(professional: ProfessionalRecord, title: TitleInput): Promise<ProfessionalRecord> {
  const input = { professionalId: professional.id, version: professional.version, ...title, certificateNo: blankToNull(title.certificateNo) ?? null };
  return (await gql<{ recordTitle: ProfessionalRecord }>(RECORD_TITLE, { input })).recordTitle;
}

export async function removeTitleRecord(professional: ProfessionalRecord, titleId: string): Promise<ProfessionalRecord> {
  return (await gql<{ removeTitleRecord: ProfessionalRecord }>(REMOVE_TITLE, { input: { id: titleId, version: professional.version } })).removeTitleRecord;
}

export interface ActivationCode {
  activationCode: string;
  expiresAt: string;
  account: { id: string; username: string; status: string };
}

export async function issueActivationCode(professionalId: string): Promise<ActivationCode> {
  return (await gql<{ issueActivationCode: ActivationCode }>(ISSUE_CODE, { input: { professionalId } })).issueActivationCode;
}

export interface SubjectStatus {
  required: number;
  credited: number;
  shortfall: number;
  deemed: boolean;
}

export interface HoursEvaluation {
  year: number;
  regime: 'HOURS' | 'CREDITS';
  complete: boolean;
  status: 'COMPLETE' | 'INCOMPLETE' | 'NO_REQUIREMENT';
  noRequirement: string | null;
  public: SubjectStatus;
  professional: SubjectStatus;
  deemedComplete: string | null;
  exemptions: { scope: string; reason: string; source: string }[];
  creditsEarned: number | null;
  activities: { activityId: string; kindName: string; publicHours: number; professionalHours: number; rule: string; source: string; cappedBy: { cap: string; cut: number }[]; notes: string[] }[];
  reasons: string[];
  policyRevision: number | null;
  certified: boolean;
}

const SUBJECT = `required credited shortfall deemed`;
const COMPLETION = `query CompletionStatus($year: Int!, $idNumber: String!) {
  completionStatus(year: $year, idNumber: $idNumber) {
    year evaluation {
      year regime complete status noRequirement deemedComplete creditsEarned reasons policyRevision certified
      public { ${SUBJECT} } professional { ${SUBJECT} }
      exemptions { scope reason source }
      activities { activityId kindName publicHours professionalHours rule source cappedBy { cap cut } notes }
    }
  }
}`;

/** A person's year as the engine works it out, with every explanation line. */
export async function fetchYear(idNumber: string, year: number): Promise<HoursEvaluation> {
  return (await gql<{ completionStatus: { evaluation: HoursEvaluation } }>(COMPLETION, { year, idNumber })).completionStatus.evaluation;
}

// A professional's own declarations: list, read, fill in (with evidence files
// uploaded first), change a draft or a rejected one, submit, withdraw.
import type { CreateParams, GetListParams, GetOneParams, UpdateParams } from 'ra-core';
import type { ResourceData } from '../providers/data-provider';
import { ApiError, gql, uploadEvidence } from '../providers/graphql';
import { type Connection, forgetCursors, listKey, pageOf } from '../providers/pagination';

/** The fields the list shows (no nested decisions: they are read on the show page). */
const ROW = `id kind kindName year date status round currentLevel rejectionReason submittedAt recordedAt createdAt updatedAt version
  adjustedHours { publicHours professionalHours reason }`;

/** Everything the show and edit pages need. */
export const FULL = `${ROW} params professionalName unitName chainNote revocationReason revokedAt
  evidence { certificateNo issuer issuedOn resultTitle fileIds }
  chain { level organisationId organisationName current }
  preview { hours { publicHours professionalHours rule source notes cappedBy { cap cut } } }
  warnings { code message }
  decisions { id round level organisationName decision reviewerName comment publicHours professionalHours decidedAt }`;

/** An uploaded or chosen evidence file as react-admin's FileInput holds it. */
export interface FileValue {
  id?: string;
  title?: string;
  rawFile?: File;
}

type Row = Record<string, unknown> & { id: string; evidence?: { fileIds: string[] } };

/** The record as the forms see it: evidence files as FileInput values. */
function toRecord<T extends Row>(d: T): T & { files: FileValue[] } {
  return { ...d, files: (d.evidence?.fileIds ?? []).map((id, i) => ({ id, title: `证明材料 ${i + 1}` })) };
}

/** Uploads the newly chosen files and answers every file's id, in the order shown. */
async function fileIdsOf(files: FileValue[] | undefined): Promise<string[]> {
  const ids: string[] = [];
  for (const f of files ?? []) {
    if (f.rawFile instanceof File) ids.push((await uploadEvidence(f.rawFile)).id);
    else if (f.id) ids.push(f.id);
  }
  return ids;
}

interface EvidenceValues {
  certificateNo?: string | null;
  issuer?: string | null;
  issuedOn?: string | null;
  resultTitle?: string | null;
}

async function evidenceOf(values: { evidence?: EvidenceValues; files?: FileValue[] }) {
  const e = values.evidence ?? {};
  const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    certificateNo: blank(e.certificateNo),
    issuer: blank(e.issuer),
    issuedOn: blank(e.issuedOn),
    resultTitle: blank(e.resultTitle),
    fileIds: await fileIdsOf(values.files),
  };
}

/**
 * The server names the field at fault by its input path (`params.hours`,
 * `evidence.fileIds`); the form's fields have the same paths (files apart), so the
 * message shows under the very field, not only in the notification.
 */
async function withFieldErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError && error.field) {
      const path = error.field.replace(/^input\./, '');
      const formPath = path === 'evidence.fileIds' ? 'files' : path;
      (error.body as { errors: Record<string, unknown> }).errors = { [formPath]: error.message, root: { serverError: error.message } };
    }
    throw error;
  }
}

const dateOnly = (d: unknown) => (typeof d === 'string' && d ? d.slice(0, 10) : null);

export const declarationsData: ResourceData = {
  async getList(params: GetListParams) {
    const filter = params.filter ?? {};
    const year = filter.year ? Number(filter.year) : null;
    const status = filter.status || null;
    return pageOf(listKey('declarations', params), params, async (first, after) => {
      const data = await gql<{ declarations: Connection<Row> }>(
        `query MyDeclarations($year: Int, $status: DeclarationStatus, $first: Int!, $after: String) {
          declarations(year: $year, status: $status, first: $first, after: $after) { nodes { ${ROW} } pageInfo { endCursor hasNextPage } totalCount }
        }`,
        { year, status, first, after },
      );
      return data.declarations;
    });
  },

  async getOne(params: GetOneParams) {
    const data = await gql<{ declaration: Row | null }>(`query Declaration($id: ID!) { declaration(id: $id) { ${FULL} } }`, { id: String(params.id) });
    if (!data.declaration) throw new Error('ra.notification.item_doesnt_exist');
    return { data: toRecord(data.declaration) };
  },

  create(params: CreateParams) {
    return withFieldErrors(() => create(params));
  },

  update(params: UpdateParams) {
    return withFieldErrors(() => update(params));
  },
};

async function create(params: CreateParams) {
  const v = params.data as { kind: string; year: number; date?: string; params?: Record<string, unknown>; evidence?: EvidenceValues; files?: FileValue[]; submit?: boolean };
  const input = { kind: v.kind, year: Number(v.year), date: dateOnly(v.date), params: v.params ?? {}, evidence: await evidenceOf(v), submit: !!v.submit };
  const data = await gql<{ createDeclaration: Row }>(`mutation CreateDeclaration($input: CreateDeclarationInput!) { createDeclaration(input: $input) { ${FULL} } }`, { input });
  return { data: toRecord(data.createDeclaration) };
}

/** Saves the changes; with `submit` in the data it then submits (or resubmits) the declaration. */
async function update(params: UpdateParams) {
  const v = params.data as { version: number; kind: string; year: number; date?: string; params?: Record<string, unknown>; evidence?: EvidenceValues; files?: FileValue[]; submit?: boolean };
  const input = { id: String(params.id), version: v.version, kind: v.kind, year: Number(v.year), date: dateOnly(v.date), params: v.params ?? {}, evidence: await evidenceOf(v) };
  let saved = (await gql<{ updateDeclaration: Row & { version: number } }>(`mutation UpdateDeclaration($input: UpdateDeclarationInput!) { updateDeclaration(input: $input) { ${FULL} } }`, { input })).updateDeclaration;
  if (v.submit) saved = (await gql<{ submitDeclaration: Row & { version: number } }>(`mutation Submit($id: ID!, $version: Int!) { submitDeclaration(id: $id, version: $version) { ${FULL} } }`, { id: saved.id, version: saved.version })).submitDeclaration;
  return { data: toRecord(saved) };
}

/** Submits a draft as it is. */
export async function submitDeclaration(id: string, version: number): Promise<void> {
  await gql(`mutation Submit($id: ID!, $version: Int!) { submitDeclaration(id: $id, version: $version) { id status version } }`, { id, version });
  forgetCursors('declarations');
}

/** Withdraws a declaration (the server says when it is too late). */
export async function withdrawDeclaration(id: string, version: number): Promise<void> {
  await gql(`mutation Withdraw($id: ID!, $version: Int) { withdrawDeclaration(id: $id, version: $version) { id status version } }`, { id, version });
  forgetCursors('declarations');
}

export { activityKinds, type ActivityKind, type ParamSpec } from '../shared/activity-kinds';

export interface YearStatus {
  year: number;
  complete: boolean;
  status: 'COMPLETE' | 'INCOMPLETE' | 'NO_REQUIREMENT';
  public: { required: number; credited: number; shortfall: number };
  professional: { required: number; credited: number; shortfall: number };
  reasons: string[];
}

/** The signed-in professional's year, as the engine judges it from recorded hours. */
export async function myYear(year: number): Promise<YearStatus> {
  const me = await gql<{ me: { professional: { idNumber: string } | null } }>(`query MyIdNumber { me { professional { idNumber } } }`);
  const idNumber = me.me.professional?.idNumber;
  if (!idNumber) throw new Error('no professional');
  const data = await gql<{ completionStatus: { evaluation: YearStatus } }>(
    `query MyYear($year: Int!, $idNumber: String!) { completionStatus(year: $year, idNumber: $idNumber) {
      evaluation { year complete status public { required credited shortfall } professional { required credited shortfall } reasons } } }`,
    { year, idNumber },
  );
  return data.completionStatus.evaluation;
}

// The console's only way to the server: POST /graphql with the session's bearer
// token. Errors come back as ApiError carrying the schema's error code, the field
// at fault and a message in the console's language.
import { HttpError } from 'ra-core';
import { readSession } from './session';
import { describeError } from '../i18n/errors';

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; field?: string; problems?: unknown };
}

/** An API error as react-admin expects it: `status` for checkError, `body.errors` for a form's fields. */
export class ApiError extends HttpError {
  constructor(
    message: string,
    status: number,
    readonly code: string,
    readonly field: string | null,
    readonly extensions: Record<string, unknown> = {},
  ) {
    const lastField = field?.split('.').pop();
    super(message, status, lastField ? { errors: { [lastField]: message, root: { serverError: message } } } : undefined);
    // ra-core's HttpError resets the prototype to its own, which would make every `instanceof ApiError` false
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ApiError';
  }
}

const AUTH_CODES = new Set(['UNAUTHENTICATED', 'TENANT_SUSPENDED']);

function toApiError(error: GraphQLErrorBody, httpStatus: number): ApiError {
  const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const status = AUTH_CODES.has(code) ? 401 : code === 'FORBIDDEN' ? 403 : httpStatus >= 400 ? httpStatus : 400;
  return new ApiError(describeError(code, error.message), status, code, error.extensions?.field ?? null, error.extensions ?? {});
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, options: { token?: string | null } = {}): Promise<T> {
  const token = options.token === undefined ? readSession()?.token : options.token;
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError(describeError('NETWORK', '无法连接服务器，请检查网络后重试'), 503, 'NETWORK', null);
  }
  let body: { data?: T | null; errors?: GraphQLErrorBody[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(describeError('INTERNAL_SERVER_ERROR', `服务器返回了无法识别的应答（HTTP ${response.status}）`), response.status, 'INTERNAL_SERVER_ERROR', null);
  }
  if (body.errors?.length) throw toApiError(body.errors[0]!, response.status);
  if (!body.data) throw new ApiError(describeError('INTERNAL_SERVER_ERROR', '服务器没有返回数据'), 500, 'INTERNAL_SERVER_ERROR', null);
  return body.data;
}

/** Uploads one evidence file (multipart, POST /uploads); answers the stored file's id. */
export async function uploadEvidence(file: File): Promise<{ id: string; fileName: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const token = readSession()?.token;
  const response = await fetch('/uploads', { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  const body = (await response.json().catch(() => ({}))) as { id?: string; fileName?: string; errors?: GraphQLErrorBody[] };
  if (!response.ok || !body.id) {
    const error = body.errors?.[0] ?? { message: `上传失败（HTTP ${response.status}）`, extensions: { code: 'EVIDENCE_UPLOAD_INVALID' } };
    throw toApiError({ ...error, extensions: { field: 'file', ...error.extensions } }, response.status);
  }
  return { id: body.id, fileName: body.fileName ?? file.name };
}

/** The address of an uploaded file, for the preview (fetched with the token, shown as a blob URL). */
export async function fetchEvidenceBlob(fileId: string): Promise<Blob> {
  const token = readSession()?.token;
  const response = await fetch(`/uploads/${encodeURIComponent(fileId)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(describeError('EVIDENCE_NOT_FOUND', '证明材料无法读取'), response.status, 'EVIDENCE_NOT_FOUND', null);
  return response.blob();
}

/** A certificate's PDF (GET /certificates/:id/pdf with the token). */
export async function fetchCertificatePdf(certificateId: string): Promise<Blob> {
  const token = readSession()?.token;
  const response = await fetch(`/certificates/${encodeURIComponent(certificateId)}/pdf`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(describeError('CERTIFICATE_NOT_FOUND', '证书无法下载'), response.status, 'CERTIFICATE_NOT_FOUND', null);
  return response.blob();
}

/** The dry run of a staff import, as POST /staff-imports answers it. */
export interface StaffImportSummary {
  id: string;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  errorCount: number;
  toCreate: number;
  toUpdate: number;
  toLeaveUnchanged: number;
}

/** Uploads a filled-in staff import template (multipart, POST /staff-imports); answers the dry run's summary. */
export async function uploadStaffImport(file: File): Promise<StaffImportSummary> {
  const form = new FormData();
  form.append('file', file, file.name);
  const token = readSession()?.token;
  const response = await fetch('/staff-imports', { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form }).catch(() => {
    throw new ApiError(describeError('NETWORK', '无法连接服务器，请检查网络后重试'), 503, 'NETWORK', null);
  });
  const body = (await response.json().catch(() => ({}))) as Partial<StaffImportSummary> & { errors?: GraphQLErrorBody[] };
  if (!response.ok || !body.id) {
    const error = body.errors?.[0] ?? { message: `上传失败（HTTP ${response.status}）`, extensions: { code: 'STAFF_IMPORT_UPLOAD_INVALID' } };
    throw toApiError({ ...error, extensions: { field: 'file', ...error.extensions } }, response.status);
  }
  return body as StaffImportSummary;
}

/** The staff import template for the signed-in official's units (GET /staff-imports/template). */
export async function fetchStaffImportTemplate(): Promise<Blob> {
  const token = readSession()?.token;
  const response = await fetch('/staff-imports/template', { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { errors?: GraphQLErrorBody[] };
    throw toApiError(body.errors?.[0] ?? { message: `下载失败（HTTP ${response.status}）` }, response.status);
  }
  return response.blob();
}

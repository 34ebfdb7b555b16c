// The staff import's report and confirmation (GraphQL); the file itself goes up with
// uploadStaffImport and the template comes down with fetchStaffImportTemplate (providers).
import { gql } from '../providers/graphql';

export interface RowError {
  row: number;
  column: string;
  code: string;
  detail: string | null;
  message: string;
}

export interface ImportResult {
  mode: 'ALL' | 'VALID_ONLY';
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface ErrorPage {
  totalCount: number;
  nodes: RowError[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const ERRORS = `query StaffImportErrors($id: ID!, $first: Int!, $after: String) {
  staffImport(id: $id) { id errors(first: $first, after: $after) { totalCount nodes { row column code detail message } pageInfo { hasNextPage endCursor } } }
}`;
const CONFIRM = `mutation ConfirmStaffImport($id: ID!, $mode: StaffImportMode!) {
  confirmStaffImport(id: $id, mode: $mode) { id status result { mode created updated unchanged skipped } }
}`;

/** Errors shown per page of the report. */
export const ERRORS_PER_PAGE = 50;

/** A page of an import's errors, by row and column. */
export async function loadErrors(id: string, after: string | null): Promise<ErrorPage> {
  const data = await gql<{ staffImport: { errors: ErrorPage } | null }>(ERRORS, { id, first: ERRORS_PER_PAGE, after });
  return data.staffImport?.errors ?? { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
}

export async function confirmImport(id: string, mode: ImportResult['mode']): Promise<ImportResult> {
  const data = await gql<{ confirmStaffImport: { result: ImportResult } }>(CONFIRM, { id, mode });
  return data.confirmStaffImport.result;
}

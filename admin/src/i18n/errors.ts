// The API's error codes as the console shows them. The server already answers in
// Chinese, naming the field and the rule, so Chinese shows its message as it is;
// English has a sentence per code the console meets, and falls back to the
// server's text (with the code) for the rest.
import { currentLocale } from './locale';

const english: Readonly<Record<string, string>> = {
  NETWORK: 'The server cannot be reached. Check the connection and try again.',
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'Not found, or outside what you may see.',
  BAD_USER_INPUT: 'Some input is not valid.',
  VERSION_CONFLICT: 'Someone else changed this record meanwhile. Reload it and try again.',
  INVALID_CREDENTIALS: 'Wrong region, user name or password.',
  TOO_MANY_ATTEMPTS: 'Too many attempts. Wait a while and try again.',
  TOO_MANY_REQUESTS: 'Too many requests. Wait a moment and try again.',
  TENANT_SUSPENDED: 'This region is suspended on the platform.',
  TENANT_CODE_TAKEN: 'A tenant with this code already exists.',
  QUERY_TOO_COMPLEX: 'The request asks for too much at once.',
  ALREADY_DECIDED: 'This declaration was already decided by someone else.',
  DECLARATION_REASON_REQUIRED: 'A reason is required to reject.',
  DECLARATION_NOT_YOUR_STEP: 'This declaration is not at your step of the review chain.',
  DECLARATION_NOT_EDITABLE: 'This declaration can no longer be edited.',
  DECLARATION_EVIDENCE_REQUIRED: 'This kind of activity needs evidence.',
  DECLARATION_DUPLICATE_CERTIFICATE: 'A declaration with this certificate number already exists.',
  ACTIVITY_PARAMS_INVALID: 'The activity parameters are not valid.',
  ACTIVITY_UNKNOWN_KIND: 'Unknown activity kind.',
  REVISION_CONFLICT: 'The policy was changed by someone else meanwhile. Reload it and try again.',
  POLICY_INVALID: 'The policy is not valid.',
  POLICY_FILE_INVALID: 'The policy file has errors.',
  PROFESSIONAL_ID_NUMBER_TAKEN: 'A professional with this ID number is already registered.',
  PROFESSIONAL_OUT_OF_SCOPE: 'This professional is outside your organisation.',
  ORGANISATION_OUT_OF_SCOPE: 'This organisation is outside your scope.',
  ORGANISATION_NAME_TAKEN: 'An organisation with this name already exists here.',
  ORGANISATION_MOVE_CYCLE: 'An organisation cannot move under itself.',
  ID_NUMBER_CHECK_DIGIT: 'The ID number’s check digit is wrong.',
  ID_NUMBER_LENGTH: 'An ID number has 18 characters.',
  ID_NUMBER_FORMAT: 'The ID number’s format is not valid.',
  EVIDENCE_TOO_LARGE: 'The file is too large.',
  STAFF_IMPORT_TOO_LARGE: 'The file is too large to import.',
  STAFF_IMPORT_NOT_SPREADSHEET: 'This is not an Excel workbook (.xlsx): fill in the downloaded template and upload it.',
  STAFF_IMPORT_HEADERS: 'The header row does not match the template: row 1 must hold the template’s headers.',
  STAFF_IMPORT_EMPTY: 'The file holds no staff: fill in rows from row 2 (the template’s example row is skipped).',
  STAFF_IMPORT_TOO_MANY_ROWS: 'The file holds too many people: split it into several files.',
  STAFF_IMPORT_QUOTA_EXCEEDED: 'You have uploaded as many import files as allowed today. Try again tomorrow.',
  STAFF_IMPORT_UPLOAD_INVALID: 'The upload is not valid: send one .xlsx file.',
  STAFF_IMPORT_FILE_MISSING: 'Choose a file to import.',
  STAFF_IMPORT_HAS_ERRORS: 'Some rows have errors, so nothing was imported: fix the file, or import only the rows without errors.',
  STAFF_IMPORT_NOTHING_VALID: 'Every row has an error: there is nothing to import.',
  STAFF_IMPORT_ALREADY_CONFIRMED: 'This file was imported already; it is not imported twice.',
  STAFF_IMPORT_EXPIRED: 'This check is more than a day old: upload the file again.',
  STAFF_IMPORT_NOT_FOUND: 'This import does not exist, or is not yours.',
  EVIDENCE_TYPE_NOT_ALLOWED: 'This type of file is not accepted (PDF or image).',
  PASSWORD_TOO_WEAK: 'The password is too weak.',
  INTERNAL_SERVER_ERROR: 'The server failed. Please try again later.',
};

export function describeError(code: string, serverMessage: string): string {
  if (currentLocale() !== 'en') return serverMessage;
  return english[code] ?? `${serverMessage} (${code})`;
}

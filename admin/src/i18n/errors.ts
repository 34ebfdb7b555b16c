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
  CERTIFICATE_NOT_FOUND: 'The certificate does not exist or is outside what you may see.',
  CERTIFICATE_YEARS_REQUIRED: 'Choose the year the certificate is for.',
  CERTIFICATE_ONE_YEAR: 'Here a certificate covers one year.',
  CERTIFICATE_WINDOW_REQUIRED: 'Here a certificate covers the years the title panel requires: give the target level and the application year.',
  CERTIFICATE_NO_WINDOW: 'The policy sets no years for this title level, so no certificate can be issued.',
  CERTIFICATE_YEARS_NOT_WINDOW: 'Here a certificate covers exactly the years the title panel requires, never a single year or another set.',
  CERTIFICATE_YEAR_NOT_CERTIFIED: 'A year is not certified (or its certification was revoked), so no certificate can be issued for it.',
  CERTIFICATE_YEAR_NOT_COMPLETE: 'A year is not complete: here certificates certify complete years only.',
  EVIDENCE_TYPE_NOT_ALLOWED: 'This type of file is not accepted (PDF or image).',
  EXPORT_TOO_MANY_ROWS: 'Too many rows to export at once. Narrow the filters and export again.',
  EXPORT_RATE_LIMITED: 'Too many exports. Wait a while and try again.',
  EXPORT_BUSY: 'The server is busy with other exports. Try again in a moment.',
  PASSWORD_TOO_WEAK: 'The password is too weak.',
  INTERNAL_SERVER_ERROR: 'The server failed. Please try again later.',
};

export function describeError(code: string, serverMessage: string): string {
  if (currentLocale() !== 'en') return serverMessage;
  return english[code] ?? `${serverMessage} (${code})`;
}

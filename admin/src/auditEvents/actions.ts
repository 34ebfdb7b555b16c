// The actions the server writes to the audit log (server/**: audit.record), for
// the filter's choices and the list's labels. An action not listed here still
// shows, as its code; the prefix filter reaches it.
export const KNOWN_ACTIONS = [
  'policy.publish',
  'declaration.create',
  'declaration.update',
  'declaration.submit',
  'declaration.resubmit',
  'declaration.approve',
  'declaration.reject',
  'declaration.withdraw',
  'declaration.file',
  'declaration.mark_fraudulent',
  'integrity.record',
  'spot_check.draw',
  'spot_check.outcome',
  'year.certify',
  'professional.create',
  'professional.update',
  'professional.transfer',
  'title.record',
  'title.remove',
  'titleApplication.create',
  'organisation.create',
  'organisation.move',
  'organisation.rename',
  'organisation.employerType',
  'account.createOfficial',
  'account.activate',
  'account.signIn',
  'apiClient.create',
  'apiClient.revoke',
  'training.file',
  'training.report',
  'staffImport.upload',
  'staffImport.confirm',
] as const;

export const KNOWN_ENTITIES = [
  'policy_revision',
  'declaration',
  'integrity_record',
  'spot_check',
  'spot_check_item',
  'year_certification',
  'professional',
  'title_application',
  'organisation',
  'account',
  'api_client',
  'training_project',
  'training_report_batch',
  'staff_import',
] as const;

/** A message key for a code with dots (polyglot reads dots as nesting). */
export const codeKey = (code: string) => code.replace(/\./g, '_');

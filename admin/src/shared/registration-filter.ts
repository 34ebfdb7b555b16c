// The registration queues' filter and counts as the API has them. Kept apart from
// the screens: each queue's data.ts is loaded with the console, its screens only
// when opened.
import type { RegistrationStatus } from './registration-status';

export interface RegistrationCounts extends Record<Lowercase<RegistrationStatus>, number> {
  limit: number;
  capped: RegistrationStatus[];
}

/** Where an application stands (either kind): its state, its dates and the decision. */
export interface ApplicationState {
  status: RegistrationStatus;
  submittedAt: string;
  expiresAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  comment: string | null;
  rejectionReason: string | null;
}

export interface RegistrationQueueFilter {
  status?: RegistrationStatus;
  orgId?: string;
  from?: string;
  to?: string;
}

/** The API's filter from the list's (`orgField` names the list's organisation filter; empty values dropped). */
export function registrationFilter(values: Record<string, unknown>, orgField: string, withStatus = true): RegistrationQueueFilter {
  const text = (k: string) => (typeof values[k] === 'string' && values[k] ? (values[k] as string) : undefined);
  const f: RegistrationQueueFilter = {};
  if (withStatus) f.status = (text('status') as RegistrationStatus | undefined) ?? 'PENDING';
  if (text(orgField)) f.orgId = text(orgField);
  if (text('from')) f.from = text('from')!.slice(0, 10);
  if (text('to')) f.to = text('to')!.slice(0, 10);
  return f;
}

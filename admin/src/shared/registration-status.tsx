// An application's state (sign-ups and organisations' applications) as a coloured
// chip; the public progress page and the queues show it alike.
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'ra-core';

export const REGISTRATION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'EXPIRED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

const COLOURS: Record<RegistrationStatus, 'info' | 'success' | 'warning' | 'default'> = {
  PENDING: 'info',
  APPROVED: 'success',
  REJECTED: 'warning',
  EXPIRED: 'default',
};

export function RegistrationStatusChip({ status }: { status: RegistrationStatus }) {
  const translate = useTranslate();
  return <Chip size="small" color={COLOURS[status] ?? 'default'} label={translate(`app.registration.status.${status}`)} data-status={status} />;
}

/** The status of the record in context, for a list column. */
export function RegistrationStatusField(_props: { label?: string; source?: string; sortable?: boolean }) {
  const record = useRecordContext<{ status?: RegistrationStatus }>();
  return record?.status ? <RegistrationStatusChip status={record.status} /> : null;
}

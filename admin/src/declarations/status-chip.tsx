// A declaration's status as a coloured chip (the reviews resource shows it too).
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLOURS: Record<string, 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  DRAFT: 'default',
  SUBMITTED: 'info',
  RECORDED: 'success',
  REJECTED: 'warning',
  WITHDRAWN: 'default',
  REVOKED: 'error',
};

export function StatusChip({ status }: { status: string }) {
  const translate = useTranslate();
  return <Chip size="small" color={COLOURS[status] ?? 'default'} label={translate(`declarations.status.${status}`)} data-status={status} />;
}

/** The status of the record in context, for a list column or a show field. */
export function StatusField(_props: { label?: string; source?: string; sortable?: boolean }) {
  const record = useRecordContext<{ status?: string }>();
  return record?.status ? <StatusChip status={record.status} /> : null;
}

/** Hours as the engine gives them: public and professional, only the parts that are not zero. */
export function HoursText({ publicHours, professionalHours }: { publicHours: number; professionalHours: number }) {
  const translate = useTranslate();
  const parts: string[] = [];
  if (publicHours) parts.push(translate('declarations.hours.public', { hours: publicHours }));
  if (professionalHours) parts.push(translate('declarations.hours.professional', { hours: professionalHours }));
  return <span>{parts.length ? parts.join('，') : translate('declarations.hours.total', { hours: 0 })}</span>;
}

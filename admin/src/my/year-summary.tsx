// One year at a glance: hours credited against what is required (public,
// professional, total) and, in words, what is still missing.
import { Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { type Evaluation, fmt, type SubjectStatus } from './data';

type Summary = Pick<Evaluation, 'year' | 'status' | 'public' | 'professional' | 'noRequirement' | 'deemedComplete'>;

export function StatusChip({ status }: { status: Evaluation['status'] }) {
  const translate = useTranslate();
  const color = status === 'COMPLETE' ? 'success' : status === 'INCOMPLETE' ? 'warning' : 'default';
  return <Chip size="small" color={color} label={translate(`app.my.status.${status}`)} data-status={status} />;
}

function Bar({ label, subject, testId }: { label: string; subject: Pick<SubjectStatus, 'required' | 'credited' | 'deemed'>; testId: string }) {
  const translate = useTranslate();
  const value = subject.required > 0 ? Math.min(100, (subject.credited / subject.required) * 100) : 100;
  return (
    <Box data-testid={testId}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mb: 0.5 }}>
        <Typography variant="body2">{label}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.my.of', { credited: fmt(subject.credited), required: fmt(subject.required) })}
          {subject.deemed ? ` · ${translate('app.my.deemed')}` : ''}
        </Typography>
      </Box>
      <LinearProgress variant="determinate" value={subject.deemed ? 100 : value} color={subject.deemed || value >= 100 ? 'success' : 'primary'} sx={{ height: 8, borderRadius: 4 }} />
    </Box>
  );
}

/** What is missing, in words (empty when nothing is). */
export function missingLines(e: Summary, translate: (key: string, options?: object) => string): string[] {
  if (e.status !== 'INCOMPLETE') return [];
  const lines: string[] = [];
  if (e.public.shortfall > 0) lines.push(translate('app.my.missing_public', { hours: fmt(e.public.shortfall) }));
  if (e.professional.shortfall > 0) lines.push(translate('app.my.missing_professional', { hours: fmt(e.professional.shortfall) }));
  return lines;
}

export function YearSummary({ evaluation: e }: { evaluation: Summary }) {
  const translate = useTranslate();
  const total = {
    required: e.public.required + e.professional.required,
    credited: Math.min(e.public.credited, e.public.required) + Math.min(e.professional.credited, e.professional.required),
    deemed: e.public.deemed && e.professional.deemed,
  };
  const missing = missingLines(e, translate);
  return (
    <Stack spacing={1.5} data-testid="year-summary">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="subtitle1" component="h3">
          {translate('app.my.year_title', { year: e.year })}
        </Typography>
        <StatusChip status={e.status} />
      </Box>
      {e.noRequirement && <Typography color="text.secondary">{e.noRequirement}</Typography>}
      {e.status !== 'NO_REQUIREMENT' && (
        <>
          <Bar label={translate('app.my.public')} subject={e.public} testId="bar-public" />
          <Bar label={translate('app.my.professional')} subject={e.professional} testId="bar-professional" />
          <Bar label={translate('app.my.total')} subject={total} testId="bar-total" />
        </>
      )}
      {e.deemedComplete && <Typography variant="body2">{translate('app.my.deemed_reason', { reason: e.deemedComplete })}</Typography>}
      {missing.length > 0 && (
        <Box data-testid="missing">
          <Typography variant="subtitle2">{translate('app.my.missing')}</Typography>
          {missing.map((m) => (
            <Typography key={m} variant="body2" color="warning.main">
              {m}
            </Typography>
          ))}
        </Box>
      )}
      {e.status === 'COMPLETE' && <Typography variant="body2" color="success.main">{translate('app.my.nothing_missing')}</Typography>}
    </Stack>
  );
}

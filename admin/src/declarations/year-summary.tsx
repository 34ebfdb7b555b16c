// "My year in brief": this year's credited hours and whether the year is complete,
// shown above the professional's declarations (the full "my hours" page lives elsewhere).
import { useEffect, useState } from 'react';
import { Alert, AlertTitle, Box, Chip, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { myYear, type YearStatus } from './data';

export function YearSummary({ year = new Date().getFullYear() }: { year?: number }) {
  const translate = useTranslate();
  const [status, setStatus] = useState<YearStatus | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    myYear(year).then(
      (s) => live && setStatus(s),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [year]);
  if (failed) return null;
  if (!status) return <LinearProgress sx={{ my: 2 }} />;
  const label = status.status === 'COMPLETE' ? 'complete' : status.status === 'NO_REQUIREMENT' ? 'no_requirement' : 'incomplete';
  const line = (subject: 'public' | 'professional') => {
    const s = status[subject];
    return (
      <Typography variant="body2" key={subject}>
        {translate('declarations.year.line', { subject: translate(`declarations.subject.${subject === 'public' ? 'PUBLIC' : 'PROFESSIONAL'}`), credited: s.credited, required: s.required })}
        {s.shortfall > 0 ? `（${translate('declarations.year.shortfall', { hours: s.shortfall })}）` : ''}
      </Typography>
    );
  };
  return (
    <Alert severity={status.complete ? 'success' : 'info'} sx={{ mt: 2 }} data-testid="my-year" data-complete={String(status.complete)}>
      <AlertTitle>
        <Box component="span" sx={{ mr: 1 }}>
          {translate('declarations.year.title', { year })}
        </Box>
        <Chip size="small" color={status.complete ? 'success' : 'default'} label={translate(`declarations.year.${label}`)} data-testid="my-year-status" />
      </AlertTitle>
      {line('public')}
      {line('professional')}
    </Alert>
  );
}

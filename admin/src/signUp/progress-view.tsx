// An application's state as its applicant reads it: what was applied for, where
// it waits, the dates, and what to do now (wait, sign in, or read the reason and
// sign up again).
import type { ReactNode } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'ra-core';
import { Link as RouterLink } from 'react-router-dom';
import { DetailLine } from '../shared/detail-page';
import { RegistrationStatusChip } from '../shared/registration-status';
import type { RegistrationProgress } from './data';

const dateLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'zh-CN');

/** A labelled line of the progress, its labels a little wider than the officials' pages'. */
function Line(props: { label: string; children: ReactNode; testId?: string }) {
  return <DetailLine {...props} labelWidth={150} />;
}

export function ProgressView({ progress }: { progress: RegistrationProgress }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const day = (iso: string) => new Date(iso).toLocaleDateString(dateLocale(locale));
  const time = (iso: string) => new Date(iso).toLocaleString(dateLocale(locale), { hour12: false });
  const t = (key: string, args?: Record<string, unknown>) => translate(`app.signUp.progress.${key}`, args);
  const professional = progress.kind === 'PROFESSIONAL';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} data-testid="progress">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="subtitle1">{translate(`app.registration.kind.${progress.kind}`)}</Typography>
        <RegistrationStatusChip status={progress.status} />
      </Box>
      <Line label={t(professional ? 'name' : 'organisation')}>{progress.name}</Line>
      <Line label={t(professional ? 'unit' : 'parent')}>{progress.organisationName}</Line>
      <Line label={t('sign_in_name')}>{progress.signInName}</Line>
      <Line label={t('submitted_at')}>{time(progress.submittedAt)}</Line>
      {progress.status === 'PENDING' && <Line label={t('expires_at')}>{day(progress.expiresAt)}</Line>}
      {progress.decidedAt && <Line label={t('decided_at')}>{time(progress.decidedAt)}</Line>}
      {progress.status === 'PENDING' && <Alert severity="info">{t('pending', { date: day(progress.expiresAt) })}</Alert>}
      {progress.status === 'APPROVED' && (
        <Alert
          severity="success"
          action={
            <Button component={RouterLink} to="/login" color="inherit" size="small">
              {translate('app.signUp.nav.sign_in')}
            </Button>
          }
        >
          {t('approved', { name: progress.signInName })}
        </Alert>
      )}
      {progress.status === 'REJECTED' && (
        <Alert severity="warning">
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {t('rejected')}
          </Typography>
          <Typography variant="body2" data-testid="rejection-reason" sx={{ whiteSpace: 'pre-wrap' }}>
            {progress.rejectionReason}
          </Typography>
        </Alert>
      )}
      {progress.status === 'EXPIRED' && <Alert severity="warning">{t('expired')}</Alert>}
    </Box>
  );
}

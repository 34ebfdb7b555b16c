// The applicant's view of their application (无需登录): the region and the receipt
// they kept; the answer is that one application's state and a rejection's reason.
// Arriving from a sign-up, both are filled in (from the router's state) and read.
import { type FormEvent, useEffect, useState } from 'react';
import { Box, Button, TextField } from '@mui/material';
import { useTranslate } from 'ra-core';
import { useLocation } from 'react-router-dom';
import { lastTenantCode } from '../providers/session';
import { type RegistrationProgress, registrationProgress } from './data';
import { helper, useFieldErrors } from './form-support';
import { ProgressView } from './progress-view';
import { PublicFrame } from './public-frame';

const FIELDS = ['tenantCode', 'receipt'] as const;

export default function ProgressPage() {
  const translate = useTranslate();
  const arrived = (useLocation().state ?? {}) as { tenantCode?: string; receipt?: string };
  const { errors, fail, clear } = useFieldErrors(FIELDS);
  const [tenantCode, setTenantCode] = useState(arrived.tenantCode ?? lastTenantCode());
  const [receipt, setReceipt] = useState(arrived.receipt ?? '');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<RegistrationProgress | null>(null);

  const look = async () => {
    setBusy(true);
    setProgress(null);
    try {
      setProgress(await registrationProgress(tenantCode, receipt));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void look();
  };

  useEffect(() => {
    if (arrived.tenantCode && arrived.receipt) void look();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival from a sign-up
  }, []);

  return (
    <PublicFrame title="app.signUp.progress.title" intro="app.signUp.progress.intro" here="/sign-up/progress">
      <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="progress-form">
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 2fr' } }}>
          <TextField
            name="tenantCode"
            label={translate('app.signUp.fields.tenantCode')}
            value={tenantCode}
            onChange={(e) => {
              setTenantCode(e.target.value);
              clear('tenantCode');
            }}
            required
            {...helper(errors, 'tenantCode')}
          />
          <TextField
            name="receipt"
            label={translate('app.signUp.fields.receipt')}
            value={receipt}
            onChange={(e) => {
              setReceipt(e.target.value);
              clear('receipt');
            }}
            required
            autoComplete="off"
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
            {...helper(errors, 'receipt', translate('app.signUp.hints.receipt'))}
          />
        </Box>
        <Button type="submit" variant="contained" disabled={busy} data-testid="submit-progress">
          {translate('app.signUp.progress.submit')}
        </Button>
      </Box>
      {progress && (
        <Box sx={{ mt: 3 }}>
          <ProgressView progress={progress} />
        </Box>
      )}
    </PublicFrame>
  );
}

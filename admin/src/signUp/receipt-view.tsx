// The answer to a sign-up: the receipt, shown this once (only its hash is kept),
// with what happens next and the way to the progress page. The receipt travels
// to that page in the router's state, never in the address.
import { useState } from 'react';
import { Alert, Box, Button, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useTranslate } from 'ra-core';
import { Link as RouterLink } from 'react-router-dom';
import type { RegistrationReceipt } from './data';
import { ProgressView } from './progress-view';

export function ReceiptView({ tenantCode, answer }: { tenantCode: string; answer: RegistrationReceipt }) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(answer.receipt);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="receipt-view">
      <Alert severity="success">{translate(`app.signUp.receipt.done_${answer.progress.kind === 'PROFESSIONAL' ? 'professional' : 'organisation'}`, { organisation: answer.progress.organisationName })}</Alert>
      <Box sx={{ border: 1, borderColor: 'primary.main', borderRadius: 1, p: 2 }}>
        <Typography variant="subtitle2">{translate('app.signUp.receipt.title')}</Typography>
        <Typography component="p" data-testid="receipt" sx={{ fontFamily: 'monospace', fontSize: '1.35rem', letterSpacing: '0.05em', my: 1, overflowWrap: 'anywhere' }}>
          {answer.receipt}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.signUp.receipt.keep')}
        </Typography>
        {typeof navigator !== 'undefined' && navigator.clipboard && (
          <Button size="small" startIcon={<ContentCopyIcon />} onClick={copy} sx={{ mt: 1 }}>
            {translate(copied ? 'app.signUp.receipt.copied' : 'app.signUp.receipt.copy')}
          </Button>
        )}
      </Box>
      <ProgressView progress={answer.progress} />
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="contained" component={RouterLink} to="/sign-up/progress" state={{ tenantCode, receipt: answer.receipt }} data-testid="check-progress">
          {translate('app.signUp.nav.progress')}
        </Button>
        <Button component={RouterLink} to="/login">
          {translate('app.signUp.nav.sign_in')}
        </Button>
      </Box>
    </Box>
  );
}

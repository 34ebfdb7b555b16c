// An activation code for the person's account: confirmed first (it replaces
// any unused code), then shown exactly once; closing the dialog forgets it.
import { useState } from 'react';
import { Confirm, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { type ActivationCode, issueActivationCode, type ProfessionalRecord } from './data';
import { asIs, messageOf } from './errors';

export function ActivationButton() {
  const record = useRecordContext<ProfessionalRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<ActivationCode | null>(null);
  if (!record) return null;

  const issue = async () => {
    setBusy(true);
    try {
      setIssued(await issueActivationCode(record.id));
    } catch (error) {
      notify(messageOf(error), asIs(messageOf(error)));
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<KeyIcon />} onClick={() => setAsking(true)} data-testid="issue-code">
        {translate('resources.professionals.activation.action')}
      </Button>
      <Confirm
        isOpen={asking}
        loading={busy}
        title="resources.professionals.activation.confirm_title"
        content="resources.professionals.activation.confirm_body"
        translateOptions={{ name: record.name }}
        onConfirm={issue}
        onClose={() => setAsking(false)}
      />
      <OneTimeCodeDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}

/** The code and its expiry, once; shared with the officials' account creation. */
export function OneTimeCodeDialog({ issued, onClose }: { issued: { activationCode: string; expiresAt: string; account: { username: string } } | null; onClose: () => void }) {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!issued) return;
    await navigator.clipboard?.writeText(issued.activationCode).catch(() => undefined);
    setCopied(true);
  };
  const close = () => {
    setCopied(false);
    onClose();
  };
  return (
    <Dialog open={issued !== null} fullWidth maxWidth="xs" disableEscapeKeyDown data-testid="activation-dialog">
      <DialogTitle>{translate('resources.professionals.activation.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('resources.professionals.activation.once')}
        </Alert>
        <Typography variant="body2" color="text.secondary">
          {translate('resources.professionals.activation.account')}: {issued?.account.username}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('resources.professionals.activation.code')}
        </Typography>
        <Box
          data-testid="activation-code"
          sx={{ fontFamily: 'monospace', fontSize: 28, letterSpacing: 3, textAlign: 'center', p: 2, bgcolor: 'grey.100', borderRadius: 1, userSelect: 'all', wordBreak: 'break-all' }}
        >
          {issued?.activationCode}
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {issued ? translate('resources.professionals.activation.expires', { date: new Date(issued.expiresAt).toLocaleString() }) : ''}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={copy}>{translate(copied ? 'resources.professionals.activation.copied' : 'resources.professionals.activation.copy')}</Button>
        <Button variant="contained" onClick={close}>
          {translate('resources.professionals.activation.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

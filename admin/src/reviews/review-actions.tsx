// The decisions a reviewer takes at their step: approve (with an optional
// comment), reject (a reason is required: the declarant reads it), or approve with
// adjusted hours (with a reason). Each asks for confirmation in a dialog; then
// the reviewer returns to the queue.
import { useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import TuneIcon from '@mui/icons-material/Tune';
import { useNotify, useRedirect, useTranslate } from 'react-admin';
import type { DeclarationRecord } from '../declarations/declaration-details';
import { readSession } from '../providers/session';
import { adjust, approve, reject } from './data';

const LEVEL_OF_ROLE: Record<string, string> = { UNIT_OFFICIAL: 'UNIT', DEPARTMENT_OFFICIAL: 'DEPARTMENT', BUREAU_OFFICIAL: 'BUREAU' };

/** Whether the declaration waits at the signed-in official's level (the server checks the organisation). */
export function isMyStep(record: DeclarationRecord): boolean {
  const level = LEVEL_OF_ROLE[readSession()?.role ?? ''];
  return record.status === 'SUBMITTED' && !!level && record.currentLevel === level;
}

type Mode = 'approve' | 'reject' | 'adjust' | null;

export function ReviewActions({ record }: { record: DeclarationRecord }) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [mode, setMode] = useState<Mode>(null);
  const [text, setText] = useState('');
  const [pub, setPub] = useState(String(record.preview.hours.publicHours));
  const [pro, setPro] = useState(String(record.preview.hours.professionalHours));
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);

  const open = (m: Mode) => {
    setMode(m);
    setText('');
    setTried(false);
  };
  const needsText = mode === 'reject' || mode === 'adjust';
  const hoursValid = mode !== 'adjust' || (pub.trim() !== '' && pro.trim() !== '' && Number(pub) >= 0 && Number(pro) >= 0);

  const confirm = async () => {
    setTried(true);
    if ((needsText && !text.trim()) || !hoursValid) return;
    setBusy(true);
    try {
      if (mode === 'approve') await approve(record.id, record.version, text.trim() || null);
      if (mode === 'reject') await reject(record.id, record.version, text.trim());
      if (mode === 'adjust') await adjust(record.id, record.version, Number(pub), Number(pro), text.trim());
      notify(`resources.reviews.done.${mode}`, { type: 'success' });
      setMode(null);
      redirect('list', 'reviews');
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  if (!isMyStep(record)) return null;
  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} data-testid="review-actions">
      <Button variant="contained" color="success" startIcon={<CheckIcon />} onClick={() => open('approve')} data-testid="approve">
        {translate('resources.reviews.actions.approve')}
      </Button>
      <Button variant="outlined" color="error" startIcon={<CloseIcon />} onClick={() => open('reject')} data-testid="reject">
        {translate('resources.reviews.actions.reject')}
      </Button>
      <Button variant="outlined" startIcon={<TuneIcon />} onClick={() => open('adjust')} data-testid="adjust">
        {translate('resources.reviews.actions.adjust')}
      </Button>
      <Dialog open={mode !== null} onClose={() => !busy && setMode(null)} fullWidth maxWidth="sm" data-testid="decision-dialog">
        <DialogTitle>{mode && translate(`resources.reviews.dialog.${mode}_title`, { name: record.professionalName ?? '', kind: record.kindName })}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
          {mode === 'adjust' && (
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
              <TextField label={translate('resources.reviews.dialog.public_hours')} type="number" value={pub} onChange={(e) => setPub(e.target.value)} slotProps={{ htmlInput: { min: 0, step: 0.5, name: 'publicHours' } }} error={tried && !hoursValid} />
              <TextField label={translate('resources.reviews.dialog.professional_hours')} type="number" value={pro} onChange={(e) => setPro(e.target.value)} slotProps={{ htmlInput: { min: 0, step: 0.5, name: 'professionalHours' } }} error={tried && !hoursValid} />
            </Box>
          )}
          <TextField
            label={translate(`resources.reviews.dialog.${mode === 'approve' ? 'comment' : 'reason'}`)}
            value={text}
            onChange={(e) => setText(e.target.value)}
            required={needsText}
            error={tried && needsText && !text.trim()}
            helperText={tried && needsText && !text.trim() ? translate('resources.reviews.dialog.reason_required') : mode === 'reject' ? translate('resources.reviews.dialog.reason_hint') : ' '}
            multiline
            minRows={3}
            fullWidth
            autoFocus
            slotProps={{ htmlInput: { name: 'reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setMode(null)} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" color={mode === 'reject' ? 'error' : 'primary'} onClick={confirm} disabled={busy} data-testid="confirm-decision">
            {mode && translate(`resources.reviews.actions.${mode}`)}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

// Deciding an application in a registration queue: approve (an optional comment,
// and whatever the approval needs besides, e.g. the join date) or reject (a reason
// is required: the applicant reads it with their receipt). Each asks in a dialog
// before anything is done; then the official returns to the queue. And the outcome
// as the application's page shows it.
import { type ReactNode, useState } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { useNotify, useRedirect, useTranslate } from 'react-admin';
import { DetailDate, DetailLine } from './detail-page';
import type { ApplicationState } from './registration-filter';
import { ReasonField } from './reason-dialog';

type Mode = 'approve' | 'reject' | null;

interface Props {
  /** the queue's resource, where the official returns */
  resource: string;
  /** who or what applied, for the dialogs' titles */
  name: string;
  /** what an approval does, as a message key */
  approveHint: string;
  /** fields the approval needs besides the comment */
  approveFields?: ReactNode;
  approve(comment: string | null): Promise<unknown>;
  reject(reason: string): Promise<unknown>;
}

export function DecisionButtons({ resource, name, approveHint, approveFields, approve, reject }: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [mode, setMode] = useState<Mode>(null);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);

  const open = (m: Mode) => {
    setMode(m);
    setText('');
    setTried(false);
  };
  const missing = mode === 'reject' && !text.trim();

  const confirm = async () => {
    setTried(true);
    if (missing) return;
    setBusy(true);
    try {
      if (mode === 'approve') await approve(text.trim() || null);
      else await reject(text.trim());
      notify(`app.registration.decide.done_${mode}`, { type: 'success' });
      setMode(null);
      redirect('list', resource);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} data-testid="decision-buttons">
      <Button variant="contained" color="success" startIcon={<CheckIcon />} onClick={() => open('approve')} data-testid="approve">
        {translate('app.registration.decide.approve')}
      </Button>
      <Button variant="outlined" color="error" startIcon={<CloseIcon />} onClick={() => open('reject')} data-testid="reject">
        {translate('app.registration.decide.reject')}
      </Button>
      <Dialog open={mode !== null} onClose={() => !busy && setMode(null)} fullWidth maxWidth="sm" data-testid="decision-dialog">
        <DialogTitle>{mode && translate(`app.registration.decide.${mode}_title`, { name })}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
          {mode === 'approve' && <DialogContentText>{translate(approveHint)}</DialogContentText>}
          {mode === 'approve' && approveFields}
          <ReasonField
            label={translate(`app.registration.decide.${mode === 'reject' ? 'reason' : 'comment'}`)}
            value={text}
            onChange={setText}
            required={mode === 'reject'}
            error={tried && missing}
            helperText={tried && missing ? translate('app.registration.decide.reason_required') : mode === 'reject' ? translate('app.registration.decide.reason_hint') : ' '}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setMode(null)} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" color={mode === 'reject' ? 'error' : 'primary'} onClick={confirm} disabled={busy} data-testid="confirm-decision">
            {mode && translate(`app.registration.decide.${mode}`)}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}


/** An application's dates and outcome on its page: when it came and expires, who decided when, the comment or the reason. */
export function ApplicationLines({ record, label }: { record: ApplicationState; label: (field: string) => string }) {
  return (
    <>
      <DetailDate label={label('submittedAt')} source="submittedAt" value={record.submittedAt} showTime />
      <DetailDate label={label('expiresAt')} source="expiresAt" value={record.expiresAt} />
      <DetailDate label={label('decidedAt')} source="decidedAt" value={record.decidedAt} showTime />
      {record.decidedBy && <DetailLine label={label('decidedBy')}>{record.decidedBy}</DetailLine>}
      {record.comment && <DetailLine label={label('comment')}>{record.comment}</DetailLine>}
      {record.rejectionReason && (
        <DetailLine label={label('rejectionReason')} testId="rejection-reason">
          {record.rejectionReason}
        </DetailLine>
      )}
    </>
  );
}

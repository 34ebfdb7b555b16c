// A decision that needs a reason the other side will read (refusing a move, not accepting a
// moved year): the button opens a dialog that asks for it (1–500 characters) before anything
// is done. What the API answers instead shows as a notification.
import { type ReactElement, useState } from 'react';
import { Button, type ButtonProps, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { asIs, messageOf } from '../professionals/errors';

interface FieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  required: boolean;
  error: boolean;
  helperText: string;
}

/** The text of a reason or comment (at most 500 characters, as the API takes it). */
export function ReasonField({ label, value, onChange, required, error, helperText }: FieldProps) {
  return (
    <TextField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={required}
      error={error}
      helperText={helperText}
      multiline
      minRows={3}
      fullWidth
      autoFocus
      slotProps={{ htmlInput: { name: 'reason', maxLength: 500 } }}
    />
  );
}

interface Props extends Pick<ButtonProps, 'color' | 'variant' | 'size'> {
  /** message keys; `title`, `hint` and `label` are translated with `values` */
  label: string;
  title: string;
  hint: string;
  values?: Record<string, unknown>;
  icon: ReactElement;
  testId: string;
  action(reason: string): Promise<void>;
}

export function ReasonButton({ label, title, hint, values, icon, testId, action, ...button }: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const missing = !reason.trim();
  const start = () => {
    setReason('');
    setTried(false);
    setOpen(true);
  };
  const confirm = async () => {
    setTried(true);
    if (missing) return;
    setBusy(true);
    try {
      await action(reason.trim());
      setOpen(false);
    } catch (error) {
      notify(messageOf(error), asIs(messageOf(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button {...button} startIcon={icon} onClick={start} data-testid={testId}>
        {translate(label, values)}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="sm" data-testid="reason-dialog">
        <DialogTitle>{translate(title, values)}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
          <DialogContentText>{translate(hint, values)}</DialogContentText>
          <ReasonField label={translate('app.reason.label')} value={reason} onChange={setReason} required error={tried && missing} helperText={tried && missing ? translate('app.reason.required') : ' '} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" color="error" onClick={confirm} disabled={busy} data-testid="confirm-reason">
            {translate(label, values)}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

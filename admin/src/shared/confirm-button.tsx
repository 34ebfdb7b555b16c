// An action that asks first: the button opens a confirmation saying what will happen, and
// the action runs on "confirm". What the API answers instead shows as a notification.
import { type ReactElement, useState } from 'react';
import { Button, type ButtonProps } from '@mui/material';
import { Confirm, useNotify, useTranslate } from 'react-admin';
import { asIs, messageOf } from '../professionals/errors';

interface Props extends Pick<ButtonProps, 'color' | 'variant' | 'size'> {
  /** message keys; `title`, `content` and `confirmLabel` are translated with `values` */
  label: string;
  title: string;
  content: string;
  confirmLabel?: string;
  values?: Record<string, unknown>;
  icon: ReactElement;
  testId: string;
  action(): Promise<void>;
}

export function ConfirmButton({ label, title, content, confirmLabel, values, icon, testId, action, ...button }: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      notify(messageOf(error), asIs(messageOf(error)));
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button {...button} startIcon={icon} onClick={() => setOpen(true)} data-testid={testId}>
        {translate(label)}
      </Button>
      <Confirm isOpen={open} loading={busy} title={title} content={content} confirm={confirmLabel} translateOptions={values} onConfirm={confirm} onClose={() => setOpen(false)} />
    </>
  );
}

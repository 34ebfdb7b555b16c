// Transfer to another unit: pick the unit and the date, then confirm. The API
// requires both units to be in the official's scope and says so otherwise.
import { useState } from 'react';
import { AutocompleteInput, Confirm, DateInput, Form, ReferenceInput, SaveButton, required, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { type ProfessionalRecord, transferProfessional } from './data';
import { asIs, messageOf } from './errors';
import { todayIso } from './dates';

interface Choice {
  unitId: string;
  joinedUnitOn: string;
}

export function TransferButton() {
  const record = useRecordContext<ProfessionalRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [unitName, setUnitName] = useState('');
  const [choice, setChoice] = useState<Choice | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record) return null;

  const confirm = async () => {
    if (!choice) return;
    setBusy(true);
    try {
      await transferProfessional(record.id, choice.unitId, choice.joinedUnitOn);
      notify('resources.professionals.transfer.done', { type: 'success' });
      setChoice(null);
      setOpen(false);
      refresh();
    } catch (error) {
      notify(messageOf(error), asIs(messageOf(error)));
      setChoice(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<SwapHorizIcon />} onClick={() => setOpen(true)} data-testid="transfer">
        {translate('resources.professionals.transfer.action')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.professionals.transfer.title')}</DialogTitle>
        <Form record={{ joinedUnitOn: todayIso() }} onSubmit={(values: Record<string, unknown>) => setChoice({ unitId: String(values.unitId), joinedUnitOn: String(values.joinedUnitOn) })}>
          <DialogContent>
            <ReferenceInput source="unitId" reference="organisations" filter={{ kind: 'UNIT' }}>
              <AutocompleteInput
                optionText="name"
                label="resources.professionals.transfer.unit"
                validate={required()}
                onChange={(_value, option) => setUnitName((option as { name?: string } | undefined)?.name ?? '')}
              />
            </ReferenceInput>
            <DateInput source="joinedUnitOn" label="resources.professionals.transfer.date" validate={required()} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label="resources.professionals.transfer.action" icon={<SwapHorizIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
      <Confirm
        isOpen={choice !== null}
        loading={busy}
        title="resources.professionals.transfer.confirm_title"
        content="resources.professionals.transfer.confirm_body"
        translateOptions={{ name: record.name, unit: unitName }}
        onConfirm={confirm}
        onClose={() => setChoice(null)}
      />
    </>
  );
}

// Changing a person's details. The form carries the version it was read at;
// when someone saved in between, the server refuses (VERSION_CONFLICT) and the
// page says so plainly, with a reload, instead of overwriting their change.
import { useState } from 'react';
import { Edit, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, required, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Alert, AlertTitle, Button } from '@mui/material';
import { editableStatusChoices, titleLevelChoices, titleSeriesChoices } from './choices';
import type { ProfessionalRecord } from './data';
import { asIs, codeOf, messageOf } from './errors';

function TitleInputs() {
  const record = useRecordContext<ProfessionalRecord>();
  // once a title is recorded, the current title comes from the history only
  const fromHistory = !!record?.titleObtainedOn;
  const hint = fromHistory ? 'resources.professionals.hints.titleFromHistory' : undefined;
  return (
    <>
      <SelectInput source="titleLevel" choices={titleLevelChoices} disabled={fromHistory} helperText={hint} validate={required()} />
      <SelectInput source="titleSeries" choices={titleSeriesChoices} disabled={fromHistory} helperText={hint} validate={required()} />
    </>
  );
}

function Conflict({ onReload }: { onReload: () => void }) {
  const translate = useTranslate();
  return (
    <Alert
      severity="error"
      data-testid="version-conflict"
      sx={{ mb: 2 }}
      action={
        <Button color="inherit" size="small" onClick={onReload}>
          {translate('resources.professionals.conflict.reload')}
        </Button>
      }
    >
      <AlertTitle>{translate('resources.professionals.conflict.title')}</AlertTitle>
      {translate('resources.professionals.conflict.body')}
    </Alert>
  );
}

export default function ProfessionalEdit() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [conflict, setConflict] = useState(false);
  const onError = (error: unknown) => {
    if (codeOf(error) === 'VERSION_CONFLICT') setConflict(true);
    else notify(messageOf(error), asIs(messageOf(error)));
  };
  const reload = () => {
    setConflict(false);
    refresh();
  };
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show">
      <SimpleForm
        sx={{ maxWidth: 640 }}
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        {conflict && <Conflict onReload={reload} />}
        <TextInput source="idNumberMasked" disabled fullWidth />
        <TextInput source="name" validate={required()} fullWidth />
        <TitleInputs />
        <TextInput source="phone" />
        <SelectInput source="status" choices={editableStatusChoices} validate={required()} />
      </SimpleForm>
    </Edit>
  );
}

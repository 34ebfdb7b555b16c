// Asking for a person registered in another city of the platform: their ID number and
// name (both must match their record there), the receiving unit (one in my scope) and what
// they are registered as here. The server's answer (no such person, already registered
// here, a request pending) shows under the field it names.
import { Alert } from '@mui/material';
import { AutocompleteInput, Create, DateInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required, useTranslate } from 'react-admin';
import { titleLevelChoices, titleSeriesChoices } from '../professionals/choices';
import { todayIso } from '../professionals/dates';
import { readSession } from '../providers/session';

export default function MoveRequestCreate() {
  const translate = useTranslate();
  const session = readSession();
  // a unit official asks into their own unit
  const defaults = { unitId: session?.role === 'UNIT_OFFICIAL' ? session.organisationId : undefined, titleLevel: 'NONE', joinedUnitOn: todayIso() };
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={defaults} sx={{ maxWidth: 640 }}>
        <Alert severity="info" sx={{ mb: 2 }} data-testid="move-request-hint">
          {translate('resources.moveRequests.hints.create')}
        </Alert>
        <TextInput source="idNumber" validate={required()} helperText="resources.moveRequests.hints.idNumber" fullWidth inputProps={{ maxLength: 18 }} />
        <TextInput source="name" validate={required()} helperText="resources.moveRequests.hints.name" fullWidth />
        <ReferenceInput source="unitId" reference="organisations" filter={{ kind: 'UNIT' }}>
          <AutocompleteInput optionText="name" label="resources.moveRequests.fields.unitName" validate={required()} fullWidth />
        </ReferenceInput>
        <SelectInput source="titleLevel" choices={titleLevelChoices} validate={required()} />
        <SelectInput source="titleSeries" choices={titleSeriesChoices} validate={required()} />
        <DateInput source="joinedUnitOn" validate={required()} />
        <TextInput source="phone" />
      </SimpleForm>
    </Create>
  );
}

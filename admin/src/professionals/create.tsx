// Registering a person. The ID number is checked by the server (length, format,
// check digit, not yet registered); its answer shows under the field.
import { AutocompleteInput, Create, DateInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { titleLevelChoices, titleSeriesChoices } from './choices';
import { todayIso } from './dates';
import { readSession } from '../providers/session';

export default function ProfessionalCreate() {
  const session = readSession();
  // a unit official registers people of their own unit
  const defaults = { unitId: session?.role === 'UNIT_OFFICIAL' ? session.organisationId : undefined, titleLevel: 'NONE', joinedUnitOn: todayIso() };
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={defaults} sx={{ maxWidth: 640 }}>
        <TextInput source="idNumber" validate={required()} helperText="resources.professionals.hints.idNumber" fullWidth inputProps={{ maxLength: 18 }} />
        <TextInput source="name" validate={required()} fullWidth />
        <ReferenceInput source="unitId" reference="organisations" filter={{ kind: 'UNIT' }}>
          <AutocompleteInput optionText="name" validate={required()} fullWidth />
        </ReferenceInput>
        <SelectInput source="titleLevel" choices={titleLevelChoices} validate={required()} />
        <SelectInput source="titleSeries" choices={titleSeriesChoices} validate={required()} />
        <TextInput source="phone" />
        <DateInput source="joinedUnitOn" validate={required()} />
      </SimpleForm>
    </Create>
  );
}

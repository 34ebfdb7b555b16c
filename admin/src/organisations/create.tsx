// A new department (under the bureau) or unit (under a department). Opened
// from the tree's node menu with the parent and kind filled in.
import { AutocompleteInput, Create, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { employerTypeChoices, kindChoices } from './choices';

export default function OrganisationCreate() {
  return (
    <Create redirect="list">
      <SimpleForm sx={{ maxWidth: 640 }}>
        <ReferenceInput source="parentId" reference="organisations" filter={{ kinds: ['BUREAU', 'DEPARTMENT'] }}>
          <AutocompleteInput optionText="name" validate={required()} fullWidth helperText="resources.organisations.hints.parent" />
        </ReferenceInput>
        <SelectInput source="kind" choices={kindChoices} validate={required()} />
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="code" />
        <SelectInput source="employerType" choices={employerTypeChoices} helperText="resources.organisations.hints.employerType" emptyText="resources.organisations.tree.unset" />
      </SimpleForm>
    </Create>
  );
}

// A new official's account for an organisation below: the form goes straight
// to createOfficialAccount, and the one-time activation code is shown once.
import { useState } from 'react';
import { AutocompleteInput, Create, FormDataConsumer, ReferenceInput, SelectInput, SimpleForm, TextInput, required, useNotify, useRedirect } from 'react-admin';
import { createOfficialAccount, type IssuedCode } from './data';
import { KIND_OF_ROLE, MAY_CREATE, roleChoices } from './roles';
import { readSession } from '../providers/session';
import { OneTimeCodeDialog } from '../professionals/activation-button';
import { asIs, fieldErrorsOf, messageOf } from '../professionals/errors';
import { forgetCursors } from '../providers/pagination';

export default function AccountCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const roles = MAY_CREATE[readSession()?.role ?? 'PROFESSIONAL'] ?? [];

  const save = async (values: Record<string, unknown>) => {
    try {
      const result = await createOfficialAccount(values as { username: string; displayName: string; role: string; orgNodeId: string });
      forgetCursors('accounts');
      notify('resources.accounts.hints.created', { type: 'success' });
      setIssued(result);
    } catch (error) {
      notify(messageOf(error), asIs(messageOf(error)));
      // the field the server names shows its message under that field
      return fieldErrorsOf(error);
    }
  };

  return (
    <Create>
      <SimpleForm onSubmit={save} defaultValues={{ role: roles[roles.length - 1] }} sx={{ maxWidth: 640 }}>
        <TextInput source="username" validate={required()} helperText="resources.accounts.hints.username" fullWidth />
        <TextInput source="displayName" validate={required()} fullWidth />
        <SelectInput source="role" choices={roleChoices(roles)} validate={required()} />
        <FormDataConsumer<{ role?: string }>>
          {({ formData }) => (
            <ReferenceInput source="orgNodeId" reference="organisations" filter={{ kind: KIND_OF_ROLE[formData.role ?? ''] }}>
              <AutocompleteInput optionText="name" validate={required()} fullWidth helperText="resources.accounts.hints.orgNodeId" />
            </ReferenceInput>
          )}
        </FormDataConsumer>
      </SimpleForm>
      <OneTimeCodeDialog
        issued={issued}
        onClose={() => {
          setIssued(null);
          redirect('list', 'accounts');
        }}
      />
    </Create>
  );
}

// Changing a draft or a rejected declaration, then (re)submitting it. The reason
// it was rejected stays in view while it is corrected.
import { Alert, AlertTitle } from '@mui/material';
import { Edit, useRecordContext, useTranslate } from 'react-admin';
import { DeclarationForm } from './declaration-form';

function RejectionReason() {
  const translate = useTranslate();
  const record = useRecordContext<{ status?: string; rejectionReason?: string | null }>();
  if (record?.status !== 'REJECTED' || !record.rejectionReason) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="rejection-reason">
      <AlertTitle>{translate('declarations.show.rejected_title')}</AlertTitle>
      {record.rejectionReason}
    </Alert>
  );
}

function Form() {
  const record = useRecordContext<{ status?: string }>();
  return (
    <>
      <RejectionReason />
      <DeclarationForm submitLabel={record?.status === 'REJECTED' ? 'declarations.form.resubmit' : 'declarations.form.submit_now'} draftLabel="ra.action.save" />
    </>
  );
}

export default function DeclarationEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show" actions={false}>
      <Form />
    </Edit>
  );
}

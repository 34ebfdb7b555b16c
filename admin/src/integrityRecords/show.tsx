// One integrity record: whose, why, for how long, from which declaration.
import { DateField, Show, SimpleShowLayout, TextField } from 'react-admin';

export default function IntegrityRecordShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="professionalName" />
        <TextField source="idNumberMasked" />
        <TextField source="reason" />
        <TextField source="from" />
        <TextField source="until" emptyText="resources.integrityRecords.no_limit" />
        <TextField source="declarationId" emptyText="—" />
        <DateField source="recordedAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}

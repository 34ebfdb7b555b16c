// Integrity records of the people found by ID number or name; nothing is listed
// until one of the two is given (the API reads records per person).
import { Alert } from '@mui/material';
import { DataTable, DateField, List, TextInput, useListContext, useTranslate } from 'react-admin';

function Empty() {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  return <Alert severity="info" sx={{ m: 2 }}>{translate(filterValues.idNumber || filterValues.name ? 'resources.integrityRecords.none' : 'resources.integrityRecords.search_first')}</Alert>;
}

export default function IntegrityRecordList() {
  const filters = [<TextInput key="idNumber" source="idNumber" alwaysOn />, <TextInput key="name" source="name" alwaysOn />];
  return (
    <List filters={filters} empty={false} perPage={25}>
      <DataTable bulkActionButtons={false} rowClick="show" empty={<Empty />}>
        <DataTable.Col source="professionalName" disableSort />
        <DataTable.Col source="idNumberMasked" disableSort />
        <DataTable.Col source="reason" disableSort />
        <DataTable.Col source="from" disableSort />
        <DataTable.Col source="until" disableSort />
        <DataTable.Col source="recordedAt" disableSort>
          <DateField source="recordedAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

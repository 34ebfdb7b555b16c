// A professional's declarations: this year's summary on top, then every
// declaration with its status, filtered by year and status.
import { CreateButton, Datagrid, DateField, FunctionField, List, NumberField, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { StatusField } from './status-chip';
import { YearSummary } from './year-summary';

const STATUSES = ['DRAFT', 'SUBMITTED', 'RECORDED', 'REJECTED', 'WITHDRAWN', 'REVOKED'];

function yearChoices() {
  const now = new Date().getFullYear();
  return Array.from({ length: 6 }, (_, i) => ({ id: now - i, name: String(now - i) }));
}

function useFilters() {
  const translate = useTranslate();
  return [
    <SelectInput key="year" source="year" label="resources.declarations.fields.year" choices={yearChoices()} alwaysOn />,
    <SelectInput key="status" source="status" label="resources.declarations.fields.status" choices={STATUSES.map((s) => ({ id: s, name: translate(`declarations.status.${s}`) }))} alwaysOn />,
  ];
}

function ListActions() {
  return (
    <TopToolbar>
      <CreateButton />
    </TopToolbar>
  );
}

export default function DeclarationList() {
  const filters = useFilters();
  return (
    <>
      <YearSummary />
      <List filters={filters} actions={<ListActions />} sort={{ field: 'createdAt', order: 'DESC' }} perPage={20} exporter={false} storeKey={false}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="kindName" sortable={false} />
          <NumberField source="year" sortable={false} options={{ useGrouping: false }} />
          <DateField source="date" sortable={false} emptyText="—" />
          <StatusField label="resources.declarations.fields.status" />
          <DateField source="submittedAt" showTime sortable={false} emptyText="—" />
          <FunctionField label="resources.declarations.fields.rejectionReason" render={(r: { rejectionReason?: string | null }) => r.rejectionReason ?? ''} />
        </Datagrid>
      </List>
    </>
  );
}

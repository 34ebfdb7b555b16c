// The registration queue of my level: a tab per state with its count, filters by
// sign-up day (and, above a unit, by unit), pages of 10 or 20 in sign-up order.
import { type Theme, useMediaQuery } from '@mui/material';
import { AutocompleteInput, Datagrid, DateField, DateInput, FunctionField, List, Pagination, ReferenceInput, SelectField, TextField } from 'react-admin';
import { titleLevelChoices, titleSeriesChoices } from '../professionals/choices';
import { readSession } from '../providers/session';
import { QueueTabs, useQueueStatus } from '../shared/registration-queue';
import { RegistrationStatusField } from '../shared/registration-status';
import { registrationCounts, UNIT_FILTER } from './data';

function filters() {
  const aboveUnit = readSession()?.role !== 'UNIT_OFFICIAL';
  return [
    ...(aboveUnit
      ? [
          <ReferenceInput key={UNIT_FILTER} source={UNIT_FILTER} reference="organisations" filter={{ kind: 'UNIT' }} alwaysOn>
            <AutocompleteInput optionText="name" label="resources.registrations.fields.unitName" sx={{ minWidth: 220 }} />
          </ReferenceInput>,
        ]
      : []),
    <DateInput key="from" source="from" label="resources.registrations.filters.from" alwaysOn />,
    <DateInput key="to" source="to" label="resources.registrations.filters.to" alwaysOn />,
  ];
}

function Queue() {
  const wide = useMediaQuery<Theme>((theme) => theme.breakpoints.up('md'));
  const status = useQueueStatus();
  const aboveUnit = readSession()?.role !== 'UNIT_OFFICIAL';
  return (
    <>
      <QueueTabs loadCounts={registrationCounts} />
      <Datagrid rowClick="show" bulkActionButtons={false} key={status} sx={{ '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } }}>
        <DateField source="submittedAt" showTime={wide} sortable={false} />
        <FunctionField source="name" sortable={false} render={(r: { id: string; name: string }) => <span data-registration={r.id}>{r.name}</span>} />
        <TextField source="idNumberMasked" sortable={false} />
        {aboveUnit && <TextField source="unitName" sortable={false} />}
        {wide && <SelectField source="titleLevel" choices={titleLevelChoices} sortable={false} />}
        {wide && <SelectField source="titleSeries" choices={titleSeriesChoices} sortable={false} />}
        {status === 'PENDING' ? <DateField source="expiresAt" sortable={false} /> : <DateField source="decidedAt" sortable={false} emptyText="—" />}
        {status !== 'PENDING' && <RegistrationStatusField label="resources.registrations.fields.status" />}
      </Datagrid>
    </>
  );
}

export default function RegistrationList() {
  return (
    <List
      filters={filters()}
      filterDefaultValues={{ status: 'PENDING' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 20]} />}
      actions={false}
      exporter={false}
      storeKey="registrations.queue"
      sx={{ '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { minWidth: 0 } }}
    >
      <Queue />
    </List>
  );
}

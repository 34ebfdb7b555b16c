// The organisations' application queue of my level: a tab per state with its
// count, filters by application day (and, for the bureau, by the organisation
// applied under), pages of 10 or 20 in application order.
import { type Theme, useMediaQuery } from '@mui/material';
import { AutocompleteInput, Datagrid, DateField, DateInput, FunctionField, List, Pagination, ReferenceInput, TextField, useTranslate } from 'react-admin';
import { readSession } from '../providers/session';
import { QueueTabs, useQueueStatus } from '../shared/registration-queue';
import { RegistrationStatusField } from '../shared/registration-status';
import { applicationCounts, type OrganisationApplicationRecord, PARENT_FILTER } from './data';

function filters() {
  const bureau = readSession()?.role === 'BUREAU_OFFICIAL';
  return [
    ...(bureau
      ? [
          <ReferenceInput key={PARENT_FILTER} source={PARENT_FILTER} reference="organisations" filter={{ kind: 'DEPARTMENT' }} alwaysOn>
            <AutocompleteInput optionText="name" label="resources.organisationApplications.fields.parentName" sx={{ minWidth: 220 }} />
          </ReferenceInput>,
        ]
      : []),
    <DateInput key="from" source="from" label="resources.organisationApplications.filters.from" alwaysOn />,
    <DateInput key="to" source="to" label="resources.organisationApplications.filters.to" alwaysOn />,
  ];
}

function Queue() {
  const translate = useTranslate();
  const wide = useMediaQuery<Theme>((theme) => theme.breakpoints.up('md'));
  const status = useQueueStatus();
  return (
    <>
      <QueueTabs loadCounts={applicationCounts} />
      <Datagrid rowClick="show" bulkActionButtons={false} key={status} sx={{ '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } }}>
        <DateField source="submittedAt" showTime={wide} sortable={false} />
        <FunctionField source="name" sortable={false} render={(r: OrganisationApplicationRecord) => <span data-application={r.id}>{r.name}</span>} />
        <FunctionField source="kind" sortable={false} render={(r: OrganisationApplicationRecord) => translate(`app.registration.kind.${r.kind}`)} />
        <TextField source="parentName" sortable={false} />
        {wide && <TextField source="adminName" sortable={false} />}
        {status === 'PENDING' ? <DateField source="expiresAt" sortable={false} /> : <DateField source="decidedAt" sortable={false} emptyText="—" />}
        {status !== 'PENDING' && <RegistrationStatusField label="resources.organisationApplications.fields.status" />}
      </Datagrid>
    </>
  );
}

export default function ApplicationList() {
  return (
    <List
      filters={filters()}
      filterDefaultValues={{ status: 'PENDING' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 20]} />}
      actions={false}
      exporter={false}
      storeKey="organisationApplications.queue"
      sx={{ '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { minWidth: 0 } }}
    >
      <Queue />
    </List>
  );
}

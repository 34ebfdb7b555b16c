// The organisations' application queue of my level: a tab per state with its
// count, filters by application day (and, for the bureau, by the organisation
// applied under), pages of 10 or 20 in application order.
import { type Theme, useMediaQuery } from '@mui/material';
import { DateField, FunctionField, TextField, useTranslate } from 'react-admin';
import { readSession } from '../providers/session';
import { QueueGrid, QueueList } from '../shared/registration-queue-list';
import { useQueueStatus } from '../shared/registration-queue';
import { RegistrationStatusField } from '../shared/registration-status';
import { applicationCounts, type OrganisationApplicationRecord, PARENT_FILTER } from './data';

function Queue() {
  const translate = useTranslate();
  const wide = useMediaQuery<Theme>((theme) => theme.breakpoints.up('md'));
  const status = useQueueStatus();
  return (
    <QueueGrid loadCounts={applicationCounts}>
      <DateField source="submittedAt" showTime={wide} sortable={false} />
      <FunctionField source="name" sortable={false} render={(r: OrganisationApplicationRecord) => <span data-application={r.id}>{r.name}</span>} />
      <FunctionField source="kind" sortable={false} render={(r: OrganisationApplicationRecord) => translate(`app.registration.kind.${r.kind}`)} />
      <TextField source="parentName" sortable={false} />
      {wide && <TextField source="adminName" sortable={false} />}
      {status === 'PENDING' ? <DateField source="expiresAt" sortable={false} /> : <DateField source="decidedAt" sortable={false} emptyText="—" />}
      {status !== 'PENDING' && <RegistrationStatusField label="resources.organisationApplications.fields.status" />}
    </QueueGrid>
  );
}

export default function ApplicationList() {
  const bureau = readSession()?.role === 'BUREAU_OFFICIAL';
  const organisation = bureau ? { source: PARENT_FILTER, kind: 'DEPARTMENT', label: 'resources.organisationApplications.fields.parentName' } : null;
  return (
    <QueueList resource="organisationApplications" organisation={organisation} storeKey="organisationApplications.queue">
      <Queue />
    </QueueList>
  );
}

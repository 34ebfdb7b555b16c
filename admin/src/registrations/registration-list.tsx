// The registration queue of my level: a tab per state with its count, filters by
// sign-up day (and, above a unit, by unit), pages of 10 or 20 in sign-up order.
import { type Theme, useMediaQuery } from '@mui/material';
import { DateField, FunctionField, SelectField, TextField } from 'react-admin';
import { titleLevelChoices, titleSeriesChoices } from '../professionals/choices';
import { readSession } from '../providers/session';
import { QueueGrid, QueueList } from '../shared/registration-queue-list';
import { useQueueStatus } from '../shared/registration-queue';
import { RegistrationStatusField } from '../shared/registration-status';
import { registrationCounts, UNIT_FILTER } from './data';

function Queue() {
  const wide = useMediaQuery<Theme>((theme) => theme.breakpoints.up('md'));
  const status = useQueueStatus();
  const aboveUnit = readSession()?.role !== 'UNIT_OFFICIAL';
  return (
    <QueueGrid loadCounts={registrationCounts}>
      <DateField source="submittedAt" showTime={wide} sortable={false} />
      <FunctionField source="name" sortable={false} render={(r: { id: string; name: string }) => <span data-registration={r.id}>{r.name}</span>} />
      <TextField source="idNumberMasked" sortable={false} />
      {aboveUnit && <TextField source="unitName" sortable={false} />}
      {wide && <SelectField source="titleLevel" choices={titleLevelChoices} sortable={false} />}
      {wide && <SelectField source="titleSeries" choices={titleSeriesChoices} sortable={false} />}
      {status === 'PENDING' ? <DateField source="expiresAt" sortable={false} /> : <DateField source="decidedAt" sortable={false} emptyText="—" />}
      {status !== 'PENDING' && <RegistrationStatusField label="resources.registrations.fields.status" />}
    </QueueGrid>
  );
}

export default function RegistrationList() {
  const aboveUnit = readSession()?.role !== 'UNIT_OFFICIAL';
  const organisation = aboveUnit ? { source: UNIT_FILTER, kind: 'UNIT', label: 'resources.registrations.fields.unitName' } : null;
  return (
    <QueueList resource="registrations" organisation={organisation} storeKey="registrations.queue">
      <Queue />
    </QueueList>
  );
}

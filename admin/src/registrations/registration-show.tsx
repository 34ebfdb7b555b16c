// One sign-up in the queue: who the applicant says they are (the ID number in full,
// with the birth date and gender it encodes), the unit they chose, the dates; the
// decisions while it is pending. Approving registers the person in the unit on the
// join date given (today by default) with an active account.
import { useState } from 'react';
import { LinearProgress, TextField } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { todayIso } from '../professionals/dates';
import { DetailLine, DetailPage, DetailSection, ShowWithBack } from '../shared/detail-page';
import { ApplicationLines, DecisionButtons } from '../shared/registration-decisions';
import { RegistrationStatusChip } from '../shared/registration-status';
import { approveRegistration, type RegistrationRecord, rejectRegistration } from './data';

function Decisions({ record }: { record: RegistrationRecord }) {
  const translate = useTranslate();
  const [joinedUnitOn, setJoinedUnitOn] = useState(todayIso());
  return (
    <DecisionButtons
      resource="registrations"
      name={record.name}
      approveHint="resources.registrations.approve_hint"
      approveFields={
        <TextField
          type="date"
          label={translate('resources.registrations.fields.joinedUnitOn')}
          value={joinedUnitOn}
          onChange={(e) => setJoinedUnitOn(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: 'joinedUnitOn' } }}
          sx={{ maxWidth: 220 }}
        />
      }
      approve={(comment) => approveRegistration(record.id, joinedUnitOn || null, comment)}
      reject={(reason) => rejectRegistration(record.id, reason)}
    />
  );
}

function Body() {
  const translate = useTranslate();
  const record = useRecordContext<RegistrationRecord>();
  if (!record?.idNumber) return <LinearProgress sx={{ m: 2 }} />;
  const f = (field: string) => translate(`resources.registrations.fields.${field}`);
  return (
    <DetailPage title={record.name} status={<RegistrationStatusChip status={record.status} />} actions={record.status === 'PENDING' && <Decisions record={record} />}>
      <DetailSection title="app.registration.sections.applicant">
        <DetailLine label={f('idNumber')} testId="id-number">{record.idNumber}</DetailLine>
        <DetailLine label={f('gender')}>{translate(`resources.professionals.enums.gender.${record.gender}`)}</DetailLine>
        <DetailLine label={f('birthDate')}>{record.birthDate}</DetailLine>
        <DetailLine label={f('phone')}>{record.phone}</DetailLine>
        <DetailLine label={f('titleLevel')}>{translate(`resources.professionals.enums.titleLevel.${record.titleLevel}`)}</DetailLine>
        <DetailLine label={f('titleSeries')}>{translate(`resources.professionals.enums.titleSeries.${record.titleSeries}`)}</DetailLine>
      </DetailSection>
      <DetailSection title="app.registration.sections.application">
        <DetailLine label={f('unitName')}>{record.unitName}</DetailLine>
        <ApplicationLines record={record} label={f} />
      </DetailSection>
    </DetailPage>
  );
}

export default function RegistrationShow() {
  return (
    <ShowWithBack back="resources.registrations.back">
      <Body />
    </ShowWithBack>
  );
}

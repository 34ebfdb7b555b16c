// One organisation's application: what it is, where it applies, its first
// administrator; the decisions while it is pending. Approving creates the
// organisation under the parent and activates the administrator's account.
import { LinearProgress } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DetailLine, DetailPage, DetailSection, ShowWithBack } from '../shared/detail-page';
import { ApplicationLines, DecisionButtons } from '../shared/registration-decisions';
import { RegistrationStatusChip } from '../shared/registration-status';
import { approveApplication, type OrganisationApplicationRecord, rejectApplication } from './data';

function Body() {
  const translate = useTranslate();
  const record = useRecordContext<OrganisationApplicationRecord>();
  if (!record?.adminUsername) return <LinearProgress sx={{ m: 2 }} />;
  const f = (field: string) => translate(`resources.organisationApplications.fields.${field}`);
  const decisions = record.status === 'PENDING' && (
    <DecisionButtons
      resource="organisationApplications"
      name={record.name}
      approveHint={`resources.organisationApplications.approve_hint.${record.kind}`}
      approve={(comment) => approveApplication(record.id, comment)}
      reject={(reason) => rejectApplication(record.id, reason)}
    />
  );
  return (
    <DetailPage title={record.name} status={<RegistrationStatusChip status={record.status} />} actions={decisions}>
      <DetailSection title="app.registration.sections.applicant">
        <DetailLine label={f('kind')}>{translate(`app.registration.kind.${record.kind}`)}</DetailLine>
        <DetailLine label={f('code')}>{record.code ?? '—'}</DetailLine>
        <DetailLine label={f('parentName')}>{record.parentName}</DetailLine>
        <DetailLine label={f('adminName')}>{record.adminName}</DetailLine>
        <DetailLine label={f('adminPhone')}>{record.adminPhone}</DetailLine>
        <DetailLine label={f('adminUsername')}>{record.adminUsername}</DetailLine>
      </DetailSection>
      <DetailSection title="app.registration.sections.application">
        <ApplicationLines record={record} label={f} />
      </DetailSection>
    </DetailPage>
  );
}

export default function ApplicationShow() {
  return (
    <ShowWithBack back="resources.organisationApplications.back">
      <Body />
    </ShowWithBack>
  );
}

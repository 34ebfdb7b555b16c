// One organisation's application: what it is, where it applies, its first
// administrator; the decisions while it is pending. Approving creates the
// organisation under the parent and activates the administrator's account.
import { Box, LinearProgress, Typography } from '@mui/material';
import { DateField, ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DecisionButtons } from '../shared/registration-decisions';
import { DetailLine, DetailSection } from '../shared/registration-queue';
import { RegistrationStatusChip } from '../shared/registration-status';
import { approveApplication, type OrganisationApplicationRecord, rejectApplication } from './data';

function Body() {
  const translate = useTranslate();
  const record = useRecordContext<OrganisationApplicationRecord>();
  if (!record?.adminUsername) return <LinearProgress sx={{ m: 2 }} />;
  const f = (field: string) => translate(`resources.organisationApplications.fields.${field}`);
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {record.name}
        </Typography>
        <RegistrationStatusChip status={record.status} />
        <Box sx={{ flex: 1 }} />
        {record.status === 'PENDING' && (
          <DecisionButtons
            resource="organisationApplications"
            name={record.name}
            approveHint={`resources.organisationApplications.approve_hint.${record.kind}`}
            approve={(comment) => approveApplication(record.id, comment)}
            reject={(reason) => rejectApplication(record.id, reason)}
          />
        )}
      </Box>
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, alignItems: 'start' }}>
        <DetailSection title="app.registration.sections.applicant">
          <DetailLine label={f('kind')}>{translate(`app.registration.kind.${record.kind}`)}</DetailLine>
          <DetailLine label={f('code')}>{record.code ?? '—'}</DetailLine>
          <DetailLine label={f('parentName')}>{record.parentName}</DetailLine>
          <DetailLine label={f('adminName')}>{record.adminName}</DetailLine>
          <DetailLine label={f('adminPhone')}>{record.adminPhone}</DetailLine>
          <DetailLine label={f('adminUsername')}>{record.adminUsername}</DetailLine>
        </DetailSection>
        <DetailSection title="app.registration.sections.application">
          <DetailLine label={f('submittedAt')}>
            <DateField source="submittedAt" showTime />
          </DetailLine>
          <DetailLine label={f('expiresAt')}>
            <DateField source="expiresAt" />
          </DetailLine>
          {record.decidedAt && (
            <DetailLine label={f('decidedAt')}>
              <DateField source="decidedAt" showTime />
            </DetailLine>
          )}
          {record.decidedBy && <DetailLine label={f('decidedBy')}>{record.decidedBy}</DetailLine>}
          {record.comment && <DetailLine label={f('comment')}>{record.comment}</DetailLine>}
          {record.rejectionReason && (
            <DetailLine label={f('rejectionReason')} testId="rejection-reason">
              {record.rejectionReason}
            </DetailLine>
          )}
        </DetailSection>
      </Box>
    </Box>
  );
}

export default function ApplicationShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <ListButton label="resources.organisationApplications.back" />
        </TopToolbar>
      }
    >
      <Body />
    </Show>
  );
}

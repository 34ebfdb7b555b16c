// Reviewing one declaration: the evidence in view beside what was declared, the
// hours the engine computes with its explanation, warnings, the chain and earlier
// decisions; the decision buttons when the declaration waits at my level.
import { Box, LinearProgress, Typography } from '@mui/material';
import { ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { ActivitySection, type DeclarationRecord, EvidenceFields, HoursSection, Line, ReviewSection, Section, WarningsSection } from '../declarations/declaration-details';
import { EvidencePreview } from '../declarations/evidence-preview';
import { StatusChip } from '../declarations/status-chip';
import { ReviewActions } from './review-actions';

function Body() {
  const translate = useTranslate();
  const record = useRecordContext<DeclarationRecord>();
  // the list's row is shown while the full record loads: it lacks the details
  if (!record?.evidence || !record.decisions) return <LinearProgress sx={{ m: 2 }} />;
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {record.professionalName} · {record.kindName}
        </Typography>
        <StatusChip status={record.status} />
        <Box sx={{ flex: 1 }} />
        <ReviewActions record={record} />
      </Box>
      <WarningsSection record={record} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 7fr) minmax(0, 5fr)' }, alignItems: 'start' }}>
        <Section title="declarations.sections.evidence" testId="evidence">
          <EvidenceFields record={record} />
          <EvidencePreview fileIds={record.evidence.fileIds} />
        </Section>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
          <Section title="resources.reviews.sections.declarant">
            <Line label={translate('resources.reviews.fields.professionalName')}>{record.professionalName}</Line>
            <Line label={translate('resources.reviews.fields.unitName')}>{record.unitName}</Line>
            <Line label={translate('resources.reviews.fields.round')}>{record.round}</Line>
          </Section>
          <ActivitySection record={record} />
          <HoursSection record={record} />
          <ReviewSection record={record} />
        </Box>
      </Box>
    </Box>
  );
}

export default function ReviewShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <ListButton label="resources.reviews.back" />
        </TopToolbar>
      }
    >
      <Body />
    </Show>
  );
}

// One of my declarations: its status, the reason it was rejected (if it was), the
// hours it would give, the evidence, each decision; and what I may still do with
// it: change and resubmit, submit a draft, withdraw (after a confirmation).
import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, LinearProgress, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import SendIcon from '@mui/icons-material/Send';
import UndoIcon from '@mui/icons-material/Undo';
import { Confirm, ListButton, Show, TopToolbar, useCreatePath, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { submitDeclaration, withdrawDeclaration } from './data';
import { ActivitySection, type DeclarationRecord, EvidenceFields, HoursSection, ReviewSection, Section, WarningsSection } from './declaration-details';
import { EvidencePreview } from './evidence-preview';
import { StatusChip } from './status-chip';

const EDITABLE = new Set(['DRAFT', 'REJECTED']);
const WITHDRAWABLE = new Set(['DRAFT', 'SUBMITTED', 'REJECTED']);

function Actions() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const createPath = useCreatePath();
  const record = useRecordContext<DeclarationRecord>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return <TopToolbar />;
  const run = async (action: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await action();
      notify(done, { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      <ListButton />
      {EDITABLE.has(record.status) && (
        <Button component={Link} to={createPath({ resource: 'declarations', id: record.id, type: 'edit' })} startIcon={<EditIcon />} size="small" data-testid="edit-declaration">
          {translate('declarations.actions.edit')}
        </Button>
      )}
      {record.status === 'DRAFT' && (
        <Button size="small" startIcon={<SendIcon />} disabled={busy} onClick={() => run(() => submitDeclaration(record.id, record.version), 'declarations.actions.submitted')}>
          {translate('declarations.actions.submit')}
        </Button>
      )}
      {WITHDRAWABLE.has(record.status) && (
        <Button size="small" color="warning" startIcon={<UndoIcon />} disabled={busy} onClick={() => setConfirming(true)} data-testid="withdraw-declaration">
          {translate('declarations.actions.withdraw')}
        </Button>
      )}
      <Confirm
        isOpen={confirming}
        loading={busy}
        title="declarations.actions.withdraw_title"
        content="declarations.actions.withdraw_content"
        confirm="declarations.actions.withdraw"
        confirmColor="warning"
        onConfirm={() => run(() => withdrawDeclaration(record.id, record.version), 'declarations.actions.withdrawn')}
        onClose={() => setConfirming(false)}
      />
    </TopToolbar>
  );
}

function Body() {
  const translate = useTranslate();
  const record = useRecordContext<DeclarationRecord>();
  // the list's row is shown while the full record loads: it lacks the details
  if (!record?.evidence || !record.decisions) return <LinearProgress sx={{ m: 2 }} />;
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {record.kindName}
        </Typography>
        <StatusChip status={record.status} />
        {record.currentLevel && <Typography variant="body2" color="text.secondary">{`${translate('resources.declarations.fields.currentLevel')}：${translate(`declarations.level.${record.currentLevel}`)}`}</Typography>}
      </Box>
      {record.status === 'REJECTED' && record.rejectionReason && (
        <Alert severity="warning" data-testid="rejection-reason">
          <AlertTitle>{translate('declarations.show.rejected_title')}</AlertTitle>
          {record.rejectionReason}
        </Alert>
      )}
      {record.status === 'REVOKED' && record.revocationReason && <Alert severity="error">{record.revocationReason}</Alert>}
      <WarningsSection record={record} />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <ActivitySection record={record} />
        <HoursSection record={record} />
      </Box>
      <ReviewSection record={record} />
      <Section title="declarations.sections.evidence">
        <EvidenceFields record={record} />
        <EvidencePreview fileIds={record.evidence.fileIds} height={420} />
      </Section>
    </Box>
  );
}

export default function DeclarationShow() {
  return (
    <Show actions={<Actions />}>
      <Body />
    </Show>
  );
}

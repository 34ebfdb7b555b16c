// One move request: who was asked for and where they are to be registered, the dates, and
// what came of it (who consented or refused, the refusal's reason, the years that moved
// and the person's record here). While pending, the receiving side may withdraw it.
import { Button, LinearProgress } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import BadgeIcon from '@mui/icons-material/Badge';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { ConfirmButton } from '../shared/confirm-button';
import { DetailDate, DetailLine, DetailPage, DetailSection, ShowWithBack } from '../shared/detail-page';
import { cancelMoveRequest, type MoveRequestRecord } from './data';
import { MoveStatusChip } from './move-status';

function CancelButton({ record }: { record: MoveRequestRecord }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const cancel = async () => {
    await cancelMoveRequest(record.id);
    notify('resources.moveRequests.cancel.done', { type: 'success' });
    refresh();
  };
  return (
    <ConfirmButton
      label="resources.moveRequests.cancel.action"
      title="resources.moveRequests.cancel.title"
      content="resources.moveRequests.cancel.body"
      values={{ name: record.name }}
      icon={<UndoIcon />}
      variant="outlined"
      color="warning"
      testId="cancel-move"
      action={cancel}
    />
  );
}

function Body() {
  const translate = useTranslate();
  const record = useRecordContext<MoveRequestRecord>();
  if (!record?.requestedAt) return <LinearProgress sx={{ m: 2 }} />;
  const f = (field: string) => translate(`resources.moveRequests.fields.${field}`);
  const actions = (
    <>
      {record.status === 'PENDING' && <CancelButton record={record} />}
      {record.professionalId && (
        <Button component={Link} to={`/professionals/${encodeURIComponent(record.professionalId)}/show/moved-years`} variant="contained" startIcon={<BadgeIcon />} data-testid="moved-person">
          {translate('resources.moveRequests.open_person')}
        </Button>
      )}
    </>
  );
  return (
    <DetailPage title={record.name} status={<MoveStatusChip status={record.status} />} actions={actions}>
      <DetailSection title="resources.moveRequests.sections.person">
        <DetailLine label={f('idNumberMasked')}>{record.idNumberMasked}</DetailLine>
        <DetailLine label={f('unitName')}>{record.unitName}</DetailLine>
        <DetailLine label={f('titleLevel')}>{translate(`resources.professionals.enums.titleLevel.${record.titleLevel}`)}</DetailLine>
        <DetailLine label={f('titleSeries')}>{translate(`resources.professionals.enums.titleSeries.${record.titleSeries}`)}</DetailLine>
        <DetailLine label={f('joinedUnitOn')}>{record.joinedUnitOn}</DetailLine>
      </DetailSection>
      <DetailSection title="resources.moveRequests.sections.request">
        <DetailDate label={f('requestedAt')} source="requestedAt" value={record.requestedAt} showTime />
        <DetailDate label={f('expiresAt')} source="expiresAt" value={record.expiresAt} />
        <DetailDate label={f('decidedAt')} source="decidedAt" value={record.decidedAt} showTime />
        {record.decidedBy && <DetailLine label={f('decidedBy')}>{translate(`resources.moveRequests.party.${record.decidedBy}`)}</DetailLine>}
        {record.refusalReason && (
          <DetailLine label={f('refusalReason')} testId="refusal-reason">
            {record.refusalReason}
          </DetailLine>
        )}
        {record.sourceTenantName && <DetailLine label={f('sourceTenantName')}>{record.sourceTenantName}</DetailLine>}
        {record.yearsMoved !== null && (
          <DetailLine label={f('yearsMoved')} testId="years-moved">
            {record.yearsMoved}
          </DetailLine>
        )}
      </DetailSection>
    </DetailPage>
  );
}

export default function MoveRequestShow() {
  return (
    <ShowWithBack back="resources.moveRequests.back">
      <Body />
    </ShowWithBack>
  );
}

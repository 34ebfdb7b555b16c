// Answering one request: consent (a dialog says first what moves and that it cannot be
// undone) or refuse with a reason the receiving unit will read. The list is re-read after.
import { Box } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { useNotify, useRecordContext, useRefresh } from 'react-admin';
import { readSession } from '../providers/session';
import { ConfirmButton } from '../shared/confirm-button';
import { ReasonButton } from '../shared/reason-dialog';
import { consentMove, type MoveConsentRecord, refuseMove } from './data';

const M = 'resources.moveConsents';

export function ConsentActions(_props: { label?: string }) {
  const record = useRecordContext<MoveConsentRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return null;
  const self = readSession()?.role === 'PROFESSIONAL';
  const values = { tenant: record.receivingTenantName, unit: record.receivingUnitName, name: record.professional?.name ?? '' };
  const done = (message: string) => (result: { yearsMoved: number }) => {
    notify(message, { type: 'success', messageArgs: { ...values, years: result.yearsMoved } });
    refresh();
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', whiteSpace: 'nowrap' }} data-testid="consent-actions">
      <ConfirmButton
        label={`${M}.consent.action`}
        title={`${M}.consent.title`}
        content={`${M}.consent.${self ? 'body_self' : 'body_bureau'}`}
        confirmLabel={`${M}.consent.action`}
        values={values}
        icon={<CheckIcon />}
        size="small"
        variant="contained"
        color="success"
        testId="consent-move"
        action={() => consentMove(record.id).then(done(`${M}.consent.done`))}
      />
      <ReasonButton
        label={`${M}.refuse.action`}
        title={`${M}.refuse.title`}
        hint={`${M}.refuse.hint`}
        values={values}
        icon={<CloseIcon />}
        size="small"
        variant="outlined"
        color="error"
        testId="refuse-move"
        action={(reason) => refuseMove(record.id, reason).then(done(`${M}.refuse.done`))}
      />
    </Box>
  );
}

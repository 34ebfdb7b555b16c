// Approving the selected rows of a queue page at once (at most 50, the API's
// batch), after a confirmation; each row is decided on its own and the ones that
// could not be approved are reported with the server's reason.
import { useState } from 'react';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Button, Confirm, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { bulkApprove } from './data';

const MAX = 50;

export function BulkApproveButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { selectedIds, onUnselectItems } = useListContext();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const ids = selectedIds.slice(0, MAX).map(String);

  const confirm = async () => {
    setBusy(true);
    try {
      const items = await bulkApprove(ids, null);
      const failed = items.filter((i) => i.errorCode);
      const ok = items.length - failed.length;
      if (failed.length) {
        notify('resources.reviews.bulk.partly', { type: 'warning', messageArgs: { ok, failed: failed.length, reason: failed[0]!.errorMessage ?? failed[0]!.errorCode } });
      } else {
        notify('resources.reviews.bulk.done', { type: 'success', messageArgs: { ok } });
      }
      onUnselectItems();
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button label="resources.reviews.bulk.approve" onClick={() => setOpen(true)} data-testid="bulk-approve">
        <DoneAllIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="resources.reviews.bulk.title"
        content={translate('resources.reviews.bulk.content', { count: ids.length })}
        confirm="resources.reviews.actions.approve"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

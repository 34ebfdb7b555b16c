// "导出 Excel": downloads a list as .xlsx with the filters it shows now (`body`: the list's
// arguments as its data.ts sends them to GraphQL). Shows progress while the server streams
// the file, and the server's refusal (too many rows, too frequent) as a notification.
import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, CircularProgress } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { downloadExport, type ExportKind } from '../providers/exports';

export function ExportExcelButton({ kind, body }: { kind: ExportKind; body: () => Record<string, unknown> }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const name = await downloadExport(kind, body());
      notify('app.export.done', { type: 'info', messageArgs: { name } });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      onClick={() => void run()}
      disabled={busy}
      startIcon={busy ? <CircularProgress size={16} /> : <DownloadIcon />}
      data-testid={`export-${kind}`}
    >
      {translate(busy ? 'app.export.running' : 'app.export.button')}
    </Button>
  );
}

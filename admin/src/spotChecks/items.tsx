// The items of a spot check, by outcome, 20 at a time; a pending item is
// passed, or failed with a reason (which revokes the declaration: confirmed
// in a dialog, and the reason is shown to the declarant).
import { useEffect, useState } from 'react';
import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Tab, Tabs, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { loadItems, type Outcome, recordOutcome, type SpotCheckItemRecord, type SpotCheckRecord } from './data';

const FILTERS = ['ALL', 'PENDING', 'PASSED', 'FAILED'] as const;

export function SpotCheckItems() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const check = useRecordContext<SpotCheckRecord>();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('PENDING');
  const [rows, setRows] = useState<SpotCheckItemRecord[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [failing, setFailing] = useState<SpotCheckItemRecord | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async (after: string | null) => {
    if (!check) return;
    try {
      const page = await loadItems(check.id, filter === 'ALL' ? null : (filter as Outcome), 20, after);
      setRows((r) => (after ? [...r, ...page.nodes] : page.nodes));
      setNext(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    }
  };
  useEffect(() => {
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload on a new check or filter
  }, [check?.id, filter]);

  const decide = async (item: SpotCheckItemRecord, passed: boolean, why: string | null) => {
    setBusy(true);
    try {
      const updated = await recordOutcome(item.id, passed, why);
      setRows((r) => r.map((x) => (x.id === updated.id ? updated : x)));
      notify(passed ? 'resources.spotChecks.items.passed_done' : 'resources.spotChecks.items.failed_done', { type: 'info' });
      setFailing(null);
      setReason('');
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Tabs value={filter} onChange={(_, f) => setFilter(f)} variant="scrollable" allowScrollButtonsMobile>
        {FILTERS.map((f) => (
          <Tab key={f} value={f} label={translate(`resources.spotChecks.outcomes.${f}`)} />
        ))}
      </Tabs>
      {rows.length === 0 ? (
        <Typography variant="body2" sx={{ p: 2 }}>{translate('resources.spotChecks.items.none')}</Typography>
      ) : (
        <Table size="small" data-testid="spot-check-items">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.spotChecks.items.department')}</TableCell>
              <TableCell>{translate('resources.spotChecks.items.person')}</TableCell>
              <TableCell>{translate('resources.spotChecks.items.kind')}</TableCell>
              <TableCell>{translate('resources.spotChecks.items.date')}</TableCell>
              <TableCell>{translate('resources.spotChecks.items.outcome')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((item) => (
              <TableRow key={item.id}>
                <TableCell>{item.departmentName} #{item.position}</TableCell>
                <TableCell>{item.declaration ? `${item.declaration.professionalName}（${item.declaration.unitName}）` : item.declarationId}</TableCell>
                <TableCell>{item.declaration?.kindName ?? '—'}</TableCell>
                <TableCell>{item.declaration?.date ?? '—'}</TableCell>
                <TableCell>
                  <Chip size="small" color={item.outcome === 'PASSED' ? 'success' : item.outcome === 'FAILED' ? 'error' : 'default'} label={translate(`resources.spotChecks.outcomes.${item.outcome}`)} />
                  {item.reason && <Typography variant="caption" component="div">{item.reason}</Typography>}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {item.outcome === 'PENDING' && (
                    <>
                      <Button size="small" color="success" disabled={busy} onClick={() => void decide(item, true, null)}>{translate('resources.spotChecks.items.pass')}</Button>
                      <Button size="small" color="error" disabled={busy} onClick={() => setFailing(item)}>{translate('resources.spotChecks.items.fail')}</Button>
                    </>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {next && <Button onClick={() => void load(next)}>{translate('resources.spotChecks.items.more')}</Button>}
      <Dialog open={!!failing} onClose={() => setFailing(null)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('resources.spotChecks.items.fail_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>{translate('resources.spotChecks.items.fail_warning')}</Typography>
          <TextField autoFocus fullWidth multiline minRows={2} label={translate('resources.spotChecks.items.reason')} value={reason} onChange={(e) => setReason(e.target.value)} required />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setFailing(null)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={busy || !reason.trim()} onClick={() => failing && void decide(failing, false, reason.trim())}>
            {translate('resources.spotChecks.items.fail')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

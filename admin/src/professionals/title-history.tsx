// The person's title records, newest first (the newest is the current title):
// record one in a dialog, remove a wrongly recorded one after confirmation.
// Both carry the person's version, so a concurrent change is refused.
import { useState } from 'react';
import { Confirm, DateInput, Form, SaveButton, SelectInput, TextInput, required, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { type ProfessionalRecord, recordTitle, removeTitleRecord, type TitleInput, type TitleRecord } from './data';
import { titleLevelChoices, titleSeriesChoices } from './choices';
import { asIs, fieldErrorsOf, messageOf } from './errors';

const T = 'resources.professionals.titles';

export function TitleHistory() {
  const record = useRecordContext<ProfessionalRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TitleRecord | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const history = record.titleHistory ?? [];

  const fail = (error: unknown) => notify(messageOf(error), asIs(messageOf(error)));

  const add = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      await recordTitle(record, values as unknown as TitleInput);
      notify(`${T}.recorded`, { type: 'success' });
      setAdding(false);
      refresh();
    } catch (error) {
      fail(error);
      // a field the server names shows under that field
      return fieldErrorsOf(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    try {
      await removeTitleRecord(record, removing.id);
      notify(`${T}.removed`, { type: 'success' });
      refresh();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  const level = (v: string) => translate(`resources.professionals.enums.titleLevel.${v}`);
  const series = (v: string) => translate(`resources.professionals.enums.titleSeries.${v}`);

  return (
    <Stack spacing={2} sx={{ width: '100%' }}>
      <Stack direction="row" justifyContent="flex-end">
        <Button startIcon={<AddIcon />} onClick={() => setAdding(true)} data-testid="record-title">
          {translate(`${T}.record`)}
        </Button>
      </Stack>
      {history.length === 0 ? (
        <Typography color="text.secondary">{translate(`${T}.empty`)}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" data-testid="title-history">
            <TableHead>
              <TableRow>
                <TableCell>{translate(`${T}.level`)}</TableCell>
                <TableCell>{translate(`${T}.series`)}</TableCell>
                <TableCell>{translate(`${T}.obtainedOn`)}</TableCell>
                <TableCell>{translate(`${T}.issuingBody`)}</TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{translate(`${T}.certificateNo`)}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {history.map((t, i) => (
                <TableRow key={t.id}>
                  <TableCell>
                    {level(t.level)} {i === 0 && <Chip size="small" color="primary" label={translate(`${T}.current`)} sx={{ ml: 1 }} />}
                  </TableCell>
                  <TableCell>{series(t.series)}</TableCell>
                  <TableCell>{t.obtainedOn}</TableCell>
                  <TableCell>{t.issuingBody}</TableCell>
                  <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{t.certificateNo ?? '—'}</TableCell>
                  <TableCell align="right">
                    <Button size="small" color="error" startIcon={<DeleteIcon />} onClick={() => setRemoving(t)}>
                      {translate(`${T}.remove`)}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Dialog open={adding} onClose={() => setAdding(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(`${T}.record`)}</DialogTitle>
        <Form record={{ series: record.titleSeries as string }} onSubmit={add}>
          <DialogContent>
            <SelectInput source="level" label={`${T}.level`} choices={titleLevelChoices} validate={required()} />
            <SelectInput source="series" label={`${T}.series`} choices={titleSeriesChoices} validate={required()} />
            <DateInput source="obtainedOn" label={`${T}.obtainedOn`} validate={required()} />
            <TextInput source="issuingBody" label={`${T}.issuingBody`} validate={required()} />
            <TextInput source="certificateNo" label={`${T}.certificateNo`} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setAdding(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton disabled={busy} />
          </DialogActions>
        </Form>
      </Dialog>
      <Confirm
        isOpen={removing !== null}
        loading={busy}
        title={`${T}.remove_title`}
        content={`${T}.remove_body`}
        translateOptions={{ level: removing ? level(removing.level) : '', date: removing?.obtainedOn ?? '' }}
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}

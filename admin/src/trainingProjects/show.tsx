// One training project: its filing (and why a late one counts no hours) and
// the completions reported for it.
import { useEffect, useState } from 'react';
import { Alert, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DateField, FunctionField, Labeled, NumberField, Show, SimpleShowLayout, TextField, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { loadCompletions, type TrainingCompletionRecord, type TrainingProjectRecord } from './data';

function Completions() {
  const translate = useTranslate();
  const notify = useNotify();
  const project = useRecordContext<TrainingProjectRecord>();
  const [rows, setRows] = useState<TrainingCompletionRecord[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const load = async (after: string | null) => {
    if (!project) return;
    try {
      const page = await loadCompletions(project.id, 50, after);
      setRows((r) => (after ? [...r, ...page.nodes] : page.nodes));
      setNext(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
      setTotal(page.totalCount ?? 0);
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), { type: 'error' });
    }
  };
  useEffect(() => {
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload for another project
  }, [project?.id]);
  if (!rows.length) return <Typography variant="body2">{translate('resources.trainingProjects.completions.none')}</Typography>;
  return (
    <>
      <Typography variant="body2" color="text.secondary">{translate('resources.trainingProjects.completions.total', { count: total })}</Typography>
      <Table size="small" data-testid="training-completions">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.trainingProjects.completions.name')}</TableCell>
            <TableCell>{translate('resources.trainingProjects.completions.idNumber')}</TableCell>
            <TableCell>{translate('resources.trainingProjects.completions.completedOn')}</TableCell>
            <TableCell align="right">{translate('resources.trainingProjects.completions.hours')}</TableCell>
            <TableCell>{translate('resources.trainingProjects.completions.reportedAt')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((c) => (
            <TableRow key={`${c.professionalId}-${c.batchId}-${c.completedOn}`}>
              <TableCell>{c.name}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{c.idNumber}</TableCell>
              <TableCell>{c.completedOn}</TableCell>
              <TableCell align="right">{c.hours}</TableCell>
              <TableCell>{new Date(c.reportedAt).toLocaleString()}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {next && <Button onClick={() => void load(next)}>{translate('resources.trainingProjects.completions.more')}</Button>}
    </>
  );
}

export default function TrainingProjectShow() {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" />
        <TextField source="providerName" />
        <TextField source="kindName" />
        <FunctionField<TrainingProjectRecord> source="subject" render={(r) => translate(`resources.trainingProjects.subjects.${r.subject}`)} />
        <NumberField source="hours" />
        <FunctionField<TrainingProjectRecord> source="startDate" render={(r) => `${r.startDate} – ${r.endDate}`} />
        <TextField source="audience" />
        <TextField source="venue" />
        <DateField source="filedAt" showTime />
        <FunctionField<TrainingProjectRecord>
          source="onTime"
          render={(r) =>
            r.onTime ? (
              translate('resources.trainingProjects.on_time_detail', { lead: r.leadWorkingDays ?? '—', days: r.workingDaysBefore ?? '—' })
            ) : (
              <Alert severity="warning">{r.lateReason ?? translate('resources.trainingProjects.late')}</Alert>
            )
          }
        />
        <TextField source="calendarNote" emptyText="—" />
        <Labeled label="resources.trainingProjects.completions.title" fullWidth>
          <Completions />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}

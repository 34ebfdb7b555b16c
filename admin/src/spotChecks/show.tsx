// One spot check: what was drawn, per department, and its items to review.
import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DateField, FunctionField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import type { SpotCheckRecord } from './data';
import { SpotCheckItems } from './items';

function Departments() {
  const translate = useTranslate();
  const record = useRecordContext<SpotCheckRecord>();
  if (!record) return null;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.spotChecks.items.department')}</TableCell>
          <TableCell align="right">{translate('resources.spotChecks.fields.population')}</TableCell>
          <TableCell align="right">{translate('resources.spotChecks.fields.itemCount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.departments.map((d) => (
          <TableRow key={d.departmentId}>
            <TableCell>{d.departmentName}</TableCell>
            <TableCell align="right">{d.population}</TableCell>
            <TableCell align="right">{d.drawn}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export default function SpotCheckShow() {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="year" />
        <FunctionField<SpotCheckRecord> source="percentage" render={(r) => `${r.percentage}%`} />
        <FunctionField<SpotCheckRecord> source="itemCount" render={(r) => translate('resources.spotChecks.of_population', { drawn: r.itemCount, population: r.population })} />
        <FunctionField<SpotCheckRecord> label="resources.spotChecks.progress" render={(r) => translate('resources.spotChecks.progress_value', { pending: r.pending, passed: r.passed, failed: r.failed })} />
        <TextField source="seed" />
        <DateField source="drawnAt" showTime />
        <Labeled label="resources.spotChecks.departments">
          <Departments />
        </Labeled>
        <Typography variant="h6" component="h2">{translate('resources.spotChecks.items.title')}</Typography>
        <SpotCheckItems />
      </SimpleShowLayout>
    </Show>
  );
}

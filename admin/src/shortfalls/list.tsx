// Who is short of hours: a year selector and the filters ShortfallFilter
// allows; each row opens the person, and expands to the engine's reasons.
import { AutocompleteInput, DataTable, List, ReferenceInput, SelectField, SelectInput, TopToolbar, useListContext, useRecordContext, useTranslate } from 'react-admin';
import { Alert, Box, Chip, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import { shortfallArgs, type ShortfallRecord } from './data';
import { recentYears, titleLevelChoices, titleSeriesChoices } from '../professionals/choices';
import { readSession } from '../providers/session';
import { ExportExcelButton } from '../shared/export-button';

const S = 'resources.shortfalls';
const fmt = (n: number) => String(Math.round(n * 100) / 100);

function filters() {
  const unitOfficial = readSession()?.role === 'UNIT_OFFICIAL';
  return [
    <SelectInput key="year" source="year" alwaysOn choices={recentYears().map((y) => ({ id: y, name: String(y) }))} translateChoice={false} emptyText={undefined} />,
    ...(unitOfficial
      ? []
      : [
          <ReferenceInput key="unitId" source="unitId" reference="organisations" filter={{ kind: 'UNIT' }} alwaysOn>
            <AutocompleteInput optionText="name" label={`${S}.fields.unitId`} sx={{ minWidth: 220 }} />
          </ReferenceInput>,
        ]),
    <SelectInput key="titleSeries" source="titleSeries" choices={titleSeriesChoices} alwaysOn />,
  ];
}

function Days() {
  const r = useRecordContext<ShortfallRecord>();
  const translate = useTranslate();
  if (!r) return null;
  const color = r.daysLeft < 0 ? 'error' : r.daysLeft <= 30 ? 'warning' : 'default';
  return <Chip size="small" color={color} label={translate(r.daysLeft < 0 ? `${S}.overdue` : `${S}.days_left`, { days: Math.abs(r.daysLeft) })} />;
}

function Name() {
  const r = useRecordContext<ShortfallRecord>();
  const translate = useTranslate();
  if (!r) return null;
  return (
    <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
      <span>{r.name}</span>
      {r.titleApplicationId && <Chip size="small" color="primary" variant="outlined" label={translate(`${S}.applicant`)} />}
      {r.certified && <Chip size="small" variant="outlined" label={translate(`${S}.certified`)} />}
    </Stack>
  );
}

function Hours({ subject }: { subject: 'public' | 'professional' }) {
  const r = useRecordContext<ShortfallRecord>();
  const translate = useTranslate();
  if (!r) return null;
  const short = subject === 'public' ? r.publicShortfall : r.professionalShortfall;
  const credited = subject === 'public' ? r.publicCredited : r.professionalCredited;
  return (
    <Box>
      <Typography variant="body2" color={short > 0 ? 'error.main' : undefined}>
        {fmt(short)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate(`${S}.credited`, { hours: fmt(credited) })}
      </Typography>
    </Box>
  );
}

function Reasons() {
  const r = useRecordContext<ShortfallRecord>();
  const translate = useTranslate();
  if (!r) return null;
  return (
    <Box sx={{ py: 1 }}>
      <Typography variant="subtitle2">{translate(`${S}.deadline_reason`)}</Typography>
      <Typography variant="body2" gutterBottom>
        {r.deadline} · {r.deadlineReason}
      </Typography>
      <Typography variant="subtitle2">{translate(`${S}.reasons`)}</Typography>
      {r.reasons.map((line, i) => (
        <Typography key={i} variant="body2">
          {line}
        </Typography>
      ))}
    </Box>
  );
}

function ListActions() {
  const { filterValues } = useListContext();
  return (
    <TopToolbar>
      <ExportExcelButton kind="shortfalls" body={() => shortfallArgs(filterValues)} />
    </TopToolbar>
  );
}

export default function ShortfallList() {
  const translate = useTranslate();
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  return (
    <>
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate(`${S}.hint`)}
      </Alert>
      <List filters={filters()} filterDefaultValues={{ year: new Date().getFullYear() }} perPage={25} actions={<ListActions />} sort={{ field: 'deadline', order: 'ASC' }}>
        <DataTable rowClick={(_id, _resource, record) => `/professionals/${(record as ShortfallRecord).professionalId}/show/hours`} bulkActionButtons={false} expand={<Reasons />} data-testid="shortfalls-list">
          <DataTable.Col source="name" disableSort>
            <Name />
          </DataTable.Col>
          {!narrow && <DataTable.Col source="idNumber" disableSort />}
          <DataTable.Col source="unitName" disableSort />
          {!narrow && (
            <DataTable.Col source="titleLevel" disableSort>
              <SelectField source="titleLevel" choices={titleLevelChoices} />
            </DataTable.Col>
          )}
          <DataTable.Col source="daysLeft" disableSort>
            <Days />
          </DataTable.Col>
          <DataTable.Col source="publicShortfall" disableSort>
            <Hours subject="public" />
          </DataTable.Col>
          <DataTable.Col source="professionalShortfall" disableSort>
            <Hours subject="professional" />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
}

// The review queue of my level: a tab per queue status with its count, a filter
// sidebar (activity kind, when it was submitted), pages of 10 or 20, and approving
// the selected rows at once after a confirmation.
import { type ReactElement, useCallback, useEffect, useState } from 'react';
import { Box, Card, CardContent, Divider, Tab, Tabs, type Theme, useMediaQuery } from '@mui/material';
import CategoryIcon from '@mui/icons-material/Category';
import EventIcon from '@mui/icons-material/Event';
import {
  Datagrid,
  DateField,
  DateInput,
  FilterList,
  FilterListItem,
  FunctionField,
  List,
  NumberField,
  Pagination,
  SelectInput,
  TextField,
  useListContext,
  useTranslate,
} from 'react-admin';
import { activityKinds, type ActivityKind } from '../declarations/data';
import { HoursText, StatusField } from '../declarations/status-chip';
import { BulkApproveButton } from './bulk-approve';
import { QUEUE_STATUSES, queueCounts, type QueueCounts, type QueueStatus } from './data';

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function periods() {
  const now = new Date();
  const y = now.getFullYear();
  return [
    { key: 'month', value: { from: iso(new Date(y, now.getMonth(), 1)), to: iso(now) } },
    { key: 'year', value: { from: `${y}-01-01`, to: `${y}-12-31` } },
    { key: 'last_year', value: { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` } },
  ];
}

function useKinds(): ActivityKind[] {
  const [kinds, setKinds] = useState<ActivityKind[]>([]);
  useEffect(() => {
    activityKinds(new Date().getFullYear()).then(setKinds, () => setKinds([]));
  }, []);
  return kinds;
}

/** Wide screens: the filters as a sidebar of one-click choices (as the react-admin demo's). */
function FilterSidebar() {
  const translate = useTranslate();
  const kinds = useKinds();
  return (
    <Card sx={{ order: -1, mr: 2, mt: 2, width: 220, flexShrink: 0 }} data-testid="review-filters">
      <CardContent>
        <FilterList label="resources.reviews.filters.submitted" icon={<EventIcon />}>
          {periods().map((p) => (
            <FilterListItem key={p.key} label={translate(`resources.reviews.filters.${p.key}`)} value={p.value} />
          ))}
        </FilterList>
        <FilterList label="resources.reviews.fields.kindName" icon={<CategoryIcon />}>
          {kinds.map((k) => (
            <FilterListItem key={k.code} label={k.name} value={{ kind: k.code }} />
          ))}
        </FilterList>
      </CardContent>
    </Card>
  );
}

/** Narrow screens (a tablet): the same filters as inputs above the list, leaving the width to the rows. */
function useNarrowFilters(): ReactElement[] {
  const kinds = useKinds();
  return [
    <SelectInput key="kind" source="kind" label="resources.reviews.fields.kindName" choices={kinds.map((k) => ({ id: k.code, name: k.name }))} alwaysOn sx={{ minWidth: 200 }} />,
    <DateInput key="from" source="from" label="resources.reviews.filters.from" alwaysOn />,
    <DateInput key="to" source="to" label="resources.reviews.filters.to" alwaysOn />,
  ];
}

function countText(counts: QueueCounts | null, status: QueueStatus): string {
  if (!counts) return '…';
  const n = counts[status.toLowerCase() as Lowercase<QueueStatus>];
  return counts.capped.includes(status) ? `${counts.limit}+` : String(n);
}

/** The tabs and the rows; counts are re-read whenever the rows are (after a decision too). */
function TabbedQueue() {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters, data } = useListContext();
  const wide = useMediaQuery<Theme>((theme) => theme.breakpoints.up('md'));
  const status = (filterValues.status as QueueStatus | undefined) ?? 'WAITING';
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const { status: _status, ...others } = filterValues as Record<string, unknown>;
  const countKey = JSON.stringify(others);
  useEffect(() => {
    let live = true;
    queueCounts(JSON.parse(countKey) as Record<string, unknown>).then(
      (c) => live && setCounts(c),
      () => live && setCounts(null),
    );
    return () => {
      live = false;
    };
  }, [countKey, data]);
  const onTab = useCallback((_: unknown, value: QueueStatus) => setFilters({ ...filterValues, status: value }, displayedFilters), [displayedFilters, filterValues, setFilters]);
  return (
    <>
      {/* width 0 / min-width 100%: the tabs scroll within the page's width instead of widening it on a tablet */}
      <Tabs value={status} onChange={onTab} variant="scrollable" scrollButtons="auto" indicatorColor="primary" sx={{ width: 0, minWidth: '100%' }}>
        {QUEUE_STATUSES.map((s) => (
          <Tab key={s} value={s} data-tab={s} label={`${translate(`resources.reviews.tabs.${s}`)}（${countText(counts, s)}）`} />
        ))}
      </Tabs>
      <Divider />
      <Datagrid
        rowClick="show"
        bulkActionButtons={status === 'WAITING' ? <BulkApproveButton /> : false}
        key={status}
        sx={{ '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } }}
      >
        <DateField source="submittedAt" showTime={wide} sortable={false} />
        <FunctionField
          source="professionalName"
          sortable={false}
          render={(r: { id: string; professionalName: string }) => <span data-declaration={r.id}>{r.professionalName}</span>}
        />
        {wide && <TextField source="unitName" sortable={false} />}
        <TextField source="kindName" sortable={false} />
        {wide && <NumberField source="year" sortable={false} options={{ useGrouping: false }} />}
        <FunctionField
          label="resources.reviews.fields.hours"
          render={(r: { preview: { hours: { publicHours: number; professionalHours: number } } }) => <HoursText {...r.preview.hours} />}
        />
        {wide && <NumberField source="round" sortable={false} />}
        {status !== 'WAITING' && <StatusField label="resources.reviews.fields.status" />}
      </Datagrid>
    </>
  );
}

export default function ReviewList() {
  const wide = useMediaQuery<Theme>((theme) => theme.breakpoints.up('md'));
  const narrowFilters = useNarrowFilters();
  return (
    <Box sx={{ minWidth: 0 }}>
      <List
        filters={wide ? undefined : narrowFilters}
        filterDefaultValues={{ status: 'WAITING' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 20]} />}
        aside={wide ? <FilterSidebar /> : undefined}
        actions={false}
        exporter={false}
        storeKey="reviews.queue"
        sx={{ '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { minWidth: 0 } }}
      >
        <TabbedQueue />
      </List>
    </Box>
  );
}

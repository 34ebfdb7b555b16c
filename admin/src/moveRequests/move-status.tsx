// A move request's state as a coloured chip, and the list's tab per state (the API
// filters by state; it counts the rows of the tab shown, under the list).
import { useCallback } from 'react';
import { Chip, Divider, Tab, Tabs } from '@mui/material';
import { useListContext, useRecordContext, useTranslate } from 'react-admin';
import { MOVE_STATUSES, type MoveStatus, statusOf } from './data';

const COLOURS: Record<MoveStatus, 'info' | 'success' | 'warning' | 'default'> = {
  PENDING: 'info',
  CONSENTED: 'success',
  REFUSED: 'warning',
  CANCELLED: 'default',
  EXPIRED: 'default',
};

export function MoveStatusChip({ status }: { status: MoveStatus }) {
  const translate = useTranslate();
  return <Chip size="small" color={COLOURS[status] ?? 'default'} label={translate(`resources.moveRequests.status.${status}`)} data-status={status} />;
}

/** The status of the record in context, for a list column. */
export function MoveStatusField(_props: { label?: string; sortable?: boolean }) {
  const record = useRecordContext<{ status?: MoveStatus }>();
  return record?.status ? <MoveStatusChip status={record.status} /> : null;
}

export function useMoveStatus(): MoveStatus {
  return statusOf(useListContext().filterValues as Record<string, unknown>);
}

export function MoveStatusTabs() {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const status = useMoveStatus();
  const onTab = useCallback((_: unknown, value: MoveStatus) => setFilters({ ...filterValues, status: value }, displayedFilters), [displayedFilters, filterValues, setFilters]);
  return (
    <>
      <Tabs value={status} onChange={onTab} variant="scrollable" scrollButtons="auto" sx={{ width: 0, minWidth: '100%' }}>
        {MOVE_STATUSES.map((s) => (
          <Tab key={s} value={s} data-tab={s} label={translate(`resources.moveRequests.status.${s}`)} />
        ))}
      </Tabs>
      <Divider />
    </>
  );
}

// What the two registration queues' screens share (professionals' sign-ups for
// units, organisations' applications for the level above): a tab per state with
// its count (as the review queue has). An application's page: shared/detail-page.tsx.
import { useCallback, useEffect, useState } from 'react';
import { Divider, Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import type { RegistrationCounts } from './registration-filter';
import { REGISTRATION_STATUSES, type RegistrationStatus } from './registration-status';

/** The tab shown: the list's status filter, pending by default. */
export function useQueueStatus(): RegistrationStatus {
  const { filterValues } = useListContext();
  return (filterValues.status as RegistrationStatus | undefined) ?? 'PENDING';
}

function countText(counts: RegistrationCounts | null, status: RegistrationStatus): string {
  if (!counts) return '…';
  const n = counts[status.toLowerCase() as Lowercase<RegistrationStatus>];
  return counts.capped.includes(status) ? `${counts.limit}+` : String(n);
}

/** The state tabs with their counts; counts are re-read whenever the rows are (after a decision too). */
export function QueueTabs({ loadCounts }: { loadCounts: (values: Record<string, unknown>) => Promise<RegistrationCounts> }) {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters, data } = useListContext();
  const status = useQueueStatus();
  const [counts, setCounts] = useState<RegistrationCounts | null>(null);
  const { status: _status, ...others } = filterValues as Record<string, unknown>;
  const countKey = JSON.stringify(others);
  useEffect(() => {
    let live = true;
    loadCounts(JSON.parse(countKey) as Record<string, unknown>).then(
      (c) => live && setCounts(c),
      () => live && setCounts(null),
    );
    return () => {
      live = false;
    };
  }, [countKey, data, loadCounts]);
  const onTab = useCallback((_: unknown, value: RegistrationStatus) => setFilters({ ...filterValues, status: value }, displayedFilters), [displayedFilters, filterValues, setFilters]);
  return (
    <>
      <Tabs value={status} onChange={onTab} variant="scrollable" scrollButtons="auto" sx={{ width: 0, minWidth: '100%' }}>
        {REGISTRATION_STATUSES.map((s) => (
          <Tab key={s} value={s} data-tab={s} label={`${translate(`app.registration.status.${s}`)}（${countText(counts, s)}）`} />
        ))}
      </Tabs>
      <Divider />
    </>
  );
}

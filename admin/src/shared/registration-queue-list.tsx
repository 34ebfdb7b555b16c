// The frame both registration queues' lists share: the filters (the organisation, when the
// caller's level has several; the day from and to), pages of 10 or 20 in the order they came,
// the pending tab by default, a tab per state with its count above a grid that starts afresh
// on each tab. Each list gives its own columns.
import type { ReactNode } from 'react';
import { AutocompleteInput, Datagrid, DateInput, List, Pagination, ReferenceInput } from 'react-admin';
import type { RegistrationCounts } from './registration-filter';
import { QueueTabs, useQueueStatus } from './registration-queue';

export interface QueueListProps {
  /** `registrations`, `organisationApplications`: the resource the labels are under. */
  resource: string;
  /** The organisation filter, or null when the caller's level has one organisation. */
  organisation: { source: string; kind: string; label: string } | null;
  storeKey: string;
  children: ReactNode;
}

function filters({ resource, organisation }: QueueListProps) {
  return [
    ...(organisation
      ? [
          <ReferenceInput key={organisation.source} source={organisation.source} reference="organisations" filter={{ kind: organisation.kind }} alwaysOn>
            <AutocompleteInput optionText="name" label={organisation.label} sx={{ minWidth: 220 }} />
          </ReferenceInput>,
        ]
      : []),
    <DateInput key="from" source="from" label={`resources.${resource}.filters.from`} alwaysOn />,
    <DateInput key="to" source="to" label={`resources.${resource}.filters.to`} alwaysOn />,
  ];
}

export function QueueList(props: QueueListProps) {
  return (
    <List
      filters={filters(props)}
      filterDefaultValues={{ status: 'PENDING' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 20]} />}
      actions={false}
      exporter={false}
      storeKey={props.storeKey}
      sx={{ '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { minWidth: 0 } }}
    >
      {props.children}
    </List>
  );
}

export function QueueGrid({ loadCounts, children }: { loadCounts: (values: Record<string, unknown>) => Promise<RegistrationCounts>; children: ReactNode }) {
  const status = useQueueStatus();
  return (
    <>
      <QueueTabs loadCounts={loadCounts} />
      <Datagrid rowClick="show" bulkActionButtons={false} key={status} sx={{ '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } }}>
        {children}
      </Datagrid>
    </>
  );
}

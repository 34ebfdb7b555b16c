// 迁入申请: the requests into my part of the tree, a tab per state, newest first, pages
// of 10 or 20; a new request from the toolbar. A refused request shows its reason here.
import { type Theme, useMediaQuery } from '@mui/material';
import { CreateButton, Datagrid, DateField, FunctionField, List, NumberField, Pagination, SelectField, TextField, TopToolbar } from 'react-admin';
import { titleLevelChoices } from '../professionals/choices';
import { readSession } from '../providers/session';
import type { MoveRequestRecord } from './data';
import { MoveStatusField, MoveStatusTabs, useMoveStatus } from './move-status';

function Requests() {
  const wide = useMediaQuery<Theme>((theme) => theme.breakpoints.up('md'));
  const status = useMoveStatus();
  const aboveUnit = readSession()?.role !== 'UNIT_OFFICIAL';
  return (
    <>
      <MoveStatusTabs />
      <Datagrid rowClick="show" bulkActionButtons={false} key={status} sx={{ '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } }}>
        <DateField source="requestedAt" showTime={wide} sortable={false} />
        <FunctionField source="name" sortable={false} render={(r: MoveRequestRecord) => <span data-move-request={r.id}>{r.name}</span>} />
        <TextField source="idNumberMasked" sortable={false} />
        {aboveUnit && <TextField source="unitName" sortable={false} />}
        {wide && <SelectField source="titleLevel" choices={titleLevelChoices} sortable={false} />}
        {status === 'PENDING' ? <DateField source="expiresAt" sortable={false} /> : <DateField source="decidedAt" sortable={false} emptyText="—" />}
        {status === 'CONSENTED' && <TextField source="sourceTenantName" sortable={false} />}
        {status === 'CONSENTED' && <NumberField source="yearsMoved" sortable={false} />}
        {status === 'REFUSED' && <TextField source="refusalReason" sortable={false} />}
        {status !== 'PENDING' && <MoveStatusField label="resources.moveRequests.fields.status" />}
      </Datagrid>
    </>
  );
}

export default function MoveRequestList() {
  return (
    <List
      filterDefaultValues={{ status: 'PENDING' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 20]} />}
      actions={
        <TopToolbar>
          <CreateButton label="resources.moveRequests.create" data-testid="request-move" />
        </TopToolbar>
      }
      exporter={false}
      storeKey="moveRequests.list"
      empty={false}
      sx={{ '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { minWidth: 0 } }}
    >
      <Requests />
    </List>
  );
}

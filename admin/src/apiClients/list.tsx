// The bureau's API clients: who may call the API with a key, with what scopes;
// a client is revoked (after a confirmation), never edited or deleted.
import { useState } from 'react';
import { Chip, Stack, useMediaQuery, type Theme } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import { Button, Confirm, CreateButton, DataTable, DateField, FunctionField, List, TopToolbar, useNotify, useRecordContext, useRefresh, useTranslate, useUpdate } from 'react-admin';
import type { ApiClientRecord } from './data';

export function statusOf(client: ApiClientRecord): 'active' | 'revoked' | 'expired' {
  if (client.revokedAt) return 'revoked';
  if (client.expiresAt && new Date(client.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

export function ScopeChips() {
  const translate = useTranslate();
  const record = useRecordContext<ApiClientRecord>();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      {record?.scopes.map((s) => <Chip key={s} size="small" label={translate(`resources.apiClients.scopes.${s}`)} />)}
    </Stack>
  );
}

function RevokeButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const record = useRecordContext<ApiClientRecord>();
  const [open, setOpen] = useState(false);
  const [update, { isPending }] = useUpdate();
  if (!record || record.revokedAt) return null;
  const confirm = () =>
    update(
      'apiClients',
      { id: record.id, data: {}, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          notify('resources.apiClients.revoke.done', { type: 'info' });
          refresh();
        },
        onError: (error) => {
          setOpen(false);
          notify(error instanceof Error ? error.message : String(error), { type: 'error' });
        },
      },
    );
  return (
    <>
      <Button label="resources.apiClients.revoke.button" color="error" onClick={(e) => { e.stopPropagation(); setOpen(true); }} data-testid="revoke">
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={translate('resources.apiClients.revoke.title', { name: record.name })}
        content="resources.apiClients.revoke.content"
        confirm="resources.apiClients.revoke.button"
        confirmColor="warning"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

export default function ApiClientList() {
  const translate = useTranslate();
  // at tablet width the key ID, creation and last use give way to what decides (scopes, status, revoke)
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'));
  return (
    <List actions={<TopToolbar><CreateButton /></TopToolbar>} sx={{ '& .RaList-content': { overflowX: 'auto' } }}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="name" disableSort />
        {wide && <DataTable.Col source="keyId" disableSort />}
        <DataTable.Col source="scopes" disableSort>
          <ScopeChips />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <FunctionField<ApiClientRecord>
            render={(r) => {
              const s = statusOf(r);
              return <Chip size="small" color={s === 'active' ? 'success' : 'default'} label={translate(`resources.apiClients.status.${s}`)} />;
            }}
          />
        </DataTable.Col>
        {wide && (
          <DataTable.Col source="createdAt" disableSort>
            <DateField source="createdAt" showTime />
          </DataTable.Col>
        )}
        <DataTable.Col source="expiresAt" disableSort>
          <DateField source="expiresAt" showTime emptyText={translate('resources.apiClients.no_expiry')} />
        </DataTable.Col>
        {wide && (
          <DataTable.Col source="lastUsedAt" disableSort>
            <DateField source="lastUsedAt" showTime emptyText={translate('resources.apiClients.never')} />
          </DataTable.Col>
        )}
        <DataTable.Col label="" disableSort>
          <RevokeButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

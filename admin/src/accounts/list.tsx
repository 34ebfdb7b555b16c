// The accounts in the official's part of the tree, by user name; a password
// reset (a new one-time code) for accounts below the official's own role.
import { useState } from 'react';
import { Confirm, CreateButton, DataTable, DateField, List, ReferenceField, SelectField, TextField, TopToolbar, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { Button, useMediaQuery, type Theme } from '@mui/material';
import LockResetIcon from '@mui/icons-material/LockReset';
import { type AccountRecord, type IssuedCode, resetAccount } from './data';
import { MAY_CREATE, RANK, roleChoices, statusChoices } from './roles';
import { readSession } from '../providers/session';
import { OneTimeCodeDialog } from '../professionals/activation-button';
import { asIs, messageOf } from '../professionals/errors';

function ResetButton() {
  const record = useRecordContext<AccountRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const role = readSession()?.role ?? 'PROFESSIONAL';
  if (!record || (RANK[record.role] ?? 0) >= (RANK[role] ?? 0)) return null;
  const reset = async () => {
    setBusy(true);
    try {
      setIssued(await resetAccount(record.id));
    } catch (error) {
      notify(messageOf(error), asIs(messageOf(error)));
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<LockResetIcon />} onClick={(e) => (e.stopPropagation(), setAsking(true))}>
        {translate('resources.accounts.reset.action')}
      </Button>
      <Confirm isOpen={asking} loading={busy} title="resources.accounts.reset.title" content="resources.accounts.reset.body" translateOptions={{ name: record.displayName }} onConfirm={reset} onClose={() => setAsking(false)} />
      <OneTimeCodeDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}

export default function AccountList() {
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const role = readSession()?.role;
  const allRoles = roleChoices(['BUREAU_OFFICIAL', 'DEPARTMENT_OFFICIAL', 'UNIT_OFFICIAL', 'PROFESSIONAL']);
  return (
    <List perPage={25} actions={<TopToolbar>{role && MAY_CREATE[role] && <CreateButton />}</TopToolbar>} sort={{ field: 'username', order: 'ASC' }}>
      <DataTable rowClick={false} bulkActionButtons={false} data-testid="accounts-list">
        <DataTable.Col source="username" disableSort />
        <DataTable.Col source="displayName" disableSort />
        <DataTable.Col source="role" disableSort>
          <SelectField source="role" choices={allRoles} />
        </DataTable.Col>
        {!narrow && (
          <DataTable.Col source="orgNodeId" disableSort>
            <ReferenceField source="orgNodeId" reference="organisations" link={false}>
              <TextField source="name" />
            </ReferenceField>
          </DataTable.Col>
        )}
        <DataTable.Col source="status" disableSort>
          <SelectField source="status" choices={statusChoices} />
        </DataTable.Col>
        {!narrow && (
          <DataTable.Col source="lastSignInAt" disableSort>
            <DateField source="lastSignInAt" showTime emptyText="resources.accounts.never" />
          </DataTable.Col>
        )}
        <DataTable.Col disableSort>
          <ResetButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

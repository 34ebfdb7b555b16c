// The operator's tenants, by code: status, when and why suspended, and the
// suspend (with a reason, confirmed in a dialog) and resume actions.
import { useState } from 'react';
import { Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import PlayCircleIcon from '@mui/icons-material/PlayCircle';
import { Confirm, CreateButton, Datagrid, DateField, FunctionField, List, TextField as RaTextField, TopToolbar, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { resumeTenant, suspendTenant, type Tenant } from './data';

function StatusChip() {
  const translate = useTranslate();
  const record = useRecordContext<Tenant>();
  if (!record) return null;
  return <Chip size="small" color={record.status === 'ACTIVE' ? 'success' : 'warning'} label={translate(`resources.tenants.status.${record.status}`)} data-status={record.status} />;
}

function SuspendButton({ tenant }: { tenant: Tenant }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const submit = async () => {
    setTouched(true);
    if (!reason.trim()) return;
    setBusy(true);
    try {
      await suspendTenant(tenant.id, reason.trim());
      notify('resources.tenants.actions.suspended', { type: 'success', messageArgs: { name: tenant.name } });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" color="warning" startIcon={<PauseCircleIcon />} onClick={() => setOpen(true)} data-action="suspend">
        {translate('resources.tenants.actions.suspend')}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.tenants.actions.suspend_title', { name: tenant.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('resources.tenants.actions.suspend_warning')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            name="reason"
            label={translate('resources.tenants.actions.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={touched && !reason.trim()}
            helperText={touched && !reason.trim() ? translate('resources.tenants.actions.reason_required') : ' '}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            {translate('app.common.cancel')}
          </Button>
          <Button color="warning" variant="contained" onClick={submit} disabled={busy} data-action="confirm-suspend">
            {translate('resources.tenants.actions.suspend')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

function ResumeButton({ tenant }: { tenant: Tenant }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await resumeTenant(tenant.id);
      notify('resources.tenants.actions.resumed', { type: 'success', messageArgs: { name: tenant.name } });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" color="success" startIcon={<PlayCircleIcon />} onClick={() => setOpen(true)} data-action="resume">
        {translate('resources.tenants.actions.resume')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate('resources.tenants.actions.resume_title', { name: tenant.name })}
        content={translate('resources.tenants.actions.resume_content')}
        confirm="resources.tenants.actions.resume"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

function TenantActions() {
  const record = useRecordContext<Tenant>();
  if (!record) return null;
  return record.status === 'ACTIVE' ? <SuspendButton tenant={record} /> : <ResumeButton tenant={record} />;
}

function ListActions() {
  return (
    <TopToolbar>
      <CreateButton label="resources.tenants.create.title" />
    </TopToolbar>
  );
}

export default function TenantList() {
  return (
    <List actions={<ListActions />} perPage={25} exporter={false} sort={{ field: 'code', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <RaTextField source="code" sortable={false} />
        <RaTextField source="name" sortable={false} />
        <FunctionField source="status" sortable={false} render={() => <StatusChip />} />
        <DateField source="suspendedAt" showTime sortable={false} emptyText="—" />
        <RaTextField source="suspensionReason" sortable={false} emptyText="—" />
        <FunctionField label="" render={() => <TenantActions />} />
      </Datagrid>
    </List>
  );
}

// The bureau's actions on one organisation, each a small dialog: rename, move
// under another parent (confirmed, since everything below moves too) and set
// the employer type (or clear it to inherit the parent's).
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, TextField } from '@mui/material';
import { moveOrganisation, type OrganisationRecord, renameOrganisation, setEmployerType } from './data';
import { EMPLOYER_TYPES, PARENT_KIND } from './choices';
import { messageOf } from '../professionals/errors';

export type OrgAction = 'rename' | 'move' | 'employer';

const A = 'resources.organisations.actions';
const INHERIT = '__inherit__';

interface Props {
  action: OrgAction | null;
  org: OrganisationRecord | null;
  all: readonly OrganisationRecord[];
  onClose: () => void;
  onDone: () => void;
}

export function OrganisationDialog({ action, org, all, onClose, onDone }: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const [value, setValue] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = action !== null && org !== null;

  const reset = () => {
    setValue('');
    setConfirming(false);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const parents = org ? all.filter((o) => o.kind === PARENT_KIND[org.kind] && o.id !== org.parentId) : [];
  const initial = () => {
    if (!org) return '';
    if (action === 'rename') return org.name;
    if (action === 'employer') return org.employerType ?? INHERIT;
    return '';
  };
  const current = value === '' ? initial() : value;

  const submit = async () => {
    if (!org || !action) return;
    if (action === 'move' && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (action === 'rename') await renameOrganisation(org.id, current);
      if (action === 'move') await moveOrganisation(org.id, current);
      if (action === 'employer') await setEmployerType(org, current === INHERIT ? null : current);
      notify(action === 'rename' ? `${A}.renamed` : action === 'move' ? `${A}.moved` : `${A}.employer_set`, { type: 'success' });
      reset();
      onDone();
    } catch (e) {
      setConfirming(false);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const title = action === 'rename' ? `${A}.rename` : action === 'move' ? `${A}.move` : `${A}.employer`;
  const parentName = all.find((o) => o.id === current)?.name ?? '';
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" data-testid="organisation-dialog">
      <DialogTitle>
        {translate(title)}：{org?.name}
      </DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {action === 'rename' && (
          <TextField autoFocus fullWidth margin="dense" name="name" label={translate(`${A}.new_name`)} value={current} onChange={(e) => setValue(e.target.value)} />
        )}
        {action === 'move' && !confirming && (
          <TextField select fullWidth margin="dense" name="newParentId" label={translate(`${A}.new_parent`)} value={current} onChange={(e) => setValue(e.target.value)}>
            {parents.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}
              </MenuItem>
            ))}
          </TextField>
        )}
        {action === 'move' && confirming && <DialogContentText>{translate(`${A}.move_confirm`, { name: org?.name ?? '', parent: parentName })}</DialogContentText>}
        {action === 'employer' && (
          <TextField select fullWidth margin="dense" name="employerType" label={translate('resources.organisations.fields.employerType')} value={current} onChange={(e) => setValue(e.target.value)}>
            <MenuItem value={INHERIT}>{translate(`${A}.inherit`)}</MenuItem>
            {EMPLOYER_TYPES.map((t) => (
              <MenuItem key={t} value={t}>
                {translate(`resources.organisations.employerTypes.${t}`)}
              </MenuItem>
            ))}
          </TextField>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={submit} disabled={busy || !current.trim()}>
          {translate(confirming ? 'ra.action.confirm' : 'ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

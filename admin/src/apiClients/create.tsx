// A new API client. The server answers its key once; it is shown in a dialog
// with a copy button and a warning, kept only in this component's state, and
// gone when the dialog closes.
import { useState } from 'react';
import { Alert, Box, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, InputAdornment, TextField, Typography } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { CheckboxGroupInput, Create, DateTimeInput, required, SimpleForm, TextInput, useNotify, useRedirect, useTranslate } from 'react-admin';
import type { ApiClientRecord } from './data';

const SCOPES = ['COMPLETION_READ', 'TRAINING_REPORT'];

function SecretDialog({ client, onClose }: { client: ApiClientRecord; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(client.apiKey ?? '');
      notify('resources.apiClients.secret.copied', { type: 'info' });
    } catch {
      notify('resources.apiClients.secret.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Dialog open maxWidth="sm" fullWidth aria-labelledby="secret-title" data-testid="secret-dialog">
      <DialogTitle id="secret-title">{translate('resources.apiClients.secret.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('resources.apiClients.secret.warning')}
        </Alert>
        <Typography variant="body2" gutterBottom>
          {client.name}（{client.keyId}）
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('resources.apiClients.secret.header')}
        </Typography>
        <TextField
          fullWidth
          value={client.apiKey ?? ''}
          slotProps={{
            htmlInput: { readOnly: true, 'data-testid': 'api-key', style: { fontFamily: 'monospace' } },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <IconButton aria-label={translate('resources.apiClients.secret.copy')} onClick={copy} edge="end">
                    <ContentCopyIcon />
                  </IconButton>
                </InputAdornment>
              ),
            },
          }}
          onFocus={(e) => e.target.select()}
        />
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={copy} startIcon={<ContentCopyIcon />}>
          {translate('resources.apiClients.secret.copy')}
        </MuiButton>
        <MuiButton variant="contained" onClick={onClose} data-testid="secret-done">
          {translate('resources.apiClients.secret.done')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}

export default function ApiClientCreate() {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [created, setCreated] = useState<ApiClientRecord | null>(null);
  return (
    <>
      <Create redirect={false} mutationOptions={{ onSuccess: (data: ApiClientRecord) => setCreated(data) }}>
        <SimpleForm>
          <Box sx={{ mb: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {translate('resources.apiClients.create_hint')}
            </Typography>
          </Box>
          <TextInput source="name" validate={required()} sx={{ maxWidth: 480 }} fullWidth />
          <CheckboxGroupInput
            source="scopes"
            validate={required()}
            choices={SCOPES.map((id) => ({ id, name: `resources.apiClients.scopes.${id}` }))}
            row={false}
          />
          <DateTimeInput source="expiresAt" helperText="resources.apiClients.expires_hint" />
        </SimpleForm>
      </Create>
      {created && (
        <SecretDialog
          client={created}
          onClose={() => {
            setCreated(null);
            redirect('list', 'apiClients');
          }}
        />
      )}
    </>
  );
}

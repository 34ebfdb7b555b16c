// The account's own e-mail settings: the address reminders go to, and the switch that stops
// reminder e-mails (in-app notifications are made either way). On the notifications page and
// on a professional's home.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, FormControlLabel, Switch, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { ApiError } from '../providers/graphql';
import { loadEmailSettings, saveEmailSettings } from './data';

const KEY = ['notifications', 'settings'];

export function EmailSettingsCard() {
  const translate = useTranslate();
  const notify = useNotify();
  const client = useQueryClient();
  const { data, error, isPending } = useQuery({ queryKey: KEY, queryFn: loadEmailSettings });
  const [email, setEmail] = useState('');
  useEffect(() => setEmail(data?.email ?? ''), [data?.email]);
  const save = useMutation({
    mutationFn: saveEmailSettings,
    onSuccess: (saved) => {
      client.setQueryData(KEY, saved);
      notify('app.notifications.settings.saved', { type: 'success' });
    },
  });
  const fieldError = save.error instanceof ApiError && save.error.field === 'email' ? save.error.message : null;
  return (
    <Card sx={{ mt: 2 }} data-testid="email-settings">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.notifications.settings.title')}
        </Typography>
        {isPending && <CircularProgress size={24} />}
        {error && <Alert severity="error">{error.message}</Alert>}
        {data && (
          <>
            {!data.emailEnabled && (
              <Alert severity="info" sx={{ mb: 2 }}>
                {translate('app.notifications.settings.mail_off')}
              </Alert>
            )}
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
              <TextField
                size="small"
                type="email"
                name="email"
                label={translate('app.notifications.settings.email')}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                error={!!fieldError}
                helperText={fieldError ?? translate('app.notifications.settings.email_help')}
                sx={{ minWidth: 280 }}
              />
              <Button variant="contained" disabled={save.isPending || email.trim() === (data.email ?? '')} onClick={() => save.mutate({ email: email.trim() || null })}>
                {translate('ra.action.save')}
              </Button>
            </Box>
            <FormControlLabel
              sx={{ mt: 1 }}
              control={
                <Switch
                  checked={!data.emailOptOut}
                  disabled={save.isPending}
                  onChange={(e) => save.mutate({ emailOptOut: !e.target.checked })}
                  inputProps={{ 'aria-label': translate('app.notifications.settings.receive') }}
                  data-testid="email-opt-in"
                />
              }
              label={translate('app.notifications.settings.receive')}
            />
            {save.error && !fieldError && <Alert severity="error">{save.error.message}</Alert>}
          </>
        )}
      </CardContent>
    </Card>
  );
}

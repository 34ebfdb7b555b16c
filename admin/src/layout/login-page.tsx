// Sign-in: region code, user name (a professional's is their ID number) and
// password; platform operators sign in without a region. Below the form, the
// public pages: a professional's or an organisation's sign-up, and its progress.
import { useState } from 'react';
import { Box, Button, Card, CardContent, Checkbox, Divider, FormControlLabel, Link, TextField, Typography } from '@mui/material';
import { useLogin, useNotify, useTranslate } from 'ra-core';
import { LocalesMenuButton } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { lastTenantCode, rememberTenantCode } from '../providers/session';

export function LoginPage() {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [tenantCode, setTenantCode] = useState(lastTenantCode);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [operator, setOperator] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      if (!operator) rememberTenantCode(tenantCode);
      await login({ tenantCode, username, password, operator });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'app.login.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'grey.100', p: 2 }}>
      <Card sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent>
          <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
            <LocalesMenuButton />
          </Box>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.login.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('app.login.subtitle')}
          </Typography>
          <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 2 }}>
            {!operator && (
              <TextField name="tenantCode" label={translate('app.login.tenant')} helperText={translate('app.login.tenant_hint')} value={tenantCode} onChange={(e) => setTenantCode(e.target.value)} required autoComplete="organization" />
            )}
            <TextField name="username" label={translate('app.login.username')} helperText={operator ? undefined : translate('app.login.username_hint')} value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="username" />
            <TextField name="password" type="password" label={translate('app.login.password')} value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
            <FormControlLabel control={<Checkbox name="operator" checked={operator} onChange={(e) => setOperator(e.target.checked)} />} label={translate('app.login.operator')} />
            <Button type="submit" variant="contained" size="large" disabled={busy}>
              {translate('app.login.submit')}
            </Button>
          </Box>
          <Divider sx={{ my: 2 }} />
          <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 1 }} data-testid="sign-up-links">
            <Link component={RouterLink} to="/sign-up" data-testid="sign-up-link">
              {translate('app.login.sign_up')}
            </Link>
            <Link component={RouterLink} to="/sign-up/organisation">
              {translate('app.login.apply')}
            </Link>
            <Link component={RouterLink} to="/sign-up/progress">
              {translate('app.login.progress')}
            </Link>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}

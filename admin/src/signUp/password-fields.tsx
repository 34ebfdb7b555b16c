// The password chosen at sign-up, typed twice; the server checks its strength
// (at least 10 characters with letters and digits) and names it if too weak.
import { Box, TextField } from '@mui/material';
import { useTranslate } from 'ra-core';
import { type FieldErrors, helper } from './form-support';

interface Passwords {
  password: string;
  confirm: string;
}

export function PasswordFields({ value, onChange, errors, clear }: { value: Passwords; onChange(v: Passwords): void; errors: FieldErrors; clear(field: string): void }) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
      <TextField
        name="password"
        type="password"
        label={translate('app.signUp.fields.password')}
        value={value.password}
        onChange={(e) => {
          onChange({ ...value, password: e.target.value });
          clear('password');
        }}
        required
        autoComplete="new-password"
        {...helper(errors, 'password', translate('app.signUp.hints.password'))}
      />
      <TextField
        name="confirm"
        type="password"
        label={translate('app.signUp.fields.confirm')}
        value={value.confirm}
        onChange={(e) => {
          onChange({ ...value, confirm: e.target.value });
          clear('confirm');
        }}
        required
        autoComplete="new-password"
        {...helper(errors, 'confirm')}
      />
    </Box>
  );
}

// The region code of a public form (the tenant), with its hint or the server's refusal.
import { TextField } from '@mui/material';
import { useTranslate } from 'ra-core';
import { type FieldErrors, helper } from './form-support';

export function TenantCodeField(props: { value: string; errors: FieldErrors; onChange: (value: string) => void }) {
  const translate = useTranslate();
  return (
    <TextField
      name="tenantCode"
      label={translate('app.signUp.fields.tenantCode')}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      required
      {...helper(props.errors, 'tenantCode', translate('app.login.tenant_hint'))}
    />
  );
}

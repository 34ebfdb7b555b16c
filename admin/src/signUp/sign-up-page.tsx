// A professional signs up (无需登录): the region, the unit (searched by name in the
// region's directory), ID number, name, mobile, title level and series, and the
// password they will sign in with once the unit approves. The answer is a receipt
// to keep, shown once, and the way to the progress page.
import { type FormEvent, useState } from 'react';
import { Box, Button, MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'ra-core';
import { TITLE_LEVELS, TITLE_SERIES } from '../professionals/choices';
import { lastTenantCode } from '../providers/session';
import { type DirectoryEntry, type RegistrationReceipt, signUpProfessional } from './data';
import { helper, useFieldErrors, useSubmission } from './form-support';
import { TenantCodeField } from './tenant-code-field';
import { OrgPicker } from './org-picker';
import { PasswordFields } from './password-fields';
import { PublicFrame } from './public-frame';
import { ReceiptView } from './receipt-view';

const FIELDS = ['tenantCode', 'unitId', 'idNumber', 'name', 'phone', 'titleLevel', 'titleSeries', 'password', 'confirm'] as const;

export default function SignUpPage() {
  const translate = useTranslate();
  const { errors, setErrors, fail, clear } = useFieldErrors(FIELDS);
  const [tenantCode, setTenantCode] = useState(lastTenantCode);
  const [unit, setUnit] = useState<DirectoryEntry | null>(null);
  const [values, setValues] = useState({ idNumber: '', name: '', phone: '', titleLevel: '', titleSeries: '' });
  const [password, setPassword] = useState({ password: '', confirm: '' });
  const { busy, answer, send } = useSubmission<RegistrationReceipt>(fail);
  const f = (key: string) => translate(`app.signUp.fields.${key}`);

  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: e.target.value }));
    clear(key);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!unit) return setErrors({ unitId: translate('app.signUp.errors.unit_required') });
    if (password.password !== password.confirm) return setErrors({ confirm: translate('app.signUp.errors.password_mismatch') });
    await send(tenantCode, () =>
      signUpProfessional({
        tenantCode: tenantCode.trim(),
        idNumber: values.idNumber.trim().toUpperCase(),
        name: values.name.trim(),
        phone: values.phone.trim(),
        titleLevel: values.titleLevel,
        titleSeries: values.titleSeries,
        unitId: unit.id,
        password: password.password,
      }),
    );
  };

  if (answer)
    return (
      <PublicFrame title="app.signUp.professional.done_title" here="/sign-up">
        <ReceiptView tenantCode={tenantCode.trim()} answer={answer} />
      </PublicFrame>
    );

  return (
    <PublicFrame title="app.signUp.professional.title" intro="app.signUp.professional.intro" here="/sign-up">
      <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="sign-up-form">
        <TenantCodeField
          value={tenantCode}
          errors={errors}
          onChange={(value) => {
            setTenantCode(value);
            setUnit(null);
            clear('tenantCode');
          }}
        />
        <OrgPicker
          tenantCode={tenantCode}
          source="units"
          value={unit}
          onChange={(u) => {
            setUnit(u);
            clear('unitId');
          }}
          name="unitId"
          label={f('unit')}
          hint={translate('app.signUp.hints.unit')}
          error={errors.unitId}
        />
        <TextField name="idNumber" label={f('idNumber')} value={values.idNumber} onChange={set('idNumber')} required slotProps={{ htmlInput: { maxLength: 18 } }} {...helper(errors, 'idNumber', translate('app.signUp.hints.idNumber'))} />
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          <TextField name="name" label={f('name')} value={values.name} onChange={set('name')} required {...helper(errors, 'name')} />
          <TextField name="phone" label={f('phone')} value={values.phone} onChange={set('phone')} required slotProps={{ htmlInput: { maxLength: 11, inputMode: 'numeric' } }} {...helper(errors, 'phone')} />
          <TextField name="titleLevel" select label={f('titleLevel')} value={values.titleLevel} onChange={set('titleLevel')} required {...helper(errors, 'titleLevel')}>
            {TITLE_LEVELS.map((l) => (
              <MenuItem key={l} value={l} data-value={l}>
                {translate(`resources.professionals.enums.titleLevel.${l}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField name="titleSeries" select label={f('titleSeries')} value={values.titleSeries} onChange={set('titleSeries')} required {...helper(errors, 'titleSeries')}>
            {TITLE_SERIES.map((s) => (
              <MenuItem key={s} value={s} data-value={s}>
                {translate(`resources.professionals.enums.titleSeries.${s}`)}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <PasswordFields value={password} onChange={setPassword} errors={errors} clear={clear} />
        <Button type="submit" variant="contained" size="large" disabled={busy} data-testid="submit-sign-up">
          {translate('app.signUp.professional.submit')}
        </Button>
      </Box>
    </PublicFrame>
  );
}

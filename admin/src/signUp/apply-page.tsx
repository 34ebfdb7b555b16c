// A unit or a department applies to be registered (无需登录): what it is, the
// organisation above it (a unit: its department, or — with none — the district HR
// bureau or the city bureau; a department: the bureau), and its first
// administrator, whose account the level above activates with the approval.
import { type FormEvent, useState } from 'react';
import { Box, Button, FormControlLabel, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useTranslate } from 'ra-core';
import { lastTenantCode } from '../providers/session';
import { applyForOrganisation, type DirectoryEntry, type RegistrationReceipt } from './data';
import { helper, useFieldErrors, useSubmission } from './form-support';
import { TenantCodeField } from './tenant-code-field';
import { OrgPicker } from './org-picker';
import { PasswordFields } from './password-fields';
import { PublicFrame } from './public-frame';
import { ReceiptView } from './receipt-view';

type Kind = 'UNIT' | 'DEPARTMENT';
const PARENT_KINDS: Record<Kind, readonly string[]> = { UNIT: ['BUREAU', 'DEPARTMENT'], DEPARTMENT: ['BUREAU'] };
const FIELDS = ['tenantCode', 'kind', 'name', 'code', 'parentId', 'adminUsername', 'adminName', 'adminPhone', 'password', 'confirm'] as const;

export default function ApplyPage() {
  const translate = useTranslate();
  const { errors, setErrors, fail, clear } = useFieldErrors(FIELDS);
  const [tenantCode, setTenantCode] = useState(lastTenantCode);
  const [kind, setKind] = useState<Kind>('UNIT');
  const [parent, setParent] = useState<DirectoryEntry | null>(null);
  const [values, setValues] = useState({ name: '', code: '', adminUsername: '', adminName: '', adminPhone: '' });
  const [password, setPassword] = useState({ password: '', confirm: '' });
  const { busy, answer, send } = useSubmission<RegistrationReceipt>(fail);
  const f = (key: string) => translate(`app.signUp.fields.${key}`);

  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: e.target.value }));
    clear(key);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!parent) return setErrors({ parentId: translate('app.signUp.errors.parent_required') });
    if (password.password !== password.confirm) return setErrors({ confirm: translate('app.signUp.errors.password_mismatch') });
    await send(tenantCode, () =>
      applyForOrganisation({
        tenantCode: tenantCode.trim(),
        kind,
        name: values.name.trim(),
        code: values.code.trim() || null,
        parentId: parent.id,
        adminUsername: values.adminUsername.trim(),
        adminName: values.adminName.trim(),
        adminPhone: values.adminPhone.trim(),
        password: password.password,
      }),
    );
  };

  if (answer)
    return (
      <PublicFrame title="app.signUp.organisation.done_title" here="/sign-up/organisation">
        <ReceiptView tenantCode={tenantCode.trim()} answer={answer} />
      </PublicFrame>
    );

  return (
    <PublicFrame title="app.signUp.organisation.title" intro="app.signUp.organisation.intro" here="/sign-up/organisation">
      <Box component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="apply-form">
        <TenantCodeField
          value={tenantCode}
          errors={errors}
          onChange={(value) => {
            setTenantCode(value);
            setParent(null);
            clear('tenantCode');
          }}
        />
        <RadioGroup
          row
          name="kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            setParent(null);
          }}
        >
          <FormControlLabel value="UNIT" control={<Radio />} label={translate('app.signUp.organisation.kind_unit')} />
          <FormControlLabel value="DEPARTMENT" control={<Radio />} label={translate('app.signUp.organisation.kind_department')} />
        </RadioGroup>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr' } }}>
          <TextField name="name" label={f('organisationName')} value={values.name} onChange={set('name')} required {...helper(errors, 'name')} />
          <TextField name="code" label={f('code')} value={values.code} onChange={set('code')} {...helper(errors, 'code', translate('app.signUp.hints.code'))} />
        </Box>
        <OrgPicker
          tenantCode={tenantCode}
          source="parents"
          kinds={PARENT_KINDS[kind]}
          value={parent}
          onChange={(p) => {
            setParent(p);
            clear('parentId');
          }}
          name="parentId"
          label={f('parent')}
          hint={translate(`app.signUp.hints.parent_${kind.toLowerCase()}`)}
          error={errors.parentId}
        />
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {translate('app.signUp.organisation.admin')}
        </Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          <TextField name="adminName" label={f('adminName')} value={values.adminName} onChange={set('adminName')} required {...helper(errors, 'adminName')} />
          <TextField name="adminPhone" label={f('phone')} value={values.adminPhone} onChange={set('adminPhone')} required slotProps={{ htmlInput: { maxLength: 11, inputMode: 'numeric' } }} {...helper(errors, 'adminPhone')} />
        </Box>
        <TextField name="adminUsername" label={f('adminUsername')} value={values.adminUsername} onChange={set('adminUsername')} required autoComplete="username" {...helper(errors, 'adminUsername', translate('app.signUp.hints.adminUsername'))} />
        <PasswordFields value={password} onChange={setPassword} errors={errors} clear={clear} />
        <Button type="submit" variant="contained" size="large" disabled={busy} data-testid="submit-application">
          {translate('app.signUp.organisation.submit')}
        </Button>
      </Box>
    </PublicFrame>
  );
}

// Onboarding a city: code, name, bureau name and its policy file. "Validate"
// asks the server (validatePolicyFile) and marks each problem at its line before
// anything is created; a create that fails on the file shows the same problems.
import { useState } from 'react';
import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Create, required, SimpleForm, TextInput, Title, useInput, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { ApiError } from '../providers/graphql';
import { type PolicyProblem, problemsOf, type Tenant, validatePolicyFile } from './data';
import { PolicyEditor } from './policy-editor';

type Check = { state: 'none' } | { state: 'busy' } | { state: 'ok' } | { state: 'problems' } | { state: 'stale' } | { state: 'error'; message: string };

interface PolicyState {
  problems: PolicyProblem[];
  setProblems(p: PolicyProblem[]): void;
  check: Check;
  setCheck(c: Check): void;
}

/** The first top-level `key: value` of a YAML text (to prefill code and name from an uploaded file). */
function topLevel(text: string, key: string): string | null {
  const match = new RegExp(`^${key}:\\s*["']?([^"'#\\n]+?)["']?\\s*(#.*)?$`, 'm').exec(text);
  return match?.[1]?.trim() || null;
}

function PolicyInput({ problems, setProblems, check, setCheck }: PolicyState) {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source: 'policy', validate: required('resources.tenants.editor.empty') });
  const { setValue, getValues } = useFormContext();
  const code = useWatch({ name: 'code' }) as string | undefined;
  const [fileName, setFileName] = useState<string>();

  const change = (text: string, name?: string) => {
    field.onChange(text);
    if (name) {
      setFileName(name);
      // an uploaded file names its tenant: fill the empty fields from it
      const fileCode = topLevel(text, 'code');
      const fileName = topLevel(text, 'name');
      if (fileCode && !getValues('code')) setValue('code', fileCode, { shouldDirty: true });
      if (fileName && !getValues('name')) setValue('name', fileName, { shouldDirty: true });
    }
    if (problems.length || check.state === 'ok') setCheck({ state: 'stale' });
    setProblems([]);
  };

  const validate = async () => {
    const text = String(field.value ?? '');
    if (!text.trim()) return setCheck({ state: 'error', message: translate('resources.tenants.editor.empty') });
    if (!code?.trim()) return setCheck({ state: 'error', message: translate('resources.tenants.editor.code_needed') });
    setCheck({ state: 'busy' });
    try {
      const result = await validatePolicyFile(text, code.trim());
      setProblems(result.problems);
      setCheck({ state: result.ok ? 'ok' : 'problems' });
    } catch (error) {
      setCheck({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Box sx={{ width: '100%', mb: 2 }}>
      <Typography variant="subtitle2">{translate('resources.tenants.fields.policy')} *</Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {translate('resources.tenants.hints.policy')}
      </Typography>
      <PolicyEditor value={String(field.value ?? '')} onChange={change} problems={problems} fileName={fileName} error={fieldState.error?.message ? translate(fieldState.error.message, { _: fieldState.error.message }) : undefined} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 1 }}>
        <Button variant="outlined" onClick={validate} disabled={check.state === 'busy'} startIcon={check.state === 'busy' ? <CircularProgress size={16} /> : <FactCheckIcon />} data-testid="validate-policy">
          {translate(check.state === 'busy' ? 'resources.tenants.editor.validating' : 'resources.tenants.editor.validate')}
        </Button>
        {check.state === 'ok' && (
          <Alert severity="success" sx={{ py: 0 }} data-testid="policy-ok">
            {translate('resources.tenants.editor.ok')}
          </Alert>
        )}
        {check.state === 'stale' && (
          <Alert severity="info" sx={{ py: 0 }}>
            {translate('resources.tenants.editor.stale')}
          </Alert>
        )}
        {check.state === 'error' && (
          <Alert severity="warning" sx={{ py: 0 }}>
            {check.message}
          </Alert>
        )}
      </Box>
    </Box>
  );
}

export default function TenantCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [problems, setProblems] = useState<PolicyProblem[]>([]);
  const [check, setCheck] = useState<Check>({ state: 'none' });
  return (
    <Create
      title={<Title title={translate('resources.tenants.create.title')} />}
      redirect="list"
      mutationOptions={{
        onSuccess: (tenant: Tenant) => {
          notify('resources.tenants.actions.created', { type: 'success', messageArgs: { name: tenant.name } });
          redirect('list', 'tenants');
        },
        onError: (error: unknown) => {
          const found = problemsOf(error);
          if (found.length) {
            setProblems(found);
            setCheck({ state: 'problems' });
          }
          notify(error instanceof ApiError ? error.message : 'ra.notification.http_error', { type: 'error' });
        },
      }}
    >
      <SimpleForm sx={{ maxWidth: 1100 }}>
        <TextInput source="code" validate={required()} helperText="resources.tenants.hints.code" sx={{ maxWidth: 420 }} />
        <TextInput source="name" validate={required()} sx={{ maxWidth: 420 }} />
        <TextInput source="bureauName" validate={required()} sx={{ maxWidth: 420 }} />
        <PolicyInput problems={problems} setProblems={setProblems} check={check} setCheck={setCheck} />
      </SimpleForm>
    </Create>
  );
}

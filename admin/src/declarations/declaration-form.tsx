// The declaration form, shared by create and edit: the year, the activity kind
// from the tenant's policy, that kind's parameters (as the policy describes them),
// the evidence and its files. Two save buttons: keep as a draft, or submit.
import { useEffect, useState } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import {
  BooleanInput,
  DateInput,
  FileInput,
  FormDataConsumer,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { activityKinds, type ActivityKind, type ParamSpec } from './data';

const ACCEPT = { 'application/pdf': ['.pdf'], 'image/jpeg': ['.jpg', '.jpeg'], 'image/png': ['.png'] };

function yearChoices() {
  const now = new Date().getFullYear();
  return [now, now - 1, now - 2].map((y) => ({ id: y, name: String(y) }));
}

/** The kinds of a year, loaded once per year (undefined while loading). */
function useKinds(year: number | undefined): ActivityKind[] | undefined {
  const [kinds, setKinds] = useState<{ year: number; kinds: ActivityKind[] }>();
  useEffect(() => {
    if (!year) return;
    let live = true;
    activityKinds(Number(year)).then(
      (k) => live && setKinds({ year: Number(year), kinds: k }),
      () => live && setKinds({ year: Number(year), kinds: [] }),
    );
    return () => {
      live = false;
    };
  }, [year]);
  return kinds && kinds.year === Number(year) ? kinds.kinds : undefined;
}

const integer: Validator = (value) => (value == null || value === '' || Number.isInteger(Number(value)) ? undefined : 'ra.validation.number');

function ParamInput({ spec }: { spec: ParamSpec }) {
  const source = `params.${spec.name}`;
  const validate: Validator[] = [];
  if (spec.required && spec.type !== 'BOOL') validate.push(required());
  if (spec.min != null) validate.push(minValue(spec.min));
  if (spec.max != null) validate.push(maxValue(spec.max));
  switch (spec.type) {
    case 'INT':
      return <NumberInput source={source} label={spec.label} validate={[...validate, integer]} step={1} />;
    case 'NUMBER':
      return <NumberInput source={source} label={spec.label} validate={validate} />;
    case 'ENUM':
      return <SelectInput source={source} label={spec.label} validate={validate} choices={(spec.values ?? []).map((v) => ({ id: v.value, name: v.label }))} />;
    case 'BOOL':
      return <BooleanInput source={source} label={spec.label} defaultValue={false} />;
    case 'DATE':
      return <DateInput source={source} label={spec.label} validate={validate} />;
    default:
      return <TextInput source={source} label={spec.label} validate={validate} fullWidth />;
  }
}

/** The kind chooser and the chosen kind's parameters. */
function KindFields({ year, kind }: { year: number | undefined; kind: string | undefined }) {
  const translate = useTranslate();
  const kinds = useKinds(year);
  const chosen = kinds?.find((k) => k.code === kind);
  return (
    <Box sx={{ width: '100%' }}>
      <SelectInput
        source="kind"
        validate={required()}
        choices={(kinds ?? []).map((k) => ({ id: k.code, name: k.name }))}
        isPending={!kinds}
        helperText="declarations.form.kind_hint"
        fullWidth
      />
      {chosen ? (
        <Box data-testid="kind-params" sx={{ display: 'flex', flexDirection: 'column' }}>
          <Typography variant="caption" color="text.secondary" sx={{ mb: 1 }}>
            {translate(`declarations.subject.${chosen.subject}`)} · {chosen.source}
          </Typography>
          {chosen.params.map((spec) => (
            <ParamInput key={`${chosen.code}.${spec.name}`} spec={spec} />
          ))}
        </Box>
      ) : (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('declarations.form.choose_kind_first')}
        </Alert>
      )}
    </Box>
  );
}

/** Keeps only the chosen kind's parameters (a kind changed midway leaves the old ones behind). */
export async function keepKindParams<T extends { year?: number; kind?: string; params?: Record<string, unknown> }>(values: T): Promise<T> {
  if (!values.year || !values.kind) return values;
  const kind = (await activityKinds(Number(values.year))).find((k) => k.code === values.kind);
  if (!kind) return values;
  const params: Record<string, unknown> = {};
  for (const spec of kind.params) {
    const value = values.params?.[spec.name];
    if (value === undefined || value === null || value === '') continue;
    params[spec.name] = spec.type === 'INT' || spec.type === 'NUMBER' ? Number(value) : spec.type === 'DATE' && typeof value === 'string' ? value.slice(0, 10) : value;
  }
  return { ...values, params };
}

/** A chosen or already attached file: its name (an attached one is known by its number). */
function FileName() {
  const file = useRecordContext<{ title?: string }>();
  return (
    <Typography variant="body2" sx={{ py: 0.5 }} data-testid="evidence-file">
      {file?.title}
    </Typography>
  );
}

function FormToolbar({ submitLabel, draftLabel }: { submitLabel: string; draftLabel: string }) {
  return (
    <Toolbar sx={{ gap: 2, flexWrap: 'wrap' }}>
      <SaveButton label={draftLabel} variant="outlined" transform={(v) => keepKindParams({ ...v, submit: false })} data-testid="save-draft" />
      <SaveButton label={submitLabel} type="button" transform={(v) => keepKindParams({ ...v, submit: true })} data-testid="save-submit" />
    </Toolbar>
  );
}

export function DeclarationForm({ submitLabel, draftLabel = 'declarations.form.save_draft' }: { submitLabel: string; draftLabel?: string }) {
  const translate = useTranslate();
  return (
    <SimpleForm
      defaultValues={{ year: new Date().getFullYear(), params: {}, files: [] }}
      toolbar={<FormToolbar submitLabel={submitLabel} draftLabel={draftLabel} />}
      sx={{ maxWidth: 720 }}
    >
      <Typography variant="subtitle1">{translate('declarations.sections.activity')}</Typography>
      <SelectInput source="year" choices={yearChoices()} validate={required()} />
      <FormDataConsumer<{ year?: number; kind?: string }>>{({ formData }) => <KindFields year={formData.year} kind={formData.kind} />}</FormDataConsumer>
      <DateInput source="date" />
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('declarations.sections.evidence')}
      </Typography>
      <TextInput source="evidence.certificateNo" fullWidth />
      <TextInput source="evidence.issuer" fullWidth />
      <DateInput source="evidence.issuedOn" />
      <TextInput source="evidence.resultTitle" fullWidth />
      <FileInput source="files" multiple accept={ACCEPT} placeholder={<p>{translate('declarations.form.files_hint')}</p>}>
        <FileName />
      </FileInput>
    </SimpleForm>
  );
}

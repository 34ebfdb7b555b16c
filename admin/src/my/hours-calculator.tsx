// The hours calculator: choose a kind of activity the year's policy accepts,
// fill in its parameters and see the hours the engine would credit, with its
// explanation. Nothing is saved (previewHours).
import { type FormEvent, useEffect, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Checkbox, CircularProgress, FormControlLabel, MenuItem, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useTranslate } from 'react-admin';
import { type ActivityKind, type Evaluation, loadKinds, loadMe, type ParamSpec, previewHours, recentYears } from './data';
import { ActivityTable, Explanation } from './evaluation';
import { LEVELS, SERIES } from './enums';
import { YearSummary } from './year-summary';

type Values = Record<string, string | boolean>;

function ParamField({ spec, value, onChange }: { spec: ParamSpec; value: string | boolean | undefined; onChange(v: string | boolean): void }) {
  const common = { name: spec.name, label: spec.label, required: spec.required, fullWidth: true, size: 'small' as const };
  switch (spec.type) {
    case 'BOOL':
      return <FormControlLabel control={<Checkbox name={spec.name} checked={value === true} onChange={(e) => onChange(e.target.checked)} />} label={spec.label} />;
    case 'ENUM':
      return (
        <TextField {...common} select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
          {(spec.values ?? []).map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      );
    case 'DATE':
      return <TextField {...common} type="date" value={value ?? ''} onChange={(e) => onChange(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />;
    case 'INT':
    case 'NUMBER':
      return <TextField {...common} type="number" value={value ?? ''} onChange={(e) => onChange(e.target.value)} slotProps={{ htmlInput: { min: spec.min ?? undefined, max: spec.max ?? undefined, step: spec.type === 'INT' ? 1 : 'any' } }} />;
    default:
      return <TextField {...common} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />;
  }
}

/** The form's values as the API's params: numbers as numbers, empty fields left out. */
function toParams(kind: ActivityKind, values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of kind.params) {
    const v = values[spec.name];
    if (spec.type === 'BOOL') out[spec.name] = v === true;
    else if (v === undefined || v === '') continue;
    else if (spec.type === 'INT') out[spec.name] = parseInt(String(v), 10);
    else if (spec.type === 'NUMBER') out[spec.name] = Number(v);
    else out[spec.name] = v;
  }
  return out;
}

export default function HoursCalculator() {
  const translate = useTranslate();
  const years = recentYears();
  const [year, setYear] = useState(years[0]!);
  const [kindCode, setKindCode] = useState('');
  const [values, setValues] = useState<Values>({});
  const [profile, setProfile] = useState({ titleLevel: 'INTERMEDIATE', titleSeries: 'OTHER' });
  const [result, setResult] = useState<Evaluation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kinds = useQuery({ queryKey: ['my', 'kinds', year], queryFn: () => loadKinds(year) });
  const me = useQuery({ queryKey: ['my', 'me'], queryFn: loadMe });
  const kind = kinds.data?.find((k) => k.code === kindCode);

  // the calculator starts from the professional's own title
  useEffect(() => {
    if (me.data) setProfile({ titleLevel: me.data.titleLevel, titleSeries: me.data.titleSeries });
  }, [me.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!kind) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await previewHours({ year, profile, activities: [{ kind: kind.code, params: toParams(kind, values) }] }));
    } catch (e) {
      setResult(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '420px 1fr' }, alignItems: 'start' }}>
      <Title title={translate('app.pages.hoursCalculator')} />
      <Card>
        <CardContent component="form" onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="calculator">
          <Typography variant="h6" component="h2">
            {translate('app.my.calc.title')}
          </Typography>
          <TextField select size="small" name="year" label={translate('app.common.year')} value={year} onChange={(e) => { setYear(Number(e.target.value)); setKindCode(''); setResult(null); }}>
            {years.map((y) => (
              <MenuItem key={y} value={y}>
                {y}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" name="titleLevel" label={translate('app.my.calc.level')} value={profile.titleLevel} onChange={(e) => setProfile({ ...profile, titleLevel: e.target.value })}>
            {LEVELS.map((l) => (
              <MenuItem key={l} value={l}>
                {translate(`app.my.level.${l}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" name="titleSeries" label={translate('app.my.calc.series')} value={profile.titleSeries} onChange={(e) => setProfile({ ...profile, titleSeries: e.target.value })}>
            {SERIES.map((s) => (
              <MenuItem key={s} value={s}>
                {translate(`app.my.series.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" name="kind" label={translate('app.my.calc.kind')} value={kindCode} disabled={!kinds.data} helperText={kinds.error?.message} error={!!kinds.error} onChange={(e) => { setKindCode(e.target.value); setValues({}); setResult(null); }}>
            {(kinds.data ?? []).map((k) => (
              <MenuItem key={k.code} value={k.code}>
                {k.name}
              </MenuItem>
            ))}
          </TextField>
          {kind && (
            <>
              <Typography variant="caption" color="text.secondary">
                {translate(`app.my.subject.${kind.subject}`)} · {kind.source}
              </Typography>
              {kind.params.map((spec) => (
                <ParamField key={spec.name} spec={spec} value={values[spec.name]} onChange={(v) => setValues({ ...values, [spec.name]: v })} />
              ))}
            </>
          )}
          <Button type="submit" variant="contained" disabled={!kind || busy} startIcon={busy ? <CircularProgress size={16} /> : undefined}>
            {translate('app.my.calc.submit')}
          </Button>
          {error && <Alert severity="error">{error}</Alert>}
        </CardContent>
      </Card>
      <Card>
        <CardContent data-testid="calculator-result">
          {result ? (
            <>
              <YearSummary evaluation={result} />
              <Typography variant="h6" component="h3" sx={{ mt: 3, mb: 1 }}>
                {translate('app.my.activities')}
              </Typography>
              <ActivityTable evaluation={result} />
              <Explanation evaluation={result} />
            </>
          ) : (
            <Typography color="text.secondary">{translate('app.my.calc.hint')}</Typography>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}

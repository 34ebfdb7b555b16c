// Changing the policy: the draft's numbers and deadline make a
// PublishPolicyVersionInput guarded by the revision it was read at. The impact
// preview must be of the very draft being published; publishing asks for a
// confirmation that repeats the preview's counts. A REVISION_CONFLICT (someone
// published meanwhile) is shown with a way to load the newer policy.
import { useMemo, useState } from 'react';
import { Alert, Box, Button, TextField, Typography } from '@mui/material';
import PreviewIcon from '@mui/icons-material/QueryStats';
import PublishIcon from '@mui/icons-material/Publish';
import { Confirm, useNotify, useTranslate } from 'react-admin';
import { ApiError } from '../providers/graphql';
import { loadImpact, publish, type Policy, type PolicyImpact } from './data';
import { checkDraft, draftInput, initialDraft, type Draft } from './draft';
import { GroupFields, KindFields, RequirementFields } from './editor-fields';
import { ImpactPreview } from './impact-preview';
import { Section } from './section';

interface Props {
  policy: Policy;
  year: number;
  onPublished(): void;
  onReload(): void;
}

export function PolicyEditor({ policy, year, onPublished, onReload }: Props) {
  const translate = useTranslate();
  const notify = useNotify();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(policy));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [impact, setImpact] = useState<{ of: string; year: number; result: PolicyImpact } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [impactYear, setImpactYear] = useState(String(year));

  const problems = useMemo(() => checkDraft(policy, draft), [policy, draft]);
  const input = useMemo(() => (Object.keys(problems).length ? null : draftInput(policy, draft)), [policy, draft, problems]);
  const inputJson = input ? JSON.stringify(input) : null;
  const previewed = !!impact && impact.of === inputJson;
  const errors = { ...serverErrors, ...problems };

  const change = (next: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setServerErrors({});
  };
  const fail = (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.code === 'REVISION_CONFLICT') setConflict(error.message);
      // the server names the field in what was sent: "version.<path>", "deadline.monthDay"
      else if (error.field) setServerErrors({ [error.field.replace(/^version\./, '')]: error.message });
    }
    notify(error instanceof Error ? error.message : String(error), { type: 'error' });
  };

  const preview = async () => {
    if (!input) return;
    setBusy(true);
    try {
      const y = Number(impactYear);
      setImpact({ of: JSON.stringify(input), year: y, result: await loadImpact(input, y) });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  const confirmPublish = async () => {
    if (!input) return;
    setBusy(true);
    try {
      const revision = await publish(input);
      setConfirming(false);
      notify('app.policy.editor.published', { type: 'success', messageArgs: { revision: revision.revision } });
      onPublished();
    } catch (error) {
      setConfirming(false);
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string) => ({ error: !!errors[name], helperText: errors[name] ? translate(errors[name]!, { _: errors[name]! }) : undefined });
  const sourceKeys = policy.sources.map((s) => s.key).join('、');
  const props = { version: policy.version, draft, errors, onNumber: (path: string, value: string) => change({ numbers: { ...draft.numbers, [path]: value } }) };

  return (
    <Box data-testid="policy-editor">
      {conflict && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="revision-conflict" action={<Button color="inherit" size="small" onClick={onReload}>{translate('app.policy.editor.reload')}</Button>}>
          <strong>{translate('app.policy.editor.conflict_title')}</strong> {conflict}
        </Alert>
      )}
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('app.policy.editor.intro', { revision: policy.revision, fromYear: policy.fromYear })}
      </Alert>
      <Section title={translate('app.policy.editor.version')}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
          <TextField size="small" type="number" name="fromYear" label={translate('app.policy.fields.fromYear')} value={draft.fromYear} onChange={(e) => change({ fromYear: e.target.value })} {...field('fromYear')} sx={{ width: 160 }} />
          <RequirementFields {...props} />
        </Box>
        <Typography variant="caption" color="text.secondary" component="p">{translate('app.policy.editor.from_year_hint', { fromYear: policy.fromYear })}</Typography>
      </Section>
      <Section title={translate('app.policy.view.kinds')}>
        <KindFields {...props} />
      </Section>
      {Object.keys(policy.version.groups ?? {}).length > 0 && (
        <Section title={translate('app.policy.view.groups')}>
          <GroupFields {...props} />
        </Section>
      )}
      <Section title={translate('app.policy.editor.deadline_and_note')}>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
          <TextField size="small" name="deadline.monthDay" label={translate('app.policy.fields.deadline')} value={draft.deadline} onChange={(e) => change({ deadline: e.target.value })} {...field('deadline.monthDay')} sx={{ width: 160 }} />
          <TextField
            size="small"
            name="deadline.source"
            label={translate('app.policy.fields.deadlineSource')}
            value={draft.deadlineSource}
            disabled={draft.deadline === policy.deadline}
            onChange={(e) => change({ deadlineSource: e.target.value })}
            {...field('deadline.source')}
            helperText={errors['deadline.source'] ? translate(errors['deadline.source']!, { keys: sourceKeys }) : translate('app.policy.editor.citation_hint', { keys: sourceKeys })}
            sx={{ minWidth: 280, flex: 1 }}
          />
        </Box>
        <TextField size="small" name="note" label={translate('app.policy.fields.note')} value={draft.note} onChange={(e) => change({ note: e.target.value })} fullWidth multiline sx={{ mt: 2 }} slotProps={{ htmlInput: { maxLength: 500 } }} />
      </Section>
      <Section title={translate('app.policy.impact.title')} testId="impact-section">
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
          <TextField size="small" type="number" name="impactYear" label={translate('app.policy.impact.year')} value={impactYear} onChange={(e) => setImpactYear(e.target.value)} sx={{ width: 140 }} />
          <Button variant="outlined" startIcon={<PreviewIcon />} onClick={preview} disabled={!input || busy} data-testid="preview-impact">
            {translate('app.policy.impact.run')}
          </Button>
          <Button variant="contained" startIcon={<PublishIcon />} onClick={() => setConfirming(true)} disabled={!previewed || busy || !!conflict} data-testid="publish">
            {translate('app.policy.editor.publish')}
          </Button>
          {!input && Object.keys(problems).length === 0 && <Typography variant="body2" color="text.secondary">{translate('app.policy.editor.unchanged')}</Typography>}
          {input && !previewed && <Typography variant="body2" color="text.secondary">{translate('app.policy.editor.preview_first')}</Typography>}
        </Box>
        {impact && previewed && <ImpactPreview impact={impact.result} year={impact.year} />}
      </Section>
      <Confirm
        isOpen={confirming}
        loading={busy}
        title="app.policy.editor.confirm_title"
        content={translate('app.policy.editor.confirm_content', {
          revision: policy.revision,
          year: impact?.year ?? year,
          changed: impact?.result.changedCount ?? 0,
          incomplete: impact?.result.becameIncomplete ?? 0,
          complete: impact?.result.becameComplete ?? 0,
        })}
        confirm="app.policy.editor.publish"
        onConfirm={confirmPublish}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
}

// What a declaration says and what became of it, for its declarant and its
// reviewers alike: the declared parameters (with the policy's labels), the hours
// the engine computes and why, the evidence, the review chain and every decision.
import { useEffect, useState } from 'react';
import { Alert, Box, Card, CardContent, Chip, Divider, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { activityKinds, type ParamSpec } from './data';
import { HoursText } from './status-chip';

export interface DeclarationRecord {
  id: string;
  kind: string;
  kindName: string;
  year: number;
  date: string | null;
  status: string;
  round: number;
  version: number;
  currentLevel: string | null;
  params: Record<string, unknown>;
  professionalName?: string;
  unitName?: string;
  rejectionReason: string | null;
  revocationReason?: string | null;
  chainNote?: string | null;
  submittedAt: string | null;
  recordedAt: string | null;
  adjustedHours: { publicHours: number; professionalHours: number; reason: string } | null;
  evidence: { certificateNo: string | null; issuer: string | null; issuedOn: string | null; resultTitle: string | null; fileIds: string[] };
  chain: { level: string; organisationId: string; organisationName: string; current: boolean }[];
  preview: { hours: { publicHours: number; professionalHours: number; rule: string; source: string; notes: string[]; cappedBy: { cap: string; cut: number }[] } };
  warnings: { code: string; message: string }[];
  decisions: {
    id: string;
    round: number;
    level: string;
    organisationName: string;
    decision: string;
    reviewerName: string;
    comment: string | null;
    publicHours: number | null;
    professionalHours: number | null;
    decidedAt: string;
  }[];
}

export function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" component="h3" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** A label and its value on one line (wrapping on narrow screens). */
export function Line({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: 1, py: 0.25, flexWrap: 'wrap' }}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 120 }}>
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

function useParamSpecs(year: number, kind: string): ParamSpec[] {
  const [specs, setSpecs] = useState<ParamSpec[]>([]);
  useEffect(() => {
    let live = true;
    activityKinds(year).then(
      (kinds) => live && setSpecs(kinds.find((k) => k.code === kind)?.params ?? []),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [year, kind]);
  return specs;
}

function paramText(spec: ParamSpec | undefined, value: unknown, translate: (k: string) => string): string {
  if (typeof value === 'boolean') return translate(value ? 'app.common.yes' : 'app.common.no');
  if (spec?.type === 'ENUM') return spec.values?.find((v) => v.value === value)?.label ?? String(value);
  return value == null ? '' : String(value);
}

export function ActivitySection({ record }: { record: DeclarationRecord }) {
  const translate = useTranslate();
  const specs = useParamSpecs(record.year, record.kind);
  const names = [...new Set([...specs.map((s) => s.name), ...Object.keys(record.params ?? {})])].filter((n) => n in (record.params ?? {}));
  return (
    <Section title="declarations.sections.activity" testId="declared-params">
      <Line label={translate('resources.declarations.fields.kindName')}>{record.kindName}</Line>
      <Line label={translate('resources.declarations.fields.year')}>{record.year}</Line>
      {record.date && <Line label={translate('resources.declarations.fields.date')}>{record.date}</Line>}
      {names.map((name) => {
        const spec = specs.find((s) => s.name === name);
        return (
          <Line key={name} label={spec?.label ?? name}>
            <span data-param={name}>{paramText(spec, record.params[name], translate)}</span>
          </Line>
        );
      })}
    </Section>
  );
}

export function HoursSection({ record }: { record: DeclarationRecord }) {
  const translate = useTranslate();
  const h = record.preview.hours;
  return (
    <Section title="declarations.sections.hours" testId="computed-hours">
      <Typography variant="h6" component="p" data-testid="hours-total">
        <HoursText publicHours={h.publicHours} professionalHours={h.professionalHours} />
      </Typography>
      <Typography variant="body2">{translate('declarations.show.rule', { rule: h.rule })}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('declarations.show.source', { source: h.source })}
      </Typography>
      {h.cappedBy.map((c) => (
        <Typography key={c.cap} variant="body2" color="warning.main">
          {translate('declarations.show.capped', { cap: c.cap, cut: c.cut })}
        </Typography>
      ))}
      {h.notes.map((n) => (
        <Typography key={n} variant="body2" color="text.secondary">
          {n}
        </Typography>
      ))}
      {record.adjustedHours && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('declarations.show.adjusted', { public: record.adjustedHours.publicHours, professional: record.adjustedHours.professionalHours, reason: record.adjustedHours.reason })}
        </Alert>
      )}
    </Section>
  );
}

export function EvidenceFields({ record }: { record: DeclarationRecord }) {
  const translate = useTranslate();
  const e = record.evidence;
  const fields = (['certificateNo', 'issuer', 'issuedOn', 'resultTitle'] as const).filter((f) => e[f]);
  if (!fields.length) return null;
  return (
    <Box sx={{ mb: 1 }}>
      {fields.map((f) => (
        <Line key={f} label={translate(`resources.declarations.fields.evidence.${f}`)}>
          {e[f]}
        </Line>
      ))}
    </Box>
  );
}

export function ReviewSection({ record }: { record: DeclarationRecord }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = (iso: string) => new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN');
  return (
    <Section title="declarations.sections.decisions" testId="decisions">
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', rowGap: 1 }} data-testid="chain">
        {record.chain.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('declarations.show.chain_pending')}
          </Typography>
        )}
        {record.chain.map((step) => (
          <Chip
            key={step.level}
            size="small"
            variant={step.current ? 'filled' : 'outlined'}
            color={step.current ? 'primary' : 'default'}
            label={`${translate(`declarations.level.${step.level}`)} · ${step.organisationName}`}
          />
        ))}
      </Stack>
      {record.chainNote && (
        <Typography variant="caption" color="text.secondary">
          {record.chainNote}
        </Typography>
      )}
      <Divider sx={{ my: 1 }} />
      {record.decisions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('declarations.show.no_decisions')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {record.decisions.map((d) => (
            <ListItem key={d.id} disableGutters data-decision={d.decision} data-level={d.level}>
              <ListItemText
                primary={`${translate(`declarations.decision.${d.decision}`)}（${translate('declarations.show.round', { round: d.round })}）`}
                secondary={
                  <>
                    {translate('declarations.show.decided_by', { level: translate(`declarations.level.${d.level}`), organisation: d.organisationName, reviewer: d.reviewerName })} · {when(d.decidedAt)}
                    {d.comment && (
                      <Box component="span" sx={{ display: 'block', color: 'text.primary' }} data-testid="decision-comment">
                        {d.comment}
                      </Box>
                    )}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </Section>
  );
}

export function WarningsSection({ record }: { record: DeclarationRecord }) {
  if (!record.warnings.length) return null;
  return (
    <Box data-testid="warnings">
      {record.warnings.map((w) => (
        <Alert key={w.code} severity="warning" sx={{ mb: 1 }}>
          {w.message}
        </Alert>
      ))}
    </Box>
  );
}

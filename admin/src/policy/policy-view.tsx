// The version in force for a year, as tables: requirement and deadline, kinds
// with their rules, per-day limits and caps, group caps, conversion tables, the
// review chain, the statutory working calendar with the tenant's closures and
// the documents cited.
import { Alert, Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ConversionTables } from './conversion-tables';
import type { ActivityKindInfo, Policy, WorkingCalendar } from './data';
import { citeText, ruleText } from './rules';
import { ClosuresSection, ReviewChainSection } from './review-chain';
import { Section } from './section';
import type { Loaded } from './use-load';

function Fact({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <Box sx={{ minWidth: 140 }}>
      <Typography variant="caption" color="text.secondary">{label}</Typography>
      <Typography variant="body1" data-testid={testId}>{value}</Typography>
    </Box>
  );
}

function CalendarSection({ calendar }: { calendar: Loaded<WorkingCalendar> }) {
  const translate = useTranslate();
  if (calendar.error) return <Alert severity="info">{calendar.error.message}</Alert>;
  const c = calendar.data;
  if (!c) return null;
  const days = (list: { date: string; name: string }[]) =>
    list.length ? (
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
        {list.map((d) => <Chip key={d.date} size="small" label={`${d.date} ${d.name}`} />)}
      </Box>
    ) : (
      <Typography variant="body2">{translate('app.common.none')}</Typography>
    );
  return (
    <>
      <Typography variant="subtitle2">{translate('app.policy.view.holidays')}</Typography>
      {days(c.holidays)}
      <Typography variant="subtitle2" sx={{ mt: 2 }}>{translate('app.policy.view.adjusted')}</Typography>
      {days(c.adjustedWorkdays)}
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        {translate('app.policy.view.calendar_source', { source: c.source, version: c.sourceVersion })}
      </Typography>
    </>
  );
}

/** "60 / 30 / 7 天" — the days before a deadline, farthest first. */
function days(list: number[], translate: (key: string, options?: object) => string): string {
  return translate('app.policy.reminders.days', { days: [...list].sort((a, b) => b - a).join(' / ') });
}

export function PolicyView({ policy, kinds, calendar }: { policy: Policy; kinds: ActivityKindInfo[]; calendar: Loaded<WorkingCalendar> }) {
  const translate = useTranslate();
  const v = policy.version;
  const sourceOf = new Map(kinds.map((k) => [k.code, k.source]));
  const groups = Object.entries(v.groups ?? {});
  return (
    <Box>
      <Section title={translate('app.policy.view.summary')} testId="policy-summary">
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
          <Fact label={translate('app.policy.fields.revision')} value={policy.revision} testId="policy-revision" />
          <Fact label={translate('app.policy.fields.publishedAt')} value={new Date(policy.publishedAt).toLocaleString()} />
          <Fact label={translate('app.policy.fields.fromYear')} value={policy.fromYear} />
          <Fact label={translate('app.policy.fields.regime')} value={translate(`app.policy.regime.${policy.regime}`)} />
          <Fact label={translate('app.policy.fields.requiredPublic')} value={translate('app.common.hours', { hours: policy.requiredPublic })} />
          <Fact label={translate('app.policy.fields.requiredProfessional')} value={translate('app.common.hours', { hours: policy.requiredProfessional })} />
          <Fact label={translate('app.policy.fields.deadline')} value={policy.deadline} testId="policy-deadline" />
        </Box>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('app.policy.view.basis', { source: citeText(policy.sources, v.requirement.source) })}
        </Typography>
      </Section>

      <Section title={translate('app.policy.view.kinds')} testId="policy-kinds">
        {/* eight columns: at tablet width the table scrolls instead of wrapping every word */}
        <Table size="small" sx={{ minWidth: 960 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.policy.fields.kind')}</TableCell>
              <TableCell>{translate('app.policy.fields.subject')}</TableCell>
              <TableCell>{translate('app.policy.fields.rule')}</TableCell>
              <TableCell align="right">{translate('app.policy.fields.maxPerDay')}</TableCell>
              <TableCell align="right">{translate('app.policy.fields.perYear')}</TableCell>
              <TableCell align="right">{translate('app.policy.fields.lifetime')}</TableCell>
              <TableCell>{translate('app.policy.fields.group')}</TableCell>
              <TableCell>{translate('app.policy.fields.source')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {Object.entries(v.kinds).map(([code, k]) => (
              <TableRow key={code} data-kind={code}>
                <TableCell>{k.name}</TableCell>
                <TableCell>{translate(`app.policy.subject.${k.subject}`)}</TableCell>
                <TableCell>{ruleText(k, translate)}</TableCell>
                <TableCell align="right">{k.rule.maxPerDay ?? '—'}</TableCell>
                <TableCell align="right" data-testid={`cap-${code}`}>{k.caps?.perYear ?? '—'}</TableCell>
                <TableCell align="right">{k.caps?.lifetime ?? '—'}</TableCell>
                <TableCell>{k.group ? (v.groups?.[k.group]?.name ?? k.group) : '—'}</TableCell>
                <TableCell sx={{ fontSize: 12, color: 'text.secondary' }}>{sourceOf.get(code) ?? citeText(policy.sources, k.source)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      {groups.length > 0 && (
        <Section title={translate('app.policy.view.groups')}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.policy.fields.group')}</TableCell>
                <TableCell align="right">{translate('app.policy.fields.capPublic')}</TableCell>
                <TableCell align="right">{translate('app.policy.fields.capProfessional')}</TableCell>
                <TableCell>{translate('app.policy.fields.source')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {groups.map(([code, g]) => (
                <TableRow key={code}>
                  <TableCell>{g.name}</TableCell>
                  <TableCell align="right">{g.caps.PUBLIC ?? '—'}</TableCell>
                  <TableCell align="right">{g.caps.PROFESSIONAL ?? '—'}</TableCell>
                  <TableCell sx={{ fontSize: 12, color: 'text.secondary' }}>{citeText(policy.sources, g.source)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      )}

      <Section title={translate('app.policy.view.tables')}>
        <ConversionTables version={v} />
      </Section>

      <Section title={translate('app.policy.review.title')}>
        <ReviewChainSection review={policy.review} />
      </Section>

      <Section title={translate('app.policy.reminders.title')} testId="policy-reminders">
        {policy.reminders ? (
          <>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
              <Fact label={translate('app.policy.reminders.year', { deadline: policy.deadline })} value={days(policy.reminders.daysBefore, translate)} testId="reminder-days" />
              <Fact label={translate('app.policy.reminders.title_deadline')} value={days(policy.reminders.titleDaysBefore, translate)} />
            </Box>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
              {translate('app.policy.review.basis', { source: citeText(policy.sources, policy.reminders.source) })}
            </Typography>
          </>
        ) : (
          <Typography variant="body2">{translate('app.policy.reminders.none')}</Typography>
        )}
      </Section>

      <Section title={translate('app.policy.view.calendar', { year: policy.year })}>
        <CalendarSection calendar={calendar} />
        <Typography variant="subtitle2" sx={{ mt: 2 }}>{translate('app.policy.review.closures')}</Typography>
        <ClosuresSection closures={policy.calendarClosures} />
      </Section>

      <Section title={translate('app.policy.view.sources')}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.policy.fields.sourceKey')}</TableCell>
              <TableCell>{translate('app.policy.fields.sourceNumber')}</TableCell>
              <TableCell>{translate('app.policy.fields.sourceTitle')}</TableCell>
              <TableCell>{translate('app.policy.fields.sourceIssuer')}</TableCell>
              <TableCell>{translate('app.policy.fields.sourceDate')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {policy.sources.map((s) => (
              <TableRow key={s.key}>
                <TableCell>{s.key}</TableCell>
                <TableCell>{s.number ?? '—'}</TableCell>
                <TableCell>{s.title}</TableCell>
                <TableCell>{s.issuer ?? '—'}</TableCell>
                <TableCell>{s.date ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
    </Box>
  );
}

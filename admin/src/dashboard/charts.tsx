// The officials' charts (recharts). Only official-dashboard.tsx imports this
// module, and that page is loaded lazily, so recharts stays out of every other
// role's downloads.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CompletionStatistics, OrganisationCompletion } from './statistics';

const pct = (rate: number) => Math.round(rate * 1000) / 10;

/** Completion rate per organisation; a click on a bar asks to look under that organisation. */
export function RateChart({ rows, height = 300, onPick }: { rows: OrganisationCompletion[]; height?: number; onPick?(row: OrganisationCompletion): void }) {
  const translate = useTranslate();
  const theme = useTheme();
  const data = rows.map((r) => ({ ...r, percent: pct(r.rate) }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 20, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} height={60} angle={-20} textAnchor="end" />
        <YAxis domain={[0, 100]} unit="%" width={48} />
        <Tooltip formatter={(value) => [`${value}%`, translate('app.dashboard.rate')]} labelFormatter={(label) => String(label)} />
        <Bar dataKey="percent" name={translate('app.dashboard.rate')} isAnimationActive={false} cursor={onPick ? 'pointer' : undefined} onClick={(entry) => onPick?.((entry as unknown as { payload: OrganisationCompletion }).payload)}>
          {data.map((r) => (
            <Cell key={r.organisationId} fill={r.rate >= 0.9 ? theme.palette.success.main : r.rate >= 0.6 ? theme.palette.primary.main : theme.palette.warning.main} />
          ))}
          <LabelList dataKey="percent" position="top" formatter={(v: unknown) => `${v}%`} style={{ fontSize: 11 }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function KindHoursChart({ rows, height = 300 }: { rows: CompletionStatistics['hoursByKind']; height?: number }) {
  const translate = useTranslate();
  const theme = useTheme();
  const data = rows.map((r) => ({ ...r, hours: Math.round(r.hours * 10) / 10 }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(height, data.length * 28 + 40)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" />
        <YAxis type="category" dataKey="label" width={180} tick={{ fontSize: 11 }} />
        <Tooltip formatter={(value) => [String(value), translate('app.dashboard.hours')]} />
        <Bar dataKey="hours" name={translate('app.dashboard.hours')} fill={theme.palette.secondary.main} isAnimationActive={false}>
          <LabelList dataKey="hours" position="right" style={{ fontSize: 11 }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function ShortfallChart({ rows, height = 260 }: { rows: CompletionStatistics['shortfallDistribution']; height?: number }) {
  const translate = useTranslate();
  const theme = useTheme();
  // the server's bucket labels are Chinese; the console words them itself
  const data = rows.map((r) => ({ ...r, name: r.to === 0 ? translate('app.dashboard.bucket_none') : translate('app.dashboard.bucket', { from: r.from, to: r.to }) }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 20, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip formatter={(value) => [String(value), translate('app.dashboard.people')]} />
        <Bar dataKey="count" name={translate('app.dashboard.people')} isAnimationActive={false}>
          {data.map((r) => (
            <Cell key={r.label} fill={r.to === 0 ? theme.palette.success.main : theme.palette.warning.main} />
          ))}
          <LabelList dataKey="count" position="top" style={{ fontSize: 11 }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

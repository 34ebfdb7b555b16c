// The officials' home: completion statistics of their scope for a year. Bureau
// and department officials get the three charts (rate by organisation — a click
// looks under that organisation —, hours by kind, shortfall distribution); a
// unit official a compact version for their unit. Loaded lazily with recharts.
import { useState } from 'react';
import { Alert, Box, Breadcrumbs, Card, CardContent, CircularProgress, Link, MenuItem, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { KindHoursChart, RateChart, ShortfallChart } from './charts';
import { type CompletionStatistics, loadStatistics } from './statistics';
import { ExportExcelButton } from '../shared/export-button';

function recentYears(count = 5): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: count }, (_, i) => now - i);
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Box sx={{ minWidth: 120 }} data-testid={testId}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p">
        {value}
      </Typography>
    </Box>
  );
}

function Figures({ stats }: { stats: CompletionStatistics }) {
  const translate = useTranslate();
  const headcount = stats.byOrganisation.reduce((n, o) => n + o.headcount, 0);
  const liable = stats.byOrganisation.reduce((n, o) => n + o.headcount - o.noRequirement, 0);
  const complete = stats.byOrganisation.reduce((n, o) => n + o.complete, 0);
  const short = stats.shortfallDistribution.filter((b) => b.to > 0).reduce((n, b) => n + b.count, 0);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
      <Figure testId="figure-total" label={translate('app.dashboard.total')} value={String(stats.total || headcount)} />
      <Figure testId="figure-complete" label={translate('app.dashboard.complete')} value={String(complete)} />
      <Figure testId="figure-rate" label={translate('app.dashboard.rate')} value={liable ? `${Math.round((complete / liable) * 1000) / 10}%` : '—'} />
      <Figure testId="figure-short" label={translate('app.dashboard.short')} value={String(short)} />
    </Box>
  );
}

function ChartCard({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Card data-testid={testId}>
      <CardContent>
        <Typography variant="h6" component="h3" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

export default function OfficialDashboard({ compact = false }: { compact?: boolean }) {
  const translate = useTranslate();
  const years = recentYears();
  const [year, setYear] = useState(years[0]!);
  // the organisations looked under, from the official's own scope down
  const [path, setPath] = useState<{ id: string; name: string }[]>([]);
  const under = path.length ? path[path.length - 1]!.id : null;
  const { data, error, isPending } = useQuery({ queryKey: ['statistics', year, under], queryFn: () => loadStatistics(year, under) });

  const pick = (row: { organisationId: string; name: string; kind: string }) => {
    if (row.kind === 'UNIT' || row.organisationId === data?.organisationId) return;
    setPath([...path, { id: row.organisationId, name: row.name }]);
  };

  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 2 }} data-testid="official-dashboard">
      <Card>
        <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, alignItems: 'center' }}>
          <TextField select size="small" name="year" label={translate('app.common.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ minWidth: 120 }} data-testid="year-select">
            {years.map((y) => (
              <MenuItem key={y} value={y}>
                {y}
              </MenuItem>
            ))}
          </TextField>
          {path.length > 0 && (
            <Breadcrumbs>
              <Link component="button" onClick={() => setPath([])}>
                {translate('app.dashboard.whole_scope')}
              </Link>
              {path.map((p, i) => (
                <Link key={p.id} component="button" onClick={() => setPath(path.slice(0, i + 1))}>
                  {p.name}
                </Link>
              ))}
            </Breadcrumbs>
          )}
          {data && <Figures stats={data} />}
          <Box sx={{ ml: 'auto' }}>
            <ExportExcelButton kind="completion-statistics" body={() => ({ year, under })} />
          </Box>
        </CardContent>
      </Card>
      {isPending && <CircularProgress sx={{ justifySelf: 'center' }} />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && !data.complete && <Alert severity="info">{translate('app.dashboard.partial', { scanned: data.scanned, total: data.total })}</Alert>}
      {data && compact && (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
          <ChartCard testId="chart-shortfall" title={translate('app.dashboard.shortfall_title')}>
            <ShortfallChart rows={data.shortfallDistribution} height={220} />
          </ChartCard>
          <ChartCard testId="chart-kinds" title={translate('app.dashboard.kinds_title')}>
            <KindHoursChart rows={data.hoursByKind.slice(0, 6)} height={220} />
          </ChartCard>
        </Box>
      )}
      {data && !compact && (
        <>
          <ChartCard testId="chart-rate" title={translate('app.dashboard.rate_title')}>
            {data.byOrganisation.length ? <RateChart rows={data.byOrganisation} onPick={pick} /> : <Typography color="text.secondary">{translate('app.dashboard.empty')}</Typography>}
            <Typography variant="caption" color="text.secondary">
              {translate('app.dashboard.rate_hint')}
            </Typography>
          </ChartCard>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
            <ChartCard testId="chart-kinds" title={translate('app.dashboard.kinds_title')}>
              {data.hoursByKind.length ? <KindHoursChart rows={data.hoursByKind} /> : <Typography color="text.secondary">{translate('app.dashboard.empty')}</Typography>}
            </ChartCard>
            <ChartCard testId="chart-shortfall" title={translate('app.dashboard.shortfall_title')}>
              <ShortfallChart rows={data.shortfallDistribution} />
            </ChartCard>
          </Box>
        </>
      )}
    </Box>
  );
}

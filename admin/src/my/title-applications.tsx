// "My title applications": the professional's applications of a year (read
// only) and, for the one opened, its continuing-education eligibility check:
// each year looked at, the average rule, integrity records and the reasons.
import { useState } from 'react';
import { Alert, Box, Card, CardContent, Chip, CircularProgress, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useTranslate } from 'react-admin';
import { fmt, loadApplications, loadEligibility, recentYears } from './data';

function EligibilityDetail({ applicationId }: { applicationId: string }) {
  const translate = useTranslate();
  const { data, error, isPending } = useQuery({ queryKey: ['my', 'eligibility', applicationId], queryFn: () => loadEligibility(applicationId) });
  if (isPending) return <CircularProgress size={24} />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <Box data-testid="eligibility">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" component="h3">
          {translate('app.my.titles.eligibility')}
        </Typography>
        <Chip size="small" color={data.eligible ? 'success' : 'error'} label={translate(data.eligible ? 'app.my.titles.eligible' : 'app.my.titles.not_eligible')} />
      </Box>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.common.year')}</TableCell>
            <TableCell>{translate('app.my.columns.status')}</TableCell>
            <TableCell>{translate('app.my.titles.reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.years.map((y) => (
            <TableRow key={y.year}>
              <TableCell>{y.year}</TableCell>
              <TableCell>
                {translate(`app.my.titles.year_status.${y.status}`)}
                {y.movedFrom && <Chip size="small" variant="outlined" sx={{ ml: 1 }} label={translate('app.my.titles.moved_from', { tenant: y.movedFrom })} />}
              </TableCell>
              <TableCell>{y.reason}</TableCell>
            </TableRow>
          ))}
          {data.yearsNotChecked.map((y) => (
            <TableRow key={`n${y.year}`}>
              <TableCell>{y.year}</TableCell>
              <TableCell>{translate('app.my.titles.not_checked')}</TableCell>
              <TableCell>{y.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data.average && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('app.my.titles.average', { years: data.average.years.join(', '), perYear: fmt(data.average.perYear), required: fmt(data.average.required) })}
        </Typography>
      )}
      {data.integrityRecord && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('app.my.titles.integrity', { from: data.integrityRecord.from, until: data.integrityRecord.until })} {data.integrityRecord.reason ?? ''}
        </Alert>
      )}
      {data.excludedActivities.length > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('app.my.titles.excluded', { count: data.excludedActivities.length })}
        </Typography>
      )}
      <Box component="ul" sx={{ pl: 3 }}>
        {data.reasons.map((r, i) => (
          <Typography key={i} component="li" variant="body2">
            {r}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}

export default function MyTitleApplications() {
  const translate = useTranslate();
  const years = recentYears();
  const [year, setYear] = useState(years[0]!);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['my', 'applications', year], queryFn: () => loadApplications(year) });
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
      <Title title={translate('app.pages.myTitleApplications')} />
      <Card>
        <CardContent>
          <TextField select size="small" name="year" label={translate('app.my.titles.year')} value={year} onChange={(e) => { setYear(Number(e.target.value)); setOpen(null); }} sx={{ minWidth: 160, mb: 2 }}>
            {years.map((y) => (
              <MenuItem key={y} value={y}>
                {y}
              </MenuItem>
            ))}
          </TextField>
          {list.isPending ? (
            <CircularProgress size={24} />
          ) : list.error ? (
            <Alert severity="error">{list.error.message}</Alert>
          ) : list.data.length === 0 ? (
            <Typography color="text.secondary" data-testid="no-applications">
              {translate('app.my.titles.none', { year })}
            </Typography>
          ) : (
            <Table size="small" data-testid="applications">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.my.titles.level')}</TableCell>
                  <TableCell>{translate('app.my.titles.series')}</TableCell>
                  <TableCell>{translate('app.my.titles.route')}</TableCell>
                  <TableCell>{translate('app.my.titles.filed_on')}</TableCell>
                  <TableCell>{translate('app.my.columns.status')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {list.data.map((a) => (
                  <TableRow key={a.id} hover selected={open === a.id} onClick={() => setOpen(a.id)} sx={{ cursor: 'pointer' }}>
                    <TableCell>{translate(`app.my.level.${a.targetLevel}`)}</TableCell>
                    <TableCell>{translate(`app.my.series.${a.targetSeries}`)}</TableCell>
                    <TableCell>{translate(`app.my.route.${a.route}`)}</TableCell>
                    <TableCell>{a.filedOn ?? '—'}</TableCell>
                    <TableCell>{translate(`app.my.titles.status.${a.status}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {open && (
        <Card>
          <CardContent>
            <EligibilityDetail key={open} applicationId={open} />
          </CardContent>
        </Card>
      )}
    </Box>
  );
}

// "My hours": this year and the years before, each concluded by the hours
// engine; the chosen year shows what counts, why (the engine's explanation
// lines) and what is still missing.
import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import CalculateIcon from '@mui/icons-material/Calculate';
import { useQuery } from '@tanstack/react-query';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { fmt, loadYear, loadYears, recentYears, type SubjectStatus } from './data';
import { ActivityTable, Explanation } from './evaluation';
import { StatusChip, YearSummary } from './year-summary';

function Loading() {
  return (
    <Box sx={{ p: 3, display: 'flex', justifyContent: 'center' }}>
      <CircularProgress size={28} />
    </Box>
  );
}

function YearDetail({ year }: { year: number }) {
  const translate = useTranslate();
  const { data, error, isPending } = useQuery({ queryKey: ['my', 'year', year], queryFn: () => loadYear(year) });
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <>
      <YearSummary evaluation={data} />
      <Typography variant="h6" component="h3" sx={{ mt: 3, mb: 1 }}>
        {translate('app.my.activities')}
      </Typography>
      <ActivityTable evaluation={data} />
      <Explanation evaluation={data} />
    </>
  );
}

export default function MyHours() {
  const translate = useTranslate();
  // a subject met another way (a deemed-complete activity) says so instead of showing 0/60
  const hoursOf = (s: SubjectStatus) => (s.deemed ? translate('app.my.deemed') : `${fmt(s.credited)}/${fmt(s.required)}`);
  const years = recentYears();
  const [year, setYear] = useState(years[0]!);
  const overview = useQuery({ queryKey: ['my', 'years', years.join()], queryFn: () => loadYears(years) });
  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '460px 1fr' }, alignItems: 'start' }}>
      <Title title={translate('app.pages.myHours')} />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.my.by_year')}
          </Typography>
          {overview.isPending ? (
            <Loading />
          ) : (
            <Table size="small" data-testid="years" sx={{ '& th': { whiteSpace: 'nowrap' } }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.common.year')}</TableCell>
                  <TableCell>{translate('app.my.columns.status')}</TableCell>
                  <TableCell align="right">{translate('app.my.columns.public')}</TableCell>
                  <TableCell align="right">{translate('app.my.columns.professional')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {years.map((y) => {
                  const e = overview.data?.get(y);
                  return (
                    <TableRow key={y} hover selected={y === year} onClick={() => setYear(y)} sx={{ cursor: 'pointer' }} data-year={y}>
                      <TableCell>{y}</TableCell>
                      <TableCell>{e ? <StatusChip status={e.status} /> : '—'}</TableCell>
                      <TableCell align="right">{e ? hoursOf(e.public) : '—'}</TableCell>
                      <TableCell align="right">{e ? hoursOf(e.professional) : '—'}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <Button component={Link} to="/hours-calculator" startIcon={<CalculateIcon />} sx={{ mt: 2 }}>
            {translate('app.pages.hoursCalculator')}
          </Button>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <YearDetail key={year} year={year} />
        </CardContent>
      </Card>
    </Box>
  );
}

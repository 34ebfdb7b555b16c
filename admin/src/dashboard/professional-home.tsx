// A professional's home: this year's hours against what is required and what
// is missing, with the way to their pages. No charts: this chunk never pulls recharts.
import { Alert, Box, Button, Card, CardContent, CircularProgress } from '@mui/material';
import AccessTimeIcon from '@mui/icons-material/AccessTime';
import CalculateIcon from '@mui/icons-material/Calculate';
import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { loadYear } from '../my/data';
import { PendingMovesNotice } from '../moveConsents/pending-notice';
import { EmailSettingsCard } from '../notifications/email-settings';
import { YearSummary } from '../my/year-summary';

export default function ProfessionalHome() {
  const translate = useTranslate();
  const year = new Date().getFullYear();
  const { data, error, isPending } = useQuery({ queryKey: ['my', 'year', year], queryFn: () => loadYear(year) });
  return (
    <>
      <PendingMovesNotice />
      <Card sx={{ mt: 2 }} data-testid="professional-home">
        <CardContent>
          {isPending && <CircularProgress size={28} />}
          {error && <Alert severity="error">{error.message}</Alert>}
          {data && <YearSummary evaluation={data} />}
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 2 }}>
            <Button component={Link} to="/my-hours" variant="contained" startIcon={<AccessTimeIcon />}>
              {translate('app.pages.myHours')}
            </Button>
            <Button component={Link} to="/hours-calculator" startIcon={<CalculateIcon />}>
              {translate('app.pages.hoursCalculator')}
            </Button>
            <Button component={Link} to="/my-title-applications" startIcon={<WorkspacePremiumIcon />}>
              {translate('app.pages.myTitleApplications')}
            </Button>
          </Box>
        </CardContent>
      </Card>
      {/* the e-mail reminders switch: the professional's own setting */}
      <EmailSettingsCard />
    </>
  );
}

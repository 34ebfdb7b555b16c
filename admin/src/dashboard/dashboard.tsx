// The home page: who is signed in, then their role's overview. Officials' charts
// and the professional's summary are separate chunks (lazyPage), so recharts is
// downloaded only by officials.
import { Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { lazyPage } from '../layout/lazy';
import { readSession } from '../providers/session';
import { OperatorSummary } from './operator-summary';

const OfficialDashboard = lazyPage(() => import('./official-dashboard'));
const ProfessionalHome = lazyPage(() => import('./professional-home'));

function Overview({ role }: { role: string | undefined }) {
  switch (role) {
    case 'BUREAU_OFFICIAL':
    case 'DEPARTMENT_OFFICIAL':
      return <OfficialDashboard />;
    case 'UNIT_OFFICIAL':
      return <OfficialDashboard compact />;
    case 'PROFESSIONAL':
      return <ProfessionalHome />;
    case 'OPERATOR':
      return <OperatorSummary />;
    default:
      return null;
  }
}

export function Dashboard() {
  const translate = useTranslate();
  const session = readSession();
  return (
    <>
      <Card sx={{ mt: 2 }}>
        <Title title={translate('app.menu.dashboard')} />
        <CardContent>
          <Typography variant="h6" component="p" data-testid="welcome">
            {translate('app.dashboard.welcome', { name: session?.label ?? '' })}
          </Typography>
          <Typography color="text.secondary">{translate('app.dashboard.role', { role: translate(`app.roles.${session?.role ?? 'PROFESSIONAL'}`) })}</Typography>
        </CardContent>
      </Card>
      <Overview role={session?.role} />
    </>
  );
}

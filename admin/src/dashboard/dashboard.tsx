// The home page: who is signed in; each role's overview is added by its folder.
import { Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { readSession } from '../providers/session';

export function Dashboard() {
  const translate = useTranslate();
  const session = readSession();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.menu.dashboard')} />
      <CardContent>
        <Typography variant="h6" component="h2" data-testid="welcome">
          {translate('app.dashboard.welcome', { name: session?.label ?? '' })}
        </Typography>
        <Typography color="text.secondary">{translate('app.dashboard.role', { role: translate(`app.roles.${session?.role ?? 'PROFESSIONAL'}`) })}</Typography>
      </CardContent>
    </Card>
  );
}

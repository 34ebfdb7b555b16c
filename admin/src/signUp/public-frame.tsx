// The frame of the public pages (reachable without signing in): the platform's
// name, the language switch, the page's title and the way to the other public
// pages and to the sign-in page.
import type { ReactNode } from 'react';
import { Box, Card, CardContent, Divider, Link, Typography } from '@mui/material';
import { useTranslate } from 'ra-core';
import { LocalesMenuButton } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';

const LINKS = [
  { to: '/login', label: 'app.signUp.nav.sign_in' },
  { to: '/sign-up', label: 'app.signUp.nav.professional' },
  { to: '/sign-up/organisation', label: 'app.signUp.nav.organisation' },
  { to: '/sign-up/progress', label: 'app.signUp.nav.progress' },
];

export function PublicFrame({ title, intro, here, children }: { title: string; intro?: string; here: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', bgcolor: 'grey.100', p: { xs: 1, sm: 3 } }}>
      <Card sx={{ width: '100%', maxWidth: 720 }} data-testid="public-page">
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography variant="overline" color="text.secondary">
              {translate('app.title')}
            </Typography>
            <LocalesMenuButton />
          </Box>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate(title)}
          </Typography>
          {intro && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate(intro)}
            </Typography>
          )}
          {children}
          <Divider sx={{ my: 2 }} />
          <Box component="nav" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 1 }}>
            {LINKS.filter((l) => l.to !== here).map((l) => (
              <Link key={l.to} component={RouterLink} to={l.to} variant="body2">
                {translate(l.label)}
              </Link>
            ))}
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}

// The operator's home: how many tenants the platform serves, and how many are suspended.
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import ApartmentIcon from '@mui/icons-material/Apartment';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { gql } from '../providers/graphql';

const QUERY = `query TenantCount { tenants(first: 100) { totalCount nodes { status } } }`;

export function OperatorSummary() {
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['operator', 'tenant-count'],
    queryFn: () => gql<{ tenants: { totalCount: number; nodes: { status: string }[] } }>(QUERY).then((d) => d.tenants),
  });
  return (
    <Card sx={{ mt: 2 }} data-testid="operator-summary">
      <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 4 }}>
        <Box>
          <Typography variant="caption" color="text.secondary">
            {translate('app.dashboard.tenants')}
          </Typography>
          <Typography variant="h4" component="p" data-testid="tenant-count">
            {data?.totalCount ?? '—'}
          </Typography>
        </Box>
        <Box>
          <Typography variant="caption" color="text.secondary">
            {translate('app.dashboard.suspended')}
          </Typography>
          <Typography variant="h4" component="p">
            {data ? data.nodes.filter((n) => n.status === 'SUSPENDED').length : '—'}
          </Typography>
        </Box>
        <Button component={Link} to="/tenants" variant="outlined" startIcon={<ApartmentIcon />}>
          {translate('app.dashboard.manage_tenants')}
        </Button>
      </CardContent>
    </Card>
  );
}

// A titled card of the policy page; wide tables scroll inside it at tablet width.
import type { ReactNode } from 'react';
import { Card, CardContent, Typography } from '@mui/material';

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card sx={{ mb: 2 }} data-testid={testId}>
      <CardContent sx={{ overflowX: 'auto' }}>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

// A titled card of the policy page. Its body has no width of its own (width 0,
// at least the card's): a wide table or row of inputs scrolls inside the card
// instead of widening the page at tablet width.
import type { ReactNode } from 'react';
import { Box, Card, CardContent, Typography } from '@mui/material';

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card sx={{ mb: 2 }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        <Box sx={{ width: 0, minWidth: '100%', overflowX: 'auto' }}>{children}</Box>
      </CardContent>
    </Card>
  );
}

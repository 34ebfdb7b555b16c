// The policy's review chain (the levels a declaration climbs, and the sector
// routes to a named department) and the tenant's own office closures.
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CalendarClosure, ReviewChain } from './data';

export function ReviewChainSection({ review }: { review: ReviewChain }) {
  const translate = useTranslate();
  return (
    <Box data-testid="policy-review-chain">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        {review.levels.map((level, i) => (
          <Box key={level} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            {i > 0 && <Typography color="text.secondary">→</Typography>}
            <Chip label={translate(`app.policy.review.levels.${level}`, { _: level })} color="primary" variant="outlined" />
          </Box>
        ))}
      </Box>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        {review.source ? translate('app.policy.review.basis', { source: review.source }) : translate('app.policy.review.default')}
      </Typography>
      {review.routes.length > 0 && (
        <Table size="small" sx={{ mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.policy.review.when')}</TableCell>
              <TableCell>{translate('app.policy.review.department')}</TableCell>
              <TableCell>{translate('app.policy.review.source')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {review.routes.map((r, i) => (
              <TableRow key={i}>
                <TableCell>{[...r.series, ...r.kinds, ...r.employerTypes].join('、') || translate('app.common.none')}</TableCell>
                <TableCell>{r.departmentCode}</TableCell>
                <TableCell>{r.source}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

export function ClosuresSection({ closures }: { closures: CalendarClosure[] }) {
  const translate = useTranslate();
  if (!closures.length) return <Typography variant="body2" data-testid="policy-closures">{translate('app.policy.review.no_closures')}</Typography>;
  return (
    <Table size="small" data-testid="policy-closures">
      <TableBody>
        {closures.map((c) => (
          <TableRow key={`${c.from}-${c.to}`}>
            <TableCell>{c.from === c.to ? c.from : `${c.from} – ${c.to}`}</TableCell>
            <TableCell>{c.name}</TableCell>
            <TableCell>{c.source}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

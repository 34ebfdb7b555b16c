// The engine's explanation of a year: each activity with the hours it counts
// for, the rule and policy source applied and any cap that cut it, then the
// engine's reasoning lines, exemptions and credit windows.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { type Evaluation, fmt } from './data';

export function ActivityTable({ evaluation: e }: { evaluation: Evaluation }) {
  const translate = useTranslate();
  if (!e.activities.length) return <Typography color="text.secondary">{translate('app.my.no_activities')}</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="activity-hours">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.my.columns.kind')}</TableCell>
            <TableCell align="right">{translate('app.my.columns.public')}</TableCell>
            <TableCell align="right">{translate('app.my.columns.professional')}</TableCell>
            <TableCell>{translate('app.my.columns.rule')}</TableCell>
            <TableCell>{translate('app.my.columns.source')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {e.activities.map((a) => (
            <TableRow key={a.activityId}>
              <TableCell>
                {a.kindName}
                {a.notes.map((n) => (
                  <Typography key={n} variant="caption" display="block" color="text.secondary">
                    {n}
                  </Typography>
                ))}
              </TableCell>
              <TableCell align="right">{fmt(a.publicHours)}</TableCell>
              <TableCell align="right">{fmt(a.professionalHours)}</TableCell>
              <TableCell>
                {a.rule}
                {a.cappedBy.map((c) => (
                  <Typography key={c.cap} variant="caption" display="block" color="warning.main">
                    {translate('app.my.capped', { cap: c.cap, cut: fmt(c.cut) })}
                  </Typography>
                ))}
              </TableCell>
              <TableCell>
                <Typography variant="caption">{a.source}</Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

export function Explanation({ evaluation: e }: { evaluation: Evaluation }) {
  const translate = useTranslate();
  return (
    <Box data-testid="explanation">
      {e.reasons.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            {translate('app.my.reasons')}
          </Typography>
          <Box component="ul" sx={{ mt: 0.5, pl: 3 }}>
            {e.reasons.map((r, i) => (
              <Typography key={i} component="li" variant="body2">
                {r}
              </Typography>
            ))}
          </Box>
        </>
      )}
      {e.exemptions.length > 0 && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            {translate('app.my.exemptions')}
          </Typography>
          {e.exemptions.map((x, i) => (
            <Typography key={i} variant="body2">
              {translate('app.my.exemption', { scope: translate(`app.my.scope.${x.scope}`), reason: x.reason, source: x.source })}
            </Typography>
          ))}
        </>
      )}
      {e.regime === 'CREDITS' && (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>
            {translate('app.my.credits', { credits: fmt(e.creditsEarned ?? 0) })}
          </Typography>
          {e.creditWindows.map((w) => (
            <Typography key={w.years.join()} variant="body2">
              {translate('app.my.credit_window', { years: w.years.join('–'), earned: fmt(w.earned), required: fmt(w.required) })} · {translate(w.passed ? 'app.common.yes' : 'app.common.no')}
            </Typography>
          ))}
        </>
      )}
      {e.certified && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('app.my.certified')}
        </Typography>
      )}
    </Box>
  );
}

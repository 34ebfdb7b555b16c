// What a draft would change for a year (policyImpact): how many people's
// verdicts or credited hours change, who became complete or incomplete, and
// the first changed people with before and after.
import { Alert, Box, Chip, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ImpactVerdict, PolicyImpact } from './data';

function Stat({ label, value, testId, color }: { label: string; value: number; testId: string; color?: string }) {
  return (
    <Paper variant="outlined" sx={{ px: 2, py: 1, minWidth: 130 }}>
      <Typography variant="caption" color="text.secondary">{label}</Typography>
      <Typography variant="h5" data-testid={testId} sx={{ color }}>{value}</Typography>
    </Paper>
  );
}

function Verdict({ v }: { v: ImpactVerdict }) {
  const translate = useTranslate();
  const color = v.status === 'COMPLETE' ? 'success' : v.status === 'INCOMPLETE' ? 'warning' : 'default';
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Chip size="small" color={color} label={translate(`app.policy.status.${v.status}`)} />
      <Typography variant="body2">{translate('app.policy.impact.hours', { pub: v.publicHours, pro: v.professionalHours })}</Typography>
    </Box>
  );
}

export function ImpactPreview({ impact, year }: { impact: PolicyImpact; year: number }) {
  const translate = useTranslate();
  return (
    <Box data-testid="impact-preview">
      {!impact.complete && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.policy.impact.partial', { scanned: impact.scanned, total: impact.total })}
        </Alert>
      )}
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('app.policy.impact.scope', { year, scanned: impact.scanned, total: impact.total })}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mb: 2 }}>
        <Stat label={translate('app.policy.impact.changed')} value={impact.changedCount} testId="impact-changed" />
        <Stat label={translate('app.policy.impact.became_incomplete')} value={impact.becameIncomplete} testId="impact-became-incomplete" color={impact.becameIncomplete ? 'warning.dark' : undefined} />
        <Stat label={translate('app.policy.impact.became_complete')} value={impact.becameComplete} testId="impact-became-complete" color={impact.becameComplete ? 'success.dark' : undefined} />
        <Stat label={translate('app.policy.impact.hours_changed')} value={impact.hoursChanged} testId="impact-hours-changed" />
      </Box>
      {impact.changes.length === 0 ? (
        <Typography variant="body2">{translate('app.policy.impact.nobody')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="impact-people">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.policy.impact.name')}</TableCell>
                <TableCell>{translate('app.policy.impact.id_number')}</TableCell>
                <TableCell>{translate('app.policy.impact.unit')}</TableCell>
                <TableCell>{translate('app.policy.impact.before')}</TableCell>
                <TableCell>{translate('app.policy.impact.after')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {impact.changes.map((c) => (
                <TableRow key={c.professionalId}>
                  <TableCell>{c.name}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{c.idNumber}</TableCell>
                  <TableCell>{c.unitName}</TableCell>
                  <TableCell><Verdict v={c.before} /></TableCell>
                  <TableCell><Verdict v={c.after} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {impact.changedCount > impact.changes.length && (
            <Typography variant="caption" color="text.secondary">
              {translate('app.policy.impact.more', { shown: impact.changes.length, count: impact.changedCount })}
            </Typography>
          )}
        </Box>
      )}
    </Box>
  );
}

// Before and after of one audit event, side by side: one row per top-level key,
// changed keys highlighted, nested values as indented JSON so that a policy
// version or a declaration's parameters stay readable.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEventRecord } from './data';

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function ChangeView() {
  const translate = useTranslate();
  const record = useRecordContext<AuditEventRecord>();
  if (!record) return null;
  const before = record.before ?? {};
  const after = record.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const cell = { fontFamily: 'monospace', fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all', verticalAlign: 'top', maxWidth: 480 } as const;
  return (
    <Box sx={{ p: 1, overflowX: 'auto' }} data-testid="audit-change">
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
        {translate('resources.auditEvents.detail.entity', { type: record.entityType, id: record.entityId })}
        {record.requestId ? ` · ${translate('resources.auditEvents.detail.request', { id: record.requestId })}` : ''}
        {record.actorId ? ` · ${translate('resources.auditEvents.detail.actor', { id: record.actorId })}` : ''}
      </Typography>
      {keys.length === 0 ? (
        <Typography variant="body2">{translate('resources.auditEvents.detail.empty')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.auditEvents.detail.key')}</TableCell>
              <TableCell>{translate('resources.auditEvents.fields.before')}</TableCell>
              <TableCell>{translate('resources.auditEvents.fields.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {keys.map((key) => {
              const changed = !same(before[key], after[key]);
              return (
                <TableRow key={key} sx={changed ? { bgcolor: 'warning.50', '& td': { bgcolor: 'rgba(255, 193, 7, 0.08)' } } : undefined}>
                  <TableCell sx={{ ...cell, fontWeight: changed ? 600 : 400 }}>{key}</TableCell>
                  <TableCell sx={cell}>{show(before[key])}</TableCell>
                  <TableCell sx={cell}>{show(after[key])}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

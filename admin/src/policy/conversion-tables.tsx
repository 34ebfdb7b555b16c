// The conversion tables (折算表) and duration brackets of a version, read-only.
// Kinds often share one table (the policy file writes it once); identical
// tables are shown once, naming every kind that uses them.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { LookupTable, Version } from './data';

interface Shared<T> {
  value: T;
  kinds: string[];
}

function shared<T>(version: Version, pick: (k: Version['kinds'][string]) => T | undefined): Shared<T>[] {
  const byJson = new Map<string, Shared<T>>();
  for (const kind of Object.values(version.kinds)) {
    const value = pick(kind);
    if (value === undefined) continue;
    const key = JSON.stringify(value);
    const entry = byJson.get(key) ?? { value, kinds: [] };
    entry.kinds.push(kind.name);
    byJson.set(key, entry);
  }
  return [...byJson.values()];
}

function TableGrid({ table }: { table: LookupTable }) {
  const translate = useTranslate();
  const label = (code: string) => table.labels?.[code] ?? code;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" sx={{ width: 'auto' }}>
        <TableHead>
          <TableRow>
            <TableCell />
            {table.columns.map((c) => (
              <TableCell key={c} align="right">{label(c)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((r) => (
            <TableRow key={r}>
              <TableCell component="th" scope="row">{label(r)}</TableCell>
              {table.columns.map((c) => {
                const v = table.cells[r]?.[c];
                return (
                  <TableCell key={c} align="right">{v === null || v === undefined ? translate('app.policy.view.not_counted') : v}</TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

export function ConversionTables({ version }: { version: Version }) {
  const translate = useTranslate();
  const tables = shared(version, (k) => (k.rule.type === 'table' ? k.rule.table : undefined));
  const brackets = shared(version, (k) => (k.rule.type === 'brackets' ? { brackets: k.rule.brackets ?? [], beyond: k.rule.beyond } : undefined));
  if (!tables.length && !brackets.length) return <Typography variant="body2">{translate('app.policy.view.no_tables')}</Typography>;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
      {tables.map((t, i) => (
        <Box key={`t${i}`} data-testid="conversion-table">
          <Typography variant="subtitle2" gutterBottom>
            {translate('app.policy.view.table_for', { kinds: t.kinds.join('、') })}
          </Typography>
          <TableGrid table={t.value} />
        </Box>
      ))}
      {brackets.map((b, i) => (
        <Box key={`b${i}`}>
          <Typography variant="subtitle2" gutterBottom>
            {translate('app.policy.view.brackets_for', { kinds: b.kinds.join('、') })}
          </Typography>
          <Table size="small" sx={{ width: 'auto' }}>
            <TableBody>
              {b.value.brackets.map((br, j) => (
                <TableRow key={j}>
                  <TableCell>{br.below === undefined ? translate('app.policy.view.bracket_rest') : translate('app.policy.view.bracket_below', { below: br.below })}</TableCell>
                  <TableCell align="right">{translate('app.common.hours', { hours: br.hours })}</TableCell>
                </TableRow>
              ))}
              {b.value.beyond && (
                <TableRow>
                  <TableCell colSpan={2}>{translate('app.policy.view.bracket_beyond', { ...b.value.beyond })}</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Box>
  );
}

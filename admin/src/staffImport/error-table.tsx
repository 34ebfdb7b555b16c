// The dry run's findings: one line per problem (row, column, what is wrong), a page at a
// time with "show more". Chinese shows the server's message as it is; English words each
// problem from its code and detail.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { currentLocale } from '../i18n/locale';
import { loadErrors, type RowError } from './data';

export function ErrorTable({ importId }: { importId: string }) {
  const translate = useTranslate();
  const [rows, setRows] = useState<RowError[]>([]);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);

  const load = (after: string | null) => {
    setLoading(true);
    loadErrors(importId, after).then(
      (page) => {
        setRows((shown) => (after ? [...shown, ...page.nodes] : page.nodes));
        setTotal(page.totalCount);
        setNext(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
        setLoading(false);
      },
      (error: Error) => {
        setFailure(error.message);
        setLoading(false);
      },
    );
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- reload for another import
  useEffect(() => load(null), [importId]);

  const message = (e: RowError) => {
    if (currentLocale() === 'zh') return e.message;
    const detail = e.code === 'EMPLOYER_TYPE_MISMATCH' && e.detail ? translate(`resources.organisations.employerTypes.${e.detail}`) : (e.detail ?? '');
    return translate(`app.staffImport.problems.${e.code}`, { detail, _: e.message });
  };

  if (failure) return <Alert severity="error">{failure}</Alert>;
  if (!loading && rows.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {translate('app.staffImport.report.errors', { count: total })}
      </Typography>
      <Table size="small" data-testid="import-errors">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 80 }}>{translate('app.staffImport.report.row')}</TableCell>
            <TableCell sx={{ width: 160 }}>{translate('app.staffImport.report.column')}</TableCell>
            <TableCell>{translate('app.staffImport.report.problem')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((e) => (
            <TableRow key={`${e.row}-${e.column}-${e.code}`} data-row={e.row}>
              <TableCell>{e.row}</TableCell>
              <TableCell>{translate(`app.staffImport.columns.${e.column}`)}</TableCell>
              <TableCell>{message(e)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {loading && <CircularProgress size={24} sx={{ mt: 1 }} />}
      {!loading && next && (
        <Button onClick={() => load(next)} sx={{ mt: 1 }} data-testid="more-errors">
          {translate('app.staffImport.report.more', { shown: rows.length, total })}
        </Button>
      )}
    </Box>
  );
}

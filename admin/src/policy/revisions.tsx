// The publication history (policyRevisions), newest first, 20 at a time.
import { useEffect, useState } from 'react';
import { Alert, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { loadRevisions, type PolicyRevision } from './data';

export function Revisions({ refreshKey }: { refreshKey: number }) {
  const translate = useTranslate();
  const [rows, setRows] = useState<PolicyRevision[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (after: string | null) => {
    try {
      const page = await loadRevisions(20, after);
      setRows((r) => (after ? [...r, ...page.nodes] : page.nodes));
      setNext(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
      setTotal(page.totalCount ?? null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => {
    void load(null);
  }, [refreshKey]);

  if (error) return <Alert severity="error">{error}</Alert>;
  return (
    <>
      {total !== null && <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('app.policy.history.total', { count: total })}</Typography>}
      <Table size="small" data-testid="policy-revisions">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.policy.fields.revision')}</TableCell>
            <TableCell>{translate('app.policy.fields.publishedAt')}</TableCell>
            <TableCell>{translate('app.policy.fields.note')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.revision}>
              <TableCell>{r.revision}</TableCell>
              <TableCell>{new Date(r.publishedAt).toLocaleString()}</TableCell>
              <TableCell>{r.note ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {next && (
        <Button sx={{ mt: 1 }} onClick={() => void load(next)}>
          {translate('app.policy.history.more')}
        </Button>
      )}
    </>
  );
}

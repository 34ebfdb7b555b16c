// On a professional's home: a request from another city waiting for their answer (nothing
// else tells them; no notification is sent), with the way to answer it.
import { Alert, Button } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { pendingMoveCount } from './data';

export function PendingMovesNotice() {
  const translate = useTranslate();
  const { data: count } = useQuery({ queryKey: ['moveConsents', 'pending'], queryFn: pendingMoveCount });
  if (!count) return null;
  return (
    <Alert
      severity="warning"
      sx={{ mt: 2 }}
      data-testid="pending-moves"
      action={
        <Button component={Link} to="/moveConsents" color="inherit" size="small">
          {translate('resources.moveConsents.open')}
        </Button>
      }
    >
      {translate('resources.moveConsents.pending', { count })}
    </Alert>
  );
}

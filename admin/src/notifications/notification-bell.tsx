// The bell in the app bar: the signed-in account's unread notifications, leading to the
// notifications page. Asked again every minute and whenever the page marks some read.
import { Badge, IconButton, Tooltip } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { readSession } from '../providers/session';
import { loadUnreadCount } from './data';

export const UNREAD_KEY = ['notifications', 'unread'];

export function NotificationBell() {
  const translate = useTranslate();
  const role = readSession()?.role;
  const { data } = useQuery({ queryKey: UNREAD_KEY, queryFn: loadUnreadCount, enabled: !!role && role !== 'OPERATOR', refetchInterval: 60_000 });
  if (!role || role === 'OPERATOR') return null;
  const label = translate('app.notifications.bell', { count: data ?? 0 });
  return (
    <Tooltip title={label}>
      <IconButton component={Link} to="/notifications" color="inherit" aria-label={label} data-testid="notification-bell">
        <Badge badgeContent={data ?? 0} max={99} color="error">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}

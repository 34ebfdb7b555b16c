// The notifications page (every signed-in account): newest first, twenty at a time ("more"
// continues after the last one), unread ones marked; opening one marks it read; "mark all
// read"; and the e-mail settings.
import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, FormControlLabel, List, ListItemButton, ListItemText, Switch, Typography } from '@mui/material';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Title, useTranslate } from 'react-admin';
import { EmailSettingsCard } from './email-settings';
import { loadNotifications, markRead, type NotificationItem } from './data';
import { UNREAD_KEY } from './notification-bell';

function Item({ n, open, onOpen }: { n: NotificationItem; open: boolean; onOpen: () => void }) {
  const translate = useTranslate();
  return (
    <ListItemButton onClick={onOpen} alignItems="flex-start" data-notification={n.id} data-unread={n.readAt ? undefined : 'true'}>
      <ListItemText
        primary={
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography component="span" sx={{ fontWeight: n.readAt ? 400 : 700 }}>{n.title}</Typography>
            <Chip size="small" label={translate(`app.notifications.kind.${n.kind}`)} />
            {!n.readAt && <Chip size="small" color="error" label={translate('app.notifications.unread')} />}
          </Box>
        }
        secondary={
          <>
            <Typography component="span" variant="caption" display="block">{new Date(n.createdAt).toLocaleString()}</Typography>
            <Typography component="span" variant="body2" sx={{ whiteSpace: 'pre-line' }} display="block">
              {open ? n.body : n.body.split('\n')[0]}
            </Typography>
          </>
        }
      />
    </ListItemButton>
  );
}

export default function NotificationsPage() {
  const translate = useTranslate();
  const client = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const key = ['notifications', 'list', unreadOnly];
  const list = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => loadNotifications(pageParam, unreadOnly),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
  });
  const mark = useMutation({
    mutationFn: markRead,
    onSuccess: (unread) => {
      client.setQueryData(UNREAD_KEY, unread);
      void client.invalidateQueries({ queryKey: ['notifications', 'list'] });
    },
  });
  const items = list.data?.pages.flatMap((p) => p.nodes) ?? [];
  const open = (n: NotificationItem) => {
    setOpened(opened === n.id ? null : n.id);
    if (!n.readAt) mark.mutate([n.id]);
  };
  return (
    <Box sx={{ mt: 2 }} data-testid="notifications-page">
      <Title title={translate('app.pages.notifications')} />
      <Card>
        <CardContent>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
            <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
              {translate('app.notifications.title', { count: list.data?.pages[0]?.totalCount ?? 0 })}
            </Typography>
            <FormControlLabel control={<Switch checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />} label={translate('app.notifications.unread_only')} />
            <Button onClick={() => mark.mutate(undefined)} disabled={mark.isPending || items.every((n) => n.readAt)}>
              {translate('app.notifications.mark_all')}
            </Button>
          </Box>
          {list.isPending && <CircularProgress size={24} />}
          {list.error && <Alert severity="error">{list.error.message}</Alert>}
          {list.data && items.length === 0 && <Typography color="text.secondary">{translate('app.notifications.none')}</Typography>}
          <List>
            {items.map((n) => (
              <Item key={n.id} n={n} open={opened === n.id} onOpen={() => open(n)} />
            ))}
          </List>
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {translate('app.notifications.more')}
            </Button>
          )}
        </CardContent>
      </Card>
      <EmailSettingsCard />
    </Box>
  );
}

// The page of one application or request (a sign-up, an organisation's application, a move
// request): a heading with its state and the actions it allows, then titled groups of
// labelled lines side by side; a button back to the list above it.
import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { DateField, ListButton, Show, TopToolbar, useTranslate } from 'react-admin';

/** The react-admin show page of a queue, with the way back to its list (`back`: a message key). */
export function ShowWithBack({ back, children }: { back: string; children: ReactNode }) {
  return (
    <Show
      actions={
        <TopToolbar>
          <ListButton label={back} />
        </TopToolbar>
      }
    >
      {children}
    </Show>
  );
}

/** The heading (the name, its state chip, the actions) and the detail sections in columns. */
export function DetailPage({ title, status, actions, children }: { title: string; status: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {status}
        <Box sx={{ flex: 1 }} />
        {actions}
      </Box>
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, alignItems: 'start' }}>{children}</Box>
    </Box>
  );
}

/** One labelled value of a record's details. */
export function DetailLine({ label, children, testId, labelWidth = 140 }: { label: string; children: ReactNode; testId?: string; labelWidth?: number }) {
  return (
    <Box sx={{ display: 'flex', gap: 2, py: 0.5 }} data-testid={testId}>
      <Typography variant="body2" color="text.secondary" sx={{ width: labelWidth, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

/** A date of the record in context as a detail line; nothing when the record has none. */
export function DetailDate({ label, source, value, showTime }: { label: string; source: string; value: string | null | undefined; showTime?: boolean }) {
  if (!value) return null;
  return (
    <DetailLine label={label}>
      <DateField source={source} showTime={showTime} />
    </DetailLine>
  );
}

/** A titled group of detail lines. */
export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
}

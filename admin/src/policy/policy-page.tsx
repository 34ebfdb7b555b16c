// The bureau's policy page: the version in force for a year, the editor with
// its impact preview, and the publication history.
import { useState } from 'react';
import { Alert, Box, MenuItem, Tab, Tabs, TextField } from '@mui/material';
import { Loading, Title, useTranslate } from 'react-admin';
import { loadCalendar, loadPolicy } from './data';
import { PolicyEditor } from './policy-editor';
import { PolicyView } from './policy-view';
import { Revisions } from './revisions';
import { Section } from './section';
import { useLoad } from './use-load';

const TABS = ['view', 'edit', 'history'] as const;

export default function PolicyPage() {
  const translate = useTranslate();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [tab, setTab] = useState<(typeof TABS)[number]>('view');
  const [published, setPublished] = useState(0);
  const policy = useLoad(() => loadPolicy(year), [year, published]);
  const calendar = useLoad(() => loadCalendar(year), [year]);
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('app.pages.policy')} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, mb: 1 }}>
        <TextField select size="small" label={translate('app.common.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 120 }} data-testid="policy-year" slotProps={{ htmlInput: { 'data-testid': 'policy-year-input' } }}>
          {years.map((y) => (
            <MenuItem key={y} value={y}>{y}</MenuItem>
          ))}
        </TextField>
        <Tabs value={tab} onChange={(_, t) => setTab(t)} variant="scrollable" allowScrollButtonsMobile>
          {TABS.map((t) => (
            <Tab key={t} value={t} label={translate(`app.policy.tabs.${t}`)} data-testid={`policy-tab-${t}`} />
          ))}
        </Tabs>
      </Box>
      {tab === 'history' ? (
        <Section title={translate('app.policy.tabs.history')}>
          <Revisions refreshKey={published} />
        </Section>
      ) : policy.error ? (
        <Alert severity="error">{policy.error.message}</Alert>
      ) : !policy.data ? (
        <Loading />
      ) : tab === 'view' ? (
        <PolicyView policy={policy.data.policy} kinds={policy.data.kinds} calendar={calendar} />
      ) : (
        <PolicyEditor
          key={`${year}-${policy.data.policy.revision}-${published}`}
          policy={policy.data.policy}
          year={year}
          onPublished={() => {
            setPublished((n) => n + 1);
            setTab('view');
          }}
          onReload={() => setPublished((n) => n + 1)}
        />
      )}
    </Box>
  );
}

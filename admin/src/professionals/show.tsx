// One person: details, title history and hours by year, with the unit's
// actions (edit, transfer, activation code) in the toolbar.
import { DateField, EditButton, Labeled, SelectField, Show, TabbedShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { Box, Grid } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { genderChoices, statusChoices, titleLevelChoices, titleSeriesChoices } from './choices';
import type { ProfessionalRecord } from './data';
import { TransferButton } from './transfer-button';
import { ActivationButton } from './activation-button';
import { TitleHistory } from './title-history';
import { HoursPanel } from './hours-panel';
import { CertificatesPanel } from '../certificates/certificates-panel';
import { fetchMovedYears, movedYearsKey } from '../movedYears/data';
import { MovedYearsPanel } from '../movedYears/moved-years-panel';

function ShowActions() {
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      <EditButton />
      <TransferButton />
      <ActivationButton />
    </TopToolbar>
  );
}

function UnitName() {
  const record = useRecordContext<ProfessionalRecord>();
  return <span>{record?.unit?.name ?? ''}</span>;
}

function Details() {
  const cell = { xs: 12, sm: 6, md: 4 } as const;
  return (
    <Grid container spacing={2} sx={{ py: 1 }}>
      <Grid size={cell}>
        <Labeled source="name"><TextField source="name" /></Labeled>
      </Grid>
      <Grid size={cell}>
        <Labeled source="idNumberMasked"><TextField source="idNumberMasked" /></Labeled>
      </Grid>
      <Grid size={cell}>
        <Labeled source="gender"><SelectField source="gender" choices={genderChoices} /></Labeled>
      </Grid>
      <Grid size={cell}>
        <Labeled source="birthDate"><TextField source="birthDate" /></Labeled>
      </Grid>
      <Grid size={cell}>
        <Labeled source="unitId"><UnitName /></Labeled>
      </Grid>
      <Grid size={cell}>
        <Labeled source="joinedUnitOn"><TextField source="joinedUnitOn" /></Labeled>
      </Grid>
      <Grid size={cell}>
        <Labeled source="titleLevel"><SelectField source="titleLevel" choices={titleLevelChoices} /></Labeled>
      </Grid>
      <Grid size={cell}>
        <Labeled source="titleSeries"><SelectField source="titleSeries" choices={titleSeriesChoices} /></Labeled>
      </Grid>
      <Grid size={cell}>
        <Labeled source="titleObtainedOn"><TextField source="titleObtainedOn" emptyText="—" /></Labeled>
      </Grid>
      <Grid size={cell}>
        <Labeled source="status"><SelectField source="status" choices={statusChoices} /></Labeled>
      </Grid>
      <Grid size={cell}>
        <Labeled source="phone"><TextField source="phone" emptyText="—" /></Labeled>
      </Grid>
      <Grid size={cell}>
        <Labeled source="updatedAt"><DateField source="updatedAt" showTime /></Labeled>
      </Grid>
    </Grid>
  );
}

function PersonCertificates() {
  const record = useRecordContext<ProfessionalRecord>();
  return record ? <CertificatesPanel professionalId={record.id} /> : null;
}

/** The tabs; a person who moved here from another city has one more, their moved years. */
function Tabs() {
  const record = useRecordContext<ProfessionalRecord>();
  const { data: moved } = useQuery({ queryKey: movedYearsKey(record?.id ?? ''), queryFn: () => fetchMovedYears(record!.id), enabled: !!record?.id });
  return (
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.professionals.tabs.basic">
        <Details />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.professionals.tabs.titles" path="titles">
        <TitleHistory />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.professionals.tabs.hours" path="hours">
        <Box sx={{ width: '100%' }}>
          <HoursPanel />
        </Box>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.certificates.tab" path="certificates">
        <PersonCertificates />
      </TabbedShowLayout.Tab>
      {record && moved && moved.length > 0 && (
        <TabbedShowLayout.Tab label="app.movedYears.tab" path="moved-years">
          <MovedYearsPanel professionalId={record.id} years={moved} />
        </TabbedShowLayout.Tab>
      )}
    </TabbedShowLayout>
  );
}

export default function ProfessionalShow() {
  return (
    <Show actions={<ShowActions />}>
      <Tabs />
    </Show>
  );
}

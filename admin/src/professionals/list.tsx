// The staff list: search by name prefix or exact ID number, filters as
// ProfessionalFilter allows, server pages. The API orders by unit, so the
// columns do not sort.
import {
  CreateButton,
  DataTable,
  Link,
  FilterButton,
  List,
  ReferenceInput,
  AutocompleteInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useListContext,
  useTranslate,
} from 'react-admin';
import { Button, useMediaQuery, type Theme } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { statusChoices, titleLevelChoices, titleSeriesChoices } from './choices';
import { readSession } from '../providers/session';
import { ExportExcelButton } from '../shared/export-button';
import { toFilter } from './data';

function filters(translate: (key: string) => string) {
  const role = readSession()?.role;
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.professionals.hints.search')} sx={{ minWidth: 260 }} />,
    ...(role === 'UNIT_OFFICIAL'
      ? []
      : [
          <ReferenceInput key="unitId" source="unitId" reference="organisations" filter={{ kind: 'UNIT' }}>
            <AutocompleteInput optionText="name" label="resources.professionals.fields.unitId" sx={{ minWidth: 220 }} />
          </ReferenceInput>,
        ]),
    <SelectInput key="titleLevel" source="titleLevel" choices={titleLevelChoices} />,
    <SelectInput key="titleSeries" source="titleSeries" choices={titleSeriesChoices} />,
    <SelectInput key="status" source="status" choices={statusChoices} />,
  ];
}

function ListActions() {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
      <ExportExcelButton kind="professionals" body={() => ({ filter: toFilter(filterValues) })} />
      <Button component={Link} to="/staff-import" size="small" startIcon={<UploadFileIcon />} data-testid="open-staff-import">
        {translate('app.staffImport.open')}
      </Button>
    </TopToolbar>
  );
}

export default function ProfessionalList() {
  const translate = useTranslate();
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  return (
    <List filters={filters(translate)} actions={<ListActions />} perPage={25} sort={{ field: 'unitId', order: 'ASC' }} filterDefaultValues={{ status: 'ACTIVE' }}>
      <DataTable rowClick="show" bulkActionButtons={false} data-testid="professionals-list">
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="idNumberMasked" disableSort />
        {!narrow && <DataTable.Col source="unitId" disableSort render={(r) => r.unit?.name ?? ''} />}
        <DataTable.Col source="titleLevel" disableSort>
          <SelectField source="titleLevel" choices={titleLevelChoices} />
        </DataTable.Col>
        {!narrow && (
          <DataTable.Col source="titleSeries" disableSort>
            <SelectField source="titleSeries" choices={titleSeriesChoices} />
          </DataTable.Col>
        )}
        <DataTable.Col source="status" disableSort>
          <SelectField source="status" choices={statusChoices} />
        </DataTable.Col>
        {!narrow && (
          <DataTable.Col source="phone" disableSort>
            <TextField source="phone" emptyText="—" />
          </DataTable.Col>
        )}
      </DataTable>
    </List>
  );
}

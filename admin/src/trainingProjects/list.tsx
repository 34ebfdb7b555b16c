// Training projects, newest filing first; filters: year, on time, source.
import { Chip } from '@mui/material';
import { DataTable, FunctionField, List, NullableBooleanInput, NumberInput, SelectInput, useTranslate } from 'react-admin';
import type { TrainingProjectRecord } from './data';

export default function TrainingProjectList() {
  const translate = useTranslate();
  const filters = [
    <NumberInput key="year" source="year" alwaysOn />,
    <NullableBooleanInput key="onTime" source="onTime" alwaysOn />,
    <SelectInput key="source" source="source" choices={[{ id: 'PROVIDER', name: 'resources.trainingProjects.sources.PROVIDER' }, { id: 'PLATFORM', name: 'resources.trainingProjects.sources.PLATFORM' }]} alwaysOn />,
  ];
  return (
    <List filters={filters}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="title" disableSort />
        <DataTable.Col source="providerName" disableSort />
        <DataTable.Col source="kindName" disableSort />
        <DataTable.Col source="hours" disableSort />
        <DataTable.Col source="startDate" disableSort>
          <FunctionField<TrainingProjectRecord> render={(r) => `${r.startDate} – ${r.endDate}`} />
        </DataTable.Col>
        <DataTable.Col source="filedOn" disableSort />
        <DataTable.Col source="onTime" disableSort>
          <FunctionField<TrainingProjectRecord>
            render={(r) => <Chip size="small" color={r.onTime ? 'success' : 'warning'} label={translate(r.onTime ? 'resources.trainingProjects.on_time' : 'resources.trainingProjects.late')} />}
          />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

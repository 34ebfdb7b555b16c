// Spot checks, newest first: year, share drawn, how many are still to review.
import { CreateButton, DataTable, DateField, FunctionField, List, NumberField, TopToolbar, useTranslate } from 'react-admin';
import type { SpotCheckRecord } from './data';

export default function SpotCheckList() {
  const translate = useTranslate();
  return (
    <List actions={<TopToolbar><CreateButton label="resources.spotChecks.draw" /></TopToolbar>}>
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="drawnAt" disableSort>
          <DateField source="drawnAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="year" disableSort />
        <DataTable.Col source="percentage" disableSort>
          <FunctionField<SpotCheckRecord> render={(r) => `${r.percentage}%`} />
        </DataTable.Col>
        <DataTable.Col source="itemCount" disableSort>
          <FunctionField<SpotCheckRecord> render={(r) => translate('resources.spotChecks.of_population', { drawn: r.itemCount, population: r.population })} />
        </DataTable.Col>
        <DataTable.Col source="pending" disableSort>
          <NumberField source="pending" />
        </DataTable.Col>
        <DataTable.Col source="passed" disableSort>
          <NumberField source="passed" />
        </DataTable.Col>
        <DataTable.Col source="failed" disableSort>
          <NumberField source="failed" />
        </DataTable.Col>
        <DataTable.Col source="seed" disableSort />
      </DataTable>
    </List>
  );
}

// The audit log, newest first. Filters: who (操作者标识), what record (类型、ID),
// which action, a date range. A row opens to its before/after.
import { Chip } from '@mui/material';
import { AutocompleteInput, DataTable, DateField, DateInput, FilterButton, FunctionField, List, TextInput, TopToolbar, useListContext, useTranslate } from 'react-admin';
import { codeKey, KNOWN_ACTIONS, KNOWN_ENTITIES } from './actions';
import { ChangeView } from './change-view';
import { auditFilter, type AuditEventRecord } from './data';
import { ExportExcelButton } from '../shared/export-button';

function useFilters() {
  const translate = useTranslate();
  const actionName = (a: string) => `${translate(`resources.auditEvents.actions.${codeKey(a)}`, { _: a })}（${a}）`;
  return [
    <AutocompleteInput
      key="action"
      source="action"
      alwaysOn
      choices={KNOWN_ACTIONS.map((a) => ({ id: a, name: actionName(a) }))}
      sx={{ minWidth: 260 }}
      data-testid="filter-action"
    />,
    <TextInput key="actorLabel" source="actorLabel" alwaysOn helperText={false} />,
    <DateInput key="from" source="from" alwaysOn helperText={false} />,
    <DateInput key="to" source="to" alwaysOn helperText={false} />,
    <AutocompleteInput
      key="entityType"
      source="entityType"
      choices={KNOWN_ENTITIES.map((e) => ({ id: e, name: `${translate(`resources.auditEvents.entities.${e}`, { _: e })}（${e}）` }))}
    />,
    <TextInput key="entityId" source="entityId" />,
    <TextInput key="actionPrefix" source="actionPrefix" />,
    <TextInput key="actorLabelPrefix" source="actorLabelPrefix" />,
  ];
}

// the Excel export replaces react-admin's CSV one (exporter={false}): the server's file keeps the filter, the scope and the cell escaping
function ListActions() {
  const { filterValues } = useListContext();
  return (
    <TopToolbar>
      <FilterButton />
      <ExportExcelButton kind="audit-events" body={() => ({ filter: auditFilter(filterValues) })} />
    </TopToolbar>
  );
}

export default function AuditEventList() {
  const translate = useTranslate();
  return (
    <List filters={useFilters()} actions={<ListActions />} exporter={false} perPage={25} storeKey="auditEvents.list">
      <DataTable bulkActionButtons={false} expand={<ChangeView />} rowClick="expand">
        <DataTable.Col source="at" disableSort>
          <DateField source="at" showTime />
        </DataTable.Col>
        <DataTable.Col source="actorLabel" disableSort>
          <FunctionField<AuditEventRecord> render={(r) => r.actorLabel ?? translate(`resources.auditEvents.actor_kinds.${r.actorKind}`)} />
        </DataTable.Col>
        <DataTable.Col source="action" disableSort>
          <FunctionField<AuditEventRecord>
            render={(r) => <Chip size="small" variant="outlined" label={translate(`resources.auditEvents.actions.${codeKey(r.action)}`, { _: r.action })} title={r.action} />}
          />
        </DataTable.Col>
        <DataTable.Col source="entityType" disableSort>
          <FunctionField<AuditEventRecord> render={(r) => translate(`resources.auditEvents.entities.${r.entityType}`, { _: r.entityType })} />
        </DataTable.Col>
        <DataTable.Col source="entityId" disableSort sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }} />
      </DataTable>
    </List>
  );
}

// 迁出确认: the requests of other cities waiting for an answer here, oldest first, each
// with its answers. A professional sees those naming them; the bureau those naming any
// of this city's people (with who they are).
import { Box, Typography, type Theme, useMediaQuery } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, Pagination, TextField, useTranslate } from 'react-admin';
import { readSession } from '../providers/session';
import { ConsentActions } from './consent-actions';
import type { MoveConsentRecord } from './data';

function Empty() {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 3 }} data-testid="no-move-requests">
      <Typography color="text.secondary">{translate('resources.moveConsents.empty')}</Typography>
    </Box>
  );
}

export default function ConsentList() {
  const translate = useTranslate();
  const wide = useMediaQuery<Theme>((theme) => theme.breakpoints.up('md'));
  const bureau = readSession()?.role === 'BUREAU_OFFICIAL';
  return (
    <List perPage={10} pagination={<Pagination rowsPerPageOptions={[10, 20]} />} actions={false} exporter={false} empty={false} storeKey="moveConsents.list">
      <Box sx={{ px: 2, pt: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {translate(bureau ? 'resources.moveConsents.intro_bureau' : 'resources.moveConsents.intro_self')}
        </Typography>
      </Box>
      <Datagrid rowClick={false} bulkActionButtons={false} empty={<Empty />} sx={{ '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } }}>
        <DateField source="requestedAt" showTime={wide} sortable={false} />
        {bureau && (
          <FunctionField
            source="professional"
            sortable={false}
            render={(r: MoveConsentRecord) => (
              <span data-move-consent={r.id}>
                {r.professional ? `${r.professional.name}（${r.professional.idNumberMasked}）` : '—'}
                {wide && r.professional?.unit ? ` · ${r.professional.unit.name}` : ''}
              </span>
            )}
          />
        )}
        <FunctionField source="receivingTenantName" sortable={false} render={(r: MoveConsentRecord) => <span data-move-consent-tenant={r.id}>{r.receivingTenantName}</span>} />
        <TextField source="receivingUnitName" sortable={false} />
        <DateField source="expiresAt" sortable={false} />
        <ConsentActions label="resources.moveConsents.fields.actions" />
      </Datagrid>
    </List>
  );
}

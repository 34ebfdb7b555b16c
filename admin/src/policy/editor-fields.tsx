// The editor's inputs: requirement, group caps, and per kind its caps, fixed
// hours and per-day limit. Each input is named by its path in the version, so
// tests and server errors find it.
import { Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Version } from './data';
import type { Draft } from './draft';

interface Props {
  version: Version;
  draft: Draft;
  errors: Record<string, string>;
  onNumber(path: string, value: string): void;
}

function NumberCell({ path, draft, errors, onNumber, label, placeholder, shown }: Omit<Props, 'version'> & { path: string; label: string; placeholder?: string; shown?: boolean }) {
  const translate = useTranslate();
  const error = errors[path];
  return (
    <TextField
      size="small"
      type="number"
      name={path}
      value={draft.numbers[path] ?? ''}
      onChange={(e) => onNumber(path, e.target.value)}
      error={!!error}
      helperText={error ? translate(error, { _: error }) : undefined}
      placeholder={placeholder}
      label={shown ? label : undefined}
      slotProps={{ htmlInput: { min: 0, step: 'any', 'aria-label': label, 'data-path': path } }}
      sx={{ width: shown ? 200 : 110 }}
    />
  );
}

export function RequirementFields(props: Props) {
  const translate = useTranslate();
  return (
    <>
      <NumberCell {...props} path="requirement.PUBLIC" label={translate('app.policy.fields.requiredPublic')} shown />
      <NumberCell {...props} path="requirement.PROFESSIONAL" label={translate('app.policy.fields.requiredProfessional')} shown />
    </>
  );
}

export function GroupFields(props: Props) {
  const translate = useTranslate();
  const groups = Object.entries(props.version.groups ?? {});
  if (!groups.length) return null;
  const none = translate('app.policy.editor.no_cap');
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.policy.fields.group')}</TableCell>
          <TableCell>{translate('app.policy.fields.capPublic')}</TableCell>
          <TableCell>{translate('app.policy.fields.capProfessional')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {groups.map(([code, g]) => (
          <TableRow key={code}>
            <TableCell>{g.name}</TableCell>
            <TableCell><NumberCell {...props} path={`groups.${code}.caps.PUBLIC`} label={`${g.name} ${translate('app.policy.fields.capPublic')}`} placeholder={none} /></TableCell>
            <TableCell><NumberCell {...props} path={`groups.${code}.caps.PROFESSIONAL`} label={`${g.name} ${translate('app.policy.fields.capProfessional')}`} placeholder={none} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function KindFields(props: Props) {
  const translate = useTranslate();
  const none = translate('app.policy.editor.no_cap');
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.policy.fields.kind')}</TableCell>
          <TableCell>{translate('app.policy.fields.perYear')}</TableCell>
          <TableCell>{translate('app.policy.fields.lifetime')}</TableCell>
          <TableCell>{translate('app.policy.fields.fixedHours')}</TableCell>
          <TableCell>{translate('app.policy.fields.maxPerDay')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {Object.entries(props.version.kinds).map(([code, k]) => (
          <TableRow key={code} data-kind={code}>
            <TableCell sx={{ minWidth: 160 }}>{k.name}</TableCell>
            <TableCell><NumberCell {...props} path={`kinds.${code}.caps.perYear`} label={`${k.name} ${translate('app.policy.fields.perYear')}`} placeholder={none} /></TableCell>
            <TableCell><NumberCell {...props} path={`kinds.${code}.caps.lifetime`} label={`${k.name} ${translate('app.policy.fields.lifetime')}`} placeholder={none} /></TableCell>
            <TableCell>{k.rule.type === 'fixed' ? <NumberCell {...props} path={`kinds.${code}.rule.hours`} label={`${k.name} ${translate('app.policy.fields.fixedHours')}`} /> : '—'}</TableCell>
            <TableCell>
              {k.rule.type === 'actualHours' && k.rule.daysParam ? (
                <NumberCell {...props} path={`kinds.${code}.rule.maxPerDay`} label={`${k.name} ${translate('app.policy.fields.maxPerDay')}`} placeholder={none} />
              ) : (
                '—'
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

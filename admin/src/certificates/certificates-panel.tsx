// A person's certificates: issue one as the tenant's policy says (a certified year, or the
// title window of an application), and the list with the PDF download and the public
// verification page. The professional's own page and the staff member's tab both use it;
// `professionalId` null means the signed-in professional.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Link,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import VerifiedIcon from '@mui/icons-material/Verified';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { asIs, messageOf } from '../professionals/errors';
import { type Certificate, type CertificateOptions, downloadCertificate, fmt, issueCertificate, loadCertificates, loadOptions, yearsText } from './data';

const C = 'app.certificates';
const LEVELS = ['JUNIOR', 'ASSISTANT', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR'] as const;


function IssueForm({ professionalId, options, onIssued }: { professionalId: string | null; options: CertificateOptions; onIssued: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const years = options.certifiedYears.filter((y) => y.complete || !options.requireComplete);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | ''>(years[0]?.year ?? '');
  const [targetLevel, setTargetLevel] = useState<string>('DEPUTY_SENIOR');
  const [applicationYear, setApplicationYear] = useState<number>(thisYear);
  const [busy, setBusy] = useState(false);
  const window = options.scope === 'TITLE_WINDOW';

  const submit = async () => {
    setBusy(true);
    try {
      const base = professionalId ? { professionalId } : {};
      await issueCertificate(window ? { ...base, targetLevel, applicationYear } : { ...base, years: [Number(year)] });
      notify(`${C}.issued`, { type: 'success' });
      onIssued();
    } catch (error) {
      notify(messageOf(error), asIs(messageOf(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1.5} data-testid="certificate-issue">
      <Typography variant="body2">
        {translate(`${C}.rule.${options.scope}`, { title: options.title })} {options.requireComplete ? translate(`${C}.complete_only`) : ''}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate(`${C}.source`, { source: options.source })}
      </Typography>
      {!window && years.length === 0 ? (
        <Alert severity="info">{translate(`${C}.no_years`)}</Alert>
      ) : (
        <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
          {window ? (
            <>
              <TextField select size="small" name="targetLevel" label={translate(`${C}.target_level`)} value={targetLevel} onChange={(e) => setTargetLevel(e.target.value)} sx={{ width: 180 }}>
                {LEVELS.map((l) => (
                  <MenuItem key={l} value={l}>
                    {translate(`app.my.level.${l}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField select size="small" name="applicationYear" label={translate(`${C}.application_year`)} value={applicationYear} onChange={(e) => setApplicationYear(Number(e.target.value))} sx={{ width: 160 }}>
                {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => (
                  <MenuItem key={y} value={y}>
                    {y}
                  </MenuItem>
                ))}
              </TextField>
            </>
          ) : (
            <TextField select size="small" name="year" label={translate(`${C}.year`)} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 160 }}>
              {years.map((y) => (
                <MenuItem key={y.year} value={y.year}>
                  {y.year}
                  {y.complete ? '' : `（${translate(`${C}.incomplete`)}）`}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Button variant="contained" onClick={() => void submit()} disabled={busy} data-testid="issue-certificate">
            {translate(`${C}.issue`)}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

function CertificateRow({ c }: { c: Certificate }) {
  const translate = useTranslate();
  const notify = useNotify();
  const date = c.revokedAt ? new Date(c.revokedAt).toLocaleDateString('zh-CN') : '';
  const download = () => downloadCertificate(c).catch((error: unknown) => notify(messageOf(error), asIs(messageOf(error))));
  return (
    <TableRow data-testid="certificate-row" data-status={c.status}>
      <TableCell>
        {c.title}
        <Typography variant="caption" display="block" color="text.secondary">
          {translate(`${C}.code`, { code: c.code.match(/.{1,4}/g)?.join('-') ?? c.code })}
        </Typography>
      </TableCell>
      <TableCell>{yearsText(c.years)}</TableCell>
      <TableCell>
        {c.lines.map((l) => (
          <Box key={l.year} sx={{ whiteSpace: 'nowrap' }}>
            {c.lines.length > 1 ? `${l.year}: ` : ''}
            {fmt(l.publicHours)} / {fmt(l.professionalHours)} / {fmt(l.totalHours)}
            {l.complete ? '' : ` (${translate(`${C}.incomplete`)})`}
          </Box>
        ))}
      </TableCell>
      <TableCell>{c.issuedOn}</TableCell>
      <TableCell>
        <Chip size="small" color={c.status === 'VALID' ? 'success' : 'error'} label={translate(`${C}.status.${c.status}`, { date })} />
      </TableCell>
      <TableCell>
        <Stack direction="row" spacing={1}>
          <Button size="small" startIcon={<DownloadIcon />} onClick={() => void download()} data-testid="download-certificate">
            {translate(`${C}.download`)}
          </Button>
          <Button size="small" startIcon={<VerifiedIcon />} component={Link} href={c.verifyUrl} target="_blank" rel="noopener" data-testid="verify-certificate">
            {translate(`${C}.verify`)}
          </Button>
        </Stack>
      </TableCell>
    </TableRow>
  );
}

export function CertificatesPanel({ professionalId }: { professionalId: string | null }) {
  const translate = useTranslate();
  const client = useQueryClient();
  const key = ['certificates', professionalId ?? 'me'];
  const options = useQuery({ queryKey: [...key, 'options'], queryFn: () => loadOptions(professionalId) });
  const list = useQuery({ queryKey: [...key, 'list'], queryFn: () => loadCertificates(professionalId) });
  const refresh = () => void client.invalidateQueries({ queryKey: key });

  return (
    <Stack spacing={3} sx={{ width: '100%' }} data-testid="certificates-panel">
      {options.isPending ? (
        <CircularProgress size={24} />
      ) : options.error ? (
        <Alert severity="error">{options.error.message}</Alert>
      ) : (
        <IssueForm professionalId={professionalId} options={options.data} onIssued={refresh} />
      )}
      {list.isPending ? (
        <CircularProgress size={24} />
      ) : list.error ? (
        <Alert severity="error">{list.error.message}</Alert>
      ) : list.data.length === 0 ? (
        <Typography color="text.secondary">{translate(`${C}.empty`)}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" data-testid="certificates">
            <TableHead>
              <TableRow>
                {(['title', 'years', 'hours', 'issued_on', 'status', 'actions'] as const).map((k) => (
                  <TableCell key={k}>{translate(`${C}.columns.${k}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.map((c) => (
                <CertificateRow key={c.id} c={c} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}

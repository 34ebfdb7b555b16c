// "Import staff" (批量导入): download the template, upload the filled-in file, read the dry
// run (every problem by row and column), then import all rows (only when none has a problem)
// or only the rows without one; the result says who was registered, updated or left as is.
// Reached from the staff list; the server keeps each official within their units.
import { type ReactNode, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link, Title, useTranslate } from 'react-admin';
import { ApiError, fetchStaffImportTemplate, type StaffImportSummary, uploadStaffImport } from '../providers/graphql';
import { confirmImport, type ImportResult } from './data';
import { ErrorTable } from './error-table';

const TEMPLATE_NAME = '专业技术人员信息导入表.xlsx';

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const messageOf = (error: unknown) => (error instanceof ApiError || error instanceof Error ? error.message : String(error));

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {n}. {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function Summary({ summary }: { summary: StaffImportSummary }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} data-testid="import-summary">
      <Chip label={translate('app.staffImport.report.total', { count: summary.totalRows })} />
      <Chip color="success" label={translate('app.staffImport.report.valid', { count: summary.validRows })} />
      <Chip color={summary.invalidRows ? 'error' : 'default'} label={translate('app.staffImport.report.invalid', { count: summary.invalidRows })} />
      <Chip variant="outlined" label={translate('app.staffImport.report.to_create', { count: summary.toCreate })} />
      <Chip variant="outlined" label={translate('app.staffImport.report.to_update', { count: summary.toUpdate })} />
      <Chip variant="outlined" label={translate('app.staffImport.report.unchanged', { count: summary.toLeaveUnchanged })} />
    </Stack>
  );
}

export default function StaffImportPage() {
  const translate = useTranslate();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [summary, setSummary] = useState<StaffImportSummary | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  const download = () => run(async () => saveBlob(await fetchStaffImportTemplate(), TEMPLATE_NAME));
  const upload = () =>
    run(async () => {
      if (!file) return;
      setSummary(null);
      setResult(null);
      setSummary(await uploadStaffImport(file));
    });
  const confirm = (mode: ImportResult['mode']) =>
    run(async () => {
      if (summary) setResult(await confirmImport(summary.id, mode));
    });
  const restart = () => {
    setFile(null);
    setSummary(null);
    setResult(null);
    setFailure(null);
    setInputKey((k) => k + 1);
  };

  return (
    <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
      <Title title={translate('app.pages.staffImport')} />
      <Step n={1} title={translate('app.staffImport.template.title')}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.staffImport.template.hint')}
        </Typography>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void download()} disabled={busy} data-testid="download-template">
          {translate('app.staffImport.template.download')}
        </Button>
      </Step>

      <Step n={2} title={translate('app.staffImport.upload.title')}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <Button variant="outlined" component="label" startIcon={<UploadFileIcon />} disabled={busy || !!result}>
            {translate('app.staffImport.upload.choose')}
            <input
              key={inputKey}
              hidden
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid="import-file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setSummary(null);
                setResult(null);
              }}
            />
          </Button>
          <Typography variant="body2" data-testid="chosen-file">
            {file ? file.name : translate('app.staffImport.upload.none')}
          </Typography>
          <Button variant="contained" onClick={() => void upload()} disabled={busy || !file || !!result} data-testid="upload">
            {translate('app.staffImport.upload.check')}
          </Button>
        </Stack>
        {failure && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="import-failure">
            {failure}
          </Alert>
        )}
      </Step>

      {summary && !result && (
        <Step n={3} title={translate('app.staffImport.report.title')}>
          <Summary summary={summary} />
          {summary.invalidRows === 0 ? (
            <Alert severity="success" sx={{ mb: 2 }}>
              {translate('app.staffImport.report.clean')}
            </Alert>
          ) : (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('app.staffImport.report.fix_or_skip')}
            </Alert>
          )}
          <ErrorTable key={summary.id} importId={summary.id} />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 2 }}>
            <Button variant="contained" onClick={() => void confirm('ALL')} disabled={busy || summary.invalidRows > 0} data-testid="import-all">
              {translate('app.staffImport.confirm.all')}
            </Button>
            <Button variant="outlined" onClick={() => void confirm('VALID_ONLY')} disabled={busy || summary.validRows === 0} data-testid="import-valid">
              {translate('app.staffImport.confirm.valid_only', { count: summary.validRows })}
            </Button>
            <Button onClick={restart} disabled={busy}>
              {translate('app.staffImport.confirm.again')}
            </Button>
          </Stack>
        </Step>
      )}

      {result && (
        <Step n={4} title={translate('app.staffImport.result.title')}>
          <Alert severity="success" sx={{ mb: 2 }} data-testid="import-result">
            {translate('app.staffImport.result.summary', result)}
          </Alert>
          <Stack direction="row" spacing={2}>
            <Button component={Link} to="/professionals" variant="contained">
              {translate('app.staffImport.result.staff')}
            </Button>
            <Button onClick={restart}>{translate('app.staffImport.result.another')}</Button>
          </Stack>
        </Step>
      )}
    </Box>
  );
}

// The evidence files of a declaration, shown in place: a PDF in a frame, an image
// as an image. The files need the session's token, so each is fetched and shown
// from a blob URL (released when it is no longer shown).
import { useEffect, useState } from 'react';
import { Alert, Box, Link, Tab, Tabs, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { fetchEvidenceBlob } from '../providers/graphql';

function useBlobUrl(fileId: string): { url: string; type: string } | 'failed' | null {
  const [state, setState] = useState<{ id: string; url: string; type: string } | { id: string; failed: true } | null>(null);
  useEffect(() => {
    let live = true;
    let url: string | null = null;
    fetchEvidenceBlob(fileId).then(
      (blob) => {
        if (!live) return;
        url = URL.createObjectURL(blob);
        setState({ id: fileId, url, type: blob.type });
      },
      () => live && setState({ id: fileId, failed: true }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [fileId]);
  if (!state || state.id !== fileId) return null;
  return 'failed' in state ? 'failed' : { url: state.url, type: state.type };
}

function OneFile({ fileId, n, height }: { fileId: string; n: number; height: number }) {
  const translate = useTranslate();
  const file = useBlobUrl(fileId);
  if (file === null) return <Typography color="text.secondary">{translate('app.common.loading')}</Typography>;
  if (file === 'failed') return <Alert severity="error">{translate('declarations.evidence.failed')}</Alert>;
  const title = translate('declarations.show.file_n', { n });
  return (
    <Box>
      {file.type.startsWith('image/') ? (
        <Box component="img" src={file.url} alt={title} sx={{ maxWidth: '100%', maxHeight: height, display: 'block', mx: 'auto' }} data-testid="evidence-image" />
      ) : (
        <Box component="iframe" src={file.url} title={title} sx={{ width: '100%', height, border: 1, borderColor: 'divider' }} data-testid="evidence-pdf" />
      )}
      <Link href={file.url} target="_blank" rel="noopener" variant="body2">
        {translate('declarations.evidence.open')}
      </Link>
    </Box>
  );
}

export function EvidencePreview({ fileIds, height = 560 }: { fileIds: string[]; height?: number }) {
  const translate = useTranslate();
  const [tab, setTab] = useState(0);
  if (!fileIds.length) return <Alert severity="info">{translate('declarations.evidence.none')}</Alert>;
  const current = Math.min(tab, fileIds.length - 1);
  return (
    <Box data-testid="evidence-preview">
      {fileIds.length > 1 && (
        <Tabs value={current} onChange={(_, v: number) => setTab(v)} variant="scrollable" sx={{ mb: 1 }}>
          {fileIds.map((id, i) => (
            <Tab key={id} value={i} label={translate('declarations.show.file_n', { n: i + 1 })} />
          ))}
        </Tabs>
      )}
      <OneFile key={fileIds[current]} fileId={fileIds[current]!} n={current + 1} height={height} />
    </Box>
  );
}

// A monospace editor for a policy file: line numbers, the lines with problems
// highlighted (in the gutter and behind the text), and the list of problems as
// line:column — path — message; clicking one puts the cursor on its line.
// A plain textarea under a painted backdrop keeps it light (no code editor
// library) while still letting the operator paste a whole file.
import { type ChangeEvent, useMemo, useRef } from 'react';
import { Alert, Box, Button, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useTranslate } from 'react-admin';
import type { PolicyProblem } from './data';

const LINE = 20; // px, the same for the gutter, the backdrop and the textarea
const PAD = 6;
const HEIGHT = 440;

interface Props {
  value: string;
  onChange(text: string, fileName?: string): void;
  problems: readonly PolicyProblem[];
  fileName?: string;
  error?: string;
}

export function PolicyEditor({ value, onChange, problems, fileName, error }: Props) {
  const translate = useTranslate();
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => value.split('\n'), [value]);
  const bad = useMemo(() => new Set(problems.map((p) => p.line)), [problems]);

  // the gutter and the backdrop follow the textarea's scrolling
  const follow = () => {
    const top = area.current?.scrollTop ?? 0;
    if (gutter.current) gutter.current.style.transform = `translateY(${-top}px)`;
    if (backdrop.current) backdrop.current.style.transform = `translateY(${-top}px)`;
  };

  const goTo = (line: number, column: number) => {
    const el = area.current;
    if (!el) return;
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    const lineText = lines[line - 1] ?? '';
    el.focus();
    el.setSelectionRange(start + Math.min(Math.max(column - 1, 0), lineText.length), start + lineText.length);
    el.scrollTop = Math.max(0, (line - 1) * LINE - HEIGHT / 2);
    follow();
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onChange(await file.text(), file.name);
  };

  const font = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace', fontSize: 13, lineHeight: `${LINE}px` };
  return (
    <Box sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Button component="label" variant="outlined" size="small" startIcon={<UploadFileIcon />}>
          {translate('resources.tenants.editor.upload')}
          <input hidden type="file" accept=".yaml,.yml,text/yaml,application/yaml,text/plain" onChange={upload} data-testid="policy-file-input" />
        </Button>
        <Typography variant="body2" color="text.secondary">
          {fileName ? translate('resources.tenants.editor.file', { name: fileName }) + ' · ' : ''}
          {translate('resources.tenants.editor.lines', { count: value ? lines.length : 0 })}
        </Typography>
      </Box>
      <Box
        data-testid="policy-editor"
        sx={{ display: 'flex', height: HEIGHT, border: 1, borderColor: error ? 'error.main' : 'divider', borderRadius: 1, overflow: 'hidden', bgcolor: 'background.paper', ...font }}
      >
        <Box sx={{ width: 56, flex: 'none', overflow: 'hidden', bgcolor: 'grey.100', color: 'text.secondary', textAlign: 'right', userSelect: 'none', borderRight: 1, borderColor: 'divider' }}>
          <div ref={gutter} style={{ paddingTop: PAD }}>
            {lines.map((_, i) => (
              <Box key={i} data-line={i + 1} data-problem={bad.has(i + 1) ? 'true' : undefined} sx={{ height: LINE, pr: 1, ...(bad.has(i + 1) ? { bgcolor: 'error.main', color: 'error.contrastText', fontWeight: 700 } : {}) }}>
                {i + 1}
              </Box>
            ))}
          </div>
        </Box>
        <Box sx={{ position: 'relative', flex: 1, overflow: 'hidden' }}>
          <div ref={backdrop} aria-hidden style={{ position: 'absolute', left: 0, right: 0, top: 0, paddingTop: PAD, pointerEvents: 'none' }}>
            {lines.map((_, i) => (
              <div key={i} style={{ height: LINE, background: bad.has(i + 1) ? 'rgba(211, 47, 47, 0.16)' : undefined }} />
            ))}
          </div>
          <Box
            component="textarea"
            ref={area}
            name="policy"
            aria-label={translate('resources.tenants.fields.policy')}
            wrap="off"
            spellCheck={false}
            value={value}
            onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
            onScroll={follow}
            sx={{ position: 'absolute', inset: 0, width: '100%', height: '100%', m: 0, border: 0, outline: 0, resize: 'none', bgcolor: 'transparent', color: 'text.primary', whiteSpace: 'pre', overflow: 'auto', boxSizing: 'border-box', p: `${PAD}px 8px`, ...font }}
          />
        </Box>
      </Box>
      {error && (
        <Typography variant="caption" color="error" sx={{ display: 'block', mt: 0.5 }}>
          {error}
        </Typography>
      )}
      {problems.length > 0 && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="policy-problems">
          <Typography variant="subtitle2">{translate('resources.tenants.editor.problems', { count: problems.length })}</Typography>
          <List dense disablePadding>
            {problems.map((p, i) => (
              <ListItemButton key={i} data-testid="policy-problem" data-line={p.line} onClick={() => goTo(p.line, p.column)} sx={{ py: 0 }}>
                <ListItemText
                  primary={
                    <Box component="span" sx={{ ...font }}>
                      {`${p.line}:${p.column}`}
                      {p.path ? ` — ${p.path}` : ''}
                      {` — ${p.message}`}
                    </Box>
                  }
                />
              </ListItemButton>
            ))}
          </List>
        </Alert>
      )}
    </Box>
  );
}

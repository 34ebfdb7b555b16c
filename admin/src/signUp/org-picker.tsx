// Choosing an organisation from the tenant's public directory: type part of its
// name, pick it from a page of 20; "more" at the end of the list reads the next
// page. Each option shows the names above it (the department, the bureau), since
// two units may share a name under different departments.
import { useEffect, useRef, useState } from 'react';
import { Autocomplete, Box, TextField, Typography } from '@mui/material';
import { useTranslate } from 'ra-core';
import { ApiError } from '../providers/graphql';
import { type DirectoryEntry, type DirectorySource, searchDirectory } from './data';

const MORE = '__more__';
type Option = DirectoryEntry | { id: typeof MORE; name: string; kind: 'MORE'; pathNames: string[] };

interface Props {
  tenantCode: string;
  source: DirectorySource;
  /** only these kinds are offered (the page is filtered as it comes) */
  kinds?: readonly string[];
  value: DirectoryEntry | null;
  onChange(value: DirectoryEntry | null): void;
  name: string;
  label: string;
  error?: string;
  hint?: string;
}

export function OrgPicker({ tenantCode, source, kinds, value, onChange, name, label, error, hint }: Props) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<DirectoryEntry[]>([]);
  const [next, setNext] = useState<{ after: string | null; more: boolean; total: number }>({ after: null, more: false, total: 0 });
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const request = useRef(0);
  const keepOpen = useRef(false);
  const tenant = tenantCode.trim();

  const load = async (after: string | null) => {
    const mine = ++request.current;
    setLoading(true);
    try {
      const page = await searchDirectory(source, tenant, query, after);
      if (mine !== request.current) return;
      const nodes = kinds ? page.nodes.filter((n) => kinds.includes(n.kind)) : page.nodes;
      setOptions((before) => (after ? [...before, ...nodes] : nodes));
      setNext({ after: page.pageInfo.endCursor, more: page.pageInfo.hasNextPage, total: page.totalCount ?? 0 });
      setFailure(null);
    } catch (e) {
      if (mine !== request.current) return;
      setOptions([]);
      setFailure(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      if (mine === request.current) setLoading(false);
    }
  };

  // the first page for what is typed, a moment after typing stops
  useEffect(() => {
    if (!open || !tenant) return;
    const timer = setTimeout(() => void load(null), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load reads the same state
  }, [open, tenant, query, source, kinds?.join()]);

  // another region: its organisations are others
  useEffect(() => {
    setOptions([]);
    setFailure(null);
  }, [tenant]);

  const shown: Option[] = next.more ? [...options, { id: MORE, name: '', kind: 'MORE', pathNames: [] }] : options;
  return (
    <Autocomplete<Option>
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => {
        if (keepOpen.current) keepOpen.current = false;
        else setOpen(false);
      }}
      disabled={!tenant}
      options={shown}
      value={value}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(o, v) => o.id === v.id}
      loading={loading}
      loadingText={translate('app.signUp.picker.loading')}
      noOptionsText={translate('app.signUp.picker.none')}
      inputValue={input}
      onInputChange={(_, text, reason) => {
        setInput(text);
        if (reason === 'input' || reason === 'clear') setQuery(text);
      }}
      onChange={(_, option) => {
        if (option?.kind === 'MORE') {
          keepOpen.current = true;
          void load(next.after);
          return;
        }
        onChange(option);
      }}
      renderOption={(props, option) => {
        const { key, ...rest } = props as typeof props & { key: string };
        if (option.kind === 'MORE')
          return (
            <li key={key} {...rest} data-testid="picker-more">
              <Typography variant="body2" color="primary">
                {translate('app.signUp.picker.more', { shown: options.length, total: next.total })}
              </Typography>
            </li>
          );
        return (
          <li key={key} {...rest} data-option={option.id}>
            <Box>
              <Typography variant="body2">{option.name}</Typography>
              {option.pathNames.length > 0 && (
                <Typography variant="caption" color="text.secondary">
                  {option.pathNames.join(' › ')}
                </Typography>
              )}
            </Box>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required
          error={!!(error || failure)}
          helperText={error || failure || (tenant ? hint : translate('app.signUp.picker.tenant_first'))}
          slotProps={{ htmlInput: { ...params.inputProps, name } }}
        />
      )}
    />
  );
}

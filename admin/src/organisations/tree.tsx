// The organisation tree, bureau → department → unit, built from the API's
// depth-first list with MUI List/Collapse (no tree-view package). Bureau
// officials act on a node through its menu; departments only look.
import { Fragment, useMemo, useState } from 'react';
import { Loading, Title, useGetList, useRequireAccess, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, Chip, Collapse, IconButton, List, ListItem, ListItemIcon, ListItemText, Menu, MenuItem, Stack, Tooltip } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import ApartmentIcon from '@mui/icons-material/Apartment';
import BusinessIcon from '@mui/icons-material/Business';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import { readSession } from '../providers/session';
import type { OrganisationRecord } from './data';
import { CHILD_KIND } from './choices';
import { type OrgAction, OrganisationDialog } from './dialogs';

const KIND_ICON = { BUREAU: AccountBalanceIcon, DEPARTMENT: ApartmentIcon, UNIT: BusinessIcon } as const;
const R = 'resources.organisations';

export default function OrganisationTree() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const bureau = readSession()?.role === 'BUREAU_OFFICIAL';
  // a custom list page has no list controller to check access, so it asks itself (and sends the refused to access-denied)
  const { isPending: checking } = useRequireAccess({ action: 'list', resource: 'organisations' });
  const { data, isPending, error, refetch } = useGetList<OrganisationRecord>('organisations', { pagination: { page: 1, perPage: 5000 }, sort: { field: 'path', order: 'ASC' } }, { enabled: !checking });
  const all = useMemo(() => data ?? [], [data]);
  const children = useMemo(() => {
    const map = new Map<string | null, OrganisationRecord[]>();
    const ids = new Set(all.map((o) => o.id));
    for (const o of all) {
      // the top of the caller's scope has its parent outside the list
      const key = o.parentId && ids.has(o.parentId) ? o.parentId : null;
      map.set(key, [...(map.get(key) ?? []), o]);
    }
    return map;
  }, [all]);
  // the top two levels start open; the user's choices are kept per node
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const isOpen = (o: OrganisationRecord, level: number) => open[o.id] ?? level < 1;
  const [menu, setMenu] = useState<{ anchor: HTMLElement; org: OrganisationRecord } | null>(null);
  const [action, setAction] = useState<{ action: OrgAction; org: OrganisationRecord } | null>(null);

  if (checking || isPending) return <Loading />;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;

  const setAll = (value: boolean) => setOpen(Object.fromEntries(all.map((o) => [o.id, value])));
  const employer = (o: OrganisationRecord) => {
    const type = o.effectiveEmployerType ? translate(`${R}.employerTypes.${o.effectiveEmployerType}`) : translate(`${R}.tree.unset`);
    return o.employerType || !o.effectiveEmployerType ? type : translate(`${R}.tree.inherited`, { type });
  };

  const render = (o: OrganisationRecord, level: number) => {
    const kids = children.get(o.id) ?? [];
    const Icon = KIND_ICON[o.kind];
    const expanded = isOpen(o, level);
    return (
      <Fragment key={o.id}>
        <ListItem
          data-org={o.name}
          sx={{ pl: 1 + level * 3, borderBottom: 1, borderColor: 'divider' }}
          secondaryAction={
            bureau ? (
              <IconButton edge="end" aria-label={translate(`${R}.tree.actions`)} onClick={(e) => setMenu({ anchor: e.currentTarget, org: o })}>
                <MoreVertIcon />
              </IconButton>
            ) : undefined
          }
        >
          <Box sx={{ width: 40, flexShrink: 0 }}>
            {kids.length > 0 && (
              <Tooltip title={translate(expanded ? `${R}.tree.collapse` : `${R}.tree.expand`)}>
                <IconButton size="small" onClick={() => setOpen({ ...open, [o.id]: !expanded })} aria-expanded={expanded}>
                  {expanded ? <ExpandLessIcon /> : <ExpandMoreIcon />}
                </IconButton>
              </Tooltip>
            )}
          </Box>
          <ListItemIcon sx={{ minWidth: 36 }}>
            <Icon color={o.kind === 'UNIT' ? 'action' : 'primary'} />
          </ListItemIcon>
          <ListItemText
            primary={
              <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
                <span>{o.name}</span>
                <Chip size="small" variant="outlined" label={translate(`${R}.kinds.${o.kind}`)} />
              </Stack>
            }
            secondary={[o.code, employer(o)].filter(Boolean).join(' · ')}
          />
        </ListItem>
        {kids.length > 0 && (
          <Collapse in={expanded} timeout="auto" unmountOnExit>
            <List disablePadding>{kids.map((k) => render(k, level + 1))}</List>
          </Collapse>
        )}
      </Fragment>
    );
  };

  const pick = (a: OrgAction) => {
    if (menu) setAction({ action: a, org: menu.org });
    setMenu(null);
  };
  const addChild = () => {
    if (!menu) return;
    navigate('/organisations/create', { state: { record: { parentId: menu.org.id, kind: CHILD_KIND[menu.org.kind] } } });
    setMenu(null);
  };

  const roots = children.get(null) ?? [];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate(`${R}.name`, { smart_count: 2 })} />
      <CardContent>
        {!bureau && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate(`${R}.tree.read_only`)}
          </Alert>
        )}
        <Stack direction="row" spacing={1} sx={{ mb: 1 }} flexWrap="wrap" useFlexGap>
          <Button size="small" onClick={() => setAll(true)}>
            {translate(`${R}.tree.expand_all`)}
          </Button>
          <Button size="small" onClick={() => setAll(false)}>
            {translate(`${R}.tree.collapse_all`)}
          </Button>
        </Stack>
        {roots.length === 0 ? <Alert severity="info">{translate(`${R}.tree.empty`)}</Alert> : <List data-testid="organisation-tree">{roots.map((o) => render(o, 0))}</List>}
      </CardContent>
      <Menu anchorEl={menu?.anchor} open={menu !== null} onClose={() => setMenu(null)}>
        {menu && CHILD_KIND[menu.org.kind] && <MenuItem onClick={addChild}>{translate(`${R}.actions.add_child`)}</MenuItem>}
        <MenuItem onClick={() => pick('rename')}>{translate(`${R}.actions.rename`)}</MenuItem>
        {menu?.org.kind !== 'BUREAU' && <MenuItem onClick={() => pick('move')}>{translate(`${R}.actions.move`)}</MenuItem>}
        <MenuItem onClick={() => pick('employer')}>{translate(`${R}.actions.employer`)}</MenuItem>
      </Menu>
      <OrganisationDialog
        action={action?.action ?? null}
        org={action?.org ?? null}
        all={all}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          void refetch();
        }}
      />
    </Card>
  );
}

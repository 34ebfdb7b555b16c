// The person's hours for a year as the engine works them out: the result per
// subject, then every line of its explanation (reasons, exemptions, and each
// activity with its rule, policy source and cap cuts).
import { useEffect, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import {
  Alert,
  Box,
  Chip,
  CircularProgress,
  List,
  ListItem,
  ListItemText,
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
import { fetchYear, type HoursEvaluation, type ProfessionalRecord } from './data';
import { recentYears } from './choices';
import { messageOf } from './errors';

const H = 'resources.professionals.hours';
const fmt = (n: number) => String(Math.round(n * 100) / 100);

export function HoursPanel() {
  const record = useRecordContext<ProfessionalRecord>();
  const translate = useTranslate();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [state, setState] = useState<{ year: number; evaluation?: HoursEvaluation; error?: string } | null>(null);

  useEffect(() => {
    if (!record?.idNumber) return;
    let live = true;
    fetchYear(record.idNumber, year).then(
      (evaluation) => live && setState({ year, evaluation }),
      (error: unknown) => live && setState({ year, error: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [record?.idNumber, record?.version, year]);

  if (!record) return null;
  const loading = state?.year !== year;
  const e = loading ? undefined : state?.evaluation;

  return (
    <Stack spacing={2} data-testid="hours-panel">
      <TextField select size="small" label={translate(`${H}.year`)} value={year} onChange={(ev) => setYear(Number(ev.target.value))} sx={{ width: 140 }}>
        {recentYears().map((y) => (
          <MenuItem key={y} value={y}>
            {y}
          </MenuItem>
        ))}
      </TextField>
      {loading && <CircularProgress size={24} />}
      {!loading && state?.error && <Alert severity="error">{state.error}</Alert>}
      {e && <Evaluation e={e} />}
    </Stack>
  );
}

function Evaluation({ e }: { e: HoursEvaluation }) {
  const translate = useTranslate();
  const color = e.status === 'COMPLETE' ? 'success' : e.status === 'INCOMPLETE' ? 'warning' : 'default';
  return (
    <>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <Typography>{translate(`${H}.status`)}:</Typography>
        <Chip color={color} label={translate(`${H}.statuses.${e.status}`)} data-testid="year-status" />
        {e.certified && <Chip variant="outlined" label={translate(`${H}.certified`)} />}
        {e.policyRevision != null && <Chip variant="outlined" label={translate(`${H}.policyRevision`, { revision: e.policyRevision })} />}
      </Stack>
      {e.regime === 'CREDITS' && e.creditsEarned != null && <Typography>{translate(`${H}.credits`, { credits: fmt(e.creditsEarned) })}</Typography>}
      {e.noRequirement && <Alert severity="info">{`${translate(`${H}.noRequirement`)}: ${e.noRequirement}`}</Alert>}
      {e.deemedComplete && <Alert severity="info">{`${translate(`${H}.deemedComplete`)}: ${e.deemedComplete}`}</Alert>}
      <TableContainer>
        <Table size="small" sx={{ maxWidth: 640 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate(`${H}.subject`)}</TableCell>
              <TableCell align="right">{translate(`${H}.required`)}</TableCell>
              <TableCell align="right">{translate(`${H}.credited`)}</TableCell>
              <TableCell align="right">{translate(`${H}.shortfall`)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(['public', 'professional'] as const).map((s) => (
              <TableRow key={s}>
                <TableCell>
                  {translate(`${H}.${s}`)} {e[s].deemed && <Chip size="small" label={translate(`${H}.deemed`)} sx={{ ml: 1 }} />}
                </TableCell>
                <TableCell align="right">{fmt(e[s].required)}</TableCell>
                <TableCell align="right">{fmt(e[s].credited)}</TableCell>
                <TableCell align="right" sx={{ color: e[s].shortfall > 0 ? 'error.main' : undefined }}>
                  {fmt(e[s].shortfall)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {e.reasons.length > 0 && (
        <Box>
          <Typography variant="subtitle2">{translate(`${H}.reasons`)}</Typography>
          <List dense data-testid="year-reasons">
            {e.reasons.map((r, i) => (
              <ListItem key={i} disableGutters>
                <ListItemText primary={r} />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      {e.exemptions.length > 0 && (
        <Box>
          <Typography variant="subtitle2">{translate(`${H}.exemptions`)}</Typography>
          <List dense>
            {e.exemptions.map((x, i) => (
              <ListItem key={i} disableGutters>
                <ListItemText primary={x.reason} secondary={x.source} />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      <Typography variant="subtitle2">{translate(`${H}.activities`)}</Typography>
      {e.activities.length === 0 ? (
        <Typography color="text.secondary">{translate(`${H}.no_activities`)}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" data-testid="year-activities">
            <TableHead>
              <TableRow>
                <TableCell>{translate(`${H}.kind`)}</TableCell>
                <TableCell align="right">{translate(`${H}.public`)}</TableCell>
                <TableCell align="right">{translate(`${H}.professional`)}</TableCell>
                <TableCell>{translate(`${H}.rule`)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {e.activities.map((a) => (
                <TableRow key={a.activityId}>
                  <TableCell>{a.kindName}</TableCell>
                  <TableCell align="right">{fmt(a.publicHours)}</TableCell>
                  <TableCell align="right">{fmt(a.professionalHours)}</TableCell>
                  <TableCell>
                    <Typography variant="body2">{a.rule}</Typography>
                    <Typography variant="caption" color="text.secondary" component="div">
                      {translate(`${H}.source`)}: {a.source}
                    </Typography>
                    {a.cappedBy.map((c, i) => (
                      <Typography key={i} variant="caption" color="warning.main" component="div">
                        {translate(`${H}.capped`)}: {c.cap} −{fmt(c.cut)}
                      </Typography>
                    ))}
                    {a.notes.map((n, i) => (
                      <Typography key={`n${i}`} variant="caption" color="text.secondary" component="div">
                        {n}
                      </Typography>
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}

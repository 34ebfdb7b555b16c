// A person's moved years on their page (迁入年度): each year as the other city certified it
// (hours per subject, complete or not, the policy revision, who certified it and when, when
// it moved), read-only; and whether it counts here. Where this city's policy reviews moved
// years, a department or bureau official accepts or rejects each pending one, once.
import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { useQueryClient } from '@tanstack/react-query';
import { DateField, useNotify, useTranslate } from 'react-admin';
import { ConfirmButton } from '../shared/confirm-button';
import { readSession } from '../providers/session';
import { ReasonButton } from '../shared/reason-dialog';
import { movedYearsKey, type MovedYearRecord, type MovedYearReview, reviewMovedYear } from './data';

const M = 'app.movedYears';
const REVIEWERS = new Set(['DEPARTMENT_OFFICIAL', 'BUREAU_OFFICIAL']);
const COLOURS: Record<MovedYearReview, 'default' | 'info' | 'success' | 'error'> = { NOT_REQUIRED: 'default', PENDING: 'info', ACCEPTED: 'success', REJECTED: 'error' };
const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

function ReviewButtons({ year, professionalId }: { year: MovedYearRecord; professionalId: string }) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const values = { year: year.year, tenant: year.issuingTenantName };
  const decide = async (accept: boolean, reason: string | null) => {
    await reviewMovedYear(year.id, accept, reason);
    notify(`${M}.review.done_${accept ? 'accept' : 'reject'}`, { type: 'success', messageArgs: values });
    await queryClient.invalidateQueries({ queryKey: movedYearsKey(professionalId) });
  };
  return (
    <Stack direction="row" spacing={1} justifyContent="flex-end">
      <ConfirmButton
        label={`${M}.review.accept`}
        title={`${M}.review.accept_title`}
        content={`${M}.review.accept_body`}
        values={values}
        icon={<CheckIcon />}
        size="small"
        color="success"
        testId="accept-year"
        action={() => decide(true, null)}
      />
      <ReasonButton
        label={`${M}.review.reject`}
        title={`${M}.review.reject_title`}
        hint={`${M}.review.reject_hint`}
        values={values}
        icon={<CloseIcon />}
        size="small"
        color="error"
        testId="reject-year"
        action={(reason) => decide(false, reason)}
      />
    </Stack>
  );
}

export function MovedYearsPanel({ professionalId, years }: { professionalId: string; years: MovedYearRecord[] }) {
  const translate = useTranslate();
  const reviewer = REVIEWERS.has(readSession()?.role ?? '');
  const accepted = years.some((y) => y.review === 'NOT_REQUIRED');
  const hours = (y: MovedYearRecord, n: number) => translate(`${M}.${y.regime === 'CREDITS' ? 'credits' : 'hours'}`, { n: fmt(n) });
  return (
    <Stack spacing={2} sx={{ width: '100%' }}>
      <Alert severity="info" data-testid="moved-years-policy">
        {translate(`${M}.intro`)}
        {translate(accepted ? `${M}.policy_accept` : `${M}.policy_review`)}
      </Alert>
      <TableContainer>
        <Table size="small" data-testid="moved-years" sx={{ '& td': { whiteSpace: 'nowrap' }, '& td.provenance': { whiteSpace: 'normal' } }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.common.year')}</TableCell>
              <TableCell>{translate(`${M}.public`)}</TableCell>
              <TableCell>{translate(`${M}.professional`)}</TableCell>
              <TableCell>{translate(`${M}.complete`)}</TableCell>
              <TableCell>{translate(`${M}.issuer`)}</TableCell>
              <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>{translate(`${M}.certifiedAt`)}</TableCell>
              <TableCell sx={{ display: { xs: 'none', xl: 'table-cell' } }}>{translate(`${M}.movedAt`)}</TableCell>
              <TableCell>{translate(`${M}.review_state`)}</TableCell>
              <TableCell>{translate(`${M}.counts`)}</TableCell>
              {reviewer && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {years.map((y) => (
              <TableRow key={y.id} data-year={y.year} data-review={y.review}>
                <TableCell>{y.year}</TableCell>
                <TableCell>{hours(y, y.publicHours)}</TableCell>
                <TableCell>{hours(y, y.professionalHours)}</TableCell>
                <TableCell>{translate(y.complete ? `${M}.is_complete` : `${M}.not_complete`)}</TableCell>
                <TableCell className="provenance" data-testid="issuer">{translate(`${M}.issued_by`, { tenant: y.issuingTenantName, revision: y.policyRevision })}</TableCell>
                <TableCell sx={{ display: { xs: 'none', md: 'table-cell' } }}>
                  <DateField record={y} source="certifiedAt" />
                </TableCell>
                <TableCell sx={{ display: { xs: 'none', xl: 'table-cell' } }}>
                  <DateField record={y} source="movedAt" />
                </TableCell>
                <TableCell>
                  <Chip size="small" color={COLOURS[y.review]} label={translate(`${M}.review.${y.review}`)} data-testid="review-state" />
                  {y.reviewReason && <Box sx={{ fontSize: 12, color: 'text.secondary', mt: 0.5 }}>{y.reviewReason}</Box>}
                </TableCell>
                <TableCell>{translate(y.counts ? 'app.common.yes' : 'app.common.no')}</TableCell>
                {reviewer && <TableCell align="right">{y.review === 'PENDING' && <ReviewButtons year={y} professionalId={professionalId} />}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}

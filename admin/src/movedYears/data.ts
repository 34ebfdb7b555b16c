// The years another city certified, brought here by a move (迁入年度): read-only history
// with its provenance, and the local review where this city's policy asks for one.
import { gql } from '../providers/graphql';

export type MovedYearReview = 'NOT_REQUIRED' | 'PENDING' | 'ACCEPTED' | 'REJECTED';

export interface MovedYearRecord {
  id: string;
  year: number;
  regime: 'HOURS' | 'CREDITS';
  publicHours: number;
  professionalHours: number;
  complete: boolean;
  policyRevision: number;
  issuingTenantCode: string;
  issuingTenantName: string;
  certifiedAt: string;
  movedAt: string;
  review: MovedYearReview;
  reviewReason: string | null;
  reviewedAt: string | null;
  counts: boolean;
}

const FIELDS = `id year regime publicHours professionalHours complete policyRevision issuingTenantCode issuingTenantName certifiedAt movedAt
  review reviewReason reviewedAt counts`;

/** The query key of a person's moved years (the tab and the panel share one request). */
export const movedYearsKey = (professionalId: string) => ['movedYears', professionalId];

export async function fetchMovedYears(professionalId: string): Promise<MovedYearRecord[]> {
  const data = await gql<{ professional: { movedYears: MovedYearRecord[] } | null }>(`query MovedYears($id: ID!) { professional(id: $id) { id movedYears { ${FIELDS} } } }`, {
    id: professionalId,
  });
  return data.professional?.movedYears ?? [];
}

export async function reviewMovedYear(id: string, accept: boolean, reason: string | null): Promise<MovedYearRecord> {
  const data = await gql<{ reviewMovedYear: MovedYearRecord }>(`mutation ReviewMovedYear($input: ReviewMovedYearInput!) { reviewMovedYear(input: $input) { ${FIELDS} } }`, {
    input: { id, accept, reason },
  });
  return data.reviewMovedYear;
}

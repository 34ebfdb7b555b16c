// How long a tenant keeps declarations and evidence files: the policy's `retention.years`, else
// the product's default, and never less than what a title application can still ask for (the
// tenant's longest title window, plus last year's applications still being decided).
import type { PolicyDocument } from '../engine';

/** This year and the five before (product decision): the longest title window of any policy is five years. */
export const DEFAULT_RETENTION_YEARS = 6;

export interface RetentionBoundary {
  /** Years kept, this year included. */
  keptYears: number;
  /** Declarations of years before this one may go; files uploaded before 1 January of it. */
  beforeYear: number;
}

export function retentionBoundary(policy: PolicyDocument | null, thisYear: number): RetentionBoundary {
  const longestWindow = Math.max(0, ...(policy?.title.windows ?? []).map((w) => w.years));
  const integrityTerm = policy?.integrity?.termYears ?? 0;
  const keptYears = Math.max(policy?.retention?.years ?? DEFAULT_RETENTION_YEARS, DEFAULT_RETENTION_YEARS, longestWindow + 1, integrityTerm + 1);
  return { keptYears, beforeYear: thisYear - keptYears + 1 };
}

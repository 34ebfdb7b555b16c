// Withdrawn hours (学时撤销): a recorded activity stops counting but its row stays, with when
// and why; a certified year that counted it is revoked (kept with the reason) so the year is
// judged again without it. Every read that feeds the engine filters `withdrawn_at IS NULL`.
import { changedRows, type Queryable } from '../platform/sql';

/** A withdrawn activity, as the eligibility answer explains it. */
export interface WithdrawnActivity {
  professionalId: string;
  year: number;
  /** The declared kind's name (the kind's code for an activity without a declaration). */
  kind: string;
  reason: string;
}

/** Withdraws the activity a declaration became; null when there is none still counting. */
export async function withdrawDeclaredActivity(db: Queryable, declarationId: string, reason: string): Promise<{ professionalId: string; year: number } | null> {
  const [row] = await changedRows<{ professional_id: string; year: number }>(
    db,
    `UPDATE activity SET withdrawn_at = now(), withdrawal_reason = $2
      WHERE declaration_id = $1 AND withdrawn_at IS NULL RETURNING professional_id, year`,
    [declarationId, reason],
  );
  return row ? { professionalId: row.professional_id, year: row.year } : null;
}

/** Revokes a person's certified year (if certified and not revoked yet); true when one was. */
export async function revokeCertification(db: Queryable, professionalId: string, year: number, reason: string): Promise<boolean> {
  const rows = await changedRows<{ year: number }>(
    db,
    `UPDATE year_certification SET revoked_at = now(), revocation_reason = $3
      WHERE professional_id = $1 AND year = $2 AND revoked_at IS NULL RETURNING year`,
    [professionalId, year, reason],
  );
  return rows.length === 1;
}

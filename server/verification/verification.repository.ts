// The verification capability's writes to declarations: revoking one (fraud, a failed spot
// check) is a lock, then one conditional UPDATE from the state read under the lock.
import { changedRows, queryOne, type Queryable } from '../platform/sql';

export class VerificationRepository {
  /** Locks the declaration's row and reads its state (null: no such row in the tenant). */
  async lockState(em: Queryable, id: string): Promise<{ status: string; round: number } | null> {
    return queryOne<{ status: string; round: number }>(em, `SELECT status, round FROM declaration WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** Revokes a declaration that is still in `fromStatus`; false when it no longer is. */
  async revoke(em: Queryable, id: string, fromStatus: string, reason: string): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      em,
      `UPDATE declaration SET status = 'REVOKED', revocation_reason = $3, revoked_at = now(), version = version + 1, updated_at = now()
        WHERE id = $1 AND status = $2 RETURNING id`,
      [id, fromStatus, reason],
    );
    return rows.length === 1;
  }
}

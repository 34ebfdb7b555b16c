// Queries of the counts-once rule: a professional's live declaration that shares a key with
// the one being filed, the keys themselves, and how many people declared the same result.
import { execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import type { OnceKeys } from './counts-once';
import type { DeclarationStatus } from './declarations.types';

export interface Clash {
  id: string;
  year: number;
  kindName: string;
  status: DeclarationStatus;
  certificate: boolean;
  result: boolean;
  once: boolean;
}

/** Another live declaration of the person sharing one of the keys (any one: the first found). */
export async function findClash(em: Queryable, professionalId: string, exceptId: string | null, k: OnceKeys): Promise<Clash | null> {
  if (!k.certificateKey && !k.resultKey && !k.onceKey) return null;
  return queryOne<Clash>(
    em,
    `SELECT id, year, kind_name AS "kindName", status,
        coalesce(certificate_key = $3, false) AS certificate, coalesce(result_key = $4, false) AS result, coalesce(once_key = $5, false) AS once
       FROM declaration
      WHERE professional_id = $1 AND ($2::uuid IS NULL OR id <> $2) AND status NOT IN ('DRAFT', 'WITHDRAWN')
        AND (certificate_key = $3 OR result_key = $4 OR once_key = $5)
      ORDER BY year, id LIMIT 1`,
    [professionalId, exceptId, k.certificateKey, k.resultKey, k.onceKey],
  );
}

export async function setOnceKeys(em: Queryable, id: string, resultTitle: string | null, k: OnceKeys): Promise<void> {
  await execute(em, `UPDATE declaration SET result_title = $2, certificate_key = $3, result_key = $4, once_key = $5 WHERE id = $1`, [
    id,
    resultTitle,
    k.certificateKey,
    k.resultKey,
    k.onceKey,
  ]);
}

/**
 * Per declaration id: how many different professionals have declared the same result (its
 * live declarations, and the declaration's own person even while it is a draft).
 */
export async function declarantsOfSameResult(em: Queryable, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await queryRows<{ id: string; n: number }>(
    em,
    `SELECT d.id, (SELECT count(*)::int FROM (
               SELECT o.professional_id FROM declaration o WHERE o.result_key = d.result_key AND o.status NOT IN ('DRAFT', 'WITHDRAWN')
               UNION SELECT d.professional_id) people) AS n
       FROM declaration d WHERE d.id = ANY($1::uuid[]) AND d.result_key IS NOT NULL`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

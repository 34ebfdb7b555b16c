// Which declarations name an evidence file (declaration_file, kept in step with file_ids).
import { execute, queryRows, type Queryable } from '../platform/sql';

/** Sets the files a declaration names: links the new ones, drops the ones it no longer names (one statement). */
export async function linkFiles(em: Queryable, tenantId: string, declarationId: string, fileIds: readonly string[]): Promise<void> {
  await execute(
    em,
    `WITH dropped AS (DELETE FROM declaration_file WHERE declaration_id = $2 AND NOT (file_id = ANY($3::uuid[])))
     INSERT INTO declaration_file (tenant_id, declaration_id, file_id) SELECT $1, $2, f FROM unnest($3::uuid[]) AS f ON CONFLICT DO NOTHING`,
    [tenantId, declarationId, fileIds],
  );
}

/** Up to `limit` declarations naming the file. */
export async function declarationsNaming(em: Queryable, fileId: string, limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(em, `SELECT declaration_id AS id FROM declaration_file WHERE file_id = $1 LIMIT $2`, [fileId, limit]);
  return rows.map((r) => r.id);
}

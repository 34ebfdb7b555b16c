// Every statement of the retention job. The removals themselves are the SECURITY DEFINER
// functions of migrations/1733840000000-retention.ts, which work on the transaction's tenant
// only, one slice at a time, and refuse anything of the last six years.
import { changedRows, queryOne, queryRows, type Queryable } from '../platform/sql';

/** What one slice removed (or, in a dry run, would remove). */
export interface SliceCounts {
  /** The slice's last id (the next slice starts after it); null: nothing left. */
  lastId: string | null;
  declarations: number;
  decisions: number;
  files: number;
  bytes: number;
}

/** A stored object whose row is gone: deleted from the storage, then from this list. */
export interface Tombstone {
  fileId: string;
  storageKey: string;
}

interface SliceRow {
  last_id: string | null;
  declarations?: number;
  decisions?: number;
  files: number;
  bytes: string | number;
}

function toCounts(row: SliceRow | null): SliceCounts {
  return {
    lastId: row?.last_id ?? null,
    declarations: row?.declarations ?? 0,
    decisions: row?.decisions ?? 0,
    files: row?.files ?? 0,
    bytes: Number(row?.bytes ?? 0),
  };
}

export class RetentionRepository {
  async activeTenants(db: Queryable): Promise<{ id: string; code: string }[]> {
    return queryRows(db, `SELECT id, code FROM tenant WHERE status = 'ACTIVE' ORDER BY code`);
  }

  async tenantByCode(db: Queryable, code: string): Promise<{ id: string; code: string } | null> {
    return queryOne(db, `SELECT id, code FROM tenant WHERE code = $1`, [code]);
  }

  /** Old declarations after `after` (by id), with their decisions and the files only they name. */
  async declarationSlice(db: Queryable, beforeYear: number, after: string | null, limit: number, dryRun: boolean): Promise<SliceCounts> {
    const row = await queryOne<SliceRow>(db, `SELECT * FROM app_retention_declarations($1, $2, $3, $4)`, [beforeYear, after, limit, dryRun]);
    return toCounts(row);
  }

  /** Old evidence files after `after` (by id) that no declaration names. */
  async fileSlice(db: Queryable, beforeYear: number, after: string | null, limit: number, dryRun: boolean): Promise<SliceCounts> {
    const row = await queryOne<SliceRow>(db, `SELECT * FROM app_retention_files($1, $2, $3, $4)`, [beforeYear, after, limit, dryRun]);
    return toCounts(row);
  }

  async tombstones(db: Queryable, limit: number): Promise<Tombstone[]> {
    const rows = await queryRows<{ file_id: string; storage_key: string }>(
      db,
      `SELECT file_id, storage_key FROM evidence_file_deletion ORDER BY queued_at, file_id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ fileId: r.file_id, storageKey: r.storage_key }));
  }

  async dropTombstones(db: Queryable, fileIds: readonly string[]): Promise<number> {
    const rows = await changedRows(db, `DELETE FROM evidence_file_deletion WHERE file_id = ANY ($1::uuid[]) RETURNING file_id`, [fileIds]);
    return rows.length;
  }
}

// Every query of evidence files and the daily upload counter.
import { execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import { isUuid } from '../platform/uuid';
import { EvidenceFile } from './evidence.types';
import type { EvidenceContentType } from './file-types';

interface EvidenceFileRow {
  id: string;
  uploaded_by: string;
  professional_id: string | null;
  file_name: string;
  content_type: EvidenceContentType;
  bytes: number;
  sha256: string;
  storage_key: string;
  created_at: Date;
}

const COLUMNS = `id, uploaded_by, professional_id, file_name, content_type, bytes, sha256, storage_key, created_at`;

export function toEvidenceFile(row: EvidenceFileRow): EvidenceFile {
  return Object.assign(new EvidenceFile(), {
    id: row.id,
    uploadedBy: row.uploaded_by,
    professionalId: row.professional_id,
    fileName: row.file_name,
    contentType: row.content_type,
    bytes: row.bytes,
    sha256: row.sha256,
    storageKey: row.storage_key,
    createdAt: row.created_at,
  });
}

export interface NewEvidenceFile {
  id: string;
  uploadedBy: string;
  professionalId: string | null;
  fileName: string;
  contentType: EvidenceContentType;
  bytes: number;
  sha256: string;
  storageKey: string;
}

export class EvidenceRepository {
  /**
   * Counts one more upload of `accountId` on `day`, unless `max` are counted
   * already: one statement, so parallel uploads cannot all pass. The counter
   * starts again at 1 on a new day. False when the quota is spent.
   */
  async consumeUpload(em: Queryable, tenantId: string, accountId: string, day: string, max: number): Promise<boolean> {
    const rows = await queryRows<{ files: number }>(
      em,
      `INSERT INTO evidence_upload_count AS c (tenant_id, account_id, day, files) VALUES ($1, $2, $3, 1)
       ON CONFLICT (tenant_id, account_id) DO UPDATE
         SET files = CASE WHEN c.day = EXCLUDED.day THEN c.files + 1 ELSE 1 END, day = EXCLUDED.day
         WHERE c.day <> EXCLUDED.day OR c.files < $4
       RETURNING files`,
      [tenantId, accountId, day, max],
    );
    return rows.length === 1;
  }

  /** Gives back an upload counted by `consumeUpload` that stored nothing. */
  async refundUpload(em: Queryable, accountId: string, day: string): Promise<void> {
    await execute(em, `UPDATE evidence_upload_count SET files = files - 1 WHERE account_id = $1 AND day = $2 AND files > 0`, [accountId, day]);
  }

  async insert(em: Queryable, tenantId: string, f: NewEvidenceFile): Promise<EvidenceFile> {
    const [row] = await queryRows<EvidenceFileRow>(
      em,
      `INSERT INTO evidence_file (tenant_id, id, uploaded_by, professional_id, file_name, content_type, bytes, sha256, storage_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [tenantId, f.id, f.uploadedBy, f.professionalId, f.fileName, f.contentType, f.bytes, f.sha256, f.storageKey],
    );
    return toEvidenceFile(row!);
  }

  /** The tenant's files among `ids` (ids that are not UUIDs match nothing). */
  async findMany(em: Queryable, ids: readonly string[]): Promise<EvidenceFile[]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return [];
    const rows = await queryRows<EvidenceFileRow>(em, `SELECT ${COLUMNS} FROM evidence_file WHERE id = ANY($1::uuid[])`, [valid]);
    return rows.map(toEvidenceFile);
  }

  /** One page of an account's uploads, newest first (ids are UUIDv7: they sort by upload time). */
  async findPageOfUploader(em: Queryable, accountId: string, beforeId: string | null, limit: number): Promise<EvidenceFile[]> {
    const rows = await queryRows<EvidenceFileRow>(
      em,
      `SELECT ${COLUMNS} FROM evidence_file WHERE uploaded_by = $1 AND ($2::uuid IS NULL OR id < $2::uuid) ORDER BY id DESC LIMIT $3`,
      [accountId, beforeId, limit],
    );
    return rows.map(toEvidenceFile);
  }

  async countOfUploader(em: Queryable, accountId: string): Promise<number> {
    const row = await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM evidence_file WHERE uploaded_by = $1`, [accountId]);
    return row?.n ?? 0;
  }
}

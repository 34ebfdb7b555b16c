// Every query the API-clients capability makes.
import { changedRows, execute, queryOne, queryRows, type Queryable } from '../platform/sql';
import { ApiClient, type ApiScope } from './api-clients.types';

interface ApiClientRow {
  id: string;
  name: string;
  key_id: string;
  scopes: ApiScope[];
  created_at: Date;
  revoked_at: Date | null;
  expires_at: Date | null;
  last_used_at: Date | null;
  created_key: string;
}

/** What authentication needs of a key, found outside any tenant. */
export interface ApiKeyRecord {
  tenantId: string;
  id: string;
  name: string;
  secretHash: string;
  scopes: ApiScope[];
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

const COLUMNS = `id, name, key_id, scopes, created_at, revoked_at, expires_at, last_used_at, created_at::text AS created_key`;

export function toApiClient(row: ApiClientRow): ApiClient {
  return Object.assign(new ApiClient(), {
    id: row.id,
    name: row.name,
    keyId: row.key_id,
    scopes: row.scopes,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  });
}

export class ApiClientsRepository {
  /** Newest first; the key is (created_at, id) as text. */
  async findPage(em: Queryable, after: readonly string[] | null, limit: number): Promise<{ client: ApiClient; key: [string, string] }[]> {
    const rows = after
      ? await queryRows<ApiClientRow>(
          em,
          `SELECT ${COLUMNS} FROM api_client WHERE (created_at, id) < ($2::timestamptz, $3::uuid) ORDER BY created_at DESC, id DESC LIMIT $1`,
          [limit, after[0], after[1]],
        )
      : await queryRows<ApiClientRow>(em, `SELECT ${COLUMNS} FROM api_client ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
    return rows.map((row) => ({ client: toApiClient(row), key: [row.created_key, row.id] }));
  }

  async findOne(em: Queryable, id: string): Promise<ApiClient | null> {
    const row = await queryOne<ApiClientRow>(em, `SELECT ${COLUMNS} FROM api_client WHERE id = $1`, [id]);
    return row && toApiClient(row);
  }

  async count(em: Queryable): Promise<number> {
    const row = await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM api_client`);
    return row?.n ?? 0;
  }

  async insert(
    em: Queryable,
    c: { tenantId: string; name: string; keyId: string; secretHash: string; scopes: ApiScope[]; createdBy: string; expiresAt: Date | null },
  ): Promise<ApiClient> {
    const rows = await queryRows<ApiClientRow>(
      em,
      `INSERT INTO api_client (tenant_id, name, key_id, secret_hash, scopes, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [c.tenantId, c.name, c.keyId, c.secretHash, c.scopes, c.createdBy, c.expiresAt],
    );
    return toApiClient(rows[0]!);
  }

  /** Revokes a live client; null when there is none (unknown or already revoked). */
  async revoke(em: Queryable, id: string): Promise<ApiClient | null> {
    const rows = await changedRows<ApiClientRow>(em, `UPDATE api_client SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`, [id]);
    return rows[0] ? toApiClient(rows[0]) : null;
  }

  async exists(em: Queryable, id: string): Promise<boolean> {
    return (await queryOne<{ one: number }>(em, `SELECT 1 AS one FROM api_client WHERE id = $1`, [id])) !== null;
  }

  /**
   * The key's client in any tenant, through a SECURITY DEFINER function that
   * returns only what authentication needs (the runtime role cannot list clients).
   */
  async findKey(db: Queryable, keyId: string): Promise<ApiKeyRecord | null> {
    const row = await queryOne<{
      tenant_id: string;
      id: string;
      name: string;
      secret_hash: string;
      scopes: ApiScope[];
      revoked_at: Date | null;
      expires_at: Date | null;
      last_used_at: Date | null;
    }>(db, `SELECT tenant_id, id, name, secret_hash, scopes, revoked_at, expires_at, last_used_at FROM app_api_client_by_key($1)`, [keyId]);
    return (
      row && {
        tenantId: row.tenant_id,
        id: row.id,
        name: row.name,
        secretHash: row.secret_hash,
        scopes: row.scopes,
        revokedAt: row.revoked_at,
        expiresAt: row.expires_at,
        lastUsedAt: row.last_used_at,
      }
    );
  }

  /**
   * Records a use of the key, outside any tenant (a SECURITY DEFINER
   * function); the function writes only when the last recorded use is over a
   * minute old, so a busy key costs one write a minute.
   */
  async touch(db: Queryable, tenantId: string, id: string): Promise<void> {
    await execute(db, `SELECT app_api_client_touch($1::uuid, $2::uuid)`, [tenantId, id]);
  }
}

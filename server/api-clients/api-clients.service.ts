// API clients for third parties (title-review systems, HR systems, training
// providers). The secret is random, stored only as a SHA-256 hash, and shown
// once at creation.
import { randomBytes } from 'node:crypto';
import type { Context } from '../app/context';
import { hashApiSecret } from '../app/authenticate';
import { AuditService } from '../audit/audit.service';
import { requireOfficial, requireTenant } from '../platform/access';
import { defineErrors } from '../platform/errors';
import { decodeCursor, toPage } from '../platform/pagination';
import { returnedRows } from '../platform/pg-errors';
import { isUuid } from '../organisations/organisations.repository';
import { ApiClient, CreateApiClientInput, CreatedApiClient } from './api-clients.types';

export const apiClientError = defineErrors({
  API_CLIENT_NOT_FOUND: 'API 客户端不存在',
  API_CLIENT_REVOKED: 'API 客户端已吊销',
});

const COLUMNS = `id, name, key_id, scopes, created_at, revoked_at`;

function toApiClient(row: any): ApiClient {
  return Object.assign(new ApiClient(), {
    id: row.id,
    name: row.name,
    keyId: row.key_id,
    scopes: row.scopes,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  });
}

export class ApiClientsService {
  constructor(private readonly audit: AuditService) {}

  async findMany(ctx: Context, first: number, after?: string | null) {
    requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const key = decodeCursor(after, 2);
    const params: unknown[] = [first + 1];
    let where = 'true';
    if (key) {
      params.push(key[0], key[1]);
      where = `(created_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    const rows = await (await ctx.db()).query(
      `SELECT ${COLUMNS}, created_at::text AS created_key FROM api_client WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $1`,
      params,
    );
    const page = toPage(rows, first, (r: any) => [r.created_key, r.id]);
    return { ...page, nodes: page.nodes.map(toApiClient) };
  }

  async create(ctx: Context, input: CreateApiClientInput): Promise<CreatedApiClient> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const tenantId = requireTenant(ctx);
    const keyId = randomBytes(9).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const rows = await (await ctx.db()).query(
      `INSERT INTO api_client (tenant_id, name, key_id, secret_hash, scopes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [tenantId, input.name.trim(), keyId, hashApiSecret(secret), input.scopes, actor.id],
    );
    const client = toApiClient(rows[0]);
    await this.audit.record(ctx, { action: 'apiClient.create', entityType: 'api_client', entityId: client.id, after: { name: client.name, scopes: client.scopes } });
    return { client, apiKey: `ce_${keyId}.${secret}` };
  }

  async revoke(ctx: Context, id: string): Promise<ApiClient> {
    requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    if (!isUuid(id)) throw apiClientError('API_CLIENT_NOT_FOUND', 'id');
    const em = await ctx.db();
    const result = await em.query(`UPDATE api_client SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`, [id]);
    const rows = returnedRows(result);
    if (!rows.length) {
      const exists = await em.query(`SELECT 1 FROM api_client WHERE id = $1`, [id]);
      throw apiClientError(exists.length ? 'API_CLIENT_REVOKED' : 'API_CLIENT_NOT_FOUND', 'id');
    }
    const client = toApiClient(rows[0]);
    await this.audit.record(ctx, { action: 'apiClient.revoke', entityType: 'api_client', entityId: client.id, after: { revokedAt: client.revokedAt } });
    return client;
  }
}

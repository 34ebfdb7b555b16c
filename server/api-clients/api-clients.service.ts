// API clients for third parties (title-review systems, HR systems, training
// providers). The secret is random, stored only as a SHA-256 hash, and shown
// once at creation. Authentication by key also lives here.
import { timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { requireAccount, requireOfficial, requireTenant } from '../platform/access';
import type { Actor } from '../platform/actor';
import type { Context } from '../platform/context';
import { commonError, unauthenticated } from '../platform/errors';
import { Connection, decodeCursor, PageRequest, toConnection } from '../platform/pagination';
import { isUuid } from '../platform/uuid';
import { apiClientError } from './api-clients.errors';
import type { ApiClientsRepository } from './api-clients.repository';
import type { ApiClient, CreateApiClientInput, CreatedApiClient } from './api-clients.types';
import { hashApiSecret, newApiKey, parseApiKey } from './api-keys';

export class ApiClientsService {
  constructor(
    private readonly repo: ApiClientsRepository,
    private readonly audit: AuditService,
  ) {}

  /** A client of the tenant, for the bureau; null for anyone else (as if it did not exist). */
  async findOne(ctx: Context, id: string): Promise<ApiClient | null> {
    const actor = requireAccount(ctx);
    if (actor.role !== 'BUREAU_OFFICIAL' || !isUuid(id)) return null;
    return this.repo.findOne(await ctx.db(), id);
  }

  async findMany(ctx: Context, page: PageRequest): Promise<Connection<ApiClient>> {
    requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const after = decodeCursor(page.after, 2, ([createdAt, id]) => isTimestamp(createdAt!) && isUuid(id!));
    const em = await ctx.db();
    const rows = await this.repo.findPage(em, after, page.first + 1);
    const keys = new Map(rows.map((r) => [r.client, r.key]));
    return toConnection(
      rows.map((r) => r.client),
      page,
      (client) => keys.get(client)!,
      () => this.repo.count(em),
    );
  }

  async create(ctx: Context, input: CreateApiClientInput): Promise<CreatedApiClient> {
    const actor = requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    const tenantId = requireTenant(ctx);
    const expiresAt = checkExpiry(input.expiresAt ?? null);
    const key = newApiKey();
    const client = await this.repo.insert(await ctx.db(), {
      tenantId,
      name: input.name.trim(),
      keyId: key.keyId,
      secretHash: hashApiSecret(key.secret),
      scopes: input.scopes,
      createdBy: actor.id,
      expiresAt,
    });
    await this.audit.record(ctx, {
      action: 'apiClient.create',
      entityType: 'api_client',
      entityId: client.id,
      after: { name: client.name, scopes: client.scopes, expiresAt: client.expiresAt },
    });
    return { client, apiKey: key.apiKey };
  }

  async revoke(ctx: Context, id: string): Promise<ApiClient> {
    requireOfficial(ctx, ['BUREAU_OFFICIAL']);
    if (!isUuid(id)) throw apiClientError('API_CLIENT_NOT_FOUND', 'id');
    const em = await ctx.db();
    const client = await this.repo.revoke(em, id);
    if (!client) throw apiClientError((await this.repo.exists(em, id)) ? 'API_CLIENT_REVOKED' : 'API_CLIENT_NOT_FOUND', 'id');
    await this.audit.record(ctx, { action: 'apiClient.revoke', entityType: 'api_client', entityId: client.id, after: { revokedAt: client.revokedAt } });
    return client;
  }

  /**
   * The client an API key belongs to; refused (401) when the key is malformed,
   * unknown, revoked or expired. A use is recorded (lastUsedAt) when the last
   * recorded one is over a minute old. Whether the client's tenant is
   * suspended is app/authenticate's check, as for bearer tokens.
   */
  async authenticate(runtime: DataSource, apiKey: string): Promise<Extract<Actor, { kind: 'API_CLIENT' }>> {
    const parsed = parseApiKey(apiKey);
    if (!parsed) throw unauthenticated('API 密钥格式无效');
    const record = await this.repo.findKey(runtime, parsed.keyId);
    const given = Buffer.from(hashApiSecret(parsed.secret), 'hex');
    const stored = record ? Buffer.from(record.secretHash, 'hex') : Buffer.alloc(given.length);
    const same = given.length === stored.length && timingSafeEqual(given, stored);
    if (!record || !same) throw unauthenticated('API 密钥无效');
    if (record.revokedAt) throw unauthenticated('API 密钥已被吊销');
    if (record.expiresAt && record.expiresAt.getTime() <= Date.now()) throw unauthenticated('API 密钥已过期，请联系人社局重新申请');
    if (!record.lastUsedAt || record.lastUsedAt.getTime() < Date.now() - LAST_USED_RESOLUTION_MS) {
      await this.repo.touch(runtime, record.tenantId, record.id);
    }
    return { kind: 'API_CLIENT', id: record.id, tenantId: record.tenantId, label: `api:${record.name}`, scopes: record.scopes };
  }
}

/** lastUsedAt is recorded at most this often per key. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** The furthest ahead a key's expiry may be set. */
const MAX_KEY_LIFETIME_YEARS = 3;

/** A new key's expiry: none, or in the future and at most three years ahead (BAD_USER_INPUT on `expiresAt`). */
function checkExpiry(expiresAt: Date | null): Date | null {
  if (expiresAt === null) return null;
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) throw commonError('BAD_USER_INPUT', 'expiresAt', '到期时间无效');
  const now = new Date();
  if (expiresAt.getTime() <= now.getTime()) throw commonError('BAD_USER_INPUT', 'expiresAt', '到期时间须晚于现在');
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_KEY_LIFETIME_YEARS);
  if (expiresAt.getTime() > latest.getTime()) throw commonError('BAD_USER_INPUT', 'expiresAt', `到期时间不得超过 ${MAX_KEY_LIFETIME_YEARS} 年`);
  return expiresAt;
}

/** created_at as PostgreSQL prints it (`2024-05-01 08:30:00.123456+00`), the first half of a list cursor. */
function isTimestamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/.test(value);
}

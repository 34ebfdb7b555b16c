// API clients for third parties (title-review systems, HR systems, training
// providers). The secret is random, stored only as a SHA-256 hash, and shown
// once at creation. Authentication by key also lives here, with its cache of
// verified keys (api-key-cache.ts).
import { timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { requireAccount, requireOfficial, requireTenant } from '../platform/access';
import type { Actor } from '../platform/actor';
import type { Context } from '../platform/context';
import { commonError, unauthenticated } from '../platform/errors';
import { noInvalidations, type Invalidations } from '../platform/invalidation';
import type { Logger } from '../platform/logger';
import { Connection, decodeCursor, PageRequest, toConnection } from '../platform/pagination';
import { isUuid } from '../platform/uuid';
import { ApiKeyCache } from './api-key-cache';
import { ApiKeyFailures } from './api-key-failures';
import { apiClientError } from './api-clients.errors';
import type { ApiClientsRepository, ApiKeyRecord } from './api-clients.repository';
import type { ApiClient, CreateApiClientInput, CreatedApiClient } from './api-clients.types';
import { hashApiSecret, newApiKey, parseApiKey } from './api-keys';

export interface ApiClientsOptions {
  /** The bus the key cache follows; absent: keys are looked up on every request. */
  invalidations?: Invalidations;
  /** Where a failure to record a key's last use is reported. */
  logger?: Logger;
  /** Failed authentications one client address may make per minute (api-key-failures.ts); absent: 30. */
  maxFailuresPerMinute?: number;
  now?: () => number;
}

export class ApiClientsService {
  private readonly keys: ApiKeyCache;
  private readonly failures: ApiKeyFailures;
  private readonly logger: Logger | undefined;
  private readonly now: () => number;

  constructor(
    private readonly repo: ApiClientsRepository,
    private readonly audit: AuditService,
    options: ApiClientsOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.logger = options.logger;
    this.keys = new ApiKeyCache(options.invalidations ?? noInvalidations, this.now);
    this.failures = new ApiKeyFailures(options.maxFailuresPerMinute ?? 30);
  }

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
    // refused here from now on; in the other processes as soon as the revocation commits
    this.keys.hold(client.keyId);
    await this.audit.record(ctx, { action: 'apiClient.revoke', entityType: 'api_client', entityId: client.id, after: { revokedAt: client.revokedAt } });
    return client;
  }

  /**
   * The client an API key belongs to; refused (401) when the key is malformed,
   * unknown, revoked or expired. A verified key is served from the process's
   * cache (no statement), its secret's hash compared and its expiry checked on
   * every request. A use is recorded (lastUsedAt) when neither the database
   * nor this process has recorded one within the last minute: after the
   * answer, without delaying it (a failure is only logged), so lastUsedAt may
   * lag the real last use by up to a minute per process. Whether the client's
   * tenant is suspended is app/authenticate's check, as for bearer tokens.
   */
  /**
   * The API client a key belongs to, from `address`; UNAUTHENTICATED for a key that is malformed,
   * unknown, wrong, revoked or expired (each counted against the address), TOO_MANY_REQUESTS
   * once the address has failed too often this minute (before any lookup).
   */
  async authenticate(runtime: DataSource, apiKey: string, address: string): Promise<Extract<Actor, { kind: 'API_CLIENT' }>> {
    await this.failures.check(address);
    try {
      return await this.verify(runtime, apiKey);
    } catch (error) {
      await this.failures.count(address);
      throw error;
    }
  }

  private async verify(runtime: DataSource, apiKey: string): Promise<Extract<Actor, { kind: 'API_CLIENT' }>> {
    const parsed = parseApiKey(apiKey);
    if (!parsed) throw unauthenticated('API 密钥格式无效');
    const given = Buffer.from(hashApiSecret(parsed.secret), 'hex');
    const matches = (record: ApiKeyRecord | null): boolean => {
      const stored = record ? Buffer.from(record.secretHash, 'hex') : Buffer.alloc(given.length);
      return given.length === stored.length && timingSafeEqual(given, stored) && record !== null;
    };
    const record = await this.keys.find(parsed.keyId, () => this.repo.findKey(runtime, parsed.keyId), matches);
    if (!record || !matches(record)) throw unauthenticated('API 密钥无效');
    if (record.revokedAt) throw unauthenticated('API 密钥已被吊销');
    if (record.expiresAt && record.expiresAt.getTime() <= this.now()) throw unauthenticated('API 密钥已过期，请联系人社局重新申请');
    if (this.keys.shouldRecordUse(record)) {
      this.repo.touch(runtime, record.tenantId, record.id).catch((error: unknown) => this.logger?.warn({ err: error }, 'recording an API key use failed'));
    }
    return { kind: 'API_CLIENT', id: record.id, tenantId: record.tenantId, label: `api:${record.name}`, scopes: record.scopes };
  }
}

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

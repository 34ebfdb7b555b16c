// Turns the request's credentials into an Actor. A bearer token is a signed-in
// account or operator; an API key is a third-party client. Anything presented
// and not valid is refused outright rather than treated as anonymous, and so
// is every credential of a suspended tenant (checked per request, through a
// status cache of a few seconds; see tenants/tenant-status).
import type { DataSource } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import type { TokenService } from '../accounts/tokens';
import type { ApiClientsService } from '../api-clients/api-clients.service';
import type { Actor } from '../platform/actor';
import { AppError, unauthenticated } from '../platform/errors';
import type { ReplicaReader } from '../platform/read-replica';
import type { RequestPool } from '../platform/request-db';
import { RequestScope } from '../platform/request-scope';
import { tenantStatusCache } from '../tenants/tenant-status';
import { tenantError } from '../tenants/tenants.errors';
import { TenantStatus } from '../tenants/tenants.types';

export interface Credentials {
  bearer?: string;
  apiKey?: string;
}

export function readCredentials(headers: Record<string, string | string[] | undefined>): Credentials {
  const auth = typeof headers.authorization === 'string' ? headers.authorization.trim() : '';
  const apiKeyHeader = typeof headers['x-api-key'] === 'string' ? headers['x-api-key'].trim() : '';
  if (/^bearer\s+/i.test(auth)) return { bearer: auth.replace(/^bearer\s+/i, '') };
  if (/^apikey\s+/i.test(auth)) return { apiKey: auth.replace(/^apikey\s+/i, '') };
  if (apiKeyHeader) return { apiKey: apiKeyHeader };
  return {};
}

export interface Authenticated {
  actor: Actor;
  /** The request's database, already bound to the actor's tenant. */
  tx: RequestScope;
}

interface AuthDeps {
  runtime: DataSource;
  pool: RequestPool;
  /** The heavy reads' standby; absent: they read on the primary. */
  replica?: ReplicaReader | null;
  tokens: TokenService;
  apiClients: ApiClientsService;
}

const accounts = new AccountsRepository();

/**
 * A bearer token's account is loaded by one statement under the request's own
 * settings (outside any transaction: the request may still turn out to be a read).
 */
export async function authenticate(credentials: Credentials, deps: AuthDeps, clientAddress: string): Promise<Authenticated> {
  if (credentials.bearer) return fromToken(credentials.bearer, deps);
  if (credentials.apiKey) {
    const actor = await deps.apiClients.authenticate(deps.runtime, credentials.apiKey, clientAddress);
    await requireServedTenant(deps.runtime, actor.tenantId);
    return { actor, tx: new RequestScope(deps.pool, { tenantId: actor.tenantId, actorId: actor.id }, deps.replica ?? null) };
  }
  return { actor: { kind: 'ANONYMOUS' }, tx: new RequestScope(deps.pool, { tenantId: null }, deps.replica ?? null) };
}

async function fromToken(token: string, deps: AuthDeps): Promise<Authenticated> {
  const claims = await deps.tokens.verify(token);
  if (claims === 'expired') throw unauthenticated('登录已过期，请重新登录');
  if (claims === 'invalid') throw unauthenticated('登录凭证无效');
  const operator = claims.kind === 'operator';
  if (!operator && claims.tid) await requireServedTenant(deps.runtime, claims.tid);
  const tx = new RequestScope(deps.pool, { tenantId: operator ? null : (claims.tid ?? null), operator, actorId: claims.sub }, deps.replica ?? null);
  const db = tx.reader();
  if (operator) {
    const found = await accounts.findOperator(db, claims.sub);
    if (!found) throw unauthenticated('登录凭证无效');
    return { actor: { kind: 'OPERATOR', id: found.id, label: `operator:${found.username}` }, tx };
  }
  const actor = await accounts.findActiveActor(db, claims.sub);
  if (!actor) throw unauthenticated('账号不存在或已停用');
  return { actor, tx };
}

/** A suspended tenant's credentials are refused: HTTP 403, TENANT_SUSPENDED; an unknown tenant's are invalid. */
async function requireServedTenant(runtime: DataSource, tenantId: string): Promise<void> {
  const status = await tenantStatusCache(runtime).status(tenantId);
  if (status === null) throw unauthenticated('登录凭证无效');
  if (status !== TenantStatus.ACTIVE) {
    const refused = tenantError('TENANT_SUSPENDED');
    throw new AppError(refused.code, refused.message, undefined, 403);
  }
}

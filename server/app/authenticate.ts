// Turns the request's credentials into an Actor. A bearer token is a signed-in
// account or operator; an API key is a third-party client. Anything presented
// and not valid is refused outright rather than treated as anonymous.
import { createHash, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TokenService } from '../accounts/tokens';
import type { Actor } from '../platform/actor';
import { AppError } from '../platform/errors';
import { LazyTransaction } from '../platform/transaction';

export function unauthenticated(message: string): AppError {
  return new AppError('UNAUTHENTICATED', message, undefined, 401);
}

export function hashApiSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

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
  /** The request's transaction, already bound to the actor's tenant. */
  tx: LazyTransaction;
}

/**
 * A bearer token's account is loaded inside the request's own transaction, so
 * authentication costs no extra connection or round trip of its own.
 */
export async function authenticate(
  credentials: Credentials,
  deps: { runtime: DataSource; tokens: TokenService },
): Promise<Authenticated> {
  if (credentials.bearer) return fromToken(credentials.bearer, deps);
  if (credentials.apiKey) {
    const actor = await fromApiKey(credentials.apiKey, deps.runtime);
    return { actor, tx: new LazyTransaction(deps.runtime, { tenantId: actor.tenantId, actorId: actor.id }) };
  }
  return { actor: { kind: 'ANONYMOUS' }, tx: new LazyTransaction(deps.runtime, { tenantId: null }) };
}

async function fromToken(token: string, deps: { runtime: DataSource; tokens: TokenService }): Promise<Authenticated> {
  const claims = await deps.tokens.verify(token);
  if (claims === 'expired') throw unauthenticated('登录已过期，请重新登录');
  if (claims === 'invalid') throw unauthenticated('登录凭证无效');
  const operator = claims.kind === 'operator';
  const tx = new LazyTransaction(deps.runtime, { tenantId: operator ? null : claims.tid!, operator, actorId: claims.sub });
  try {
    const em = await tx.manager();
    if (operator) {
      const rows = await em.query(`SELECT id, username FROM platform_operator WHERE id = $1`, [claims.sub]);
      if (rows.length === 0) throw unauthenticated('登录凭证无效');
      return { actor: { kind: 'OPERATOR', id: rows[0].id, label: `operator:${rows[0].username}` }, tx };
    }
    const rows = await em.query(
      `SELECT a.id, a.tenant_id, a.role, a.username, a.org_node_id, a.professional_id, o.path
         FROM account a JOIN org_node o ON o.tenant_id = a.tenant_id AND o.id = a.org_node_id
        WHERE a.id = $1 AND a.status = 'ACTIVE'`,
      [claims.sub],
    );
    if (rows.length === 0) throw unauthenticated('账号不存在或已停用');
    const a = rows[0];
    const actor: Actor = {
      kind: 'ACCOUNT',
      id: a.id,
      tenantId: a.tenant_id,
      role: a.role,
      // professionals' usernames are ID numbers: never in a log line
      label: `account:${a.role === 'PROFESSIONAL' ? a.id : a.username}`,
      orgNodeId: a.org_node_id,
      orgPath: a.path,
      professionalId: a.professional_id,
    };
    return { actor, tx };
  } catch (error) {
    await tx.finish(false);
    throw error;
  }
}

/** API keys look like `ce_<keyId>.<secret>`; only the key id is looked up. */
async function fromApiKey(apiKey: string, runtime: DataSource): Promise<Extract<Actor, { kind: 'API_CLIENT' }>> {
  const match = /^ce_([A-Za-z0-9]{8,32})\.([A-Za-z0-9_-]{20,100})$/.exec(apiKey);
  if (!match) throw unauthenticated('API 密钥格式无效');
  const [, keyId, secret] = match;
  const rows = await runtime.query(`SELECT * FROM app_api_client_by_key($1)`, [keyId]);
  const given = Buffer.from(hashApiSecret(secret), 'hex');
  const stored = rows.length ? Buffer.from(rows[0].secret_hash, 'hex') : Buffer.alloc(given.length);
  const same = given.length === stored.length && timingSafeEqual(given, stored);
  if (!rows.length || !same) throw unauthenticated('API 密钥无效');
  if (rows[0].revoked_at) throw unauthenticated('API 密钥已被吊销');
  return { kind: 'API_CLIENT', id: rows[0].id, tenantId: rows[0].tenant_id, label: `api:${rows[0].name}`, scopes: rows[0].scopes };
}

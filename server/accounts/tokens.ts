// Short-lived HS256 JWTs for signed-in accounts and platform operators.
import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

export interface TokenClaims {
  sub: string;
  kind: 'account' | 'operator';
  tid?: string;
}

const ISSUER = 'ce-platform';
const ALGORITHM = 'HS256';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TokenService {
  /** Imported once: jose would import a raw secret again for every token it signs or verifies. */
  private readonly key: Promise<webcrypto.CryptoKey>;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
  ) {
    this.key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async issue(claims: TokenClaims, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const token = await new SignJWT({ kind: claims.kind, ...(claims.tid ? { tid: claims.tid } : {}) })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(await this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /**
   * Returns the claims, or 'expired' / 'invalid'. Only what `issue` makes is
   * accepted: HS256 (no other algorithm, never `none`), our issuer, `iat` and
   * `exp` present and no longer-lived than a token we issue, a UUID subject
   * and, for an account, a UUID tenant.
   */
  async verify(token: string, now = new Date()): Promise<TokenClaims | 'expired' | 'invalid'> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        issuer: ISSUER,
        algorithms: [ALGORITHM],
        requiredClaims: ['exp', 'iat', 'sub'],
        currentDate: now,
      });
      const kind = payload.kind;
      if (typeof payload.sub !== 'string' || !UUID.test(payload.sub) || (kind !== 'account' && kind !== 'operator')) return 'invalid';
      if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number' || payload.exp - payload.iat > this.ttlSeconds) return 'invalid';
      const tid = payload.tid;
      if (kind === 'account' ? typeof tid !== 'string' || !UUID.test(tid) : tid !== undefined) return 'invalid';
      return { sub: payload.sub, kind, ...(kind === 'account' ? { tid: tid as string } : {}) };
    } catch (error) {
      return error instanceof errors.JWTExpired ? 'expired' : 'invalid';
    }
  }
}

// API keys look like `ce_<keyId>.<secret>`; the secret is stored only as a SHA-256 hash.
import { createHash, randomBytes } from 'node:crypto';

export function hashApiSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newApiKey(): { keyId: string; secret: string; apiKey: string } {
  const keyId = randomBytes(9).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, apiKey: `ce_${keyId}.${secret}` };
}

export function parseApiKey(apiKey: string): { keyId: string; secret: string } | null {
  const match = /^ce_([A-Za-z0-9]{8,32})\.([A-Za-z0-9_-]{20,100})$/.exec(apiKey);
  return match?.[1] && match[2] ? { keyId: match[1], secret: match[2] } : null;
}

// Verification codes: 26 characters of Crockford's base32 (130 random bits from the
// operating system's CSPRNG). Long and random, so certificates cannot be listed or guessed;
// no I, L, O or U, so a code typed from paper is read back the same. Printed in groups of
// four; a typed code may carry hyphens, spaces and lower case, and O / I / L are read as
// 0 / 1 / 1 (Crockford's rule).
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 26;
const CODE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A new random code. */
export function newCertificateCode(): string {
  const bytes = randomBytes(17); // 136 bits; 130 are used
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** The code a visitor gave, in its stored form, or null when it cannot be one. */
export function normalizeCertificateCode(raw: string): string | null {
  if (raw.length > 64) return null;
  const code = raw
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return CODE.test(code) ? code : null;
}

/** `7KQ2M9XD…` → `7KQ2-M9XD-…` (as printed). */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

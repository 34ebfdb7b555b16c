// Random codes people read and type: 26 characters of Crockford's base32 (130 random bits
// from the operating system's CSPRNG), long and random enough that they cannot be listed or
// guessed; no I, L, O or U, so a code typed from paper is read back the same. Printed in
// groups of four; a typed code may carry hyphens, spaces and lower case, and O / I / L are
// read as 0 / 1 / 1 (Crockford's rule). Certificates' verification codes and applicants'
// receipts are such codes.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RANDOM_CODE_LENGTH = 26;
const CODE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A new random code (26 characters, no separators). */
export function newRandomCode(): string {
  const bytes = randomBytes(17); // 136 bits; 130 are used
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < RANDOM_CODE_LENGTH) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** A code as typed, in its canonical form (upper case, no separators), or null when it cannot be one. */
export function normalizeRandomCode(raw: string): string | null {
  if (raw.length > 64) return null;
  const code = raw
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return CODE.test(code) ? code : null;
}

/** `7KQ2M9XD…` → `7KQ2-M9XD-…` (as printed). */
export function groupRandomCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

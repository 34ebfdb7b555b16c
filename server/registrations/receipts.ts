// Receipts: what an applicant gets at sign-up, once, to read their application's status and
// a rejection's reason without signing in. 26 characters of Crockford's base32 (130 random
// bits from the operating system's CSPRNG), so receipts cannot be listed or guessed; only
// their SHA-256 is stored, so the table does not hold them either. A typed receipt may carry
// hyphens, spaces and lower case, and O / I / L are read as 0 / 1 / 1.
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 26;
const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A new receipt, in groups of four for reading out (`7KQ2-M9XD-…`). */
export function newReceipt(): string {
  const bytes = randomBytes(17); // 136 bits; 130 are used
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < LENGTH) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{1,4}/g)!.join('-');
}

/** The stored form of a receipt as typed (its SHA-256, hex), or null when it cannot be one. */
export function receiptHash(raw: string): string | null {
  if (raw.length > 64) return null;
  const code = raw
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return RECEIPT.test(code) ? createHash('sha256').update(code).digest('hex') : null;
}

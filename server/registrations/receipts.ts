// Receipts: what an applicant gets at sign-up, once, to read their application's status and
// a rejection's reason without signing in: a random code (platform/random-code.ts), so
// receipts cannot be listed or guessed; only their SHA-256 is stored, so the table does not
// hold them either.
import { createHash } from 'node:crypto';
import { groupRandomCode, newRandomCode, normalizeRandomCode } from '../platform/random-code';

/** A new receipt, in groups of four for reading out (`7KQ2-M9XD-…`). */
export function newReceipt(): string {
  return groupRandomCode(newRandomCode());
}

/** The stored form of a receipt as typed (its SHA-256, hex), or null when it cannot be one. */
export function receiptHash(raw: string): string | null {
  const code = normalizeRandomCode(raw);
  return code === null ? null : createHash('sha256').update(code).digest('hex');
}

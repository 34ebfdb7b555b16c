// Ids and storage keys of evidence files, chosen by the server before a byte
// is stored. The id is a UUIDv7 (RFC 9562: 48 bits of milliseconds, then
// random), so "newest first" is an index scan by id; the storage key is the
// tenant and the id, never anything the client sent.
import { randomBytes } from 'node:crypto';

export function newEvidenceId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function evidenceStorageKey(tenantId: string, id: string): string {
  return `${tenantId}/${id}`;
}

/** Where a file's bytes are downloaded (relative to the API's origin). */
export function evidenceDownloadPath(id: string): string {
  return `/uploads/${id}`;
}

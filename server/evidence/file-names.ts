// A client's file name made safe to keep and to send back: no folders, no
// control or direction-changing characters, no characters Windows refuses,
// at most 200 characters, and an extension that matches what the bytes are
// (a PDF uploaded as `cert.exe` is kept as `cert.exe.pdf`, so a download never
// opens as something else).
import { type EvidenceContentType, extensionsOf } from './file-types';

export const MAX_FILE_NAME = 200;

// controls, bidirectional overrides and isolates, zero-width characters and the byte-order mark
const UNSAFE = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const RESERVED = /[<>:"/\\|?*]/g;

export function sanitiseFileName(given: string | undefined, contentType: EvidenceContentType): string {
  const base = (given ?? '').split(/[/\\]/).pop() ?? '';
  const name = base.normalize('NFC').replace(UNSAFE, '').replace(RESERVED, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '');
  const own = extensionsOf(contentType).find((e) => name.toLowerCase().endsWith(e));
  const extension = own ? name.slice(-own.length) : extensionsOf(contentType)[0]!;
  const stem = [...(own ? name.slice(0, -own.length) : name)].slice(0, MAX_FILE_NAME - extension.length).join('').trimEnd();
  return (stem || '证明材料') + extension;
}

/**
 * `Content-Disposition: attachment` with the name twice: an ASCII stand-in for
 * old clients, and the exact UTF-8 name (RFC 6266, RFC 8187).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

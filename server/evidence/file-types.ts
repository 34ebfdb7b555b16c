// The kinds of file evidence may be, recognised by their first bytes (their
// "magic numbers"), never by the name or the type the client declares: a
// renamed executable (`MZ…`, ELF) is not a PDF whatever it is called.

export type EvidenceContentType = 'application/pdf' | 'image/jpeg' | 'image/png';

interface FileKind {
  contentType: EvidenceContentType;
  magic: readonly number[];
  /** extensions a file of this kind may have; the first is added to a name without one */
  extensions: readonly string[];
}

const KINDS: readonly FileKind[] = [
  { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['.pdf'] }, // %PDF-
  { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff], extensions: ['.jpg', '.jpeg'] },
  { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['.png'] },
];

export const EVIDENCE_CONTENT_TYPES: readonly EvidenceContentType[] = KINDS.map((k) => k.contentType);

/** How many leading bytes `sniffContentType` needs to decide. */
export const SNIFF_BYTES = Math.max(...KINDS.map((k) => k.magic.length));

/** The kind the bytes begin with, or null for anything else (an empty file included). */
export function sniffContentType(head: Uint8Array): EvidenceContentType | null {
  const kind = KINDS.find((k) => head.length >= k.magic.length && k.magic.every((byte, i) => head[i] === byte));
  return kind?.contentType ?? null;
}

/** The extensions a file of this type may carry, the usual one first. */
export function extensionsOf(contentType: EvidenceContentType): readonly string[] {
  return KINDS.find((k) => k.contentType === contentType)!.extensions;
}

// Counts once (一项成果、一份证书只计一次): the keys by which one professional's live
// declarations must differ — the certificate number, the result (title + year + issuer) and
// the policy's once-only evidence (`countsOnce`) — and the evidence a kind requires. Keys are
// normalised (full-width → half-width, spaces dropped, letters upper-cased), so "ZS 001" and
// "ｚｓ００１" are one certificate. The partial unique indexes of migration 1733400000000 hold
// the rule under races; this file gives each refusal its clear message first.
import type { KindSpec } from '../engine';

export interface OnceKeys {
  certificateKey: string | null;
  resultKey: string | null;
  onceKey: string | null;
}

export interface KeyedContent {
  kind: string;
  year: number;
  params: Record<string, unknown>;
  certificateNo: string | null;
  issuer: string | null;
  resultTitle: string | null;
}

export function normaliseKeyPart(value: unknown): string {
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  return text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .toUpperCase();
}

export function onceKeys(c: KeyedContent, kind: KindSpec | undefined): OnceKeys {
  const certificate = c.certificateNo ? normaliseKeyPart(c.certificateNo) : '';
  const certificateKey = certificate ? (kind?.evidence?.certificatePerYear ? `${certificate}|${c.year}` : certificate) : null;
  const resultKey = c.resultTitle && c.issuer ? `${normaliseKeyPart(c.resultTitle)}|${c.year}|${normaliseKeyPart(c.issuer)}` : null;
  let onceKey: string | null = null;
  const once = kind?.countsOnce;
  if (once) {
    const parts = once.keyParams.map((p) => normaliseKeyPart(c.params[p]));
    // a once-only key with every part empty identifies nothing
    if (parts.some((p) => p !== '')) onceKey = [c.kind, ...parts, ...(once.scope === 'YEAR' ? [String(c.year)] : [])].join('|');
  }
  return { certificateKey, resultKey, onceKey };
}

export type EvidenceRequirement = 'certificateNo' | 'issuer' | 'issuedOn' | 'files';

export const EVIDENCE_LABEL: Record<EvidenceRequirement, string> = {
  certificateNo: '证书编号',
  issuer: '发证单位',
  issuedOn: '签发日期',
  files: '证明文件',
};

/** The first piece of evidence the kind requires and the declaration lacks, or null. */
export function missingEvidence(
  kind: KindSpec | undefined,
  e: { certificateNo: string | null; issuer: string | null; issuedOn: string | null; fileIds: readonly string[] },
): EvidenceRequirement | null {
  for (const need of kind?.evidence?.required ?? []) {
    const present = need === 'files' ? e.fileIds.length > 0 : !!e[need];
    if (!present) return need;
  }
  return null;
}

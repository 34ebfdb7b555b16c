// The document a publication would make: the current one with the caller's version (it
// replaces the version with the same fromYear, or is added), deadline and sources. The
// whole document is validated, so that a citation is checked against the sources it may
// name; a problem is reported where it is in what the caller sent ("version.kinds.x.rule.hours",
// "deadline.monthDay", "sources[0].date"), never at its place in the stored document.
import type { PolicyDocument, PolicySource } from '../engine';
import { formatPath, type DocumentIssue } from './policy-validation';

export interface PublicationInput {
  version?: Record<string, unknown> | null;
  deadline?: { monthDay: string; source: string } | null;
  sources?: readonly { key: string; number?: string | null; title: string; issuer?: string | null; date?: string | null }[] | null;
}

export interface Draft {
  /** The whole document, not yet validated. */
  document: unknown;
  /** Index of the caller's version in document.versions, or -1. */
  versionIndex: number;
  /** Input index of each source the caller sent, by key. */
  sourceIndex: ReadonlyMap<string, number>;
  hasDeadline: boolean;
}

/** A problem of the input itself, before the document is built (a repeated source key). */
export interface InputIssue {
  field: string;
  message: string;
}

export function draftDocument(current: PolicyDocument, input: PublicationInput): Draft | InputIssue {
  let versions: unknown[] = current.versions;
  let versionIndex = -1;
  const version = input.version;
  if (version) {
    const fromYear = version.fromYear;
    const rest = current.versions.filter((v) => v.fromYear !== fromYear);
    versions = [...rest, version].sort((a, b) => yearOf(a) - yearOf(b));
    versionIndex = versions.indexOf(version);
  }
  // null prototype: a key such as "__proto__" stays a key, and the validator refuses it
  const sources = Object.assign(Object.create(null) as Record<string, unknown>, current.sources);
  const sourceIndex = new Map<string, number>();
  for (const [i, s] of (input.sources ?? []).entries()) {
    if (sourceIndex.has(s.key)) return { field: `sources[${i}].key`, message: `文件代码“${s.key}”重复` };
    sourceIndex.set(s.key, i);
    sources[s.key] = toSource(s);
  }
  const deadline = input.deadline ? { monthDay: input.deadline.monthDay, source: input.deadline.source } : current.deadline;
  return { document: { ...current, sources, deadline, versions }, versionIndex, sourceIndex, hasDeadline: !!input.deadline };
}

/**
 * Where in the caller's input a problem of the draft document lies; null when it lies in a
 * part the caller did not send (a revision published under older rules).
 */
export function inputField(issue: DocumentIssue, draft: Draft): string | null {
  const [head, second, ...rest] = issue.path;
  if (head === 'versions' && second === draft.versionIndex) return formatPath(['version', ...rest]);
  if (head === 'deadline' && draft.hasDeadline) return formatPath(issue.path);
  if (head === 'sources' && typeof second === 'string' && draft.sourceIndex.has(second)) {
    const i = draft.sourceIndex.get(second)!;
    // a problem with the key itself is reported at the key
    return `sources[${i}].${rest.length === 0 ? 'key' : formatPath(rest)}`;
  }
  return null;
}

function toSource(s: NonNullable<PublicationInput['sources']>[number]): PolicySource {
  const source: PolicySource = { title: s.title };
  if (s.number != null) source.number = s.number;
  if (s.issuer != null) source.issuer = s.issuer;
  if (s.date != null) source.date = s.date;
  return source;
}

function yearOf(version: unknown): number {
  const y = (version as { fromYear?: unknown }).fromYear;
  return typeof y === 'number' ? y : NaN;
}

// Citations. Every rule of a policy names where it comes from in its `source`: the key of a
// document in the policy's `sources`, then the section ("001 四、(一)1", "qd2026-1 二、").
// Keys are the policy file's own short names; explanations show the document a reader can
// look up, by its number (青人社字〔2023〕14号 四、(一)1) or, for a document without one,
// by its title (《继续教育政策问答》十一、). The compiler reads a policy in its cited form,
// a copy with every `source` replaced by that text, so every explanation built from it
// cites documents, not keys, at no cost per evaluation.
import type { PolicyDocument, PolicySource } from './policy.types';

/** The key and the section of a citation; the section is '' when the whole document is cited. */
export function parseCitation(source: string): { key: string; section: string } {
  const m = /^(\S+)[ \u3000]+(\S[\s\S]*)$/.exec(source);
  return m === null ? { key: source.trim(), section: '' } : { key: m[1]!, section: m[2]!.trim() };
}

/** The document a citation names, if the policy lists it. */
export function citedSource(sources: PolicyDocument['sources'], source: string): PolicySource | undefined {
  const { key } = parseCitation(source);
  return Object.hasOwn(sources, key) ? sources[key] : undefined;
}

/** How explanations name a document: its number, or its title in 《》 when it has none. */
export function documentName(doc: PolicySource): string {
  return doc.number ?? `《${doc.title}》`;
}

/**
 * The citation as explanations show it: "青人社字〔2023〕14号 四、(一)1",
 * "《关于兵团专业技术人员继续教育若干问题解答》第9问"; a citation of a whole document adds the
 * title to the number. A key the policy does not list is shown as written.
 */
export function citationText(sources: PolicyDocument['sources'], source: string): string {
  const { key, section } = parseCitation(source);
  const doc = Object.hasOwn(sources, key) ? sources[key] : undefined;
  if (doc === undefined) return source;
  if (section === '') return doc.number === undefined ? `《${doc.title}》` : `《${doc.title}》（${doc.number}）`;
  return doc.number === undefined ? `《${doc.title}》${section}` : `${doc.number} ${section}`;
}

/**
 * A copy of the document with every citation (`source` field) replaced by its text. Rule
 * specs and declaration parameters hold no citations and are shared, not copied.
 */
export function citeDocument(doc: PolicyDocument): PolicyDocument {
  const memo = new Map<string, string>();
  const cite = (source: string) => {
    let text = memo.get(source);
    if (text === undefined) {
      text = citationText(doc.sources, source);
      memo.set(source, text);
    }
    return text;
  };
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      // (validated documents have no such key; assigning it would replace the copy's prototype)
      if (key === '__proto__') continue;
      if (key === 'source' && typeof v === 'string') out[key] = cite(v);
      else if (key === 'rule' || key === 'params') out[key] = v;
      else out[key] = copy(v);
    }
    return out;
  };
  const cited: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key !== '__proto__') cited[key] = key === 'sources' ? value : copy(value);
  }
  return cited as unknown as PolicyDocument;
}

// The documents a policy cites (`sources`) and the citations of its rules. A source is a
// record (number, title, issuing body, date); its key is any short name the bureau
// chooses ("001", "qd2026-1"); every `source` of a rule starts with a key the document
// lists, then the section: "001 四、(一)1".
import { z } from 'zod';
import { parseCitation, type PolicyDocument } from '../engine';
import { isReservedName, reservedNameMessage } from './reserved-names';

const text = z.string({ error: '应为文字' }).min(1, { error: '不能为空' });

/** Letters (Chinese included) and digits, with - _ . 〔 〕 ( ) （ ）; up to 40 characters. */
const KEY = /^[\p{L}\p{N}][\p{L}\p{N}\-_.〔〕()（）]{0,39}$/u;

export const sourceKey = z
  .string()
  .regex(KEY, { error: '文件代码应为不含空格的简短名称（字母、数字、- _ . 〔〕），不超过40个字符，如“001”“qd2026-1”' })
  .refine((k) => !isReservedName(k), { error: (issue) => reservedNameMessage(String(issue.input)) });

/** YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date. */
export function isPartialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

export const sourceRecord = z.strictObject({
  number: text.max(100).optional(),
  title: text.max(300),
  issuer: text.max(200).optional(),
  date: z.string({ error: '应为日期' }).refine(isPartialDate, { error: '应为日期 YYYY-MM-DD（只知年月或年份时写 YYYY-MM 或 YYYY）' }).optional(),
});

/** A citation's form; whether its key is listed is checked against the document (checkCitations). */
export const citation = text.max(500).regex(/^\S/, { error: '出处应以文件代码开头，例如“004 附件 一、(二)”' });

/** Every citation names a document listed in `sources` (paths as in the document). */
export function checkCitations(doc: PolicyDocument, ctx: z.RefinementCtx): void {
  const listed = Object.keys(doc.sources);
  const { sources: _listed, ...citing } = doc;
  for (const [path, source] of citationsOf(citing)) {
    const { key } = parseCitation(source);
    if (Object.hasOwn(doc.sources, key)) continue;
    ctx.addIssue({
      code: 'custom',
      path,
      message: `出处应以 sources 中列出的文件代码开头（如“${listed[0] ?? '001'} 四、(一)”），“${key}”未列出；已列出：${listed.join('、') || '无'}`,
    });
  }
}

/** [path, citation] of every `source` field (rule specs and parameter lists hold none). */
export function citationsOf(value: unknown, path: (string | number)[] = [], out: [(string | number)[], string][] = []): [(string | number)[], string][] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => citationsOf(v, [...path, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'source' && typeof v === 'string') out.push([[...path, key], v]);
      else if (key !== 'rule' && key !== 'params') citationsOf(v, [...path, key], out);
    }
  }
  return out;
}

/**
 * A document published before sources were records ("001": "青岛市人力资源和社会保障局《…》
 * （青人社字〔2023〕14号）") with its sources as records: issuer, title and number read from
 * the text where it has that form, else the whole text as the title. Citations keep their keys.
 */
export function withSourceRecords(doc: PolicyDocument): PolicyDocument {
  const sources = doc.sources as Record<string, unknown>;
  if (!Object.values(sources).some((s) => typeof s === 'string')) return doc;
  const records: PolicyDocument['sources'] = {};
  for (const [key, s] of Object.entries(sources)) {
    if (key !== '__proto__') records[key] = typeof s === 'string' ? sourceFromText(s) : (s as PolicyDocument['sources'][string]);
  }
  return { ...doc, sources: records };
}

function sourceFromText(text: string): PolicyDocument['sources'][string] {
  const m = /^([^《]*)《([^》]+)》(?:（([^（）]*〔\d{4}〕[^（）]*号)）)?/.exec(text);
  if (m === null) return { title: text };
  const [, issuer, title, number] = m;
  return { title: title!, ...(number ? { number } : {}), ...(issuer ? { issuer } : {}) };
}

// A minimal PDF text extractor for tests (no PDF library is installed, and pdftotext is not
// either): it reads the objects of a PDF as written by pdfkit and similar writers (no
// object streams, no cross-reference streams, no encryption), inflates FlateDecode streams,
// reads each font's ToUnicode CMap (bfchar and bfrange, ranges with an array or a start
// value, UTF-16 surrogate pairs), and decodes the text operators of every page's content
// (Tf, Tj, TJ, ', ") with the font in force. One output line per text object (BT … ET), in
// the order drawn. A font without a ToUnicode map is read as Latin-1 bytes.
import { inflateSync } from 'node:zlib';

export interface PdfObject {
  num: number;
  dict: string;
  stream: Buffer | null;
}

/** The indirect objects of a PDF (the last definition of a number wins, as an update would). */
export function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  if (!text.startsWith('%PDF-')) throw new Error('not a PDF: it does not start with %PDF-');
  const out = new Map<number, PdfObject>();
  const head = /(\d+)\s+(\d+)\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text)) !== null) {
    let i = m.index + m[0].length;
    while (/\s/.test(text[i]!)) i++;
    const dictEnd = text.startsWith('<<', i) ? skipDict(text, i) : text.indexOf('endobj', i);
    const dict = text.slice(i, dictEnd);
    let j = dictEnd;
    while (/\s/.test(text[j]!)) j++;
    let stream: Buffer | null = null;
    if (text.startsWith('stream', j)) {
      j += 'stream'.length;
      if (text[j] === '\r') j++;
      if (text[j] === '\n') j++;
      const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
      const end = length ? j + Number(length[1]) : text.indexOf('endstream', j);
      stream = pdf.subarray(j, end);
      if (/\/Filter\s*\/FlateDecode/.test(dict)) stream = inflateSync(stream);
      head.lastIndex = end;
    } else {
      head.lastIndex = dictEnd;
    }
    out.set(Number(m[1]), { num: Number(m[1]), dict, stream });
  }
  return out;
}

/** The index just past the dictionary that starts at `start` (`<<` … `>>`, nested). */
function skipDict(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      i = skipLiteral(text, i) - 1;
    } else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('unterminated dictionary');
}

/** The index just past the literal string `( … )` that starts at `start` (nested parentheses, escapes). */
function skipLiteral(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  throw new Error('unterminated string');
}

/** Code (as a hex string of the input bytes) → text, from a ToUnicode CMap. */
export function parseToUnicode(cmap: string): Map<string, string> {
  const out = new Map<string, string>();
  const utf16 = (hex: string) => {
    const units = (hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16));
    return String.fromCharCode(...units);
  };
  const key = (n: number, width: number) => n.toString(16).padStart(width, '0');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) out.set(src!.toLowerCase(), utf16(dst!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, list, start] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F\s]+)>)/g)) {
      const width = lo!.length;
      const [from, to] = [parseInt(lo!, 16), parseInt(hi!, 16)];
      if (list !== undefined) {
        const targets = [...list.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((t) => utf16(t[1]!));
        targets.forEach((t, i) => {
          if (from + i <= to) out.set(key(from + i, width), t);
        });
      } else {
        const base = utf16(start!);
        // the last UTF-16 unit counts up through the range
        for (let c = from; c <= to; c++) out.set(key(c, width), base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - from)));
      }
    }
  }
  return out;
}

type Operand = { kind: 'hex' | 'str' | 'name' | 'num'; value: string };
type Token = Operand | { kind: 'op'; value: string } | { kind: 'open' } | { kind: 'close' };

function* tokens(content: string): Generator<Token> {
  let i = 0;
  while (i < content.length) {
    const c = content[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '%') i = content.indexOf('\n', i) < 0 ? content.length : content.indexOf('\n', i);
    else if (c === '[' || c === ']') {
      yield { kind: c === '[' ? 'open' : 'close' };
      i++;
    } else if (c === '<' && content[i + 1] !== '<') {
      const end = content.indexOf('>', i);
      yield { kind: 'hex', value: content.slice(i + 1, end).replace(/\s+/g, '').toLowerCase() };
      i = end + 1;
    } else if (c === '(') {
      const end = skipLiteral(content, i);
      yield { kind: 'str', value: unescapeLiteral(content.slice(i + 1, end - 1)) };
      i = end;
    } else if (c === '/') {
      const m = /^\/[^\s/[\]()<>{}%]*/.exec(content.slice(i))!;
      yield { kind: 'name', value: m[0].slice(1) };
      i += m[0].length;
    } else if (c === '<' || c === '>') {
      i += 2; // inline dictionaries (marked content): not text
    } else {
      const m = /^[^\s/[\]()<>{}%]+/.exec(content.slice(i))!;
      yield /^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[0]) ? { kind: 'num', value: m[0] } : { kind: 'op', value: m[0] };
      i += m[0].length;
    }
  }
}

function unescapeLiteral(s: string): string {
  const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_, e: string) => {
    const escape = named[e];
    if (escape !== undefined) return escape;
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return e.startsWith('\n') || e.startsWith('\r') ? '' : e;
  });
}

/** The text of every page, one line per text object. */
export function extractText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const ref = (s: string) => objects.get(Number(s));
  // font resource name → its ToUnicode map (pdfkit names fonts F1, F2, … once per document)
  const fonts = new Map<string, Map<string, string> | null>();
  for (const o of objects.values()) {
    for (const block of o.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const [, name, num] of block[1]!.matchAll(/\/([^\s/]+)\s+(\d+)\s+\d+\s+R/g)) {
        const toUnicode = /\/ToUnicode\s+(\d+)\s+\d+\s+R/.exec(ref(num!)?.dict ?? '');
        const cmap = toUnicode ? ref(toUnicode[1]!)?.stream : null;
        fonts.set(name!, cmap ? parseToUnicode(cmap.toString('latin1')) : null);
      }
    }
  }
  const lines: string[] = [];
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page(?![a-zA-Z])/.test(o.dict));
  for (const page of pages) {
    const contents = /\/Contents\s+(?:(\d+)\s+\d+\s+R|\[([^\]]*)\])/.exec(page.dict);
    const refs = contents ? (contents[1] ? [contents[1]] : [...contents[2]!.matchAll(/(\d+)\s+\d+\s+R/g)].map((r) => r[1]!)) : [];
    const content = refs.map((r) => ref(r)?.stream?.toString('latin1') ?? '').join('\n');
    let font: Map<string, string> | null = null;
    let line = '';
    let operands: Operand[] = [];
    let array: Operand[] | null = null;
    let inArray = false;
    const show = (t: { kind: string; value: string }) => {
      if (t.kind === 'num') {
        if (Number(t.value) < -200) line += ' ';
      } else if (t.kind === 'hex' && font) {
        const width = font.keys().next().value?.length ?? 4;
        for (let k = 0; k < t.value.length; k += width) line += font.get(t.value.slice(k, k + width)) ?? '\ufffd';
      } else if (t.kind === 'hex') {
        line += Buffer.from(t.value, 'hex').toString('latin1');
      } else {
        line += t.value;
      }
    };
    for (const t of tokens(content)) {
      if (t.kind === 'open' || t.kind === 'close') {
        if (t.kind === 'open') array = [];
        inArray = t.kind === 'open';
      } else if (t.kind !== 'op') (inArray ? array! : operands).push(t);
      else {
        if (t.value === 'BT') line = '';
        else if (t.value === 'ET') {
          if (line.trim()) lines.push(line);
        } else if (t.value === 'Tf') font = fonts.get(operands.find((o) => o.kind === 'name')?.value ?? '') ?? null;
        else if (t.value === 'TJ') array?.forEach(show);
        else if (t.value === 'Tj' || t.value === "'" || t.value === '"') show(operands[operands.length - 1]!);
        operands = [];
        array = null;
      }
    }
  }
  return lines.join('\n');
}

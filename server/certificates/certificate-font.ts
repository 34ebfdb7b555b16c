// The CJK font of certificates: Noto Sans SC (Simplified Chinese) from @embedpdf/fonts-sc,
// which `npm install` brings; no system font is assumed. Each OTF is 8 MB: it is read and
// parsed once per process, on first use, and every document embeds only the glyphs it
// prints (pdfkit subsets the font per document). The parser is fontkit as pdfkit itself
// resolves it (its own dependency), so the object is exactly what pdfkit would build from
// the file's bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** What pdfkit needs of a parsed font (a fontkit Font); opaque here. */
export interface ParsedFont {
  layout(text: string): unknown;
}

interface Fontkit {
  create(buffer: Uint8Array): ParsedFont;
}

export interface CertificateFonts {
  regular: ParsedFont;
  bold: ParsedFont;
}

const FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;

let loaded: CertificateFonts | null = null;

/** The folder of the package's OTF files (its `exports` name only the entry module). */
export function fontDir(): string {
  return path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
}

/** The parsed fonts, loaded on first use and kept for the life of the process. */
export function certificateFonts(): CertificateFonts {
  if (loaded) return loaded;
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
  const parse = (file: string) => fontkit.create(readFileSync(path.join(fontDir(), file)));
  loaded = { regular: parse(FILES.regular), bold: parse(FILES.bold) };
  return loaded;
}

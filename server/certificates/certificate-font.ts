// The CJK font of certificates: Noto Sans SC Regular (Simplified Chinese) from
// @embedpdf/fonts-sc, which `npm install` brings; no system font is assumed. The OTF is 8 MB:
// it is read and parsed once per process, on first use, and every document embeds only the
// glyphs it prints (pdfkit subsets the font per document). One weight only: subsetting this
// CFF font is most of a PDF's cost, and a second weight doubled it (headings are drawn
// filled and stroked instead). The parser is fontkit as pdfkit itself
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

const FILE = 'NotoSansHans-Regular.otf';

let loaded: ParsedFont | null = null;

/** The folder of the package's OTF files (its `exports` name only the entry module). */
export function fontDir(): string {
  return path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
}

/** The parsed font, loaded on first use and kept for the life of the process. */
export function certificateFont(): ParsedFont {
  if (loaded) return loaded;
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
  loaded = fontkit.create(readFileSync(path.join(fontDir(), FILE)));
  return loaded;
}

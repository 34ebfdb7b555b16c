// The tests' PDF text extractor (test/certificates/pdf-text.ts), checked against PDFs whose
// text is known: pdfkit's own output with a standard font and with the embedded CJK font
// (a CID font with a ToUnicode map), compressed or not, and hand-written CMaps in the forms
// other writers use.
import PDFDocument from 'pdfkit';
import { certificateFont } from '../../server/certificates/certificate-font';
import { extractText, parseToUnicode, readObjects } from '../certificates/pdf-text';

function pdfOf(draw: (doc: PDFKit.PDFDocument) => void, compress = true): Promise<Buffer> {
  const doc = new PDFDocument({ compress });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

describe('PDF text extraction (test support)', () => {
  it('reads a standard-font text line back, compressed and not', async () => {
    for (const compress of [true, false]) {
      const pdf = await pdfOf((doc) => doc.font('Helvetica').text('Hello, certificate 2025'), compress);
      expect(extractText(pdf)).toBe('Hello, certificate 2025');
    }
  });

  it('reads Chinese text in the embedded CJK font through its ToUnicode map, line by line, across fonts, rendering modes and pages', async () => {
    const font = certificateFont() as unknown as Buffer;
    const pdf = await pdfOf((doc) => {
      doc.registerFont('cjk', font);
      doc.font('cjk').text('济宁市专业技术人员继续教育学时证明', { fill: true, stroke: true });
      doc.font('Helvetica').text('ID 3708**********1234');
      doc.font('cjk').text('兹证明 欧阳明（身份证号 3708**********1234）');
      doc.addPage().font('cjk').text('公需科目 30 学时，专业科目 60.5 学时');
    });
    expect(extractText(pdf).split('\n')).toEqual(['济宁市专业技术人员继续教育学时证明', 'ID 3708**********1234', '兹证明 欧阳明（身份证号 3708**********1234）', '公需科目 30 学时，专业科目 60.5 学时']);
    // the text is not in the file as plain bytes: only the map reads it
    expect(pdf.toString('utf8')).not.toContain('欧阳明');
  });

  it('a different text reads differently (the extractor does not echo a constant)', async () => {
    const pdf = await pdfOf((doc) => doc.font(certificateFont() as unknown as Buffer).text('张三 59 学时'));
    expect(extractText(pdf)).toBe('张三 59 学时');
    expect(extractText(pdf)).not.toContain('60');
  });

  it('ToUnicode: bfchar, a bfrange with a start value, a bfrange with an array, and a surrogate pair', () => {
    const map = parseToUnicode(`1 begincodespacerange <0000><ffff> endcodespacerange
      2 beginbfchar <0003> <0041> <0004> <d83d de00> endbfchar
      2 beginbfrange <0010> <0012> <5f20> <0020> <0021> [<674e> <0032 0030>] endbfrange`);
    expect(map.get('0003')).toBe('A');
    expect(map.get('0004')).toBe('😀');
    // U+5F20 张, then U+5F21 and U+5F22: the range counts up from its start
    expect([map.get('0010'), map.get('0011'), map.get('0012')]).toEqual(['\u5f20', '\u5f21', '\u5f22']);
    expect([map.get('0020'), map.get('0021')]).toEqual(['李', '20']);
    expect(map.has('0013')).toBe(false);
  });

  it('refuses what is not a PDF, and lists the objects of one', async () => {
    expect(() => extractText(Buffer.from('<html></html>'))).toThrow('not a PDF');
    const objects = readObjects(await pdfOf((doc) => doc.text('x')));
    expect([...objects.values()].some((o) => /\/Type\s*\/Catalog/.test(o.dict))).toBe(true);
  });
});

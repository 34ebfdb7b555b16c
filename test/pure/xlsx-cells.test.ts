// The cells of an export (server/exports/xlsx-stream.ts): text that a spreadsheet could take
// for a formula is written inert (a leading apostrophe, as a text cell), everything else as it
// is; dates are date cells with their format; the workbook streamed out reads back in exceljs.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { chinaTimeCell, dateCell, inertText, XlsxStream } from '../../server/exports/xlsx-stream';

describe('inertText', () => {
  it.each(['=1+1', '+86 138', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '\n=1', '＝1+1', '＋1', '－1', '＠A1', '=HYPERLINK("http://x","y")'])(
    '%j begins like a formula: it gets a leading apostrophe',
    (text) => expect(inertText(text)).toBe(`'${text}`),
  );

  it.each(['甲一医院', '3701**********1234', '1-2', 'a=b', ' =1', "'=1", ''])('%j is kept as it is', (text) => expect(inertText(text)).toBe(text));

  it('cuts a text longer than a cell holds (32,767 characters)', () => {
    const long = inertText('长'.repeat(40000));
    expect(long).toHaveLength(32767);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('a streamed workbook', () => {
  it('reads back: headers, widths, inert text cells, numbers, date and China-time cells', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const book = await XlsxStream.open(out, 1000);
    const sheet = book.sheet<{ name: string; n: number; day: string; at: Date }>('名单', [
      { header: '名称', width: 20, value: (r) => r.name },
      { header: '数量', width: 8, value: (r) => r.n, format: 'number' },
      { header: '日期', width: 12, value: (r) => dateCell(r.day), format: 'date' },
      { header: '时间', width: 20, value: (r) => chinaTimeCell(r.at), format: 'datetime' },
    ]);
    await sheet.add([
      { name: '=cmd|" /C calc"!A0', n: -5, day: '2026-01-31', at: new Date('2026-01-31T16:30:00Z') },
      { name: '乙一医院', n: 7, day: '2025-12-01', at: new Date('2025-12-01T00:00:00Z') },
    ]);
    sheet.commit();
    await book.finish();
    expect(book.dataRows).toBe(2);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const s = read.getWorksheet('名单')!;
    expect(s.getRow(1).values).toEqual([undefined, '名称', '数量', '日期', '时间']);
    expect(s.getColumn(1).width).toBe(20);
    expect(s.getCell('A2').value).toBe(`'=cmd|" /C calc"!A0`);
    expect(s.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(s.getCell('B2').value).toBe(-5);
    expect(s.getCell('C2').value).toEqual(new Date('2026-01-31T00:00:00Z'));
    expect(s.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    // 16:30 UTC is half past midnight the next day in China
    expect(s.getCell('D2').value).toEqual(new Date('2026-02-01T00:30:00Z'));
    expect(s.getCell('D2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

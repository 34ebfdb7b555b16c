// What the upload refuses, with a clear error and nothing stored: a file that is not a
// spreadsheet, one over the size limit (declared, or found while it streams in), one that
// unpacks far beyond its size, too many rows, the wrong headers, no rows, uploads beyond
// the daily allowance; who may import into which unit; and the template itself.
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import { dryRun, errorOf, HEADERS, person, report, streamingImport, uploadImport, workbook, zipOf } from './staff-import-support';

const MAX_BYTES = 256 * 1024;
const MAX_ROWS = 50;
const DAILY = 40;

let app: TestApp;
let t: TenantFixture;
let scratch: string;
let previousTmp: string | undefined;

beforeAll(async () => {
  // the server's temporary files go to a folder of this file's own, to check that none stay
  previousTmp = process.env.TMPDIR;
  scratch = mkdtempSync(path.join(tmpdir(), 'si-files-'));
  process.env.TMPDIR = scratch;
  app = await startTestApp({ STAFF_IMPORT_MAX_BYTES: String(MAX_BYTES), STAFF_IMPORT_MAX_ROWS: String(MAX_ROWS), STAFF_IMPORT_DAILY_UPLOADS: String(DAILY) });
  t = await createTenantFixture(app, 'sif');
});
afterAll(async () => {
  await app.close();
  if (previousTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmp;
  rmSync(scratch, { recursive: true, force: true });
});

const A1 = '甲一医院';
const unit = () => t.accounts.unitA1.token;
const jobCount = async () => (await app.owner.query(`SELECT count(*)::int AS n FROM staff_import_job WHERE tenant_id = $1`, [t.tenantId]))[0].n as number;
const leftovers = () => readdirSync(scratch);
type UploadErrors = { errors: { extensions: { code: string } }[] };

describe('POST /staff-imports refuses, storing nothing', () => {
  it.each([
    ['a text file named .xlsx', 'STAFF_IMPORT_NOT_SPREADSHEET', 415, () => Buffer.from('姓名,身份证号码\n张三,110105194912310029\n')],
    ['a PDF', 'STAFF_IMPORT_NOT_SPREADSHEET', 415, () => Buffer.from('%PDF-1.7\n%%EOF\n')],
    ['an old .xls (OLE2) workbook', 'STAFF_IMPORT_NOT_SPREADSHEET', 415, () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)])],
    ['a ZIP that is not a workbook (a .docx)', 'STAFF_IMPORT_NOT_SPREADSHEET', 415, () => zipOf({ '[Content_Types].xml': Buffer.from('<Types/>'), 'word/document.xml': Buffer.from('<w:document/>') })],
    ['an empty file', 'STAFF_IMPORT_NOT_SPREADSHEET', 415, () => Buffer.alloc(0)],
    [
      'a workbook whose text unpacks to 60 MB (a ZIP bomb)',
      'STAFF_IMPORT_TOO_LARGE',
      413,
      () => zipOf({ 'xl/workbook.xml': Buffer.from('<workbook/>'), 'xl/worksheets/sheet1.xml': Buffer.from('<worksheet/>'), 'xl/sharedStrings.xml': Buffer.alloc(60 * 1024 * 1024, 0x20) }),
    ],
  ] as const)('%s: %s (%d)', async (_what, code, status, bytes) => {
    const before = await jobCount();
    const answer = await uploadImport(app, unit(), bytes());
    expect(answer.status).toBe(status);
    expect(errorOf(answer)).toMatchObject({ code, field: 'file' });
    expect(errorOf(answer).message).toMatch(/[\u4e00-\u9fff]/);
    expect(await jobCount()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('a workbook whose compressed data is damaged: STAFF_IMPORT_NOT_SPREADSHEET, nothing stored', async () => {
    const good = await workbook(Array.from({ length: 40 }, () => person(A1)));
    const damaged = Buffer.from(good);
    // scramble the middle of the worksheet's compressed bytes (entries follow one another: header, name, extra, data)
    for (let at = 0; damaged.readUInt32LE(at) === 0x04034b50; ) {
      const dataAt = at + 30 + damaged.readUInt16LE(at + 26) + damaged.readUInt16LE(at + 28);
      const size = damaged.readUInt32LE(at + 18);
      if (damaged.toString('utf8', at + 30, at + 30 + damaged.readUInt16LE(at + 26)) === 'xl/worksheets/sheet1.xml') {
        for (let i = dataAt + 10; i < dataAt + size - 10; i++) damaged[i] = (damaged[i]! * 7 + 13) & 0xff;
      }
      at = dataAt + size;
    }
    const before = await jobCount();
    const answer = await uploadImport(app, unit(), damaged);
    expect([answer.status, errorOf(answer).code]).toEqual([415, 'STAFF_IMPORT_NOT_SPREADSHEET']);
    expect(await jobCount()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('a 100 MB upload (its size declared): 413 STAFF_IMPORT_TOO_LARGE before a byte of it is read, with the limit', async () => {
    const before = await jobCount();
    const req = http.request(`${app.url}/staff-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${unit()}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(100 * 1024 * 1024) },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    req.write('--x\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\n\r\nPK');
    const res = await answer;
    req.destroy();
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0]).toMatchObject({ extensions: { code: 'STAFF_IMPORT_TOO_LARGE', field: 'file' }, message: expect.stringContaining('256 KB') });
    expect(await jobCount()).toBe(before);
  });

  it('an upload streamed without a length: 413 the moment it passes the limit, the rest unread, no temporary file left', async () => {
    const before = await jobCount();
    const up = streamingImport(app, unit());
    const chunk = Buffer.alloc(16 * 1024, 0x41);
    // four times the limit, and the request is never ended: only a server that stops reading can answer
    for (let written = 0; written < 4 * MAX_BYTES; written += chunk.length) {
      await Promise.race([up.write(chunk), up.response.catch(() => undefined)]);
    }
    const res = await up.response;
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0].extensions).toEqual({ code: 'STAFF_IMPORT_TOO_LARGE', field: 'file' });
    expect(res.headers.connection).toBe('close');
    up.req.destroy();
    expect(await jobCount()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it.each([
    ['more rows than STAFF_IMPORT_MAX_ROWS', async () => workbook(Array.from({ length: MAX_ROWS + 1 }, () => person(A1))), 'STAFF_IMPORT_TOO_MANY_ROWS', 413, `最多 ${MAX_ROWS} 人`],
    ['a sheet without the template headers', async () => workbook([person(A1)], { headers: ['名字', '证件', '号码'] }), 'STAFF_IMPORT_HEADERS', 400, '未找到表头'],
    ['a header row missing a required column', async () => workbook([person(A1)], { headers: HEADERS.filter((h) => h !== '职称系列*') }), 'STAFF_IMPORT_HEADERS', 400, '职称系列'],
    ['the template with no one filled in', async () => workbook([['张三', '11010519491231002X', '某某单位', '中级', '卫生', '事业单位', '13800000000', '2020-09-01'], []]), 'STAFF_IMPORT_EMPTY', 400, '第 2 行'],
  ])('%s', async (_what, make, code, status, words) => {
    const before = await jobCount();
    const answer = await uploadImport(app, unit(), await make());
    expect([answer.status, errorOf(answer).code]).toEqual([status, code]);
    expect(errorOf(answer).message).toContain(words);
    expect(await jobCount()).toBe(before);
  });

  it('a form without a file, or with the file under another name: 400', async () => {
    const form = new FormData();
    form.append('other', new Blob([await workbook([person(A1)])]), 'a.xlsx');
    const res = await fetch(`${app.url}/staff-imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${unit()}` } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as UploadErrors).errors[0]!.extensions.code).toBe('STAFF_IMPORT_UPLOAD_INVALID');
    const empty = new FormData();
    empty.append('note', 'x');
    const none = await fetch(`${app.url}/staff-imports`, { method: 'POST', body: empty, headers: { authorization: `Bearer ${unit()}` } });
    expect([none.status, ((await none.json()) as UploadErrors).errors[0]!.extensions.code]).toEqual([400, 'STAFF_IMPORT_FILE_MISSING']);
  });
});

describe('who may import, and into which units', () => {
  it('a professional is refused (403), an anonymous caller too (401), for the upload and the template', async () => {
    const file = await workbook([person(A1)]);
    expect((await uploadImport(app, t.accounts.personA1.token, file)).status).toBe(403);
    expect((await uploadImport(app, null, file)).status).toBe(401);
    expect((await fetch(`${app.url}/staff-imports/template`, { headers: { authorization: `Bearer ${t.accounts.personA1.token}` } })).status).toBe(403);
    expect((await fetch(`${app.url}/staff-imports/template`)).status).toBe(401);
  });

  it('a unit official cannot import into another unit: it is not found in their scope', async () => {
    const id = await dryRun(app, unit(), await workbook([person(A1), person('甲二中学'), person('乙一医院')]));
    const { errors, job } = await report(app, unit(), id);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'UNIT', 'UNIT_UNKNOWN'],
      [4, 'UNIT', 'UNIT_UNKNOWN'],
    ]);
    expect(job).toMatchObject({ validRows: 1 });
  });

  it('a department official imports into the units below the department only', async () => {
    const id = await dryRun(app, t.accounts.deptA.token, await workbook([person(A1), person('甲二中学'), person('乙一医院')]));
    const { errors } = await report(app, t.accounts.deptA.token, id);
    expect(errors.map((e) => [e.row, e.code])).toEqual([[4, 'UNIT_UNKNOWN']]);
  });

  it('uploads beyond the daily allowance: 429 before the file is read', async () => {
    const account = t.accounts.deptA;
    await app.owner.query(
      `INSERT INTO staff_import_count (tenant_id, account_id, day, uploads) VALUES ($1, $2, (now() AT TIME ZONE 'Asia/Shanghai')::date, $3)
       ON CONFLICT (tenant_id, account_id) DO UPDATE SET day = EXCLUDED.day, uploads = EXCLUDED.uploads`,
      [t.tenantId, account.id, DAILY],
    );
    const answer = await uploadImport(app, account.token, await workbook([person(A1)]));
    expect([answer.status, errorOf(answer).code]).toEqual([429, 'STAFF_IMPORT_QUOTA_EXCEEDED']);
    await app.owner.query(`UPDATE staff_import_count SET uploads = 0 WHERE tenant_id = $1 AND account_id = $2`, [t.tenantId, account.id]);
  });
});

describe('GET /staff-imports/template', () => {
  it('an .xlsx with Chinese headers, an example row, drop-down lists, text-formatted ID column and instructions', async () => {
    const res = await fetch(`${app.url}/staff-imports/template`, { headers: { authorization: `Bearer ${t.accounts.deptA.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('专业技术人员信息导入表.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const [data, help, lists] = [wb.getWorksheet('人员信息')!, wb.getWorksheet('填写说明')!, wb.getWorksheet('选项')!];
    expect(data.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(data.getRow(2).getCell(2).value).toBe('11010519491231002X');
    expect(data.getColumn(2).numFmt).toBe('@');
    expect(lists.state).toBe('hidden');
    const listOf = (column: number) => lists.getColumn(column).values.slice(2).filter((v) => v != null);
    expect(listOf(1)).toEqual(['无职称', '员级', '助理级', '中级', '副高级', '正高级']);
    expect(listOf(2)).toContain('中小学教师');
    expect(listOf(3)).toContain('事业单位');
    // the department's units, and no other
    expect(listOf(4)).toEqual(['甲一医院', '甲二中学']);
    const rule = (address: string) => (data as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model[address];
    expect(rule('D3')).toMatchObject({ type: 'list', formulae: ["'选项'!$A$2:$A$7"] });
    expect(rule(`E${MAX_ROWS + 2}`)).toMatchObject({ type: 'list' });
    expect(rule(`E${MAX_ROWS + 3}`)).toBeUndefined();
    expect(rule('F3')).toMatchObject({ type: 'list', formulae: ["'选项'!$C$2:$C$8"] });
    expect(rule('C3')).toMatchObject({ type: 'list', formulae: ["'选项'!$D$2:$D$3"] });
    const text = help.getSheetValues().flat().filter((v): v is string => typeof v === 'string').join(' ');
    expect(text).toContain('只导入无错误的行');
    expect(text).toContain('11010519491231002X');
  });

  it('the template filled in as it is imports cleanly (its example row skipped)', async () => {
    const res = await fetch(`${app.url}/staff-imports/template`, { headers: { authorization: `Bearer ${unit()}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    wb.getWorksheet('人员信息')!.addRow(person(A1));
    const id = await dryRun(app, unit(), Buffer.from(await wb.xlsx.writeBuffer()));
    const { job, errors } = await report(app, unit(), id);
    expect(errors).toEqual([]);
    expect(job).toMatchObject({ totalRows: 1, validRows: 1, toCreate: 1 });
  });
});

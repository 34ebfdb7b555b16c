// Spreadsheets for the staff import tests (made with exceljs, as a user's Excel would save
// them), an uploading client, and the GraphQL of the report and the confirmation.
import ExcelJS from 'exceljs';
import http from 'node:http';
import { PassThrough } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import { makeIdNumber } from '../../server/platform/id-number';
import type { GqlResult, QueryData, TestApp } from '../support/harness';

export const HEADERS = ['姓名*', '身份证号码*', '所在单位*', '职称级别*', '职称系列*', '单位性质', '手机号码', '入职本单位日期*'];

/** One data row, by the template's columns: name, ID number, unit, level, series, employer type, phone, joined on. */
export type Row = unknown[];

let seq = 100 + Math.floor(Math.random() * 800);
/** A valid ID number no other test uses. */
export function newIdNumber(): string {
  return makeIdNumber('371302', '19870415', seq++ % 1000);
}

/** A person's row in the given unit, valid unless overridden. */
export function person(unit: string, overrides: Partial<Record<'name' | 'idNumber' | 'level' | 'series' | 'employer' | 'phone' | 'joined', unknown>> = {}): Row {
  const v = { name: '王建国', idNumber: newIdNumber(), level: '中级', series: '卫生', employer: null, phone: '13805391234', joined: '2018-03-01', ...overrides };
  return [v.name, v.idNumber, unit, v.level, v.series, v.employer, v.phone, v.joined];
}

/** An .xlsx with the template's header row and `rows` below it (sheet 人员信息). */
export async function workbook(rows: readonly Row[], options: { headers?: readonly string[]; sheets?: string[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const name of options.sheets ?? []) wb.addWorksheet(name).addRow(['说明']);
  const ws = wb.addWorksheet('人员信息');
  ws.addRow([...(options.headers ?? HEADERS)]);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ImportAnswer {
  status: number;
  body: {
    id?: string;
    status?: string;
    totalRows?: number;
    validRows?: number;
    invalidRows?: number;
    errorCount?: number;
    toCreate?: number;
    toUpdate?: number;
    toLeaveUnchanged?: number;
    errors?: { message: string; extensions: { code: string; field?: string } }[];
  };
}

/** POSTs one workbook to /staff-imports as a browser's form does. */
export async function uploadImport(app: TestApp, token: string | null, bytes: Buffer, fileName = '人员信息导入表.xlsx'): Promise<ImportAnswer> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName);
  const res = await fetch(`${app.url}/staff-imports`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as ImportAnswer['body'] };
}

/** Uploads and expects a dry run: the job's id. */
export async function dryRun(app: TestApp, token: string, bytes: Buffer): Promise<string> {
  const answer = await uploadImport(app, token, bytes);
  if (answer.status !== 201 || !answer.body.id) throw new Error(`upload refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

export function errorOf(answer: ImportAnswer): { code?: string; field?: string; message?: string } {
  const e = answer.body.errors?.[0];
  return { code: e?.extensions.code, field: e?.extensions.field, message: e?.message };
}

export interface RowError {
  row: number;
  column: string;
  columnLabel: string;
  code: string;
  detail: string | null;
  message: string;
}

const JOB = `query($id: ID!, $after: String) { staffImport(id: $id) {
  id status totalRows validRows invalidRows errorCount toCreate toUpdate toLeaveUnchanged
  result { mode created updated unchanged skipped }
  errors(first: 100, after: $after) { totalCount nodes { row column columnLabel code detail message } pageInfo { hasNextPage endCursor } } } }`;

/** The job with every one of its errors (all pages). */
export async function report(app: TestApp, token: string, id: string): Promise<{ job: Record<string, unknown>; errors: RowError[] }> {
  const errors: RowError[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GqlResult = await app.gql(JOB, { id, after }, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    const job: QueryData = r.data.staffImport;
    if (!job) throw new Error('no such import');
    errors.push(...job.errors.nodes);
    if (!job.errors.pageInfo.hasNextPage) return { job, errors };
    after = job.errors.pageInfo.endCursor;
  }
}

export const CONFIRM = `mutation($id: ID!, $mode: StaffImportMode!) { confirmStaffImport(id: $id, mode: $mode) {
  id status result { mode created updated unchanged skipped } } }`;

/** Professionals of a tenant by ID number, read as the owner. */
export async function peopleByIdNumber(app: TestApp, tenantId: string, idNumbers: readonly string[]): Promise<Record<string, unknown>[]> {
  return app.owner.query(
    `SELECT id, id_number, name, unit_id, title_level, title_series, phone, joined_unit_on::text AS joined_unit_on, version
       FROM professional WHERE tenant_id = $1 AND id_number = ANY($2) ORDER BY id_number`,
    [tenantId, idNumbers],
  );
}

export async function professionalCount(app: TestApp, tenantId: string): Promise<number> {
  const [row] = await app.owner.query(`SELECT count(*)::int AS n FROM professional WHERE tenant_id = $1`, [tenantId]);
  return row.n;
}

/**
 * An upload to /staff-imports sent by hand, in chunks, without a Content-Length (as a client
 * streaming a file does): the multipart head, then whatever the test writes.
 */
export function streamingImport(app: TestApp, token: string) {
  const boundary = `----ceTest${Date.now().toString(36)}`;
  const req = http.request(`${app.url}/staff-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
  });
  const response = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  response.catch(() => undefined);
  req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return {
    req,
    response,
    write: (bytes: Buffer) => new Promise<void>((resolve) => (req.write(bytes) ? resolve() : req.once('drain', () => resolve()))),
  };
}

/** A ZIP archive of the given entries (deflated), written by hand: a .docx-like file, or a workbook that unpacks far beyond its size. */
export function zipOf(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The same as `workbook`, written as a stream by exceljs' WorkbookWriter (entries with data descriptors, shared strings after the sheet). */
export async function streamedWorkbook(rows: readonly Row[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('人员信息');
  ws.addRow([...HEADERS]).commit();
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

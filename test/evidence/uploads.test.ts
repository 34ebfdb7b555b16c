// Evidence uploads (POST /uploads) and downloads (GET /uploads/:id): the type
// is read from the bytes, the size is capped while streaming, and a refused,
// oversize or abandoned upload leaves no file and no row. Downloads are for
// the uploader and the officials whose part of the tree holds the uploader.
import { createHash } from 'node:crypto';
import { createTenantFixture, type TenantFixture } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/harness';
import {
  elfExecutable,
  errorOf,
  evidenceRows,
  jpeg,
  pdf,
  png,
  storedFiles,
  streamingUpload,
  upload,
  waitFor,
  windowsExecutable,
} from './evidence-support';

const MAX_BYTES = 64 * 1024;

let app: TestApp;
let t: TenantFixture;
let other: TenantFixture;
const logLines: string[] = [];

beforeAll(async () => {
  app = await startTestApp({ EVIDENCE_MAX_BYTES: String(MAX_BYTES) }, logLines);
  t = await createTenantFixture(app, 'ev');
  other = await createTenantFixture(app, 'evo');
});
afterAll(() => app.close());

const person = () => t.accounts.personA1.token;
const download = (id: string, token?: string) =>
  fetch(`${app.url}/uploads/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('POST /uploads: what is accepted', () => {
  it.each([
    ['a PDF', pdf(), 'cert.pdf', 'application/pdf'],
    ['a JPEG', jpeg(), 'photo.jpg', 'image/jpeg'],
    ['a PNG', png(), 'scan.png', 'image/png'],
  ])('%s is stored: 201 with id, name, type sniffed from the bytes, size and SHA-256; the bytes come back unchanged', async (_what, bytes, name, type) => {
    const answer = await upload(app, person(), bytes, name, 'application/octet-stream');
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      fileName: name,
      contentType: type,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const [row] = await app.owner.query(`SELECT uploaded_by, professional_id, file_name, content_type, bytes FROM evidence_file WHERE id = $1`, [answer.body.id]);
    expect(row).toEqual({ uploaded_by: t.accounts.personA1.id, professional_id: t.people.a1[0].id, file_name: name, content_type: type, bytes: bytes.length });
    const res = await download(answer.body.id!, person());
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${name.replace('.', '\\.')}"; filename\\*=UTF-8''`));
  });

  it('the file name is cleaned: folders and control characters dropped, an extension matching the bytes added, Chinese kept', async () => {
    const answer = await upload(app, person(), pdf(), '..\\..\\etc/继续教育\u202e证书.exe', 'application/pdf');
    expect(answer.status).toBe(201);
    expect(answer.body.fileName).toBe('继续教育证书.exe.pdf');
    const res = await download(answer.body.id!, person());
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="______.exe.pdf"; filename*=UTF-8''${encodeURIComponent('继续教育证书.exe.pdf')}`,
    );
    await res.arrayBuffer();
    const long = await upload(app, person(), png(), `${'长'.repeat(300)}.png`, 'image/png');
    expect([...long.body.fileName!].length).toBe(200);
    expect(long.body.fileName!.endsWith('长.png')).toBe(true);
  });

  it('an official may upload too: the file has no professional', async () => {
    const answer = await upload(app, t.accounts.unitA1.token, pdf());
    expect(answer.status).toBe(201);
    const [row] = await app.owner.query(`SELECT professional_id FROM evidence_file WHERE id = $1`, [answer.body.id]);
    expect(row.professional_id).toBeNull();
  });
});

describe('POST /uploads: what is refused, storing nothing', () => {
  it.each([
    ['a renamed Windows executable (MZ, named cert.pdf, declared application/pdf)', windowsExecutable(), 'cert.pdf', 'application/pdf'],
    ['a Linux executable (ELF) named photo.jpg', elfExecutable(), 'photo.jpg', 'image/jpeg'],
    ['a text file named scan.png', Buffer.from('just some text, not a picture'), 'scan.png', 'image/png'],
    ['an empty file', Buffer.alloc(0), 'empty.pdf', 'application/pdf'],
  ])('%s: 415 EVIDENCE_TYPE_NOT_ALLOWED on `file`, no row, no file', async (_what, bytes, name, type) => {
    const [rowsBefore, filesBefore] = [await evidenceRows(app, t.tenantId), storedFiles(app)];
    const answer = await upload(app, person(), bytes, name, type);
    expect(answer.status).toBe(415);
    expect(errorOf(answer)).toEqual({ code: 'EVIDENCE_TYPE_NOT_ALLOWED', field: 'file', message: expect.stringContaining('PDF、JPEG 或 PNG') });
    expect(await evidenceRows(app, t.tenantId)).toBe(rowsBefore);
    expect(storedFiles(app)).toEqual(filesBefore);
  });

  it('a file over EVIDENCE_MAX_BYTES (with its length declared): 413 EVIDENCE_TOO_LARGE before any byte is stored', async () => {
    const [rowsBefore, filesBefore] = [await evidenceRows(app, t.tenantId), storedFiles(app)];
    const answer = await upload(app, person(), pdf(MAX_BYTES + 20 * 1024));
    expect(answer.status).toBe(413);
    expect(errorOf(answer)).toMatchObject({ code: 'EVIDENCE_TOO_LARGE', field: 'file', message: expect.stringContaining('64 KB') });
    expect(await evidenceRows(app, t.tenantId)).toBe(rowsBefore);
    expect(storedFiles(app)).toEqual(filesBefore);
  });

  it('a file one byte over the limit, inside a form that fits the allowance: 413, nothing stored; exactly the limit is accepted', async () => {
    const [rowsBefore, filesBefore] = [await evidenceRows(app, t.tenantId), storedFiles(app)];
    const over = await upload(app, person(), pdf(MAX_BYTES + 1));
    expect(over.status).toBe(413);
    expect(await evidenceRows(app, t.tenantId)).toBe(rowsBefore);
    expect(storedFiles(app)).toEqual(filesBefore);
    const exact = await upload(app, person(), pdf(MAX_BYTES));
    expect([exact.status, exact.body.bytes]).toEqual([201, MAX_BYTES]);
  });

  it('a streamed upload without a length is cut off once it passes the limit: 413 before the request ends, the server closes the connection, nothing stored', async () => {
    const [rowsBefore, filesBefore] = [await evidenceRows(app, t.tenantId), storedFiles(app)];
    const up = streamingUpload(app, person());
    const closed = new Promise<void>((resolve) => up.req.once('close', () => resolve()));
    const chunk = pdf(8 * 1024);
    // four times the limit, and the request is never ended: only a server that stops reading can answer
    for (let written = 0; written < 4 * MAX_BYTES; written += chunk.length) {
      await Promise.race([up.write(chunk), up.response.catch(() => undefined)]);
    }
    const res = await up.response;
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0].extensions).toEqual({ code: 'EVIDENCE_TOO_LARGE', field: 'file' });
    expect(res.headers.connection).toBe('close');
    await closed;
    await waitFor(() => storedFiles(app).join() === filesBefore.join());
    expect(await evidenceRows(app, t.tenantId)).toBe(rowsBefore);
  });

  it('an upload interrupted half-way (the client goes away): no row, no file, no temporary file; the quota is given back', async () => {
    const [rowsBefore, filesBefore] = [await evidenceRows(app, t.tenantId), storedFiles(app)];
    const quota = async () =>
      ((await app.owner.query(`SELECT files FROM evidence_upload_count WHERE account_id = $1`, [t.accounts.personA1.id]))[0]?.files as number) ?? 0;
    const quotaBefore = await quota();
    const up = streamingUpload(app, person(), 'half.pdf');
    await up.write(pdf(16 * 1024));
    // the server is storing it: a temporary file exists
    await waitFor(() => storedFiles(app).some((f) => f.startsWith('.incoming/')));
    expect(await quota()).toBe(quotaBefore + 1);
    up.req.destroy();
    await waitFor(() => storedFiles(app).join() === filesBefore.join());
    await waitFor(async () => (await quota()) === quotaBefore);
    expect(await evidenceRows(app, t.tenantId)).toBe(rowsBefore);
    // and the server goes on serving
    expect((await upload(app, person(), pdf())).status).toBe(201);
  });

  it.each([
    ['no file in the form', 400, 'EVIDENCE_FILE_MISSING', () => new FormData()],
    ['the file in another field', 400, 'EVIDENCE_UPLOAD_INVALID', () => withFile('attachment')],
    ['two files', 400, 'EVIDENCE_UPLOAD_INVALID', () => { const f = withFile('file'); f.append('file', new Blob([pdf()]), 'b.pdf'); return f; }],
  ])('%s: %i %s, nothing stored', async (_what, status, code, form) => {
    const [rowsBefore, filesBefore] = [await evidenceRows(app, t.tenantId), storedFiles(app)];
    const res = await fetch(`${app.url}/uploads`, { method: 'POST', body: form(), headers: { authorization: `Bearer ${person()}` } });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(code);
    expect(await evidenceRows(app, t.tenantId)).toBe(rowsBefore);
    expect(storedFiles(app)).toEqual(filesBefore);
  });

  it('a body that is not multipart/form-data: 400 EVIDENCE_UPLOAD_INVALID', async () => {
    const res = await fetch(`${app.url}/uploads`, { method: 'POST', body: pdf(), headers: { authorization: `Bearer ${person()}`, 'content-type': 'application/pdf' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('EVIDENCE_UPLOAD_INVALID');
  });

  it('anonymous: 401 UNAUTHENTICATED; a token that is not ours: 401; nothing stored', async () => {
    const filesBefore = storedFiles(app);
    const anonymous = await upload(app, null, pdf());
    expect([anonymous.status, errorOf(anonymous).code]).toEqual([401, 'UNAUTHENTICATED']);
    const forged = await upload(app, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', pdf());
    expect([forged.status, errorOf(forged).code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(storedFiles(app)).toEqual(filesBefore);
  });
});

function withFile(field: string): FormData {
  const form = new FormData();
  form.append(field, new Blob([pdf()], { type: 'application/pdf' }), 'a.pdf');
  return form;
}

describe('GET /uploads/:id: who may read a file', () => {
  let personFile: string;
  let officialFile: string;
  beforeAll(async () => {
    personFile = (await upload(app, person(), pdf())).body.id!;
    officialFile = (await upload(app, t.accounts.unitA1.token, png(), 'notice.png', 'image/png')).body.id!;
  });

  it("a professional's file: the uploader and the officials whose scope holds them (unit, department, bureau) read it", async () => {
    for (const token of [person(), t.accounts.unitA1.token, t.accounts.deptA.token, t.accounts.bureau.token]) {
      const res = await download(personFile, token);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  });

  it('everyone else gets 404, exactly as for an id that does not exist: another tenant, and an official of another department', async () => {
    const otherDept = await app.owner.query(
      `INSERT INTO account (tenant_id, username, display_name, role, org_node_id, password_hash, status)
       VALUES ($1, 'dept-b-' || substr(md5(random()::text), 1, 6), 'dept-b', 'DEPARTMENT_OFFICIAL', $2, 'x', 'ACTIVE') RETURNING id`,
      [t.tenantId, t.nodes.deptB],
    );
    const deptB = (await app.server.tokens.issue({ sub: otherDept[0].id, kind: 'account', tid: t.tenantId })).token;
    const missing = await download('0190a4c8-0000-7000-8000-000000000000', person());
    const missingBody = (await missing.json()) as { errors: { extensions: { code: string } }[] };
    for (const token of [other.accounts.bureau.token, other.accounts.personA1.token, deptB]) {
      const res = await download(personFile, token);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(missingBody);
    }
    expect(missing.status).toBe(404);
    expect(missingBody.errors[0]!.extensions.code).toBe('EVIDENCE_NOT_FOUND');
    expect((await download('not-a-uuid', person())).status).toBe(404);
  });

  it("an official's file (no professional) is read by its uploader only, not by the bureau above", async () => {
    const own = await download(officialFile, t.accounts.unitA1.token);
    expect(own.status).toBe(200);
    await own.arrayBuffer();
    expect((await download(officialFile, t.accounts.bureau.token)).status).toBe(404);
    expect((await download(officialFile, person())).status).toBe(404);
  });

  it('anonymous: 401', async () => {
    expect((await download(personFile)).status).toBe(401);
  });
});

describe('myEvidenceFiles', () => {
  const LIST = `query($first: Int, $after: String) { myEvidenceFiles(first: $first, after: $after) {
    totalCount nodes { id fileName contentType bytes sha256 createdAt downloadUrl } pageInfo { hasNextPage endCursor } } }`;

  it("lists the caller's own uploads, newest first, page by page; never another account's", async () => {
    const fixture = await createTenantFixture(app, 'evl');
    const token = fixture.accounts.deptA.token;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await upload(app, token, pdf(), `n${i}.pdf`)).body.id!);
    await upload(app, fixture.accounts.bureau.token, pdf());
    const first = await app.gql(LIST, { first: 2 }, token);
    expect(first.errors).toBeUndefined();
    expect(first.data.myEvidenceFiles.totalCount).toBe(3);
    expect(first.data.myEvidenceFiles.nodes.map((n: { id: string }) => n.id)).toEqual([ids[2], ids[1]]);
    expect(first.data.myEvidenceFiles.nodes[0]).toMatchObject({ fileName: 'n2.pdf', contentType: 'application/pdf', downloadUrl: `/uploads/${ids[2]}` });
    const second = await app.gql(LIST, { first: 2, after: first.data.myEvidenceFiles.pageInfo.endCursor }, token);
    expect(second.data.myEvidenceFiles.nodes.map((n: { id: string }) => n.id)).toEqual([ids[0]]);
    expect(second.data.myEvidenceFiles.pageInfo.hasNextPage).toBe(false);
  });

  it('anonymous: UNAUTHENTICATED', async () => {
    const r = await app.gql(LIST, {});
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('logs', () => {
  it('carry no token: not of uploads, downloads or refusals', async () => {
    const token = t.accounts.deptA.token;
    const stored = await upload(app, token, pdf());
    expect(stored.status).toBe(201);
    expect((await upload(app, token, windowsExecutable())).status).toBe(415);
    const res = await download(stored.body.id!, token);
    await res.arrayBuffer();
    expect((await download(stored.body.id!, other.accounts.bureau.token)).status).toBe(404);
    await waitFor(() => logLines.filter((l) => l.includes('/uploads')).length >= 4);
    for (const secret of [token, other.accounts.bureau.token]) expect(logLines.filter((l) => l.includes(secret))).toEqual([]);
    expect(logLines.filter((l) => /eyJ[\w-]+\.[\w-]+\./.test(l))).toEqual([]);
  });
});

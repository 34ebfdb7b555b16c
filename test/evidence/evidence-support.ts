// Small files of each kind, an uploading client, and looks at what was stored.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { TestApp } from '../support/harness';

/** A tiny PDF: the header, some bytes, the end marker. */
export function pdf(size = 300): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20), tail]);
}

/** A JPEG's start of image and JFIF marker. */
export function jpeg(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), randomBytes(200), Buffer.from([0xff, 0xd9])]);
}

/** A PNG's signature and IHDR chunk (1×1). */
export function png(): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
  return Buffer.concat([signature, ihdr, randomBytes(64)]);
}

/** A Windows executable's DOS header ("MZ", then "This program cannot be run in DOS mode"). */
export function windowsExecutable(): Buffer {
  const header = Buffer.alloc(128);
  header.write('MZ', 0, 'latin1');
  header.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return header;
}

/** A Linux executable's ELF header. */
export function elfExecutable(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
}

export interface UploadAnswer {
  status: number;
  body: {
    id?: string;
    fileName?: string;
    contentType?: string;
    bytes?: number;
    sha256?: string;
    errors?: { message: string; extensions: { code: string; field?: string } }[];
  };
}

/** POSTs one file as multipart/form-data, the way a browser's form does. */
export async function upload(app: TestApp, token: string | null, bytes: Buffer, fileName = 'cert.pdf', type = 'application/pdf', field = 'file'): Promise<UploadAnswer> {
  const form = new FormData();
  form.append(field, new Blob([bytes], { type }), fileName);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await fetch(`${app.url}/uploads`, { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as UploadAnswer['body'] };
}

export function errorOf(answer: UploadAnswer): { code?: string; field?: string; message?: string } {
  const e = answer.body.errors?.[0];
  return { code: e?.extensions.code, field: e?.extensions.field, message: e?.message };
}

/** Every file under the evidence folder (stored files and unfinished ones), relative to it. */
export function storedFiles(app: TestApp): string[] {
  const walk = (dir: string): string[] => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries.flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.relative(app.evidenceDir, path.join(dir, e.name))]));
  };
  return walk(app.evidenceDir).sort();
}

export async function evidenceRows(app: TestApp, tenantId: string): Promise<number> {
  const [row] = await app.owner.query(`SELECT count(*)::int AS n FROM evidence_file WHERE tenant_id = $1`, [tenantId]);
  return row.n;
}

export async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * An upload sent by hand, in chunks, without a Content-Length (as a client
 * streaming a file does): the multipart head, then whatever the test writes.
 */
export function streamingUpload(app: TestApp, token: string, fileName = 'big.pdf') {
  const boundary = `----ceTest${randomBytes(8).toString('hex')}`;
  const req = http.request(`${app.url}/uploads`, {
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
  req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`);
  return {
    req,
    response,
    write: (bytes: Buffer) => new Promise<void>((resolve) => (req.write(bytes) ? resolve() : req.once('drain', () => resolve()))),
    end: () => req.end(`\r\n--${boundary}--\r\n`),
  };
}

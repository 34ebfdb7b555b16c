// The storage behind evidence files. The folder store is exercised for real;
// the S3 store only for its settings and the client it builds (no S3 server
// runs here), and the configuration that selects it.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { evidenceStorage } from '../../server/evidence/evidence.module';
import { attachmentDisposition, sanitiseFileName } from '../../server/evidence/file-names';
import { ConfigError, loadConfig } from '../../server/platform/config';
import { LocalStorage } from '../../server/platform/local-storage';
import { S3Storage } from '../../server/platform/s3-storage';
import { StorageLimitError, StorageNotFoundError } from '../../server/platform/storage';

let folder: string;
let storage: LocalStorage;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'ce-storage-'));
  storage = new LocalStorage(folder);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const read = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('LocalStorage (a folder)', () => {
  it('stores a stream under its key and answers its size and SHA-256; get gives the bytes back; delete removes it (twice is fine)', async () => {
    const bytes = Buffer.from('%PDF-1.7 certificate');
    expect(await storage.put('tenant/file-1', Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]), 100)).toEqual({
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(await read(await storage.get('tenant/file-1'))).toEqual(bytes);
    expect(filesIn(folder)).toEqual([path.join(folder, 'tenant', 'file-1')]);
    await storage.delete('tenant/file-1');
    await storage.delete('tenant/file-1');
    await expect(storage.get('tenant/file-1')).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it('over maxBytes: StorageLimitError, the rest of the stream is not read, and no file is left (not even a temporary one)', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024));
      },
    });
    await expect(storage.put('tenant/big', endless, 10 * 1024)).rejects.toBeInstanceOf(StorageLimitError);
    expect(pulled).toBeLessThan(100);
    expect(endless.destroyed).toBe(true);
    expect(filesIn(folder)).toEqual([]);
  });

  it('a stream that fails half-way (a client gone): the error comes through and no file is left', async () => {
    async function* halfway() {
      yield Buffer.alloc(4096);
      throw new Error('connection reset');
    }
    await expect(storage.put('tenant/half', Readable.from(halfway()), 1 << 20)).rejects.toThrow('connection reset');
    expect(filesIn(folder)).toEqual([]);
  });

  it.each(['../outside', '/etc/passwd', 'tenant/../../x', '.hidden', 'tenant/.incoming', 'a//b', ''])('refuses the key %j', async (key) => {
    await expect(storage.put(key, Readable.from([Buffer.from('x')]), 10)).rejects.toThrow('not a storage key');
    await expect(storage.get(key)).rejects.toThrow('not a storage key');
    await expect(storage.delete(key)).rejects.toThrow('not a storage key');
  });
});

describe('S3Storage (settings only: no S3 server runs in these tests)', () => {
  it('builds its client from the settings: endpoint, region, path-style addressing and the given keys', async () => {
    const s3 = new S3Storage({ endpoint: 'http://127.0.0.1:9000', bucket: 'evidence', region: 'cn-north-1', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example', forcePathStyle: true });
    const client = await s3.s3();
    expect(await client.config.region()).toBe('cn-north-1');
    expect(client.config.forcePathStyle).toBe(true);
    expect(await client.config.endpoint!()).toMatchObject({ protocol: 'http:', hostname: '127.0.0.1', port: 9000 });
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example' });
    expect(await s3.s3()).toBe(client);
    client.destroy();
  });

  it.each([
    ['a bucket name with capitals', { bucket: 'Evidence' }, 'bucket'],
    ['a region with spaces', { region: 'cn north' }, 'region'],
    ['an endpoint that is not a URL', { endpoint: 'minio:9000' }, 'endpoint'],
    ['a key id without its secret', { accessKeyId: 'AKID', secretAccessKey: undefined }, 'both'],
  ])('refuses %s', (_what, change, message) => {
    const settings = { bucket: 'evidence', region: 'cn-north-1', forcePathStyle: false, ...change };
    expect(() => new S3Storage(settings)).toThrow(message);
  });
});

describe('configuration of the evidence store', () => {
  it('defaults: a folder under DATA_DIR, 10 MiB a file, 200 uploads an account a day', () => {
    const config = loadConfig({ DATA_DIR: '/srv/ce' });
    expect([config.EVIDENCE_STORE, config.EVIDENCE_DIR, config.EVIDENCE_MAX_BYTES, config.EVIDENCE_DAILY_UPLOADS]).toEqual(['local', path.join('/srv/ce', 'evidence'), 10 * 1024 * 1024, 200]);
    expect(evidenceStorage(config)).toBeInstanceOf(LocalStorage);
    expect((evidenceStorage(loadConfig({ EVIDENCE_DIR: '/mnt/evidence' })) as LocalStorage).root).toBe('/mnt/evidence');
  });

  it('EVIDENCE_STORE=s3 selects the S3 store; path-style addressing is on with an endpoint unless turned off', () => {
    const s3 = { EVIDENCE_STORE: 's3', S3_BUCKET: 'ce-evidence', S3_REGION: 'cn-north-1' };
    const onAws = loadConfig(s3);
    expect(onAws.S3_FORCE_PATH_STYLE).toBe(false);
    const store = evidenceStorage(loadConfig({ ...s3, S3_ENDPOINT: 'https://minio.internal:9000' }));
    expect(store).toBeInstanceOf(S3Storage);
    expect((store as S3Storage).settings).toMatchObject({ endpoint: 'https://minio.internal:9000', bucket: 'ce-evidence', region: 'cn-north-1', forcePathStyle: true });
    expect(loadConfig({ ...s3, S3_ENDPOINT: 'https://minio.internal:9000', S3_FORCE_PATH_STYLE: 'false' }).S3_FORCE_PATH_STYLE).toBe(false);
  });

  it.each([
    ['no bucket', { S3_REGION: 'cn-north-1' }, 'S3_BUCKET: required'],
    ['no region', { S3_BUCKET: 'ce-evidence' }, 'S3_REGION: required'],
    ['a key id without its secret', { S3_BUCKET: 'ce-evidence', S3_REGION: 'cn-north-1', S3_ACCESS_KEY_ID: 'AKID' }, 'set both or neither'],
    ['an endpoint that is not http(s)', { S3_BUCKET: 'ce-evidence', S3_REGION: 'cn-north-1', S3_ENDPOINT: 'ftp://files' }, 'S3_ENDPOINT'],
  ])('EVIDENCE_STORE=s3 with %s stops the start, naming the variable', (_what, env, message) => {
    expect(() => loadConfig({ EVIDENCE_STORE: 's3', ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ EVIDENCE_STORE: 's3', ...env })).toThrow(message);
  });

  it.each([['EVIDENCE_MAX_BYTES', '10'], ['EVIDENCE_DAILY_UPLOADS', '0'], ['EVIDENCE_STORE', 'ftp']])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('file names', () => {
  it.each([
    ['C:\\Users\\王\\证书.PDF', 'application/pdf', '证书.PDF'],
    ['scan', 'image/png', 'scan.png'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['invoice.exe', 'application/pdf', 'invoice.exe.pdf'],
    ['a\u0000b\u0007c\u202ed.pdf', 'application/pdf', 'abcd.pdf'],
    ['  ..hidden.. ', 'application/pdf', 'hidden.pdf'],
    ['a<b>c:d"e|f?g*.png', 'image/png', 'a_b_c_d_e_f_g_.png'],
    ['', 'image/jpeg', '证明材料.jpg'],
    [undefined, 'application/pdf', '证明材料.pdf'],
  ])('%j as %s is kept as %j', (given, type, kept) => {
    expect(sanitiseFileName(given, type as 'application/pdf')).toBe(kept);
  });

  it('a download names the file for old clients in ASCII and exactly in UTF-8', () => {
    expect(attachmentDisposition('证书 "1".pdf')).toBe(`attachment; filename="__ _1_.pdf"; filename*=UTF-8''%E8%AF%81%E4%B9%A6%20%221%22.pdf`);
  });
});

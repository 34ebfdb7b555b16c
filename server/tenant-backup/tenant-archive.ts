// The file a tenant backup is: a gzipped tar whose first entry is manifest.json
// (what the file holds and the SHA-256 of every other entry), then one CSV per
// table (COPY's own format, so every value comes back exactly as PostgreSQL
// wrote it), then the evidence files under their storage keys. The checksums
// catch a damaged or edited entry; they are not a signature (whoever can edit
// the file can edit the manifest too).
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { z } from 'zod';
import { MeteredStream, type StoredObject } from '../platform/storage';

export const ARCHIVE_FORMAT = 'ce-tenant-backup';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const entry = { file: z.string().min(1), bytes: z.number().int().min(0), sha256 };

const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int(),
  /** the name of the last migration of the database it came from */
  schemaVersion: z.string().min(1),
  tenant: z.object({ id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/), code: z.string().min(1), name: z.string() }),
  exportedAt: z.string().min(1),
  /** in load order (foreign keys satisfied), `tenant` first */
  tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1), rows: z.number().int().min(0), ...entry })),
  evidence: z.array(z.object({ key: z.string().min(1), ...entry })),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestTable = Manifest['tables'][number];

/** What an operator is told when a file or a database cannot take part in a backup. */
export class TenantBackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantBackupError';
  }
}

export function tableEntry(table: string): string {
  return `tables/${table}.csv`;
}

export function evidenceEntry(key: string): string {
  return `evidence/${key}`;
}

export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TenantBackupError('the manifest is not JSON: this is not a tenant backup file, or it is damaged');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new TenantBackupError(`the manifest is not one this version reads: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  if (parsed.data.formatVersion !== ARCHIVE_FORMAT_VERSION) {
    throw new TenantBackupError(`the file is format version ${parsed.data.formatVersion}; this tool reads version ${ARCHIVE_FORMAT_VERSION}`);
  }
  return parsed.data;
}

/** One entry of an archive being read: its body must be read (or drained) before the next. */
export interface ArchiveEntry {
  name: string;
  size: number;
  body: Readable;
}

/** The entries of a backup file, in order. */
export async function* readArchive(file: string): AsyncGenerator<ArchiveEntry> {
  const extract = tar.extract();
  const feeding = pipeline(createReadStream(file), createGunzip(), extract);
  feeding.catch(() => undefined); // its failure surfaces through the entries below, and is rethrown after them
  for await (const e of extract) {
    yield { name: e.header.name, size: e.header.size ?? 0, body: Readable.from(e) };
  }
  await feeding;
}

/** Reads a body to its end through a meter: its size and SHA-256. */
export async function measure(body: Readable, maxBytes = Number.MAX_SAFE_INTEGER): Promise<StoredObject> {
  const meter = new MeteredStream(maxBytes);
  await pipeline(body, meter, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) void chunk;
  });
  return meter.result();
}

/** Reads the whole entry as UTF-8 (the manifest: a few kilobytes). */
export async function readText(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function checkEntry(name: string, got: StoredObject, want: { bytes: number; sha256: string }): void {
  if (got.bytes !== want.bytes || got.sha256 !== want.sha256) {
    throw new TenantBackupError(`${name} does not match its checksum in the manifest: the file is damaged or was changed`);
  }
}

/**
 * Reads the whole file once without touching any database: the manifest first, then every
 * entry it lists, each exactly once and matching its size and SHA-256, and nothing else.
 */
export async function verifyArchive(file: string): Promise<Manifest> {
  try {
    return await verifyEntries(file);
  } catch (error) {
    if (error instanceof TenantBackupError) throw error;
    throw new TenantBackupError(`${file} cannot be read as a tenant backup (a gzipped tar): ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function verifyEntries(file: string): Promise<Manifest> {
  let manifest: Manifest | null = null;
  const expected = new Map<string, { bytes: number; sha256: string }>();
  for await (const e of readArchive(file)) {
    if (!manifest) {
      if (e.name !== MANIFEST_ENTRY) throw new TenantBackupError(`the first entry is ${e.name}, not ${MANIFEST_ENTRY}: this is not a tenant backup file`);
      manifest = parseManifest(await readText(e.body));
      for (const t of [...manifest.tables, ...manifest.evidence]) expected.set(t.file, t);
      continue;
    }
    const want = expected.get(e.name);
    if (!want) throw new TenantBackupError(`${e.name} is not listed in the manifest (or appears twice)`);
    expected.delete(e.name);
    checkEntry(e.name, await measure(e.body), want);
  }
  if (!manifest) throw new TenantBackupError('the file is empty');
  if (expected.size) throw new TenantBackupError(`the file lacks ${[...expected.keys()].slice(0, 3).join(', ')}: it is incomplete`);
  return manifest;
}

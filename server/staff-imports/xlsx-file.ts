// The uploaded file on its way to the reader: written to a temporary file as it streams in
// (the size limit is enforced by the upload form while it arrives), then looked at before a
// row is read: its first bytes (a ZIP archive, not an old .xls or anything else) and its
// entries (an .xlsx workbook with a worksheet, undamaged, whose contents unpack to a bounded
// size, so a small "ZIP bomb" cannot make the reader inflate gigabytes).
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { AppError } from '../platform/errors';
import { staffImportError } from './staff-imports.errors';

/** What the parts of a workbook may unpack to, at most: far above the largest file allowed (100,000 rows ≈ 35 MB). */
export const MAX_UNPACKED_BYTES = 192 * 1024 * 1024;
/** The shared-string table is held in memory while the rows are read. */
export const MAX_SHARED_STRINGS_BYTES = 48 * 1024 * 1024;
const MAX_DIRECTORY_BYTES = 1024 * 1024;

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EOCD_SIGNATURE = 0x06054b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const CENTRAL_SIGNATURE = 0x02014b50;

export interface SpooledFile {
  path: string;
  bytes: number;
  /** removes the file and its folder */
  remove(): Promise<void>;
}

/** Writes the upload to a new temporary folder; removed again when anything fails. */
export async function spoolUpload(stream: Readable): Promise<SpooledFile> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ce-staff-import-'));
  const file = path.join(dir, 'upload.xlsx');
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(stream, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    return { path: file, bytes: (await stat(file)).size, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

const notSpreadsheet = (detail?: string) => staffImportError('STAFF_IMPORT_NOT_SPREADSHEET', 'file', detail);
const damaged = () => notSpreadsheet('文件不完整或已损坏');
const tooLarge = (detail: string) => staffImportError('STAFF_IMPORT_TOO_LARGE', 'file', detail);

/** An entry of the archive, as its directory records it and as checked. */
export interface ZipEntry {
  name: string;
  flags: number;
  /** 0 stored, 8 deflated */
  method: number;
  crc: number;
  packed: number;
  size: number;
  /** where its local header starts */
  at: number;
  /** where its data starts */
  dataAt: number;
}

/**
 * Refuses anything that is not an .xlsx workbook the reader can open within bounds, before
 * the reader sees it: STAFF_IMPORT_NOT_SPREADSHEET (not a ZIP archive; an old .xls or an
 * encrypted workbook; a ZIP without a workbook and a worksheet; a damaged one),
 * STAFF_IMPORT_TOO_LARGE (parts that unpack beyond the bounds above).
 *
 * Every entry is unpacked once and checked against its directory record (size and CRC), and
 * the entries must follow one another exactly as the directory lists them: the reader walks
 * the entries in file order, so it then sees exactly what was checked. (A damaged entry
 * would otherwise stall the reader, which does not notice a failed unpacking of a sheet it
 * sets aside.)
 */
export async function inspectWorkbook(file: string, bytes: number): Promise<ZipEntry[]> {
  const handle = await open(file, 'r');
  try {
    const read = async (position: number, length: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const head = await read(0, 8);
    if (head.equals(OLE2)) throw notSpreadsheet('这是旧版 .xls 或加密的工作簿，请在 Excel 中“另存为” .xlsx 格式（不设密码）');
    if (!head.subarray(0, 4).equals(ZIP_LOCAL)) throw notSpreadsheet();

    const { entries, directoryAt } = await readDirectory(read, bytes);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('xl/workbook.xml') || !entries.some((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))) throw notSpreadsheet();
    const shared = entries.find((e) => e.name === 'xl/sharedStrings.xml');
    if (shared && shared.size > MAX_SHARED_STRINGS_BYTES) throw tooLarge('工作簿中的文字内容过多');
    if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_UNPACKED_BYTES) throw tooLarge('工作簿解压后过大');

    let expected = 0;
    for (const entry of [...entries].sort((a, b) => a.at - b.at)) {
      if (entry.at !== expected) throw damaged();
      const local = await read(entry.at, 30);
      if (local.length < 30 || !local.subarray(0, 4).equals(ZIP_LOCAL) || local.readUInt16LE(8) !== entry.method) throw damaged();
      const nameLength = local.readUInt16LE(26);
      entry.dataAt = entry.at + 30 + nameLength + local.readUInt16LE(28);
      if ((await read(entry.at + 30, nameLength)).toString('utf8') !== entry.name) throw damaged();
      await checkEntry(file, entry);
      expected = entry.dataAt + entry.packed;
      if (entry.flags & 0x08) {
        // a data descriptor follows the data: 12 bytes, or 16 with its signature
        const descriptor = await read(expected, 4);
        expected += descriptor.length === 4 && descriptor.readUInt32LE(0) === DESCRIPTOR_SIGNATURE ? 16 : 12;
      }
    }
    if (expected !== directoryAt) throw damaged();
    return entries;
  } finally {
    await handle.close();
  }
}

/** The central directory's records (at most MAX_DIRECTORY_BYTES of them). */
async function readDirectory(read: (position: number, length: number) => Promise<Buffer>, bytes: number): Promise<{ entries: ZipEntry[]; directoryAt: number }> {
  // the end-of-directory record: the last 22 bytes, or earlier when the archive has a comment
  const tail = await read(Math.max(0, bytes - 22 - 0xffff), Math.min(bytes, 22 + 0xffff));
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  const count = tail.readUInt16LE(eocd + 10);
  const directoryBytes = tail.readUInt32LE(eocd + 12);
  const directoryAt = tail.readUInt32LE(eocd + 16);
  // 0xFFFF…: ZIP64 records, which no workbook of the sizes allowed needs
  if (count === 0xffff || directoryAt === 0xffffffff) throw tooLarge('工作簿解压后过大');
  if (directoryBytes > MAX_DIRECTORY_BYTES || directoryAt + directoryBytes > bytes) throw damaged();
  const directory = await read(directoryAt, directoryBytes);
  const entries: ZipEntry[] = [];
  for (let n = 0, at = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw damaged();
    const nameLength = directory.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      packed: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      at: directory.readUInt32LE(at + 42),
      dataAt: -1,
    };
    if (entry.packed === 0xffffffff || entry.size === 0xffffffff || entry.at === 0xffffffff) throw tooLarge('工作簿解压后过大');
    if (entry.flags & 0x01) throw notSpreadsheet('工作簿已加密：请取消密码后另存为 .xlsx');
    if (entry.method !== 0 && entry.method !== 8) throw notSpreadsheet();
    entries.push(entry);
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return { entries, directoryAt };
}

/** Unpacks one entry, stopping the moment it passes its recorded size; its size and CRC must match the record. */
async function checkEntry(file: string, entry: ZipEntry): Promise<void> {
  if (entry.method === 0 && entry.packed !== entry.size) throw damaged();
  let size = 0;
  let crc = 0;
  try {
    for await (const chunk of unpackEntry(file, entry)) {
      size += chunk.length;
      if (size > entry.size) throw damaged();
      crc = crc32(chunk, crc);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged();
  }
  if (size !== entry.size || crc !== entry.crc) throw damaged();
}

/** The unpacked bytes of an entry of the file (found by `inspectWorkbook`). */
export async function* unpackEntry(file: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (!entry.packed) return;
  const packed = createReadStream(file, { start: entry.dataAt, end: entry.dataAt + entry.packed - 1 });
  const unpacked = entry.method === 8 ? packed.pipe(createInflateRaw()) : packed;
  try {
    for await (const chunk of unpacked as AsyncIterable<Buffer>) yield chunk;
  } finally {
    packed.destroy();
    unpacked.destroy();
  }
}

// The uploaded file on its way to the reader: written to a temporary file as it streams in
// (the size limit is enforced by the upload form while it arrives), then looked at before a
// row is read — its first bytes (a ZIP archive, not an old .xls or anything else) and its
// ZIP directory (an .xlsx workbook with a worksheet, whose contents unpack to a bounded
// size, so a small "ZIP bomb" cannot make the reader inflate gigabytes).
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { staffImportError } from './staff-imports.errors';

/** What the parts of a workbook may unpack to, at most: far above the largest file allowed (100,000 rows ≈ 35 MB). */
export const MAX_UNPACKED_BYTES = 192 * 1024 * 1024;
/** The shared-string table is held in memory while the rows are read. */
export const MAX_SHARED_STRINGS_BYTES = 48 * 1024 * 1024;
const MAX_DIRECTORY_BYTES = 1024 * 1024;

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EOCD_SIGNATURE = 0x06054b50;
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

/**
 * Refuses anything that is not an .xlsx workbook the reader can open within bounds:
 * STAFF_IMPORT_NOT_SPREADSHEET (not a ZIP archive, an old .xls or an encrypted workbook, a
 * ZIP without a workbook and a worksheet), STAFF_IMPORT_TOO_LARGE (parts that unpack beyond
 * the bounds above).
 */
export async function inspectWorkbook(file: string, bytes: number): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const read = async (position: number, length: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const head = await read(0, 8);
    if (head.subarray(0, 8).equals(OLE2)) throw notSpreadsheet('这是旧版 .xls 或加密的工作簿，请在 Excel 中“另存为” .xlsx 格式（不设密码）');
    if (!head.subarray(0, 4).equals(ZIP_LOCAL)) throw notSpreadsheet();

    // the end-of-directory record: the last 22 bytes, or earlier when the archive has a comment
    const tail = await read(Math.max(0, bytes - 22 - 0xffff), Math.min(bytes, 22 + 0xffff));
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw notSpreadsheet('文件不完整或已损坏');
    const entries = tail.readUInt16LE(eocd + 10);
    const directoryBytes = tail.readUInt32LE(eocd + 12);
    const directoryAt = tail.readUInt32LE(eocd + 16);
    if (directoryBytes > MAX_DIRECTORY_BYTES || directoryAt + directoryBytes > bytes) throw notSpreadsheet('文件不完整或已损坏');

    const directory = await read(directoryAt, directoryBytes);
    const names = new Set<string>();
    let unpacked = 0;
    let at = 0;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw notSpreadsheet('文件不完整或已损坏');
      const size = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
      // 0xFFFFFFFF: the size is in a ZIP64 field; no workbook of the sizes allowed needs one
      if (size === 0xffffffff) throw staffImportError('STAFF_IMPORT_TOO_LARGE', 'file', '工作簿解压后过大');
      if (name === 'xl/sharedStrings.xml' && size > MAX_SHARED_STRINGS_BYTES) throw staffImportError('STAFF_IMPORT_TOO_LARGE', 'file', '工作簿中的文字内容过多');
      unpacked += size;
      names.add(name);
    }
    if (unpacked > MAX_UNPACKED_BYTES) throw staffImportError('STAFF_IMPORT_TOO_LARGE', 'file', '工作簿解压后过大');
    if (!names.has('xl/workbook.xml') || ![...names].some((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) throw notSpreadsheet();
  } finally {
    await handle.close();
  }
}

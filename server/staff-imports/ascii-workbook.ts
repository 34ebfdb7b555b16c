// The checked workbook, as the reader is given it: a new ZIP stream holding only the parts
// the reader reads, stored (not compressed), each part's XML in plain ASCII — every other
// character written as a character reference (张 → &#24352;), which the XML parser turns
// back into the same character.
//
// Why: exceljs' streaming reader decodes each chunk of unpacked XML to text on its own, so a
// Chinese character whose three UTF-8 bytes straddle two chunks comes out as "��" (a name
// such as 徐梅 read as ��梅). In ASCII there is nothing to split. The parts also come in
// the order the reader wants them (the shared strings before the sheets), so it never has
// to set a sheet aside in a temporary file.
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { crc32 } from 'node:zlib';
import { unpackEntry, type ZipEntry } from './xlsx-file';

/** The parts the reader reads, in the order it wants them. */
const PARTS: readonly RegExp[] = [/^_rels\/\.rels$/, /^xl\/_rels\/workbook\.xml\.rels$/, /^xl\/workbook\.xml$/, /^xl\/sharedStrings\.xml$/, /^xl\/worksheets\/sheet\d+\.xml$/];

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
// UTF-8 names; sizes and CRC in a descriptor after the data
const FLAGS = 0x0808;

export function asciiWorkbook(file: string, entries: readonly ZipEntry[]): Readable {
  const parts = PARTS.flatMap((part) => entries.filter((e) => part.test(e.name)).sort((a, b) => naturalOrder(a.name, b.name)));
  return Readable.from(zip(file, parts));
}

async function* zip(file: string, parts: readonly ZipEntry[]): AsyncGenerator<Buffer> {
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(FLAGS, 6);
    local.writeUInt16LE(name.length, 26);
    yield Buffer.concat([local, name]);
    let size = 0;
    let crc = 0;
    for await (const chunk of asciiXml(unpackEntry(file, part))) {
      size += chunk.length;
      crc = crc32(chunk, crc);
      yield chunk;
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DESCRIPTOR_SIGNATURE, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(size, 8);
    descriptor.writeUInt32LE(size, 12);
    yield descriptor;
    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(FLAGS, 8);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(size, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += local.length + name.length + size + descriptor.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield Buffer.concat([directory, end]);
}

const NOT_ASCII = /[^\t\n\r -~]/gu;

/** UTF-8 XML → the same XML in ASCII (character references for everything else; control characters XML forbids dropped). */
export async function* asciiXml(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  // one decoder for the whole part: a character split between chunks is joined again
  const decoder = new StringDecoder('utf8');
  const escape = (text: string) => Buffer.from(text.replace(NOT_ASCII, (c) => (c.codePointAt(0)! < 0x20 ? '' : `&#${c.codePointAt(0)};`)), 'latin1');
  for await (const chunk of chunks) yield escape(decoder.write(chunk));
  const rest = decoder.end();
  if (rest) yield escape(rest);
}

/** sheet2.xml before sheet10.xml */
function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

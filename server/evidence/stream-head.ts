// The first bytes of a stream, read without losing them: the file's type is
// decided from its head before anything is counted or stored.
import { Readable } from 'node:stream';

export interface StreamWithHead {
  /** at least `bytes` bytes, or the whole stream when it is shorter */
  head: Buffer;
  /** every byte of the stream, the head included */
  body: Readable;
}

export async function readHead(stream: Readable, bytes: number): Promise<StreamWithHead> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const body = Readable.from(all(), { objectMode: false });
  // the reader gave up (a limit, a failed store): stop the source too
  body.once('close', () => {
    if (!body.readableEnded) stream.destroy();
  });
  return { head, body };
}

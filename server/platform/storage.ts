// Where uploaded files are kept, behind one interface: a folder on this
// machine (local-storage.ts) or an S3-compatible bucket (s3-storage.ts). A
// stored object is whole or absent: `put` writes under a temporary name (or
// an unfinished multipart upload) and makes the object visible only once every
// byte has arrived within the limit; on any failure nothing is left behind.
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { Readable } from 'node:stream';

export interface StoredObject {
  /** bytes stored */
  bytes: number;
  /** SHA-256 of the bytes, lowercase hex */
  sha256: string;
}

export interface ObjectStorage {
  /**
   * Stores `body` under `key`. Throws `StorageLimitError` as soon as more than
   * `maxBytes` arrive (the rest is not read), and rethrows the body's own error
   * (a client that went away); either way nothing is stored under `key`.
   */
  put(key: string, body: Readable, maxBytes: number): Promise<StoredObject>;
  /** The object's bytes; `StorageNotFoundError` when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

export class StorageLimitError extends Error {
  constructor(readonly maxBytes: number) {
    super(`object larger than ${maxBytes} bytes`);
    this.name = 'StorageLimitError';
  }
}

export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored object ${key}`);
    this.name = 'StorageNotFoundError';
  }
}

// Keys are made by the server (tenant/uuid), never from a client's file name: a
// plain shape that cannot climb out of a folder or name a hidden file.
const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_-]*)*$/;

export function checkStorageKey(key: string): string {
  if (key.length > 200 || !KEY.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  return key;
}

/**
 * Passes bytes through while counting and hashing them; fails with
 * `StorageLimitError` on the chunk that goes over `maxBytes`.
 */
export class MeteredStream extends Transform {
  private readonly hash = createHash('sha256');
  private count = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.maxBytes) return done(new StorageLimitError(this.maxBytes));
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** What passed through; call once the stream has finished. */
  result(): StoredObject {
    return { bytes: this.count, sha256: this.hash.digest('hex') };
  }
}

// Object storage in a folder of this machine (the default; EVIDENCE_DIR). A
// file is written under `.incoming/` with a random name, flushed to disk, and
// renamed to its key only when complete: a rename within one file system is
// atomic, so a reader sees a whole file or none, and a failed or abandoned
// upload leaves nothing under its key. `.incoming/` is on the same file system
// by construction (it is inside the folder).
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkStorageKey, MeteredStream, type ObjectStorage, type StoredObject, StorageNotFoundError } from './storage';

const INCOMING = '.incoming';

export class LocalStorage implements ObjectStorage {
  readonly root: string;

  constructor(folder: string) {
    this.root = path.resolve(folder);
  }

  /** Where unfinished uploads are written (empty when none is under way). */
  get incoming(): string {
    return path.join(this.root, INCOMING);
  }

  async put(key: string, body: Readable, maxBytes: number): Promise<StoredObject> {
    const target = this.pathOf(key);
    await mkdir(this.incoming, { recursive: true, mode: 0o700 });
    const temporary = path.join(this.incoming, `${randomUUID()}.part`);
    const meter = new MeteredStream(maxBytes);
    try {
      // opened here, so that the file exists before anything can fail; `flush`: the bytes
      // are on disk (fsync) before the stream closes, so before the rename
      const file = await open(temporary, 'wx', 0o600);
      await pipeline(body, meter, file.createWriteStream({ flush: true }));
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await rename(temporary, target);
      return meter.result();
    } catch (error) {
      body.destroy();
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = await open(this.pathOf(key), 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new StorageNotFoundError(key) : error;
    });
    return file.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    return path.join(this.root, ...checkStorageKey(key).split('/'));
  }
}

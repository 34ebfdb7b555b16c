// Object storage in an S3-compatible bucket (AWS S3, MinIO, Ceph, …), for
// production (EVIDENCE_STORE=s3). `put` streams through lib-storage's
// multipart upload, which makes the object visible only when it completes and
// aborts the upload (dropping the parts sent) when the body fails or goes over
// the limit, so a refused or abandoned upload stores nothing. At most one part
// (5 MiB) per upload is held in memory at a time.
//
// The SDK is loaded on first use, not at start: a server on local storage
// never loads it. No S3 server runs in this project's tests: they check the
// settings and the client this class builds, not a round trip.
import type { S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { checkStorageKey, MeteredStream, type ObjectStorage, type StoredObject, StorageNotFoundError } from './storage';

export interface S3Settings {
  /** An S3-compatible server's URL; absent for AWS S3 itself. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Both or neither; without them the SDK's default chain (environment, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (MinIO and most self-hosted stores). */
  forcePathStyle: boolean;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PART_SIZE = 5 * 1024 * 1024;

export class S3Storage implements ObjectStorage {
  private client: Promise<S3Client> | null = null;

  constructor(readonly settings: S3Settings) {
    const problems = s3SettingsProblems(settings);
    if (problems.length) throw new Error(`S3 storage settings: ${problems.join('; ')}`);
  }

  /** The SDK client for these settings (built once, on first use). */
  s3(): Promise<S3Client> {
    return (this.client ??= import('@aws-sdk/client-s3').then(({ S3Client }) => {
      const { endpoint, region, accessKeyId, secretAccessKey, forcePathStyle } = this.settings;
      return new S3Client({
        region,
        endpoint,
        forcePathStyle,
        credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      });
    }));
  }

  async put(key: string, body: Readable, maxBytes: number): Promise<StoredObject> {
    checkStorageKey(key);
    const [{ Upload }, client] = await Promise.all([import('@aws-sdk/lib-storage'), this.s3()]);
    const meter = new MeteredStream(maxBytes);
    body.on('error', (error) => meter.destroy(error));
    const upload = new Upload({
      client,
      params: { Bucket: this.settings.bucket, Key: key, Body: body.pipe(meter) },
      queueSize: 1,
      partSize: PART_SIZE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      body.destroy();
      throw error;
    }
    return meter.result();
  }

  async get(key: string): Promise<Readable> {
    const [{ GetObjectCommand, NoSuchKey }, client] = await Promise.all([import('@aws-sdk/client-s3'), this.s3()]);
    try {
      const found = await client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: checkStorageKey(key) }));
      if (!(found.Body instanceof Readable)) throw new Error(`S3 object ${key} has no readable body`);
      return found.Body;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new StorageNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const [{ DeleteObjectCommand }, client] = await Promise.all([import('@aws-sdk/client-s3'), this.s3()]);
    await client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: checkStorageKey(key) }));
  }
}

function s3SettingsProblems(s: S3Settings): string[] {
  const problems: string[] = [];
  if (!BUCKET.test(s.bucket)) problems.push(`bucket ${JSON.stringify(s.bucket)} is not a bucket name`);
  if (!/^[a-z0-9-]{1,40}$/.test(s.region)) problems.push(`region ${JSON.stringify(s.region)} is not a region name`);
  if (s.endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(s.endpoint)) problems.push('endpoint must be an http:// or https:// URL');
  if (!s.accessKeyId !== !s.secretAccessKey) problems.push('give both the access key id and the secret access key, or neither');
  return problems;
}

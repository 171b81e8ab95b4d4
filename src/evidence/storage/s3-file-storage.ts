import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, Readable } from 'node:stream';
import { assertStorageKey, StoredFileNotFoundError, type FileStorage } from './file-storage';

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For S3-compatible services (MinIO, Ceph, a cloud's OSS/COS S3 endpoint); unset = AWS. */
  endpoint?: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
}

const isNotFound = (err: unknown) =>
  err instanceof NoSuchKey ||
  err instanceof NotFound ||
  (err as { name?: string }).name === 'NoSuchKey' ||
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/**
 * Attachments in an S3-compatible bucket. `put` streams the body with a (multipart when large) upload that is
 * aborted if the body fails, so an object appears only when complete. Keys are generated (UUIDv7), so the
 * existence check before writing guards against programming errors rather than races.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly opts: S3StorageOptions) {
    this.client = new S3Client({
      region: opts.region,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle ?? Boolean(opts.endpoint),
      credentials:
        opts.accessKeyId && opts.secretAccessKey
          ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey }
          : undefined,
    });
  }

  async put(key: string, body: Readable | Buffer): Promise<{ sizeBytes: number }> {
    assertStorageKey(key);
    if (await this.exists(key))
      throw Object.assign(new Error(`an object already exists under ${key}`), { code: 'EEXIST' });
    let sizeBytes = 0;
    let source: Readable | Buffer = body;
    if (!Buffer.isBuffer(body)) {
      const counter = new PassThrough();
      counter.on('data', (chunk: Buffer) => (sizeBytes += chunk.length));
      body.on('error', (err) => counter.destroy(err));
      source = body.pipe(counter);
    } else sizeBytes = body.length;
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.opts.bucket, Key: key, Body: source },
      leavePartsOnError: false,
    });
    await upload.done();
    return { sizeBytes };
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: key }));
      if (!(res.Body instanceof Readable)) throw new Error('unexpected S3 body type');
      return res.Body;
    } catch (err) {
      if (isNotFound(err)) throw new StoredFileNotFoundError(key);
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: key }));
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.opts.bucket, Key: key }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }
}

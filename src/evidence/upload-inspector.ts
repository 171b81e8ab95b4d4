import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { detectFileType, SNIFF_BYTES, type AttachmentContentType } from './file-type';

/** The upload's first bytes match no accepted type. */
export class UnsupportedFileTypeError extends Error {
  constructor() {
    super('the file is not a PDF, JPEG or PNG');
    this.name = 'UnsupportedFileTypeError';
  }
}

/** The upload is longer than the limit. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** The upload has no bytes at all. */
export class EmptyFileError extends Error {
  constructor() {
    super('the file is empty');
    this.name = 'EmptyFileError';
  }
}

export interface InspectedUpload {
  contentType: AttachmentContentType;
  sizeBytes: number;
  sha256: string;
}

/**
 * Passes an upload through while deciding its type from the first bytes, hashing it (SHA-256) and counting it.
 * Nothing passes until the type is known: a file of another type fails before a single byte reaches the
 * storage. A file over `maxBytes` fails as soon as the excess arrives (a second guard behind the parser's own
 * limit).
 */
export class UploadInspector extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  private type: AttachmentContentType | null = null;
  private size = 0;
  private digest: string | null = null;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return callback(new FileTooLargeError(this.maxBytes));
    this.hash.update(chunk);
    if (this.type) return callback(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) return callback();
    this.release(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) return callback(new EmptyFileError());
    if (!this.type) {
      // Shorter than the longest signature: decide on what there is.
      this.release((err, data) => {
        if (err) return callback(err);
        if (data) this.push(data);
        this.digest = this.hash.digest('hex');
        callback();
      });
      return;
    }
    this.digest = this.hash.digest('hex');
    callback();
  }

  private release(callback: TransformCallback): void {
    const head = Buffer.concat(this.head, this.headLength);
    this.head = [];
    this.type = detectFileType(head);
    if (!this.type) return callback(new UnsupportedFileTypeError());
    callback(null, head);
  }

  /** What was seen; only once the stream has ended without error. */
  result(): InspectedUpload {
    if (!this.type || this.digest === null) throw new Error('the upload has not been read to its end');
    return { contentType: this.type, sizeBytes: this.size, sha256: this.digest };
  }
}

import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, StoredFileNotFoundError, type FileStorage } from './file-storage';

function isCode(err: unknown, code: string): boolean {
  return (err as { code?: unknown } | null)?.code === code;
}

/**
 * FileStorage in a local directory: the key is the relative path. A body is written to a temporary file beside
 * its target and linked into place only when complete, so a reader never sees a partial object and a failed
 * write leaves nothing (a crash mid-write can leave a `*.part` file, never a file under a key).
 */
export class LocalDirectoryFileStorage implements FileStorage {
  readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.root, ...key.split('/'));
  }

  async put(key: string, body: Readable | Buffer): Promise<{ sizeBytes: number }> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
    try {
      const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
      const file = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
      await pipeline(source, file);
      // link() fails with EEXIST instead of replacing an existing object, as rename() would.
      await link(temp, target);
      return { sizeBytes: file.bytesWritten };
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      const handle = await open(path, 'r');
      return handle.createReadStream();
    } catch (err) {
      if (isCode(err, 'ENOENT')) throw new StoredFileNotFoundError(key);
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (err) {
      if (!isCode(err, 'ENOENT')) throw err;
    }
  }
}

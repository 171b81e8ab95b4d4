import type { Readable } from 'node:stream';

/** Nest token of the FileStorage implementation. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');
/** Nest token of the local storage directory (relative paths resolve against the process's cwd). */
export const FILE_STORAGE_DIR = Symbol('FILE_STORAGE_DIR');
/** Used until the config has a FILE_STORAGE_DIR variable. */
export const DEFAULT_FILE_STORAGE_DIR = '.data/files';

/** No object is stored under the key. */
export class StoredFileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored file under key ${key}`);
    this.name = 'StoredFileNotFoundError';
  }
}

/**
 * Where attachment bytes live, by generated key. `put` stores all of the body or nothing: an object is visible
 * under its key only once it is complete, and a body that fails part-way leaves nothing behind. Keys are
 * `[a-z0-9-]` segments joined by `/`.
 */
export interface FileStorage {
  /** Stores the body under a new key (never overwrites); rejects with the body's error if it fails. */
  put(key: string, body: Readable | Buffer): Promise<{ sizeBytes: number }>;
  /** The stored bytes; rejects with StoredFileNotFoundError when there is nothing under the key. */
  get(key: string): Promise<Readable>;
  /** Removes the object; no error when there is none. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

export function assertStorageKey(key: string): void {
  if (key.length > 100 || !KEY.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

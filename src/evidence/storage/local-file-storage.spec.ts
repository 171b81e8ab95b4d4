import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { StoredFileNotFoundError } from './file-storage';
import { LocalDirectoryFileStorage } from './local-file-storage';

describe('LocalDirectoryFileStorage', () => {
  let dir: string;
  let storage: LocalDirectoryFileStorage;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lrp-files-'));
    storage = new LocalDirectoryFileStorage(dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Every file under the directory, relative paths. */
  const files = async () =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));

  it('stores a stream or a buffer under its key and reads it back', async () => {
    expect(await storage.put('a/one', Readable.from([Buffer.from('he'), Buffer.from('llo')]))).toEqual({
      sizeBytes: 5,
    });
    await storage.put('a/two', Buffer.from('world'));
    expect(await text(await storage.get('a/one'))).toBe('hello');
    expect(await readFile(join(dir, 'a', 'two'), 'utf8')).toBe('world');
    expect((await files()).sort()).toEqual(['a/one', 'a/two']);
  });

  it('never overwrites an existing key', async () => {
    await storage.put('k', Buffer.from('first'));
    await expect(storage.put('k', Buffer.from('second'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await text(await storage.get('k'))).toBe('first');
    expect(await files()).toEqual(['k']);
  });

  it('leaves nothing behind when the body fails part-way', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('x/partial', failing)).rejects.toThrow('client went away');
    expect(await files()).toEqual([]);
  });

  it('get of a missing key is StoredFileNotFoundError; delete of one is a no-op', async () => {
    await expect(storage.get('nope')).rejects.toBeInstanceOf(StoredFileNotFoundError);
    await expect(storage.delete('nope')).resolves.toBeUndefined();
    await storage.put('gone', Buffer.from('x'));
    await storage.delete('gone');
    expect(await files()).toEqual([]);
  });

  it('refuses keys that could leave the directory', async () => {
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
    await expect(storage.get('/etc/passwd')).rejects.toThrow(/invalid storage key/);
  });
});

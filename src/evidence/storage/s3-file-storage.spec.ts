import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { startFakeS3, type FakeS3 } from '../../../test/support/fake-s3';
import { StoredFileNotFoundError } from './file-storage';
import { S3FileStorage } from './s3-file-storage';

/**
 * The S3 adapter against s3rver, an S3-API server on loopback standing in for the object store (a system outside
 * the platform), so the real SDK requests are exercised.
 */
describe('S3FileStorage (against an S3-compatible server on loopback)', () => {
  let s3: FakeS3;
  let storage: S3FileStorage;

  beforeAll(async () => {
    s3 = await startFakeS3();
    storage = new S3FileStorage({ ...s3, region: 'us-east-1', forcePathStyle: true });
  });
  afterAll(async () => {
    await s3.close();
  });

  it('stores a stream or a buffer under its key and reads it back', async () => {
    expect(
      await storage.put('attachments/one', Readable.from([Buffer.from('he'), Buffer.from('llo')])),
    ).toEqual({ sizeBytes: 5 });
    expect(await storage.put('attachments/two', Buffer.from('world'))).toEqual({ sizeBytes: 5 });
    expect(await text(await storage.get('attachments/one'))).toBe('hello');
    expect(await text(await storage.get('attachments/two'))).toBe('world');
  });

  it('never overwrites an existing key', async () => {
    await storage.put('k1', Buffer.from('first'));
    await expect(storage.put('k1', Buffer.from('second'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await text(await storage.get('k1'))).toBe('first');
  });

  it('stores nothing when the body fails part-way', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('k2', failing)).rejects.toThrow();
    await expect(storage.get('k2')).rejects.toBeInstanceOf(StoredFileNotFoundError);
  });

  it('reports a missing key and deletes idempotently', async () => {
    await expect(storage.get('missing')).rejects.toBeInstanceOf(StoredFileNotFoundError);
    await storage.put('k3', Buffer.from('x'));
    await storage.delete('k3');
    await storage.delete('k3');
    await expect(storage.get('k3')).rejects.toBeInstanceOf(StoredFileNotFoundError);
  });

  it('refuses keys that are not generated ids', async () => {
    await expect(storage.put('../etc/passwd', Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
  });
});

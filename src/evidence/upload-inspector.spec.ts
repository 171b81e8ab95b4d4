import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import {
  EmptyFileError,
  FileTooLargeError,
  UnsupportedFileTypeError,
  UploadInspector,
} from './upload-inspector';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Runs chunks through an inspector; returns what came out and the inspector. */
async function inspect(chunks: Buffer[], max = 1024) {
  const inspector = new UploadInspector(max);
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out.push(chunk);
      cb();
    },
  });
  await pipeline(Readable.from(chunks), inspector, sink);
  return { out: Buffer.concat(out), inspector };
}

describe('UploadInspector', () => {
  it('passes the bytes through unchanged and reports type, size and SHA-256, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        fc.array(fc.nat({ max: 210 }), { maxLength: 6 }),
        async (rest, cuts) => {
          const file = Buffer.concat([PNG, rest]);
          const points = [...new Set(cuts.map((c) => c % (file.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((p, i, all) => file.subarray(p, all[i + 1] ?? file.length));
          const { out, inspector } = await inspect(chunks.filter((c) => c.length > 0));
          expect(out.equals(file)).toBe(true);
          expect(inspector.result()).toEqual({
            contentType: 'image/png',
            sizeBytes: file.length,
            sha256: createHash('sha256').update(file).digest('hex'),
          });
        },
      ),
    );
  });

  it('decides a file shorter than the longest signature at its end', async () => {
    const { out, inspector } = await inspect([Buffer.from('%PD'), Buffer.from('F-')]);
    expect(out.toString()).toBe('%PDF-');
    expect(inspector.result().contentType).toBe('application/pdf');
  });

  it('lets nothing through from a file of another type', async () => {
    const inspector = new UploadInspector(1024);
    const seen: Buffer[] = [];
    inspector.on('data', (c: Buffer) => seen.push(c));
    await expect(
      pipeline(Readable.from([Buffer.from('not a pdf at all, just text')]), inspector),
    ).rejects.toBeInstanceOf(UnsupportedFileTypeError);
    expect(seen).toEqual([]);
  });

  it('fails once the size goes over the limit', async () => {
    await expect(inspect([PNG, Buffer.alloc(10)], 17)).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(inspect([PNG, Buffer.alloc(10)], 18)).resolves.toBeDefined();
  });

  it('rejects an empty file', async () => {
    await expect(inspect([])).rejects.toBeInstanceOf(EmptyFileError);
  });
});

import fc from 'fast-check';
import { detectFileType, FILE_SIGNATURES, SNIFF_BYTES } from './file-type';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

describe('detectFileType (magic bytes)', () => {
  it.each([
    ['a PDF header', ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'application/pdf'],
    ['a bare "%PDF-"', ascii('%PDF-'), 'application/pdf'],
    ['a JFIF JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46), 'image/jpeg'],
    ['an Exif JPEG', bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, 0x45, 0x78), 'image/jpeg'],
    ['a bare JPEG SOI and marker', bytes(0xff, 0xd8, 0xff), 'image/jpeg'],
    [
      'a PNG signature and IHDR',
      Uint8Array.from([...PNG, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'image/png',
    ],
    ['a bare PNG signature', PNG, 'image/png'],
  ])('recognises %s', (_name, head, type) => {
    expect(detectFileType(head)).toBe(type);
  });

  it.each([
    ['nothing', bytes()],
    ['a text file named .pdf', ascii('this is not a PDF, whatever its name says')],
    ['"%PDF" without the dash', ascii('%PDF1.7')],
    ['a PDF header after a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...ascii('%PDF-1.7')])],
    ['a lower-case "%pdf-"', ascii('%pdf-1.7')],
    ['two bytes of a JPEG', bytes(0xff, 0xd8)],
    ['a JPEG SOI without a marker', bytes(0xff, 0xd8, 0x00, 0xe0)],
    ['a truncated PNG signature', PNG.slice(0, 7)],
    ['a PNG signature with one byte changed', Uint8Array.from([...PNG.slice(0, 7), 0x0b])],
    ['a GIF', ascii('GIF89a')],
    ['a ZIP (docx, xlsx)', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['a Windows executable', ascii('MZ\x90\x00')],
    ['HTML', ascii('<!doctype html><script>')],
    ['SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg">')],
  ])('rejects %s', (_name, head) => {
    expect(detectFileType(head)).toBeNull();
  });

  it('needs no more than SNIFF_BYTES bytes', () => {
    expect(SNIFF_BYTES).toBe(8);
  });

  it('property: bytes that start with no known signature are rejected', () => {
    const startsWithSignature = (b: Uint8Array) =>
      FILE_SIGNATURES.some(({ magic }) => b.length >= magic.length && magic.every((m, i) => b[i] === m));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        fc.pre(!startsWithSignature(b));
        expect(detectFileType(b)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a known signature followed by anything is recognised as its type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILE_SIGNATURES),
        fc.uint8Array({ maxLength: 64 }),
        ({ type, magic }, rest) => {
          expect(detectFileType(Uint8Array.from([...magic, ...rest]))).toBe(type);
        },
      ),
    );
  });

  it('property: a proper prefix of a signature is not enough', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILE_SIGNATURES), fc.nat(), ({ magic }, n) => {
        expect(detectFileType(magic.slice(0, n % magic.length))).toBeNull();
      }),
    );
  });
});

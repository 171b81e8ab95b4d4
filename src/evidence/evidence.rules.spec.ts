import fc from 'fast-check';
import {
  CASE_FILE_LIMITS,
  caseFileOpenTo,
  caseFileTakes,
  contentDisposition,
  MAX_FILENAME_LENGTH,
  sanitizeFilename,
  storageKeyFor,
} from './evidence.rules';
import { assertStorageKey } from './storage/file-storage';

describe('sanitizeFilename', () => {
  it.each([
    ['劳动合同.pdf', '劳动合同.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\张三\\工资条.png', '工资条.png'],
    ['a\u0000b\r\nc.pdf', 'abc.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['  spaced.jpg  ', 'spaced.jpg'],
    ['', 'attachment.pdf'],
    ['..', 'attachment.pdf'],
    ['dir/', 'attachment.pdf'],
    [undefined, 'attachment.pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFilename(raw, 'application/pdf')).toBe(expected);
  });

  it('keeps at most 200 characters, and the extension', () => {
    const name = sanitizeFilename(`${'证'.repeat(300)}.pdf`, 'application/pdf');
    expect(Array.from(name)).toHaveLength(MAX_FILENAME_LENGTH);
    expect(name.endsWith('证.pdf')).toBe(true);
  });

  it('does not split a surrogate pair when it shortens', () => {
    const name = sanitizeFilename('😀'.repeat(250), 'image/png');
    expect(name).toBe('😀'.repeat(200));
  });

  it('property: the result is never empty, at most 200 characters, without separators or control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = sanitizeFilename(raw, 'image/jpeg');
        expect(name.length).toBeGreaterThan(0);
        expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILENAME_LENGTH);
        // eslint-disable-next-line no-control-regex
        expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});

describe('contentDisposition', () => {
  it('encodes the name as RFC 5987 UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('劳动合同 (1).pdf')).toBe(
      `attachment; filename="____ (1).pdf"; filename*=UTF-8''%E5%8A%B3%E5%8A%A8%E5%90%88%E5%90%8C%20%281%29.pdf`,
    );
  });

  it('cannot be broken out of by quotes, semicolons or line breaks', () => {
    const header = contentDisposition('a";\r\nSet-Cookie: x=1;.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(
      `attachment; filename="a____Set-Cookie: x=1_.pdf"; filename*=UTF-8''a%22%3B%0D%0ASet-Cookie%3A%20x%3D1%3B.pdf`,
    );
  });

  it('property: the encoded name decodes back to the name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }), (name) => {
        const header = contentDisposition(name);
        const encoded = /filename\*=UTF-8''(.*)$/.exec(header)![1];
        expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
        expect(decodeURIComponent(encoded)).toBe(name);
        expect(/filename="([^"]*)"/.exec(header)![1]).toMatch(/^[\x20-\x7e]*$/);
      }),
    );
  });
});

describe('storageKeyFor', () => {
  it('derives the key from the id and the month only', () => {
    const id = '01890a5d-ac96-774b-bcce-b302099a8057';
    const key = storageKeyFor(id, new Date('2026-11-26T10:00:00Z'));
    expect(key).toBe(`attachments/2026-11/${id}`);
    expect(() => assertStorageKey(key)).not.toThrow();
  });

  it.each(['../x', 'a//b', '/abs', 'A/b', 'a/../b', 'a b', ''])('rejects the key %j', (key) => {
    expect(() => assertStorageKey(key)).toThrow(/invalid storage key/);
  });
});

describe('the case file cap (CASE_FILE_LIMITS)', () => {
  const { maxFiles, maxBytes } = CASE_FILE_LIMITS;
  it('takes a file up to the count and the bytes, and not one more', () => {
    expect(caseFileTakes({ files: maxFiles - 1, bytes: 0 }, 1)).toBe(true);
    expect(caseFileTakes({ files: maxFiles, bytes: 0 }, 1)).toBe(false);
    expect(caseFileTakes({ files: 1, bytes: maxBytes - 10 }, 10)).toBe(true);
    expect(caseFileTakes({ files: 1, bytes: maxBytes - 10 }, 11)).toBe(false);
  });
});

describe('caseFileOpenTo', () => {
  it('closes a withdrawn or refused complaint to its complainant, never to staff of its street', () => {
    for (const status of ['SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED', 'ROUTED'])
      expect(caseFileOpenTo(status, 'WORKER')).toBe(true);
    for (const status of ['WITHDRAWN', 'REJECTED']) {
      expect(caseFileOpenTo(status, 'WORKER')).toBe(false);
      expect(caseFileOpenTo(status, 'MEDIATOR')).toBe(true);
      expect(caseFileOpenTo(status, 'INSPECTOR')).toBe(true);
    }
  });
});

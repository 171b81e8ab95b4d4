import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import { uploadError } from './upload-errors';

const answer = (err: unknown) => {
  const e = uploadError(err);
  return e instanceof AppException ? { status: e.statusCode, code: e.code, details: e.details } : e;
};

describe('uploadError: the multipart parser’s errors in the platform’s codes', () => {
  it('a value over fieldSize is the field’s maxLength error, or not an allowed field', () => {
    expect(answer(new BadRequestException('Field value too long - description'))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'description', constraint: 'maxLength' })],
    });
    expect(answer(new BadRequestException('Field value too long - note'))).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'note', constraint: 'whitelistValidation' })],
    });
    // A name that only looks like an own property is not a form field.
    expect(answer(new BadRequestException('Field value too long - toString'))).toMatchObject({
      details: [expect.objectContaining({ field: 'toString', constraint: 'whitelistValidation' })],
    });
  });

  it('a file elsewhere, a nested or prototype-polluting name: not an allowed field', () => {
    for (const text of ['Unexpected file field', 'Field name nesting too deep', 'Invalid field name'])
      expect(answer(new BadRequestException(`${text} - a[b]`))).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ field: 'a[b]', constraint: 'whitelistValidation' })],
      });
  });

  it('count and name limits: MULTIPART_LIMIT_EXCEEDED with the limit and its value', () => {
    const cases: [string, string, number][] = [
      ['Too many fields', 'fields', 5],
      ['Too many files', 'files', 1],
      ['Too many parts', 'parts', 6],
      ['Field name too long', 'fieldNameSize', 100],
    ];
    for (const [text, limit, max] of cases)
      expect(answer(new BadRequestException(text))).toEqual({
        status: 400,
        code: 'MULTIPART_LIMIT_EXCEEDED',
        details: { limit, max },
      });
  });

  it('file too large 413, a cut-off body UPLOAD_INCOMPLETE, another bad body MALFORMED_MULTIPART', () => {
    expect(answer(new PayloadTooLargeException('File too large'))).toEqual({
      status: 413,
      code: 'FILE_TOO_LARGE',
      details: { maxBytes: 10 * 1024 * 1024 },
    });
    expect(answer(new BadRequestException('Multipart: Unexpected end of form'))).toMatchObject({
      code: 'UPLOAD_INCOMPLETE',
    });
    expect(answer(new BadRequestException('Multipart: Boundary not found'))).toMatchObject({
      status: 400,
      code: 'MALFORMED_MULTIPART',
    });
  });

  it('anything else passes unchanged', () => {
    const notFound = new NotFoundException();
    const plain = new Error('disk full');
    const app = AppException.notFound('COMPLAINT_NOT_FOUND');
    expect(uploadError(notFound)).toBe(notFound);
    expect(uploadError(plain)).toBe(plain);
    expect(uploadError(app)).toBe(app);
  });
});

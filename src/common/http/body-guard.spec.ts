import fc from 'fast-check';
import { jsonDepth, MAX_BODY_DEPTH, nulCharacterErrors } from './body-guard';
import { createValidationPipe } from './validation.pipe';
import { AppException } from '../errors/app-exception';

function nested(levels: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

describe('jsonDepth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
  });

  it('does not overflow the stack on 200,000 levels and stops at the limit', () => {
    expect(jsonDepth(nested(200_000))).toBe(MAX_BODY_DEPTH + 1);
  });

  it('equals the nesting for any generated depth', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_BODY_DEPTH }), (n) => jsonDepth(nested(n)) === n));
  });
});

describe('nulCharacterErrors', () => {
  it('names every field holding U+0000, in values and keys', () => {
    const errors = nulCharacterErrors({
      facts: 'a\u0000b',
      employer: { name: ['ok', '\u0000'] },
      'k\u0000': 1,
    });
    expect(errors.map((e) => e.field).sort()).toEqual(['employer.name.1', 'facts', 'k\\u0000']);
  });

  it('finds nothing in strings without NUL', () => {
    fc.assert(
      fc.property(
        fc.json(),
        (text) => nulCharacterErrors(JSON.parse(text.replace(/\\u0000/g, ''))).length === 0,
      ),
    );
  });
});

describe('nulCharacterErrors: lone surrogates', () => {
  it('names strings and keys holding an unpaired surrogate (which jsonb refuses)', () => {
    const errors = nulCharacterErrors({ name: 'a\ud800b', list: ['\udfff'], ['k\udc00']: 1, ok: '工资😀' });
    expect(errors.map((e) => e.field).sort()).toEqual(['k\\udc00', 'list.0', 'name']);
    expect(new Set(errors.flatMap((e) => e.constraints))).toEqual(new Set(['wellFormedUnicode']));
  });

  it('accepts any well-formed text, surrogate pairs included', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => nulCharacterErrors({ s }).length === 0));
  });

  it('finds every string with a lone surrogate', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii' }),
        fc.integer({ min: 0xd800, max: 0xdfff }),
        (s, unit) => nulCharacterErrors({ s: s + String.fromCharCode(unit) }).length === 1,
      ),
    );
  });
});

describe('validation pipe guards (before class-transformer)', () => {
  class Dto {}
  const pipe = createValidationPipe();
  const body = { type: 'body' as const, metatype: Dto };

  it('refuses a 2,000-level body with 400 BODY_TOO_DEEP', async () => {
    const err = await pipe.transform(nested(2000), body).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppException);
    expect((err as AppException).code).toBe('BODY_TOO_DEEP');
    expect((err as AppException).statusCode).toBe(400);
  });

  it('refuses NUL in a path parameter as a field error on that parameter', async () => {
    const err = (await pipe
      .transform('JB-2026\u0000', { type: 'param', data: 'trackingNo', metatype: String })
      .catch((e: unknown) => e)) as AppException;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toEqual([expect.objectContaining({ field: 'trackingNo' })]);
  });
});

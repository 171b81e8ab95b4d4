import fc from 'fast-check';
import { validateSync } from 'class-validator';
import { IsMainlandMobile } from './decorators';
import { isMainlandMobile, normaliseMobile } from './phone';

const validMobile = fc
  .tuple(fc.constantFrom(...'3456789'), fc.stringMatching(/^\d{9}$/))
  .map(([second, rest]) => `1${second}${rest}`);

describe('isMainlandMobile', () => {
  it.each(['13812345678', '15000000000', '16612345678', '17712345678', '19912345678'])(
    'accepts %s',
    (value) => {
      expect(isMainlandMobile(value)).toBe(true);
    },
  );

  it.each([
    ['second digit 2', '12812345678'],
    ['second digit 0', '10812345678'],
    ['not starting with 1', '23812345678'],
    ['10 digits', '1381234567'],
    ['12 digits', '138123456789'],
    ['letters', '1381234567a'],
    ['country code', '+8613812345678'],
    ['bare 86 prefix', '8613812345678'],
    ['separators', '138-1234-5678'],
    ['surrounding space', ' 13812345678'],
    ['empty', ''],
  ])('rejects %s', (_label, value) => {
    expect(isMainlandMobile(value)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isMainlandMobile(13812345678 as unknown as string)).toBe(false);
  });

  it('accepts exactly the strings matching 1[3-9] + 9 digits', () => {
    fc.assert(fc.property(validMobile, (m) => expect(isMainlandMobile(m)).toBe(true)));
  });
});

describe('normaliseMobile', () => {
  it.each([
    ['+86 138-1234-5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['0086 138 1234 5678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    [' 13812345678 ', '13812345678'],
    ['13812345678', '13812345678'],
  ])('normalises %p to %p', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
  });

  it.each(['8613812345678', '+86 138 1234', 'call me', '', '+1 415 555 0100 1', '86-138-1234-5678'])(
    'returns %p unchanged when 11 digits do not remain',
    (input) => {
      expect(normaliseMobile(input)).toBe(input);
    },
  );

  it('recovers any valid mobile from spaced/hyphenated/prefixed renderings', () => {
    const separator = fc.constantFrom('', ' ', '-', '  ', ' - ');
    fc.assert(
      fc.property(
        validMobile,
        fc.constantFrom('', '+86', '0086', '+86 ', '0086-'),
        separator,
        separator,
        (m, prefix, s1, s2) => {
          const rendered = `${prefix}${m.slice(0, 3)}${s1}${m.slice(3, 7)}${s2}${m.slice(7)}`;
          expect(normaliseMobile(rendered)).toBe(m);
        },
      ),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => expect(normaliseMobile(normaliseMobile(s))).toBe(normaliseMobile(s))),
    );
  });
});

describe('@IsMainlandMobile', () => {
  class Dto {
    @IsMainlandMobile()
    mobile: unknown;
  }

  const errorsFor = (value: unknown) => validateSync(Object.assign(new Dto(), { mobile: value }));

  it('accepts a valid number', () => {
    expect(errorsFor('13812345678')).toHaveLength(0);
  });

  it.each([['+8613812345678'], ['12812345678'], [13812345678]])('rejects %p', (value) => {
    const errors = errorsFor(value);
    expect(errors).toHaveLength(1);
    expect(errors[0].constraints).toEqual({
      isMainlandMobile:
        'mobile must be an 11-digit mainland mobile number (1 followed by 3-9, no country code)',
    });
  });
});

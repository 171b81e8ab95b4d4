import fc from 'fast-check';
import { validateSync } from 'class-validator';
import { IsChineseIdNumber } from './decorators';
import { idNumberCheckChar, iso7064Mod112, isValidChineseIdNumber, normaliseIdNumber } from './id-number';

/** GB 11643-1999 weights, written out independently of the generic 2^(n-i) mod 11 formula. */
const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function referenceCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * GB11643_WEIGHTS[i], 0);
  return '10X98765432'[sum % 11];
}

/** Builds a full ID number from its parts, using our own check character. */
function idNumber(area: string, yyyymmdd: string, seq: string): string {
  const body = area + yyyymmdd + seq;
  return body + idNumberCheckChar(body);
}

const ymdUtc = (d: Date): string => d.toISOString().slice(0, 10).replace(/-/g, '');

describe('iso7064Mod112 / idNumberCheckChar', () => {
  it('matches the GB 11643-1999 weight table for every 17-digit body', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (body) => {
        expect(iso7064Mod112(body)).toBe(referenceCheckChar(body));
        expect(idNumberCheckChar(body)).toBe(referenceCheckChar(body));
      }),
    );
  });

  it('reproduces the published GB 11643-1999 examples', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });

  it('rejects malformed input', () => {
    expect(() => iso7064Mod112('')).toThrow(RangeError);
    expect(() => iso7064Mod112('12a4')).toThrow(RangeError);
    expect(() => idNumberCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckChar('110105194912310021')).toThrow(RangeError);
  });
});

describe('isValidChineseIdNumber', () => {
  it('accepts valid numbers', () => {
    expect(isValidChineseIdNumber('11010519491231002X')).toBe(true);
    expect(isValidChineseIdNumber(idNumber('310115', '19900307', '123'))).toBe(true);
    expect(isValidChineseIdNumber(idNumber('440305', '20000229', '001'))).toBe(true); // 2000 is a leap year
    expect(isValidChineseIdNumber(idNumber('110105', '19000101', '001'))).toBe(true); // earliest allowed date
  });

  it('rejects a wrong check character', () => {
    expect(isValidChineseIdNumber('110105194912310021')).toBe(false);
    expect(isValidChineseIdNumber('11010519491231002Y')).toBe(false);
  });

  it('rejects wrong lengths and non-digit bodies', () => {
    expect(isValidChineseIdNumber('')).toBe(false);
    expect(isValidChineseIdNumber('11010519491231002')).toBe(false);
    expect(isValidChineseIdNumber('11010519491231002X0')).toBe(false);
    expect(isValidChineseIdNumber('1101051949123100X2')).toBe(false);
    expect(isValidChineseIdNumber(' 11010519491231002X')).toBe(false);
    expect(isValidChineseIdNumber(12345 as unknown as string)).toBe(false);
  });

  it('accepts only uppercase X; normaliseIdNumber fixes case and whitespace', () => {
    expect(isValidChineseIdNumber('11010519491231002x')).toBe(false);
    expect(normaliseIdNumber('  11010519491231002x\n')).toBe('11010519491231002X');
    expect(isValidChineseIdNumber(normaliseIdNumber(' 11010519491231002x '))).toBe(true);
  });

  it('rejects an address code starting with 0', () => {
    expect(isValidChineseIdNumber(idNumber('010105', '19900307', '123'))).toBe(false);
  });

  it.each([
    ['Feb 30', '19900230'],
    ['Feb 29 in a non-leap year', '19990229'],
    ['Feb 29 1900 (not a leap year)', '19000229'],
    ['month 13', '19901301'],
    ['month 00', '19900001'],
    ['day 00', '19900100'],
    ['Apr 31', '19900431'],
    ['before 1900', '18991231'],
    ['the published 1880 example', '18800101'],
  ])('rejects a bad birth date: %s', (_label, date) => {
    expect(isValidChineseIdNumber(idNumber('440524', date, '001'))).toBe(false);
  });

  describe('"today" is the UTC date', () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      jest.useRealTimers();
      process.env.TZ = originalTz;
    });

    it('accepts today and rejects tomorrow', () => {
      jest.useFakeTimers({ now: new Date('2026-03-15T23:59:59Z') });
      expect(isValidChineseIdNumber(idNumber('110105', '20260315', '001'))).toBe(true);
      expect(isValidChineseIdNumber(idNumber('110105', '20260316', '001'))).toBe(false);
      expect(isValidChineseIdNumber(idNumber('110105', '20990101', '001'))).toBe(false);
    });

    it('ignores the server time zone', () => {
      process.env.TZ = 'Asia/Shanghai';
      // 16:30 UTC is already 00:30 on the 16th in Beijing, but the UTC date is still the 15th.
      jest.useFakeTimers({ now: new Date('2026-03-15T16:30:00Z') });
      expect(isValidChineseIdNumber(idNumber('110105', '20260315', '001'))).toBe(true);
      expect(isValidChineseIdNumber(idNumber('110105', '20260316', '001'))).toBe(false);
    });

    it('rejects a birth date after the real current date', () => {
      const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
      expect(isValidChineseIdNumber(idNumber('110105', ymdUtc(tomorrow), '001'))).toBe(false);
    });
  });

  describe('properties', () => {
    const validId = fc
      .tuple(
        fc.stringMatching(/^[1-9]\d{5}$/),
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(Date.now()), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
      )
      .map(([area, birth, seq]) => idNumber(area, ymdUtc(birth), seq));

    it('a body with a valid date plus its computed check character validates', () => {
      fc.assert(fc.property(validId, (id) => expect(isValidChineseIdNumber(id)).toBe(true)));
    });

    // MOD 11-2 detects every single substitution: each weight is non-zero mod the prime 11
    // and digit differences are 1..9, so the weighted sum always changes; the check
    // character is a one-to-one function of that sum.
    it('changing any single character to another allowed character invalidates it', () => {
      fc.assert(
        fc.property(validId, (id) => {
          const accepted: string[] = [];
          for (let i = 0; i < 18; i++) {
            for (const c of i < 17 ? '0123456789' : '0123456789X') {
              const mutated = id.slice(0, i) + c + id.slice(i + 1);
              if (c !== id[i] && isValidChineseIdNumber(mutated)) accepted.push(mutated);
            }
          }
          expect(accepted).toEqual([]);
        }),
      );
    });

    it('normaliseIdNumber is idempotent', () => {
      fc.assert(
        fc.property(fc.string(), (s) =>
          expect(normaliseIdNumber(normaliseIdNumber(s))).toBe(normaliseIdNumber(s)),
        ),
      );
    });
  });
});

describe('@IsChineseIdNumber', () => {
  class Dto {
    @IsChineseIdNumber()
    idNumber: unknown;
  }

  const errorsFor = (value: unknown) => validateSync(Object.assign(new Dto(), { idNumber: value }));

  it('accepts a valid number', () => {
    expect(errorsFor('11010519491231002X')).toHaveLength(0);
  });

  it.each([['110105194912310021'], ['11010519491231002x'], [12345], [undefined]])('rejects %p', (value) => {
    const errors = errorsFor(value);
    expect(errors).toHaveLength(1);
    expect(errors[0].constraints).toEqual({
      isChineseIdNumber:
        'idNumber must be an 18-character resident ID number with a valid GB 11643 check digit',
    });
  });

  it('honours a custom message', () => {
    class Custom {
      @IsChineseIdNumber({ message: 'bad id' })
      id: string;
    }
    const errors = validateSync(Object.assign(new Custom(), { id: 'nope' }));
    expect(errors[0].constraints).toEqual({ isChineseIdNumber: 'bad id' });
  });
});

import fc from 'fast-check';
import { validateSync } from 'class-validator';
import { IsUscc } from './decorators';
import { isValidUscc, normaliseUscc, USCC_ALPHABET, usccCheckChar } from './uscc';

/** Widely published sample code; verified against our implementation. */
const PUBLIC_SAMPLE = '91350100M000100Y43';

/** Builds a full code from its first 17 characters, using our own check character. */
const withCheck = (first17: string): string => first17 + usccCheckChar(first17);

/** Independent reference: weights 3^i mod 31, check = (31 - sum mod 31) mod 31. */
function referenceCheckChar(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    sum += USCC_ALPHABET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 organisation code check character (only used to show we deliberately ignore it). */
function gb11714CheckChar(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body8].reduce((acc, ch, i) => acc + parseInt(ch, 36) * weights[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

describe('usccCheckChar', () => {
  it('reproduces the public sample', () => {
    expect(usccCheckChar(PUBLIC_SAMPLE.slice(0, 17))).toBe('3');
  });

  it('matches the 3^i mod 31 reference for any 17 alphabet characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(new RegExp(`^[${USCC_ALPHABET}]{17}$`)), (body) =>
        expect(usccCheckChar(body)).toBe(referenceCheckChar(body)),
      ),
    );
  });

  it('rejects malformed input, including forbidden letters', () => {
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100M000100Y43')).toThrow(RangeError);
    for (const forbidden of 'IOZSV') {
      expect(() => usccCheckChar(`91350100M000100${forbidden}4`)).toThrow(RangeError);
    }
  });
});

describe('isValidUscc', () => {
  it('accepts valid codes', () => {
    expect(isValidUscc(PUBLIC_SAMPLE)).toBe(true);
    expect(isValidUscc(withCheck('91110108MA01ABCD1'))).toBe(true);
    expect(isValidUscc(withCheck('12100000400012345'))).toBe(true);
    expect(isValidUscc(withCheck('N2320100123456789'))).toBe(true);
    expect(isValidUscc(withCheck('Y1440300YX1234567'))).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y4X')).toBe(false);
  });

  it('rejects wrong lengths', () => {
    expect(isValidUscc('')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc(`${PUBLIC_SAMPLE}0`)).toBe(false);
    expect(isValidUscc(123 as unknown as string)).toBe(false);
  });

  it.each([...'IOZSV'])('rejects the forbidden letter %s anywhere', (letter) => {
    for (let i = 0; i < 18; i++) {
      expect(isValidUscc(PUBLIC_SAMPLE.slice(0, i) + letter + PUBLIC_SAMPLE.slice(i + 1))).toBe(false);
    }
  });

  it('rejects lowercase; normaliseUscc fixes case and whitespace', () => {
    expect(isValidUscc('91350100m000100y43')).toBe(false);
    expect(normaliseUscc(' 91350100m000100y43\t')).toBe(PUBLIC_SAMPLE);
    expect(isValidUscc(normaliseUscc(' 91350100m000100y43 '))).toBe(true);
  });

  it('rejects an unassigned registration authority code even with a matching check character', () => {
    expect(isValidUscc(withCheck('01350100M000100Y4'))).toBe(false);
    expect(isValidUscc(withCheck('B1350100M000100Y4'))).toBe(false);
  });

  it('rejects a non-numeric division code even with a matching check character', () => {
    expect(isValidUscc(withCheck('913501A0M000100Y4'))).toBe(false);
  });

  it('does not enforce the GB 11714 check inside positions 9-17 (documented decision)', () => {
    expect(gb11714CheckChar('M000100Y')).toBe('4'); // the public sample's inner check is correct
    const innerCheckWrong = withCheck('91350100M000100Y5');
    expect(gb11714CheckChar('M000100Y')).not.toBe(innerCheckWrong[16]);
    expect(isValidUscc(innerCheckWrong)).toBe(true);
  });

  describe('properties', () => {
    const alphabetChar = fc.constantFrom(...USCC_ALPHABET);
    const validUscc = fc
      .tuple(
        fc.constantFrom(...'123456789ANY'),
        alphabetChar,
        fc.stringMatching(/^\d{6}$/),
        fc.array(alphabetChar, { minLength: 9, maxLength: 9 }),
      )
      .map(([authority, category, division, subject]) =>
        withCheck(authority + category + division + subject.join('')),
      );

    it('a well-formed body plus its computed check character validates', () => {
      fc.assert(fc.property(validUscc, (code) => expect(isValidUscc(code)).toBe(true)));
    });

    // MOD 31 detects every single substitution: every weight is non-zero mod the prime 31
    // and two distinct alphabet values differ by 1..30, so the weighted sum always changes;
    // the check character is a one-to-one function of that sum.
    it('changing any single character to another alphabet character invalidates it', () => {
      fc.assert(
        fc.property(validUscc, (code) => {
          const accepted: string[] = [];
          for (let i = 0; i < 18; i++) {
            for (const c of USCC_ALPHABET) {
              const mutated = code.slice(0, i) + c + code.slice(i + 1);
              if (c !== code[i] && isValidUscc(mutated)) accepted.push(mutated);
            }
          }
          expect(accepted).toEqual([]);
        }),
      );
    });
  });
});

describe('@IsUscc', () => {
  class Dto {
    @IsUscc()
    creditCode: unknown;
  }

  const errorsFor = (value: unknown) => validateSync(Object.assign(new Dto(), { creditCode: value }));

  it('accepts a valid code', () => {
    expect(errorsFor(PUBLIC_SAMPLE)).toHaveLength(0);
  });

  it.each([['91350100M000100Y44'], ['91350100m000100y43'], [null]])('rejects %p', (value) => {
    const errors = errorsFor(value);
    expect(errors).toHaveLength(1);
    expect(errors[0].constraints).toEqual({
      isUscc:
        'creditCode must be an 18-character unified social credit code with a valid GB 32100 check character',
    });
  });
});

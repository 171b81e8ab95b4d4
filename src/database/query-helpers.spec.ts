import fc from 'fast-check';
import { jurisdictionCondition, STREET_CODE_LENGTH } from './query-helpers';

/** Whether `code` satisfies a condition as `jurisdictionCondition` writes it (`col = 'x'` or `col LIKE 'x%'`). */
function holds(condition: string, code: string): boolean {
  const eq = /^col = '(\d+)'$/.exec(condition);
  if (eq) return code === eq[1];
  const like = /^col LIKE '(\d+)%'$/.exec(condition);
  if (like) return code.startsWith(like[1]);
  throw new Error(`unexpected condition: ${condition}`);
}

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

describe('jurisdictionCondition', () => {
  it("a street's code in a column of street codes is tested by equality; any other prefix or column by LIKE", () => {
    expect(jurisdictionCondition('col', '310115005', 'street codes')).toBe(`col = '310115005'`);
    expect(jurisdictionCondition('col', '310115', 'street codes')).toBe(`col LIKE '310115%'`);
    expect(jurisdictionCondition('col', '310115005001', 'street codes')).toBe(`col LIKE '310115005001%'`);
    expect(jurisdictionCondition('col', '310115005', 'codes')).toBe(`col LIKE '310115005%'`);
  });

  it('matches exactly the street codes the prefix covers (a code covers every code it prefixes)', () => {
    // Near codes as well as random ones: a street's own code, its neighbours, codes sharing the prefix's start.
    const street = digits(STREET_CODE_LENGTH, STREET_CODE_LENGTH);
    fc.assert(
      fc.property(digits(2, 12), fc.array(street, { maxLength: 20 }), (prefix, others) => {
        const condition = jurisdictionCondition('col', prefix, 'street codes');
        const padded = prefix.padEnd(STREET_CODE_LENGTH, '0').slice(0, STREET_CODE_LENGTH);
        for (const code of [padded, ...others, padded.slice(0, -1) + '9'])
          expect(holds(condition, code)).toBe(code.startsWith(prefix));
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import {
  rowInForce,
  SIMPLIFIED_EXCLUSIONS,
  simplifiedProcedure,
  type AverageWageRow,
  type SimplifiedFacts,
} from './simplified-procedure.rules';

const WAGE = 14_920_800;
const base: SimplifiedFacts = {
  factsClear: false,
  partiesAgree: false,
  totalClaimFen: 100_000_000,
  averageAnnualWageFen: WAGE,
  exclusions: [],
};

describe('简易处理 (办案规则 第五十六条, 第五十七条)', () => {
  it('any one ground of 第五十六条 allows it: clear facts, amount ≤ the average annual wage (inclusive), consent', () => {
    expect(simplifiedProcedure(base)).toEqual({ allowed: false, grounds: [], excludedBy: [] });
    expect(simplifiedProcedure({ ...base, factsClear: true })).toMatchObject({
      allowed: true,
      grounds: ['FACTS_CLEAR'],
    });
    expect(simplifiedProcedure({ ...base, partiesAgree: true }).grounds).toEqual(['PARTIES_AGREE']);
    expect(simplifiedProcedure({ ...base, totalClaimFen: WAGE }).grounds).toEqual([
      'AMOUNT_WITHIN_AVERAGE_WAGE',
    ]);
    expect(simplifiedProcedure({ ...base, totalClaimFen: WAGE + 1 }).allowed).toBe(false);
  });

  it('no recorded average wage: the amount ground is not met, the others still are', () => {
    expect(simplifiedProcedure({ ...base, totalClaimFen: 1, averageAnnualWageFen: null }).allowed).toBe(
      false,
    );
    expect(
      simplifiedProcedure({ ...base, totalClaimFen: 1, averageAnnualWageFen: null, partiesAgree: true }),
    ).toMatchObject({ allowed: true, grounds: ['PARTIES_AGREE'] });
  });

  it('a 第五十七条 exclusion forbids it even when every ground is met, and is named', () => {
    const all = { ...base, factsClear: true, partiesAgree: true, totalClaimFen: 0 };
    expect(simplifiedProcedure({ ...all, exclusions: ['RESPONDENT_MISSING'] })).toEqual({
      allowed: false,
      grounds: ['FACTS_CLEAR', 'AMOUNT_WITHIN_AVERAGE_WAGE', 'PARTIES_AGREE'],
      excludedBy: ['RESPONDENT_MISSING'],
    });
  });

  it('property: allowed ⇔ (some ground) ∧ (no exclusion)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 1e10 }),
        fc.option(fc.integer({ min: 0, max: 1e10 }), { nil: null }),
        fc.subarray([...SIMPLIFIED_EXCLUSIONS]),
        (factsClear, partiesAgree, totalClaimFen, averageAnnualWageFen, exclusions) => {
          const a = simplifiedProcedure({
            factsClear,
            partiesAgree,
            totalClaimFen,
            averageAnnualWageFen,
            exclusions,
          });
          const amountOk = averageAnnualWageFen !== null && totalClaimFen <= averageAnnualWageFen;
          expect(a.allowed).toBe((factsClear || partiesAgree || amountOk) && exclusions.length === 0);
          expect(a.excludedBy).toEqual(exclusions);
        },
      ),
    );
  });

  it('property: monotone in the amount — allowed for an amount, allowed for every smaller one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 1e10 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        if (simplifiedProcedure({ ...base, totalClaimFen: hi }).allowed)
          expect(simplifiedProcedure({ ...base, totalClaimFen: lo }).allowed).toBe(true);
      }),
    );
  });
});

describe('average annual wage in force (a dated table per province)', () => {
  const rows: AverageWageRow[] = [
    { province: '310000', referenceYear: 2022, annualFen: 14_619_600, effectiveFrom: '2023-07-01' },
    { province: '310000', referenceYear: 2023, annualFen: 14_768_400, effectiveFrom: '2024-07-01' },
    { province: '320000', referenceYear: 2023, annualFen: 12_000_000, effectiveFrom: '2024-01-01' },
  ];
  it('takes the latest row effective on or before the date, of that province only', () => {
    expect(rowInForce(rows, '310000', '2023-06-30')).toBeNull();
    expect(rowInForce(rows, '310000', '2023-07-01')?.referenceYear).toBe(2022);
    expect(rowInForce(rows, '310000', '2024-06-30')?.referenceYear).toBe(2022);
    expect(rowInForce(rows, '310000', '2026-12-02')?.annualFen).toBe(14_768_400);
    expect(rowInForce(rows, '320000', '2023-12-31')).toBeNull();
  });
  it('property: the answer does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(rows, { minLength: 3 }),
        fc.date({ min: new Date('2023-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
        (shuffled, d) => {
          const day = d.toISOString().slice(0, 10);
          expect(rowInForce(shuffled, '310000', day)).toEqual(rowInForce(rows, '310000', day));
        },
      ),
    );
  });
});

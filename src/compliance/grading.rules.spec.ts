import fc from 'fast-check';
import { VIOLATION_KINDS, type ViolationKind } from './compliance.constants';
import {
  C_MIN_VIOLATIONS,
  gradeFor,
  GRADING_RULES,
  gradingInputChanged,
  type GradingFacts,
  yearToRegrade,
} from './grading.rules';

const clean: GradingFacts = {
  violations: 0,
  massIncident: false,
  orderRefused: false,
  criminalLiability: false,
  kinds: [],
};
const ids = (f: GradingFacts) => gradeFor(f).reasons.map((r) => r.ruleId);

describe('grading rules (人社部规〔2016〕1号《企业劳动保障守法诚信等级评价办法》第七条)', () => {
  it('every rule carries a citation of 第七条 (the grades and their criteria), not 第六条', () => {
    for (const r of GRADING_RULES) expect(r.citation).toMatch(/^人社部规〔2016〕1号 第七条/);
  });

  it('A: no finding in the year', () => {
    expect(gradeFor(clean)).toEqual({
      grade: 'A',
      reasons: [{ ruleId: 'A_NO_FINDING', citation: '人社部规〔2016〕1号 第七条第（一）项' }],
    });
  });

  it('B: one or two ordinary findings; C from the third (含三次)', () => {
    const wage: ViolationKind[] = ['WAGE_ARREARS'];
    expect(gradeFor({ ...clean, violations: 1, kinds: wage }).grade).toBe('B');
    expect(gradeFor({ ...clean, violations: C_MIN_VIOLATIONS - 1, kinds: wage }).grade).toBe('B');
    expect(gradeFor({ ...clean, violations: C_MIN_VIOLATIONS, kinds: wage })).toEqual({
      grade: 'C',
      reasons: [
        { ruleId: 'C_THREE_OR_MORE_FINDINGS', citation: '人社部规〔2016〕1号 第七条第（三）项第1目' },
      ],
    });
    expect(C_MIN_VIOLATIONS).toBe(3);
  });

  it('C on one finding with a mass incident, a refused order, criminal liability, child/forced labour or obstruction', () => {
    const one = { ...clean, violations: 1, kinds: ['WAGE_ARREARS'] as ViolationKind[] };
    expect(ids({ ...one, massIncident: true })).toEqual(['C_MASS_OR_EXTREME_INCIDENT']);
    expect(ids({ ...one, orderRefused: true })).toEqual(['C_ORDER_REFUSED']);
    expect(ids({ ...one, criminalLiability: true })).toEqual(['C_CRIMINAL_LIABILITY']);
    expect(ids({ ...one, kinds: ['CHILD_LABOR'] })).toEqual(['C_SEVERE_VIOLATION']);
    expect(ids({ ...one, kinds: ['FORCED_LABOR'] })).toEqual(['C_SEVERE_VIOLATION']);
    expect(ids({ ...one, kinds: ['OBSTRUCTION'] })).toEqual(['C_OBSTRUCTION']);
    expect(ids({ ...one, kinds: ['SOCIAL_INSURANCE', 'OVERTIME', 'NO_CONTRACT'] })).toEqual([
      'B_FOUND_NOT_C',
    ]);
  });

  it('lists every C rule that fired', () => {
    expect(
      ids({
        violations: 4,
        massIncident: true,
        orderRefused: true,
        criminalLiability: true,
        kinds: ['WAGE_ARREARS'],
      }),
    ).toEqual([
      'C_THREE_OR_MORE_FINDINGS',
      'C_MASS_OR_EXTREME_INCIDENT',
      'C_ORDER_REFUSED',
      'C_CRIMINAL_LIABILITY',
    ]);
  });

  const facts = fc.record({
    violations: fc.nat({ max: 10 }),
    massIncident: fc.boolean(),
    orderRefused: fc.boolean(),
    criminalLiability: fc.boolean(),
    kinds: fc.uniqueArray(fc.constantFrom(...VIOLATION_KINDS), { maxLength: 4 }),
  });

  it('property: A exactly when nothing was found; C never without a finding-level fact; grades are monotone', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const g = gradeFor(f).grade;
        if (f.violations === 0) {
          // No finding: only aggravating flags recorded without a finding could make it C (they come from findings).
          const aggravated =
            f.massIncident ||
            f.orderRefused ||
            f.criminalLiability ||
            f.kinds.some((k) => ['CHILD_LABOR', 'FORCED_LABOR', 'OBSTRUCTION'].includes(k));
          expect(g).toBe(aggravated ? 'C' : 'A');
        } else expect(g).not.toBe('A');
        // One more finding never improves the grade.
        const worse = gradeFor({ ...f, violations: f.violations + 1 }).grade;
        expect(worse >= g).toBe(true);
        expect(gradeFor(f).reasons.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('a fact learnt after the finding regrades its year', () => {
  const v = {
    foundOn: '2025-04-04',
    kinds: ['WAGE_ARREARS'] as ViolationKind[],
    massIncident: false,
    orderRefused: false,
    criminalLiabilityOn: null,
  };

  it('a judgment recorded (or removed) changes the grade input; another judgment day or the same facts do not', () => {
    expect(gradingInputChanged(v, { ...v, criminalLiabilityOn: '2026-05-05' })).toBe(true);
    expect(gradingInputChanged({ ...v, criminalLiabilityOn: '2026-05-05' }, v)).toBe(true);
    expect(
      gradingInputChanged(
        { ...v, criminalLiabilityOn: '2026-05-05' },
        { ...v, criminalLiabilityOn: '2026-06-06' },
      ),
    ).toBe(false);
    expect(gradingInputChanged(v, { ...v })).toBe(false);
    expect(gradingInputChanged(v, { ...v, kinds: ['WAGE_ARREARS', 'WAGE_ARREARS'] })).toBe(false);
    expect(gradingInputChanged(v, { ...v, orderRefused: true })).toBe(true);
    expect(gradingInputChanged(v, { ...v, kinds: ['CHILD_LABOR'] })).toBe(true);
  });

  it('the finding’s year once it is over or graded; a year in course only when graded already', () => {
    expect(yearToRegrade('2025-04-04', '2026-01-01', false)).toBe(2025);
    expect(yearToRegrade('2025-12-31', '2026-12-06', true)).toBe(2025);
    expect(yearToRegrade('2026-04-04', '2026-12-06', false)).toBeNull();
    expect(yearToRegrade('2026-04-04', '2026-12-06', true)).toBe(2026);
  });

  it('property: changes only when a fact the rules read changes', () => {
    const facts = fc.record({
      foundOn: fc.constantFrom('2024-01-01', '2025-06-30'),
      kinds: fc.subarray([...VIOLATION_KINDS], { minLength: 1 }),
      massIncident: fc.boolean(),
      orderRefused: fc.boolean(),
      criminalLiabilityOn: fc.option(fc.constantFrom('2025-07-01', '2026-01-02'), { nil: null }),
    });
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        const same =
          a.foundOn === b.foundOn &&
          [...a.kinds].sort().join() === [...b.kinds].sort().join() &&
          a.massIncident === b.massIncident &&
          a.orderRefused === b.orderRefused &&
          (a.criminalLiabilityOn === null) === (b.criminalLiabilityOn === null);
        expect(gradingInputChanged(a, b)).toBe(!same);
      }),
    );
  });
});

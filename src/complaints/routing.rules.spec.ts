import fc from 'fast-check';
import { COMPLAINT_CATEGORIES } from './complaint.constants';
import {
  COLLECTIVE_ARREARS_WORKERS,
  ROUTE_TARGETS_BY_KIND,
  suggestRoute,
  type RoutingFacts,
} from './routing.rules';

const base: RoutingFacts = {
  kind: 'COMPLAINT',
  category: 'WAGE_ARREARS',
  claimedAmountFen: 1_250_000,
  affectedWorkers: 1,
  wantsArbitration: false,
};

describe('routing suggestion', () => {
  it('an individual wage claim goes to street mediation', () => {
    expect(suggestRoute(base)).toMatchObject({
      target: 'MEDIATION',
      reasons: [{ code: 'INDIVIDUAL_DISPUTE' }],
    });
  });

  it('a worker who asks for arbitration goes to arbitration', () => {
    expect(suggestRoute({ ...base, wantsArbitration: true }).target).toBe('ARBITRATION');
  });

  it('statutory violations go to inspection, even when arbitration is asked for', () => {
    for (const category of ['NO_CONTRACT', 'SOCIAL_INSURANCE', 'WORKING_HOURS_LEAVE'] as const) {
      expect(suggestRoute({ ...base, category }).target).toBe('INSPECTION');
      const s = suggestRoute({ ...base, category, wantsArbitration: true });
      expect(s.target).toBe('INSPECTION');
      expect(s.reasons.map((r) => r.code)).toEqual(['STATUTORY_VIOLATION', 'ARBITRATION_REQUESTED']);
      // 调解仲裁法 第五条: the worker need not wait for the inspection to apply.
      expect(s.reasons[1].text).toContain('无须等待');
    }
  });

  it(`wage arrears of ${COLLECTIVE_ARREARS_WORKERS}+ workers go to inspection; one fewer goes to mediation`, () => {
    expect(suggestRoute({ ...base, affectedWorkers: COLLECTIVE_ARREARS_WORKERS }).target).toBe('INSPECTION');
    expect(suggestRoute({ ...base, affectedWorkers: COLLECTIVE_ARREARS_WORKERS - 1 }).target).toBe(
      'MEDIATION',
    );
  });

  it('reports always go to inspection', () => {
    expect(suggestRoute({ ...base, kind: 'REPORT', wantsArbitration: true }).target).toBe('INSPECTION');
  });

  it('flags a large claim', () => {
    expect(suggestRoute({ ...base, claimedAmountFen: 10_000_000 }).reasons.map((r) => r.code)).toContain(
      'LARGE_CLAIM',
    );
  });

  it('property: every suggestion has a target and at least one reason citing a legal basis', () => {
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom('COMPLAINT' as const, 'REPORT' as const),
          category: fc.constantFrom(...COMPLAINT_CATEGORIES),
          claimedAmountFen: fc.option(fc.integer({ min: 0, max: 10_000_000_000 }), { nil: null }),
          affectedWorkers: fc.integer({ min: 1, max: 100_000 }),
          wantsArbitration: fc.boolean(),
        }),
        (facts) => {
          const s = suggestRoute(facts);
          expect(['MEDIATION', 'ARBITRATION', 'INSPECTION']).toContain(s.target);
          // Never a target the complaint's kind may not be routed to (a report: inspection only).
          expect(ROUTE_TARGETS_BY_KIND[facts.kind]).toContain(s.target);
          expect(s.reasons.length).toBeGreaterThan(0);
          for (const r of s.reasons) expect(r.basis.length).toBeGreaterThan(3);
          expect(suggestRoute(facts)).toEqual(s);
        },
      ),
    );
  });

  it('a report goes to inspection only: it names no party to mediate or to apply for arbitration', () => {
    expect(ROUTE_TARGETS_BY_KIND.REPORT).toEqual(['INSPECTION']);
    expect([...ROUTE_TARGETS_BY_KIND.COMPLAINT].sort()).toEqual(['ARBITRATION', 'INSPECTION', 'MEDIATION']);
  });
});

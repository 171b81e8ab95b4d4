import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import { applicationProblems, decisionProblems } from './recusal.rules';

const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2024-01-01', n));

describe('recusal applications (回避, 调解仲裁法 第三十三条)', () => {
  it('an application against a member received between acceptance and today is fine; a non-member or another day is not (property)', () => {
    fc.assert(
      fc.property(day, day, day, fc.boolean(), (a, b, c, member) => {
        const [acceptedOn, receivedOn, today] = [a, b, c].sort();
        const tribunal = ['x', 'y', 'z'];
        const ok = applicationProblems(tribunal, member ? 'y' : 'w', receivedOn, { acceptedOn, today });
        expect(ok.map((p) => p.field)).toEqual(member ? [] : ['arbitratorId']);
        if (receivedOn < today)
          expect(
            applicationProblems(tribunal, 'y', addDays(today, 1), { acceptedOn, today }).map((p) => p.field),
          ).toEqual(['receivedOn']);
        if (acceptedOn > '2024-01-01')
          expect(
            applicationProblems(tribunal, 'y', addDays(acceptedOn, -1), { acceptedOn, today }).map(
              (p) => p.field,
            ),
          ).toEqual(['receivedOn']);
      }),
    );
  });

  it('a grant names who comes in, a refusal names nobody; the decision lies between receipt and today (property)', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        const [receivedOn, decidedOn, today] = [a, b, c].sort();
        const w = { receivedOn, today };
        expect(decisionProblems({ decision: 'GRANTED', incomingArbitratorId: 'n', decidedOn }, w)).toEqual(
          [],
        );
        expect(decisionProblems({ decision: 'REFUSED', decidedOn }, w)).toEqual([]);
        expect(decisionProblems({ decision: 'GRANTED', decidedOn }, w).map((p) => p.field)).toEqual([
          'incomingArbitratorId',
        ]);
        expect(
          decisionProblems({ decision: 'REFUSED', incomingArbitratorId: 'n', decidedOn }, w).map(
            (p) => p.field,
          ),
        ).toEqual(['incomingArbitratorId']);
        expect(
          decisionProblems({ decision: 'REFUSED', decidedOn: addDays(today, 1) }, w).map((p) => p.field),
        ).toEqual(['decidedOn']);
      }),
    );
  });
});

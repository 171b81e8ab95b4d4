import fc from 'fast-check';
import { replaceMember, replacementProblems } from './tribunal-replacement.rules';

const tribunals = fc.oneof(
  fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 1 }),
  fc.uniqueArray(fc.uuid(), { minLength: 3, maxLength: 3 }),
);

describe('replacing a tribunal member', () => {
  it('keeps the size and the others’ places; the one leaving is out, the one coming in is in (property)', () => {
    fc.assert(
      fc.property(tribunals, fc.nat(), fc.uuid(), (tribunal, i, incoming) => {
        fc.pre(!tribunal.includes(incoming));
        const leaving = tribunal[i % tribunal.length];
        expect(replacementProblems(tribunal, leaving, incoming)).toEqual([]);
        const after = replaceMember(tribunal, leaving, incoming);
        expect(after).toHaveLength(tribunal.length);
        expect(after).not.toContain(leaving);
        expect(after[i % tribunal.length]).toBe(incoming);
        expect(new Set(after).size).toBe(after.length);
        tribunal.forEach((id, k) => k !== i % tribunal.length && expect(after[k]).toBe(id));
      }),
    );
  });

  it('a leaving arbitrator not on the tribunal is a problem on leavingArbitratorId (property)', () => {
    fc.assert(
      fc.property(tribunals, fc.uuid(), fc.uuid(), (tribunal, leaving, incoming) => {
        fc.pre(!tribunal.includes(leaving) && !tribunal.includes(incoming));
        expect(replacementProblems(tribunal, leaving, incoming).map((p) => p.field)).toEqual([
          'leavingArbitratorId',
        ]);
      }),
    );
  });

  it('a member coming in who already sits is a problem on incomingArbitratorId, the leaving one too', () => {
    const [a, b, c] = ['a', 'b', 'c'];
    expect(replacementProblems([a, b, c], a, b).map((p) => [p.field, p.constraint])).toEqual([
      ['incomingArbitratorId', 'notOnTribunal'],
    ]);
    expect(replacementProblems([a], a, a).map((p) => p.field)).toEqual(['incomingArbitratorId']);
    expect(replacementProblems([a], b, a).map((p) => p.field)).toEqual([
      'leavingArbitratorId',
      'incomingArbitratorId',
    ]);
  });
});

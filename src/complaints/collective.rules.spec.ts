import fc from 'fast-check';
import { actsForDispute, representativesCountOk, type DisputeMemberOfCaller } from './collective.rules';

describe('collective representatives (调解仲裁法 第七条: 可以推举代表; 办案规则: 三至五名)', () => {
  it('none, or three to five', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].filter(representativesCountOk)).toEqual([0, 3, 4, 5]);
  });
});

describe('actsForDispute (调解仲裁法 第七条; 办案规则 第六十三条)', () => {
  const member = (i: number, own = false, status = 'ROUTED'): DisputeMemberOfCaller => ({
    complaintId: `c${i}`,
    status,
    own,
  });
  const group = (own: number, statuses: Record<number, string> = {}) =>
    Array.from({ length: 10 }, (_, i) => member(i, i === own, statuses[i] ?? 'ROUTED'));
  const reps = ['c1', 'c2', 'c3'];

  it('with representatives elected: a representative, not another member (the opener neither)', () => {
    expect(actsForDispute(group(2), reps)).toBe(true);
    expect(actsForDispute(group(0), reps)).toBe(false);
    expect(actsForDispute(group(5), reps)).toBe(false);
  });

  it('with none elected: any member still in the dispute', () => {
    expect(actsForDispute(group(0), [])).toBe(true);
    expect(actsForDispute(group(9), [])).toBe(true);
    expect(actsForDispute(group(4, { 4: 'WITHDRAWN' }), [])).toBe(false);
    expect(actsForDispute(group(4, { 4: 'REJECTED' }), [])).toBe(false);
  });

  it('a representative who withdrew acts for no one; when none is left, the members still in it act', () => {
    expect(actsForDispute(group(1, { 1: 'WITHDRAWN' }), reps)).toBe(false);
    expect(actsForDispute(group(5, { 1: 'WITHDRAWN' }), reps)).toBe(false);
    const allLeft = { 1: 'WITHDRAWN', 2: 'WITHDRAWN', 3: 'REJECTED' };
    expect(actsForDispute(group(5, allLeft), reps)).toBe(true);
    expect(actsForDispute(group(2, allLeft), reps)).toBe(false);
  });

  it('a caller with no complaint in the dispute never acts for it', () => {
    expect(actsForDispute(group(-1), reps)).toBe(false);
    expect(actsForDispute(group(-1), [])).toBe(false);
  });

  it('exactly one kind of member acts: the representatives still in it, else every member still in it', () => {
    const statuses = fc.constantFrom('ROUTED', 'ACCEPTED', 'WITHDRAWN', 'REJECTED');
    fc.assert(
      fc.property(
        fc.array(fc.record({ status: statuses, rep: fc.boolean() }), { minLength: 1, maxLength: 15 }),
        (rows) => {
          const members = rows.map((r, i) => member(i, false, r.status));
          const repIds = rows.flatMap((r, i) => (r.rep ? [`c${i}`] : []));
          const actors = members.filter((_, i) =>
            actsForDispute(
              members.map((m, k) => ({ ...m, own: k === i })),
              repIds,
            ),
          );
          const inDispute = members.filter((m) => m.status !== 'WITHDRAWN' && m.status !== 'REJECTED');
          const repsIn = inDispute.filter((m) => repIds.includes(m.complaintId));
          expect(actors).toEqual(repsIn.length > 0 ? repsIn : inDispute);
        },
      ),
    );
  });
});

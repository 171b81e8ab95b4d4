import fc from 'fast-check';
import {
  actsForDispute,
  membersActingFor,
  representativesCountOk,
  type DisputeMember,
  type DisputeMemberOfCaller,
} from './collective.rules';

describe('collective representatives (调解仲裁法 第七条: 可以推举代表; 办案规则: 三至五名)', () => {
  it('none, or three to five', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].filter(representativesCountOk)).toEqual([0, 3, 4, 5]);
  });
});

/** A group of 1 to 15 members, each with a status and whether it was elected a representative. */
const groupRows = fc.array(
  fc.record({ status: fc.constantFrom('ROUTED', 'ACCEPTED', 'WITHDRAWN', 'REJECTED'), rep: fc.boolean() }),
  { minLength: 1, maxLength: 15 },
);
const repIdsOf = (rows: readonly { rep: boolean }[]) => rows.flatMap((r, i) => (r.rep ? [`c${i}`] : []));

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
    fc.assert(
      fc.property(groupRows, (rows) => {
        const members = rows.map((r, i) => member(i, false, r.status));
        const repIds = repIdsOf(rows);
        const actors = members.filter((_, i) =>
          actsForDispute(
            members.map((m, k) => ({ ...m, own: k === i })),
            repIds,
          ),
        );
        const inDispute = members.filter((m) => m.status !== 'WITHDRAWN' && m.status !== 'REJECTED');
        const repsIn = inDispute.filter((m) => repIds.includes(m.complaintId));
        expect(actors).toEqual(repsIn.length > 0 ? repsIn : inDispute);
      }),
    );
  });
});

describe('membersActingFor (who is told a group step is theirs to take)', () => {
  const member = (i: number, status = 'ROUTED', user: string | null = `u${i}`): DisputeMember => ({
    complaintId: `c${i}`,
    status,
    complainantUserId: user,
  });
  const ten = (over: Record<number, DisputeMember> = {}) =>
    Array.from({ length: 10 }, (_, i) => over[i] ?? member(i));

  it('the representatives still in it; with none elected or none left, every member still in it', () => {
    expect([...membersActingFor(ten(), ['c1', 'c2', 'c3'])].sort()).toEqual(['c1', 'c2', 'c3']);
    expect(membersActingFor(ten({ 4: member(4, 'WITHDRAWN') }), []).size).toBe(9);
    const allLeft = ten({ 1: member(1, 'WITHDRAWN'), 2: member(2, 'REJECTED') });
    expect(membersActingFor(allLeft, ['c1', 'c2']).size).toBe(8);
  });

  it('a member acts through another complaint of theirs that represents the group; a member without an account by their own', () => {
    const twice = ten({
      7: member(7, 'ROUTED', 'u1'),
      8: member(8, 'ROUTED', null),
      9: member(9, 'ROUTED', null),
    });
    expect([...membersActingFor(twice, ['c1', 'c8'])].sort()).toEqual(['c1', 'c7', 'c8']);
  });

  it('agrees with actsForDispute for every member whose complaint is their only one', () => {
    fc.assert(
      fc.property(groupRows, (rows) => {
        const members = rows.map((r, i) => member(i, r.status));
        const repIds = repIdsOf(rows);
        const acting = membersActingFor(members, repIds);
        for (const m of members)
          expect(acting.has(m.complaintId)).toBe(
            actsForDispute(
              members.map((x) => ({ complaintId: x.complaintId, status: x.status, own: x === m })),
              repIds,
            ),
          );
      }),
    );
  });
});

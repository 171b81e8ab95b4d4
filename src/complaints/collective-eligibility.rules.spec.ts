import fc from 'fast-check';
import { COMPLAINT_STATUSES } from './complaint.constants';
import {
  collectiveIneligibility,
  EXCLUDED_STATUSES,
  INELIGIBILITY_REASONS,
  OWN_PROCEEDING_STATES,
  PROCEEDING_EXCLUDES,
  STATUS_EXCLUDES,
} from './collective-eligibility.rules';

const standing = fc.record({
  status: fc.constantFrom(...COMPLAINT_STATUSES),
  proceedings: fc.array(fc.constantFrom(...OWN_PROCEEDING_STATES), { maxLength: 6 }),
});

describe('collectiveIneligibility (调解仲裁法 第七条: a common claim still pending, handled nowhere else)', () => {
  it('the audit: a claim whose own mediation agreement was performed (paid) does not join', () => {
    expect(
      collectiveIneligibility({ status: 'ROUTED', proceedings: ['MEDIATION_AGREEMENT_PERFORMED'] }),
    ).toEqual(['SETTLED_BY_MEDIATION']);
  });

  it('excludes: refused, withdrawn, in its own mediation, agreed (performing, performed or defaulted), in or decided by arbitration, in an open inspection', () => {
    expect(EXCLUDED_STATUSES).toEqual(['REJECTED', 'WITHDRAWN']);
    expect(OWN_PROCEEDING_STATES.filter((p) => PROCEEDING_EXCLUDES[p] !== null)).toEqual([
      'MEDIATION_OPEN',
      'MEDIATION_AGREEMENT_PERFORMING',
      'MEDIATION_AGREEMENT_PERFORMED',
      'MEDIATION_AGREEMENT_DEFAULTED',
      'ARBITRATION_PENDING',
      'ARBITRATION_DECIDED',
      'INSPECTION_OPEN',
    ]);
  });

  it('lets join: a claim pending at intake, or whose own proceeding ended settling nothing', () => {
    for (const status of ['SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED', 'ROUTED'] as const)
      expect(
        collectiveIneligibility({
          status,
          proceedings: [
            'MEDIATION_FAILED',
            'MEDIATION_EXPIRED',
            'MEDIATION_WITHDRAWN',
            'ARBITRATION_ENDED_UNDECIDED',
            'INSPECTION_CLOSED',
          ],
        }),
      ).toEqual([]);
  });

  it('property: eligible exactly when neither the status nor any own proceeding excludes', () => {
    fc.assert(
      fc.property(standing, (c) => {
        const eligible =
          STATUS_EXCLUDES[c.status] === null && c.proceedings.every((p) => PROCEEDING_EXCLUDES[p] === null);
        expect(collectiveIneligibility(c).length === 0).toBe(eligible);
      }),
    );
  });

  it('property: every reason of the status and of each proceeding, once each, in the table order, and no other', () => {
    fc.assert(
      fc.property(standing, (c) => {
        const reasons = collectiveIneligibility(c);
        const expected = new Set(
          [STATUS_EXCLUDES[c.status], ...c.proceedings.map((p) => PROCEEDING_EXCLUDES[p])].filter(
            (r) => r !== null,
          ),
        );
        expect(new Set(reasons)).toEqual(expected);
        expect(reasons).toEqual(INELIGIBILITY_REASONS.filter((r) => expected.has(r)));
      }),
    );
  });

  it('property: a later proceeding never makes an excluded claim eligible (reasons only grow), whatever the order', () => {
    fc.assert(
      fc.property(standing, fc.constantFrom(...OWN_PROCEEDING_STATES), (c, more) => {
        const before = collectiveIneligibility(c);
        const after = collectiveIneligibility({ ...c, proceedings: [more, ...c.proceedings] });
        expect(after).toEqual(expect.arrayContaining(before));
        expect(collectiveIneligibility({ ...c, proceedings: [...c.proceedings].reverse() })).toEqual(before);
      }),
    );
  });

  it('every reason is reachable', () => {
    const reachable = new Set([...Object.values(STATUS_EXCLUDES), ...Object.values(PROCEEDING_EXCLUDES)]);
    expect(INELIGIBILITY_REASONS.filter((r) => !reachable.has(r))).toEqual([]);
  });
});

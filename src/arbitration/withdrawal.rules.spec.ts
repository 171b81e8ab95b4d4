import fc from 'fast-check';
import { ATTENDANCE_KINDS } from './arbitration.constants';
import { closureNoticeKey, deemedWithdrawalError, type MissedHearing } from './withdrawal.rules';

const held = (claimant: (typeof ATTENDANCE_KINDS)[number]): MissedHearing => ({
  heldAt: new Date('2026-12-01T02:00:00Z'),
  attendance: { claimant, respondent: 'PRESENT' },
  cancelledAt: null,
});

describe('arbitration withdrawal (调解仲裁法 第三十六条、第四十一条)', () => {
  it('a deemed withdrawal rests only on a held hearing of the case that records the applicant absent', () => {
    expect(deemedWithdrawalError(held('ABSENT'))).toBeNull();
    for (const present of ['PRESENT', 'REPRESENTED'] as const)
      expect(deemedWithdrawalError(held(present))).toMatchObject({ field: 'withdrawal.hearingId' });
    expect(deemedWithdrawalError(null)).toMatchObject({ constraint: 'applicantAbsent' });
    expect(deemedWithdrawalError({ heldAt: null, attendance: null, cancelledAt: null })).not.toBeNull();
  });

  it('property: no hearing that was not held, was cancelled, or saw the applicant attend grounds a deemed withdrawal', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...ATTENDANCE_KINDS),
        (wasHeld, cancelled, claimant) => {
          const h: MissedHearing = {
            heldAt: wasHeld ? new Date() : null,
            attendance: wasHeld ? { claimant, respondent: 'PRESENT' } : null,
            cancelledAt: cancelled ? new Date() : null,
          };
          expect(deemedWithdrawalError(h) === null).toBe(wasHeld && !cancelled && claimant === 'ABSENT');
        },
      ),
    );
  });

  it('tells the worker which: on their request, treated as withdrawn after a missed hearing, or terminated', () => {
    expect(closureNoticeKey('WITHDRAWN', { basis: 'APPLICANT_REQUEST', channel: 'PHONE' })).toBe('WITHDRAWN');
    expect(closureNoticeKey('WITHDRAWN', { basis: 'ABSENT_FROM_HEARING', hearingId: 'x' })).toBe(
      'WITHDRAWN_ABSENT',
    );
    expect(closureNoticeKey('TERMINATED', undefined)).toBe('TERMINATED');
  });
});

import fc from 'fast-check';
import { AppException } from '../common/errors/app-exception';
import { COMPLAINT_STATUSES } from './complaint.constants';
import { ROLES } from '../auth/roles';
import { ROUTE_TARGETS } from './routing.rules';
import { checkWithdrawal, mayRecordConsent, type Withdrawer } from './withdrawal.rules';

function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (err) {
    if (!(err instanceof AppException)) throw err;
    return err.code;
  }
}

describe('complaint withdrawal rules', () => {
  it('lets the complainant withdraw before the acceptance decision (补正 included); after it only staff with the body consent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMPLAINT_STATUSES),
        fc.constantFrom<'COMPLAINT' | 'REPORT'>('COMPLAINT', 'REPORT'),
        fc.constantFrom<Withdrawer>('COMPLAINANT', 'STAFF'),
        fc.boolean(),
        (status, kind, by, bodyConsent) => {
          const got = outcome(() => checkWithdrawal({ status, kind, by, bodyConsent }));
          if (kind === 'REPORT' || status === 'REJECTED' || status === 'WITHDRAWN')
            expect(got).toBe('ILLEGAL_TRANSITION');
          // Asked to complete it (补正), the complaint still awaits the acceptance decision.
          else if (status === 'SUBMITTED' || status === 'CORRECTION_REQUESTED')
            expect(got).toEqual({ consentRecorded: false });
          else if (by === 'STAFF' && bodyConsent) expect(got).toEqual({ consentRecorded: true });
          else expect(got).toBe('WITHDRAWAL_NEEDS_CONSENT');
        },
      ),
    );
  });

  it('names the allowed next action in the refusal', () => {
    try {
      checkWithdrawal({ status: 'ROUTED', kind: 'COMPLAINT', by: 'COMPLAINANT', bodyConsent: false });
      throw new Error('not refused');
    } catch (err) {
      expect((err as AppException).details).toEqual({
        status: 'ROUTED',
        action: 'WITHDRAW',
        allowed: ['ASK_BODY_CONSENT'],
      });
    }
  });
});

describe('who records the body’s consent (mayRecordConsent)', () => {
  it('the routed body’s own staff or a supervisor; before routing any deciding staff; never ADMIN or a worker', () => {
    const own = { MEDIATION: 'MEDIATOR', ARBITRATION: 'ARBITRATOR', INSPECTION: 'INSPECTOR' } as const;
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.constantFrom(null, ...ROUTE_TARGETS), (role, target) => {
        const expected =
          role === 'SUPERVISOR' ||
          (target === null ? !['WORKER', 'ADMIN'].includes(role) : own[target] === role);
        expect(mayRecordConsent(role, target)).toBe(expected);
      }),
    );
  });
});

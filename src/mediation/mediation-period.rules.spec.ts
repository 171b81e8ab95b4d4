import fc from 'fast-check';
import { AppException } from '../common/errors/app-exception';
import { addDays } from '../calendar/local-date';
import {
  assertSessionWithinPeriod,
  extensionErrors,
  MEDIATION_MAX_EXTENSION_DAYS,
} from './mediation-period.rules';

describe('mediation period rules', () => {
  const date = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2026-01-01', n));

  it('allows a session on or before the period due date, refuses one after it with the allowed actions', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -30, max: 30 }), (due, offset) => {
        const sessionOn = addDays(due, offset);
        let thrown: unknown;
        try {
          assertSessionWithinPeriod('OPEN', sessionOn, due);
        } catch (err) {
          thrown = err;
        }
        if (offset <= 0) expect(thrown).toBeUndefined();
        else {
          expect(thrown).toBeInstanceOf(AppException);
          const e = thrown as AppException;
          expect([e.statusCode, e.code]).toEqual([409, 'MEDIATION_PERIOD_OVER']);
          expect(e.details).toMatchObject({
            periodDue: due,
            sessionOn,
            allowed: ['EXTEND_PERIOD', 'AGREE', 'FAIL', 'WITHDRAW'],
          });
        }
      }),
    );
  });

  it('has no gate when the case has no mediation clock', () => {
    expect(() => assertSessionWithinPeriod('OPEN', '2030-01-01', null)).not.toThrow();
  });

  it('needs both parties to agree and 1..15 days', () => {
    expect(extensionErrors({ days: 10, workerAgreed: true, employerAgreed: true })).toEqual([]);
    expect(
      extensionErrors({ days: 0, workerAgreed: false, employerAgreed: true }).map((e) => e.field),
    ).toEqual(['days', 'workerAgreed']);
    expect(
      extensionErrors({
        days: MEDIATION_MAX_EXTENSION_DAYS + 1,
        workerAgreed: true,
        employerAgreed: false,
      }).map((e) => e.field),
    ).toEqual(['days', 'employerAgreed']);
  });
});

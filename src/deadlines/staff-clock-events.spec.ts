import fc from 'fast-check';
import { ROLES, type Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { DEADLINE_RULES } from '../deadline-rules';
import { assertKeepsClock, assertStaffPeriod, CLOCK_KEEPERS } from './staff-clock-events';

const as = (role: Principal['role']): Principal =>
  ({ userId: 'u', role, jurisdictions: ['310115'] }) as Principal;
const code = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppException ? e.code : 'OTHER';
  }
};

describe('who enters a clock event (staff-clock-events.ts)', () => {
  it('each body its own clocks, the supervisor every body’s, ADMIN and workers none, unknown case types nobody', () => {
    const own: Record<string, string> = {
      MEDIATION: 'MEDIATOR',
      ARBITRATION: 'ARBITRATOR',
      INSPECTION: 'INSPECTOR',
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...Object.keys(CLOCK_KEEPERS), 'EMPLOYER'),
        (role, type) => {
          const allowed =
            role === 'SUPERVISOR'
              ? type !== 'EMPLOYER'
              : type === 'COMPLAINT'
                ? role !== 'ADMIN' && role !== 'WORKER'
                : own[type] === role;
          expect(code(() => assertKeepsClock(as(role), type))).toBe(allowed ? null : 'CLOCK_OF_ANOTHER_BODY');
        },
      ),
    );
  });
});

describe('which events a period takes from staff (DeadlineRule.staffEvents)', () => {
  const event = (type: 'PAUSE' | 'RESUME' | 'RESTART' | 'EXTEND') =>
    ({ type, date: '2026-12-01', reason: 'r', amount: 1, approver: 'a' }) as Parameters<
      typeof assertStaffPeriod
    >[1];
  it('the mediation period no pause, restart or extension (第十四条第三款), the arbitration acceptance no pause or extension, the award period all', () => {
    fc.assert(
      fc.property(fc.constantFrom('PAUSE', 'RESUME', 'RESTART', 'EXTEND' as const), (type) => {
        // RESUME: only lifts a pause entered before the rule.
        expect(code(() => assertStaffPeriod(DEADLINE_RULES.MEDIATION, event(type)))).toBe(
          type === 'RESUME' ? null : 'CLOCK_EVENT_NOT_ALLOWED',
        );
        expect(code(() => assertStaffPeriod(DEADLINE_RULES.ARBITRATION_ACCEPTANCE, event(type)))).toBe(
          type === 'RESTART' || type === 'RESUME' ? null : 'CLOCK_EVENT_NOT_ALLOWED',
        );
        expect(code(() => assertStaffPeriod(DEADLINE_RULES.ARBITRATION_DECISION, event(type)))).toBeNull();
      }),
    );
  });
});

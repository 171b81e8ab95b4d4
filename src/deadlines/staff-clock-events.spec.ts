import fc from 'fast-check';
import { ROLES, type Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { assertKeepsClock, CLOCK_KEEPERS } from './staff-clock-events';

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

import fc from 'fast-check';
import { DEFAULT_WORKING_HOURS, shanghaiMinuteOfDay, workingTimeProblem } from './working-hours';

const at = (iso: string) => new Date(iso);

describe('workingTimeProblem', () => {
  it('accepts 09:00 on a working day, refuses a rest day and 02:00', () => {
    expect(workingTimeProblem(at('2026-12-09T09:00:00+08:00'), 120, DEFAULT_WORKING_HOURS, true)).toBeNull();
    expect(workingTimeProblem(at('2026-12-13T09:00:00+08:00'), 120, DEFAULT_WORKING_HOURS, false)).toBe(
      'REST_DAY',
    );
    expect(workingTimeProblem(at('2026-12-09T02:00:00+08:00'), 120, DEFAULT_WORKING_HOURS, true)).toBe(
      'OUTSIDE_HOURS',
    );
  });

  it('the slot must fit: 08:30 and 15:30 are the first and last starts of a 2-hour slot in 08:30–17:30', () => {
    const p = (hhmm: string) =>
      workingTimeProblem(at(`2026-12-09T${hhmm}:00+08:00`), 120, DEFAULT_WORKING_HOURS, true);
    expect(p('08:29')).toBe('OUTSIDE_HOURS');
    expect(p('08:30')).toBeNull();
    expect(p('15:30')).toBeNull();
    expect(p('15:31')).toBe('OUTSIDE_HOURS');
  });

  it('reads the time of day in Asia/Shanghai whatever the instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), (s) => {
        const t = new Date(s * 1000);
        const shanghai = new Date(t.getTime() + 8 * 3_600_000);
        expect(shanghaiMinuteOfDay(t)).toBe(shanghai.getUTCHours() * 60 + shanghai.getUTCMinutes());
      }),
    );
  });
});

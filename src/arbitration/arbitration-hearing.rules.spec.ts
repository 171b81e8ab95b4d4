import fc from 'fast-check';
import { DEFAULT_HEARING_HOURS, hearingTimeProblem, shanghaiMinuteOfDay } from './arbitration-hearing.rules';

const at = (iso: string) => new Date(iso);

describe('hearingTimeProblem', () => {
  it('accepts 09:00 on a working day, refuses a rest day and 02:00', () => {
    expect(hearingTimeProblem(at('2026-12-09T09:00:00+08:00'), 120, DEFAULT_HEARING_HOURS, true)).toBeNull();
    expect(hearingTimeProblem(at('2026-12-13T09:00:00+08:00'), 120, DEFAULT_HEARING_HOURS, false)).toBe(
      'REST_DAY',
    );
    expect(hearingTimeProblem(at('2026-12-09T02:00:00+08:00'), 120, DEFAULT_HEARING_HOURS, true)).toBe(
      'OUTSIDE_HOURS',
    );
  });

  it('the slot must fit: 08:30 and 15:30 are the first and last starts of a 2-hour slot in 08:30–17:30', () => {
    const p = (hhmm: string) =>
      hearingTimeProblem(at(`2026-12-09T${hhmm}:00+08:00`), 120, DEFAULT_HEARING_HOURS, true);
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

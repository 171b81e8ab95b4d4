import fc from 'fast-check';
import { answerTiming } from './answer-period';
import { addDays } from './local-date';

describe('answerTiming: an answer to a notice against the period the notice gave', () => {
  const period = { servedOn: '2026-12-28', lastDay: '2027-01-04' };

  it('the day of service and the last day are in time; the day after is late; before service is no answer', () => {
    expect(answerTiming(period, '2026-12-28')).toBe('IN_TIME');
    expect(answerTiming(period, '2027-01-04')).toBe('IN_TIME');
    expect(answerTiming(period, '2027-01-05')).toBe('LATE');
    expect(answerTiming(period, '2026-12-27')).toBe('BEFORE_NOTICE');
  });

  it('property: in time exactly from service to the last day, both included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -60, max: 60 }), (len, d) => {
        const p = { servedOn: '2026-02-20', lastDay: addDays('2026-02-20', len) };
        expect(answerTiming(p, addDays(p.servedOn, d))).toBe(
          d < 0 ? 'BEFORE_NOTICE' : d > len ? 'LATE' : 'IN_TIME',
        );
      }),
    );
  });
});

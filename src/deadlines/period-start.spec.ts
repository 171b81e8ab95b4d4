import { periodStart } from './period-start';

describe('periodStart', () => {
  it('is the clock’s start, or the day of its last RESTART (a fresh period from that day)', () => {
    expect(periodStart({ start: '2026-12-01', events: [] })).toBe('2026-12-01');
    expect(
      periodStart({
        start: '2026-12-01',
        events: [
          { type: 'PAUSE', date: '2026-12-02', reason: '补正' },
          { type: 'RESTART', date: '2026-12-04', reason: '补正' },
          { type: 'PAUSE', date: '2026-12-07', reason: '补正' },
          { type: 'RESTART', date: '2026-12-09', reason: '补正' },
          { type: 'STOP', date: '2026-12-10' },
        ],
      }),
    ).toBe('2026-12-09');
  });
});

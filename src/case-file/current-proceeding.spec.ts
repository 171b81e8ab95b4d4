import { startedLast } from './current-proceeding';

describe('startedLast', () => {
  it('takes the latest start, the first listed on a tie, and nothing from nothing', () => {
    const a = { p: 'ARBITRATION', on: '2026-12-03' };
    const m = { p: 'MEDIATION', on: '2026-12-03' };
    const i = { p: 'INSPECTION', on: '2026-12-05' };
    expect(startedLast([a, m, null])).toBe(a);
    expect(startedLast([a, m, i])).toBe(i);
    expect(startedLast([null, m, undefined])).toBe(m);
    expect(startedLast([])).toBeUndefined();
  });
});

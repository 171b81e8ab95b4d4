import { quarterRange } from './publication.rules';

describe('quarterRange', () => {
  it('gives the first and last day of each quarter', () => {
    expect(quarterRange(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterRange(2026, 2)).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterRange(2026, 3)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quarterRange(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
  it('refuses a quarter outside 1–4', () => {
    expect(() => quarterRange(2026, 0)).toThrow(RangeError);
    expect(() => quarterRange(2026, 5)).toThrow(RangeError);
  });
});

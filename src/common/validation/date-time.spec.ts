import fc from 'fast-check';
import { isDateTime, isUtcDateTime } from './date-time';

describe('RFC 3339 date-times', () => {
  it('accepts what the API issues and what a client writes with an offset', () => {
    for (const s of [
      '2026-11-26T06:00:00.123Z',
      '2026-11-26T06:00:00.123456Z',
      '2026-12-01T00:00:00+08:00',
      '2024-02-29T23:59:59Z',
    ])
      expect(isDateTime(s)).toBe(true);
    expect(isUtcDateTime('2026-11-26T06:00:00Z')).toBe(true);
    expect(isUtcDateTime('2026-12-01T00:00:00+08:00')).toBe(false);
  });

  it('refuses what Date.parse or IsISO8601 let through', () => {
    for (const s of [
      '1',
      'Jan 1',
      '2026-W01',
      '2026-W01-3',
      '2026-336',
      '2026-11-26',
      '2026-11-26 06:00:00',
      '2026-02-30T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '2026-11-26T24:00:00Z',
      '2026-11-26T06:00Z',
      '2026-11-26T06:00:00.1234567Z',
      '2026-11-26T06:00:00+0800',
      42,
      null,
    ])
      expect([s, isDateTime(s)]).toEqual([s, false]);
  });

  it('accepts every timestamp toISOString writes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (d) => isUtcDateTime(d.toISOString()),
      ),
    );
  });
});

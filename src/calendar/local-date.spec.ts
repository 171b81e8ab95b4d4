import fc from 'fast-check';
import {
  addDays,
  addYears,
  assertIsoDate,
  compareDates,
  dateOfEpochDay,
  dayOfWeek,
  daysBetween,
  epochDayOf,
  isValidIsoDate,
  todayInShanghai,
  yearOf,
} from './local-date';

/**
 * Reference implementation with integer arithmetic only (H. Hinnant's days_from_civil / civil_from_days), no Date at
 * all: the module under test must agree with it whatever the process time zone.
 */
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function refEpochDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return daysFromCivil(y, m, d);
}

const FIRST = daysFromCivil(1, 1, 1);
const LAST = daysFromCivil(9999, 12, 31);
const SPAN = 200_000;
/** Epoch days well inside 0001–9999, so that ±SPAN stays in range. */
const epochDay = fc.integer({ min: FIRST + SPAN, max: LAST - SPAN });
const isoDate = epochDay.map(civilFromDays);
const offset = fc.integer({ min: -SPAN, max: SPAN });

describe('local-date', () => {
  describe('isValidIsoDate', () => {
    it.each(['2025-01-01', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2025-12-31'])(
      'accepts %s',
      (s) => {
        expect(isValidIsoDate(s)).toBe(true);
      },
    );

    it.each([
      '2025-02-29',
      '1900-02-29',
      '2100-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '0000-01-01',
      '2025-1-1',
      '20250101',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
      '',
      null,
      20250101,
    ])('rejects %p', (s) => {
      expect(isValidIsoDate(s)).toBe(false);
    });

    it('assertIsoDate names the field in its RangeError', () => {
      expect(() => assertIsoDate('2025-02-30', 'knewOn')).toThrow(RangeError);
      expect(() => assertIsoDate('2025-02-30', 'knewOn')).toThrow(/knewOn must be a calendar date/);
    });
  });

  describe('addDays', () => {
    it.each([
      ['2024-02-28', 1, '2024-02-29'],
      ['2024-02-29', 1, '2024-03-01'],
      ['2023-02-28', 1, '2023-03-01'],
      ['2024-12-31', 1, '2025-01-01'],
      ['2025-01-01', -1, '2024-12-31'],
      ['2025-03-01', -1, '2025-02-28'],
      ['2025-09-26', 15, '2025-10-11'],
      ['2025-01-31', 30, '2025-03-02'],
      ['1999-12-31', 1, '2000-01-01'],
      ['0099-12-31', 1, '0100-01-01'],
      ['2025-06-15', 0, '2025-06-15'],
    ])('%s + %i = %s', (d, n, expected) => {
      expect(addDays(d, n)).toBe(expected);
    });

    it('throws RangeError on malformed input, fractional n, or a result out of range', () => {
      expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
      expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError);
      expect(() => addDays('2025-01-01', Number.NaN)).toThrow(RangeError);
      expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
      expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    });
  });

  describe('dayOfWeek', () => {
    it.each([
      ['1970-01-01', 4],
      ['2025-01-01', 3],
      ['2025-01-26', 0],
      ['2025-02-08', 6],
      ['2026-02-14', 6],
      ['2000-02-29', 2],
    ])('%s is day %i', (d, dow) => {
      expect(dayOfWeek(d)).toBe(dow);
    });
  });

  describe('compareDates / daysBetween / yearOf', () => {
    it('orders dates and counts days across years', () => {
      expect(compareDates('2025-01-01', '2025-01-02')).toBe(-1);
      expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
      expect(compareDates('2026-01-01', '2025-12-31')).toBe(1);
      expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
      expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
      expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
      expect(yearOf('2026-07-01')).toBe(2026);
      expect(() => compareDates('2025-01-01', 'tomorrow')).toThrow(RangeError);
      expect(() => daysBetween('2025-1-1', '2025-01-02')).toThrow(RangeError);
      expect(() => yearOf('2025')).toThrow(RangeError);
    });
  });

  describe('addYears', () => {
    it('keeps month and day; 29 February becomes 28 February in a common year', () => {
      expect(addYears('2024-03-10', 1)).toBe('2025-03-10');
      expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
      expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
      expect(addYears('2023-05-15', 2)).toBe('2025-05-15');
      expect(() => addYears('9999-01-01', 1)).toThrow(RangeError);
    });
  });

  describe('todayInShanghai', () => {
    it('is the UTC+8 calendar date of the instant', () => {
      expect(todayInShanghai(new Date('2025-01-01T15:59:59.999Z'))).toBe('2025-01-01');
      expect(todayInShanghai(new Date('2025-01-01T16:00:00Z'))).toBe('2025-01-02');
      expect(todayInShanghai(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
      expect(todayInShanghai(new Date('2024-02-28T16:30:00Z'))).toBe('2024-02-29');
    });

    it('throws on an invalid Date', () => {
      expect(() => todayInShanghai(new Date('not a date'))).toThrow(RangeError);
    });

    it('defaults to now and returns a valid date', () => {
      expect(isValidIsoDate(todayInShanghai())).toBe(true);
    });

    // China observed daylight saving time 1986–1991 (and in the 1940s); since 1992 Asia/Shanghai is a fixed UTC+8.
    it('property: since 1992, equals the UTC date of the instant shifted by 8 hours', () => {
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: 8_000_000_000_000 }), (ms) => {
          const shifted = ms + 8 * 3_600_000;
          expect(todayInShanghai(new Date(ms))).toBe(civilFromDays(Math.floor(shifted / 86_400_000)));
        }),
      );
    });
  });

  describe('properties against the integer-arithmetic reference', () => {
    it('addDays agrees with the reference', () => {
      fc.assert(
        fc.property(epochDay, offset, (z, n) => {
          expect(addDays(civilFromDays(z), n)).toBe(civilFromDays(z + n));
        }),
      );
    });

    it('epochDayOf and dateOfEpochDay agree with the reference and invert each other', () => {
      fc.assert(
        fc.property(epochDay, (z) => {
          expect(dateOfEpochDay(z)).toBe(civilFromDays(z));
          expect(epochDayOf(civilFromDays(z))).toBe(z);
        }),
      );
      expect(() => epochDayOf('2025-02-29', 'from')).toThrow(/^from must be a calendar date/);
      expect(() => dateOfEpochDay(0.5)).toThrow(RangeError);
      expect(() => dateOfEpochDay(daysFromCivil(10000, 1, 1))).toThrow(/out of range/);
    });

    it('dayOfWeek agrees with the reference', () => {
      fc.assert(
        fc.property(isoDate, (d) => {
          expect(dayOfWeek(d)).toBe((((refEpochDay(d) + 4) % 7) + 7) % 7);
        }),
      );
    });

    it('daysBetween agrees with the reference, and compareDates with its sign', () => {
      fc.assert(
        fc.property(isoDate, isoDate, (a, b) => {
          const diff = refEpochDay(b) - refEpochDay(a);
          expect(daysBetween(a, b)).toBe(diff);
          expect(compareDates(a, b)).toBe(-Math.sign(diff) || 0);
        }),
      );
    });

    it('round trips: addDays(addDays(d, n), -n) = d and daysBetween(d, addDays(d, n)) = n', () => {
      fc.assert(
        fc.property(isoDate, offset, (d, n) => {
          const e = addDays(d, n);
          expect(isValidIsoDate(e)).toBe(true);
          expect(addDays(e, -n)).toBe(d);
          expect(daysBetween(d, e)).toBe(n);
        }),
      );
    });

    it('a week later is the same weekday', () => {
      fc.assert(
        fc.property(isoDate, (d) => {
          expect(dayOfWeek(addDays(d, 7))).toBe(dayOfWeek(d));
        }),
      );
    });
  });
});

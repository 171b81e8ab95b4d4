import fc from 'fast-check';
import chineseDaysPackage from 'chinese-days/package.json';
import { addDays, dayOfWeek, daysBetween, yearOf } from './local-date';
import { derivedRestDays } from './statutory-holidays';
import {
  CalendarDataError,
  CalendarYear,
  WorkingCalendar,
  chineseDaysYears,
  validateCalendarYear,
} from './working-calendar';

/** Every date from `from` to `to`, both included. */
function days(from: string, to: string): string[] {
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
}

/**
 * 2025, written out by hand from 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号):
 * 元旦 1月1日(周三)放假1天; 春节 1月28日(除夕)至2月4日放假8天, 1月26日(周日)、2月8日(周六)上班;
 * 清明 4月4日至6日放假3天; 劳动节 5月1日至5日放假5天, 4月27日(周日)上班; 端午 5月31日至6月2日放假3天;
 * 国庆节、中秋节 10月1日至8日放假8天, 9月28日(周日)、10月11日(周六)上班.
 */
const OFFICIAL_2025 = {
  holidays: [
    '2025-01-01',
    ...days('2025-01-28', '2025-02-04'),
    ...days('2025-04-04', '2025-04-06'),
    ...days('2025-05-01', '2025-05-05'),
    ...days('2025-05-31', '2025-06-02'),
    ...days('2025-10-01', '2025-10-08'),
  ],
  makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};

/**
 * 2026, written out by hand after reading the chinese-days 1.5.7 data (国务院办公厅关于2026年部分节假日安排的通知,
 * 国办发明电〔2025〕7号): 元旦 1月1日(周四)至3日放假3天, 1月4日(周日)上班; 春节 2月15日(周日)至23日(周一)
 * 放假9天, 2月14日(周六)、2月28日(周六)上班; 清明 4月4日(周六)至6日放假3天; 劳动节 5月1日(周五)至5日放假5天,
 * 5月9日(周六)上班; 端午 6月19日(周五)至21日放假3天; 中秋 9月25日(周五)至27日放假3天; 国庆 10月1日(周四)至
 * 7日放假7天, 9月20日(周日)、10月10日(周六)上班.
 */
const OFFICIAL_2026 = {
  holidays: [
    ...days('2026-01-01', '2026-01-03'),
    ...days('2026-02-15', '2026-02-23'),
    ...days('2026-04-04', '2026-04-06'),
    ...days('2026-05-01', '2026-05-05'),
    ...days('2026-06-19', '2026-06-21'),
    ...days('2026-09-25', '2026-09-27'),
    ...days('2026-10-01', '2026-10-07'),
  ],
  makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

const packageYears = chineseDaysYears();
const calendar = new WorkingCalendar();

function packageYear(year: number): CalendarYear {
  const y = packageYears.find((c) => c.year === year);
  if (!y) throw new Error(`chinese-days does not cover ${year}`);
  return y;
}

function expectSchedule(year: number, official: { holidays: string[]; makeupWorkdays: string[] }): void {
  for (const d of days(`${year}-01-01`, `${year}-12-31`)) {
    const dow = dayOfWeek(d);
    const expected =
      official.makeupWorkdays.includes(d) || (dow >= 1 && dow <= 5 && !official.holidays.includes(d));
    expect({ d, ...calendar.isWorkingDay(d) }).toEqual({ d, working: expected, provisional: false });
  }
}

describe('chineseDaysYears', () => {
  it('covers 2004–2026, every year valid, source naming the package version', () => {
    expect(packageYears.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, k) => 2004 + k));
    for (const y of packageYears) {
      expect(validateCalendarYear(y)).toEqual({ ok: true, value: y });
      expect(y.source).toBe(`chinese-days@${chineseDaysPackage.version}`);
    }
  });

  it('agrees with the hand-written 2025 schedule (国办发明电〔2024〕12号)', () => {
    expect(packageYear(2025).holidays).toEqual([...OFFICIAL_2025.holidays].sort());
    expect(packageYear(2025).makeupWorkdays).toEqual(OFFICIAL_2025.makeupWorkdays);
  });

  it('agrees with the hand-written 2026 schedule', () => {
    expect(packageYear(2026).holidays).toEqual([...OFFICIAL_2026.holidays].sort());
    expect(packageYear(2026).makeupWorkdays).toEqual(OFFICIAL_2026.makeupWorkdays);
  });
});

describe('WorkingCalendar with the official schedules', () => {
  it('2025: every day of the year matches the notice', () => expectSchedule(2025, OFFICIAL_2025));
  it('2026: every day of the year matches the notice', () => expectSchedule(2026, OFFICIAL_2026));

  it.each([
    ['2025-01-24', true, 'Friday before Spring Festival'],
    ['2025-01-25', false, 'ordinary Saturday'],
    ['2025-01-26', true, 'make-up Sunday'],
    ['2025-01-28', false, '除夕, a Tuesday'],
    ['2025-02-04', false, 'last day of Spring Festival, a Tuesday'],
    ['2025-02-05', true, 'first working day after Spring Festival'],
    ['2025-02-08', true, 'make-up Saturday'],
    ['2025-04-27', true, 'make-up Sunday before Labour Day'],
    ['2025-10-06', false, '中秋, a Monday'],
    ['2025-10-09', true, 'first working day after National Day'],
    ['2025-10-11', true, 'make-up Saturday'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2026-01-04', true, 'make-up Sunday after New Year'],
    ['2026-02-23', false, 'last day of the 2026 Spring Festival, a Monday'],
    ['2026-02-28', true, 'make-up Saturday'],
  ])('%s working=%s (%s)', (d, working) => {
    expect(calendar.isWorkingDay(d)).toEqual({ working, provisional: false });
  });

  it('counts and adds working days across Spring Festival 2025', () => {
    // 2025-01-24 (Fri) +5 working days: Jan 26 (make-up Sun) 1, Jan 27 2, [Jan 28–Feb 4 off], Feb 5 3, Feb 6 4, Feb 7 5.
    expect(calendar.addWorkingDays('2025-01-24', 5)).toEqual({ date: '2025-02-07', provisional: false });
    expect(calendar.countWorkingDays('2025-01-24', '2025-02-07')).toEqual({ count: 5, provisional: false });
    expect(calendar.addWorkingDays('2025-01-24', 0)).toEqual({ date: '2025-01-24', provisional: false });
    expect(calendar.countWorkingDays('2025-01-27', '2025-02-04')).toEqual({ count: 0, provisional: false });
    expect(calendar.nextWorkingDayOnOrAfter('2025-10-01')).toEqual({
      date: '2025-10-09',
      provisional: false,
    });
    expect(calendar.nextWorkingDayOnOrAfter('2025-01-25')).toEqual({
      date: '2025-01-26',
      provisional: false,
    });
    expect(calendar.nextWorkingDayOnOrAfter('2025-01-24')).toEqual({
      date: '2025-01-24',
      provisional: false,
    });
  });

  it('rejects a negative n, a reversed interval and malformed dates', () => {
    expect(() => calendar.addWorkingDays('2025-01-24', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-01-24', 1.5)).toThrow(RangeError);
    expect(() => calendar.countWorkingDays('2025-02-07', '2025-01-24')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2025-02-29')).toThrow(RangeError);
    expect(() => calendar.nextWorkingDayOnOrAfter('next monday')).toThrow(RangeError);
  });
});

describe('coverage and provisional years', () => {
  it('reports PACKAGE for package years and NONE beyond them', () => {
    expect(calendar.coverage(2025)).toBe('PACKAGE');
    expect(calendar.coverage(2026)).toBe('PACKAGE');
    expect(calendar.coverage(2027)).toBe('NONE');
    expect(calendar.coverage(2003)).toBe('NONE');
    expect(calendar.sourceOf(2025)).toBe(`chinese-days@${chineseDaysPackage.version}`);
    expect(calendar.sourceOf(2027)).toBeNull();
    expect(calendar.provisionalYears()).toEqual([2027]);
    expect(calendar.provisionalYears(2024, 2029)).toEqual([2027, 2028, 2029]);
  });

  it('treats an unknown year as Monday–Friday minus the fixed statutory holidays, provisionally', () => {
    // 全国年节及纪念日放假办法 (2024) 第二条第（一）项: 元旦 1月1日 — a Friday in 2027, off before any notice.
    expect(calendar.isWorkingDay('2027-01-01')).toEqual({ working: false, provisional: true });
    expect(calendar.isWorkingDay('2027-01-02')).toEqual({ working: false, provisional: true });
    expect(calendar.isWorkingDay('2027-01-04')).toEqual({ working: true, provisional: true });
    // Thu 2026-12-31 (1), [Fri 01-01 元旦, weekend], Mon 01-04 (2), Tue 01-05 (3).
    expect(calendar.addWorkingDays('2026-12-30', 3)).toEqual({ date: '2027-01-05', provisional: true });
    expect(calendar.addWorkingDays('2026-12-29', 1)).toEqual({ date: '2026-12-30', provisional: false });
    expect(calendar.countWorkingDays('2026-12-31', '2027-01-04')).toEqual({ count: 1, provisional: true });
    // 春节 2027: 除夕 Fri 02-05, 初一 Sat 02-06 … 初三 Mon 02-08 — the weekdays among them are off.
    expect(calendar.isWorkingDay('2027-02-05')).toEqual({ working: false, provisional: true });
    expect(calendar.isWorkingDay('2027-02-08')).toEqual({ working: false, provisional: true });
    expect(calendar.isWorkingDay('2027-02-09')).toEqual({ working: true, provisional: true });
    // A year before the 2024 text (and outside the package) keeps plain Monday–Friday.
    expect(calendar.isWorkingDay('2003-01-01')).toEqual({ working: true, provisional: true });
  });

  it('lets loaded years override the package, and fills gaps', () => {
    const loaded: CalendarYear[] = [
      { year: 2025, holidays: ['2025-01-01'], makeupWorkdays: [], source: 'test: partial 2025' },
      { year: 2027, holidays: ['2027-01-01'], makeupWorkdays: ['2027-01-02'], source: 'test: 2027' },
    ];
    const cal = new WorkingCalendar(loaded);
    expect(cal.coverage(2025)).toBe('LOADED');
    expect(cal.coverage(2027)).toBe('LOADED');
    expect(cal.coverage(2026)).toBe('PACKAGE');
    expect(cal.isWorkingDay('2025-01-28')).toEqual({ working: true, provisional: false }); // the package's holiday is gone
    expect(cal.isWorkingDay('2025-01-26')).toEqual({ working: false, provisional: false }); // and its make-up Sunday
    expect(cal.isWorkingDay('2027-01-01')).toEqual({ working: false, provisional: false });
    expect(cal.isWorkingDay('2027-01-02')).toEqual({ working: true, provisional: false });
    expect(cal.provisionalYears()).toEqual([2028]);
    expect(new WorkingCalendar([], []).provisionalYears(2025, 2026)).toEqual([2025, 2026]);
  });

  it('refuses invalid or repeated loaded years', () => {
    const y: CalendarYear = { year: 2025, holidays: ['2025-01-01'], makeupWorkdays: [], source: 'x' };
    expect(() => new WorkingCalendar([y, y])).toThrow(CalendarDataError);
    try {
      new WorkingCalendar([{ ...y, makeupWorkdays: ['2025-01-27'] }]);
      throw new Error('expected a CalendarDataError');
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarDataError);
      expect((e as CalendarDataError).errors).toMatchObject([
        { field: 'loaded.0.makeupWorkdays.0', message: expect.stringContaining('2025-01-27') },
      ]);
    }
  });
});

describe('validateCalendarYear', () => {
  const valid = {
    year: 2025,
    holidays: ['2025-10-01', '2025-01-01'],
    makeupWorkdays: ['2025-09-28'],
    source: '国办发明电〔2024〕12号',
  };

  it('accepts a valid year and sorts its dates; holidays on weekends are allowed', () => {
    expect(validateCalendarYear({ ...valid, holidays: [...valid.holidays, '2025-10-04'] })).toEqual({
      ok: true,
      value: { ...valid, holidays: ['2025-01-01', '2025-10-01', '2025-10-04'] },
    });
  });

  it.each([
    [{ ...valid, year: 1999 }, 'year', /2000 to 2100/],
    [{ ...valid, year: 2101 }, 'year', /2000 to 2100/],
    [{ ...valid, year: 2025.5 }, 'year', /integer/],
    [{ ...valid, source: ' ' }, 'source', /source/],
    [{ ...valid, holidays: 'none' }, 'holidays', /array/],
    [{ ...valid, holidays: ['2025-02-30'] }, 'holidays.0', /not a valid/],
    [{ ...valid, holidays: ['2025-01-01', '2026-01-01'] }, 'holidays.1', /2026-01-01 is not in year 2025/],
    [
      { ...valid, holidays: ['2025-01-01', '2025-01-01'] },
      'holidays.1',
      /2025-01-01 is listed twice \(also holidays\.0\)/,
    ],
    [
      { ...valid, makeupWorkdays: ['2025-09-28', '2025-10-11', '2025-10-01'] },
      'makeupWorkdays.2',
      /2025-10-01 is listed both as a holiday \(holidays\.\d+\)/,
    ],
    [{ ...valid, makeupWorkdays: ['2025-01-27'] }, 'makeupWorkdays.0', /2025-01-27 is a Monday/],
  ])('rejects %j at %s', (input, field, message) => {
    const result = validateCalendarYear(input);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toContainEqual(
        expect.objectContaining({ field, message: expect.stringMatching(message) }),
      );
  });

  it('rejects a non-object and reports every error at once', () => {
    expect(validateCalendarYear(null)).toMatchObject({
      ok: false,
      errors: [{ field: '', constraint: 'isObject', message: expect.any(String) }],
    });
    const result = validateCalendarYear({ year: 'x', holidays: [1], makeupWorkdays: ['2025-01-27'] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.field)).toEqual(['year', 'source', 'holidays.0', 'makeupWorkdays.0']);
  });
});

describe('properties', () => {
  /** Dates from 2024 to 2027: package years and a provisional one. */
  const date = fc.integer({ min: 0, max: 4 * 365 }).map((n) => addDays('2024-01-01', n));
  const count = fc.integer({ min: 0, max: 120 });

  it('adding N working days then counting back gives N', () => {
    fc.assert(
      fc.property(date, count, (from, n) => {
        const added = calendar.addWorkingDays(from, n);
        expect(calendar.countWorkingDays(from, added.date)).toEqual({
          count: n,
          provisional: added.provisional,
        });
      }),
    );
  });

  it('adding N ≥ 1 working days lands on a working day, later than the start', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 120 }), (from, n) => {
        const { date: d } = calendar.addWorkingDays(from, n);
        expect(calendar.isWorkingDay(d).working).toBe(true);
        expect(d > from).toBe(true);
        expect(calendar.countWorkingDays(from, addDays(d, -1)).count).toBe(n - 1);
      }),
    );
  });

  it('counting is additive over adjacent intervals and never exceeds the calendar days', () => {
    fc.assert(
      fc.property(date, fc.nat(200), fc.nat(200), (a, x, y) => {
        const b = addDays(a, x);
        const c = addDays(b, y);
        const ab = calendar.countWorkingDays(a, b).count;
        expect(calendar.countWorkingDays(a, c).count).toBe(ab + calendar.countWorkingDays(b, c).count);
        expect(ab).toBeLessThanOrEqual(x);
      }),
    );
  });

  it('nextWorkingDayOnOrAfter is a working day, idempotent, and skips only non-working days', () => {
    fc.assert(
      fc.property(date, (d) => {
        const next = calendar.nextWorkingDayOnOrAfter(d).date;
        expect(calendar.isWorkingDay(next).working).toBe(true);
        expect(calendar.nextWorkingDayOnOrAfter(next).date).toBe(next);
        expect(calendar.countWorkingDays(d, next).count).toBe(next === d ? 0 : 1);
      }),
    );
  });

  /** The day's answer straight from the package's lists and the fixed holidays, no WorkingCalendar involved. */
  function referenceDay(d: string): { working: boolean; provisional: boolean } {
    const year = packageYears.find((c) => c.year === yearOf(d));
    const dow = dayOfWeek(d);
    const weekday = dow >= 1 && dow <= 5;
    if (!year) return { working: weekday && !derivedRestDays(yearOf(d)).has(d), provisional: true };
    return {
      working: year.makeupWorkdays.includes(d) || (weekday && !year.holidays.includes(d)),
      provisional: false,
    };
  }

  function expectReferenceWalks(cal: WorkingCalendar, from: string, n: number): void {
    let d = from;
    let provisional = referenceDay(from).provisional;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      const day = referenceDay(d);
      provisional ||= day.provisional;
      if (day.working) left -= 1;
    }
    expect(cal.addWorkingDays(from, n)).toEqual({ date: d, provisional });
    expect(cal.countWorkingDays(from, d)).toEqual({ count: n, provisional });
    let next = from;
    let nextProvisional = referenceDay(next).provisional;
    while (!referenceDay(next).working) {
      next = addDays(next, 1);
      nextProvisional ||= referenceDay(next).provisional;
    }
    expect(cal.nextWorkingDayOnOrAfter(from)).toEqual({ date: next, provisional: nextProvisional });
    expect(cal.isWorkingDay(from)).toEqual(referenceDay(from));
  }

  it('every walk agrees with a day-by-day reference, on a fresh calendar and on one that has kept its days', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(date, count), { minLength: 1, maxLength: 6 }), (queries) => {
        const fresh = new WorkingCalendar();
        for (const [from, n] of queries) {
          expectReferenceWalks(fresh, from, n);
          expectReferenceWalks(fresh, from, n); // the second time from the kept days
          expectReferenceWalks(calendar, from, n);
        }
      }),
    );
  });

  it('answers the same once it keeps no more days', () => {
    const full = new WorkingCalendar();
    // 1950–2099: more days than the calendar keeps (about 110 years)
    expect(full.countWorkingDays('1950-01-01', '2099-12-31').provisional).toBe(true);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 150 * 365 }).map((n) => addDays('1950-01-01', n)),
        count,
        (from, n) => expectReferenceWalks(full, from, n),
      ),
      { numRuns: 50 },
    );
  });

  it('a year known to no source is Monday–Friday minus the fixed statutory holidays, and provisional', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 70 }), (n) => {
        const d = addDays('2027-01-01', n);
        const dow = dayOfWeek(d);
        const working = dow >= 1 && dow <= 5 && !derivedRestDays(yearOf(d)).has(d);
        expect(calendar.isWorkingDay(d)).toEqual({ working, provisional: true });
      }),
    );
  });
});

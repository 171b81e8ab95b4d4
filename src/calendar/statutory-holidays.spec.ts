import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { addDays, dayOfWeek, yearOf } from './local-date';
import {
  derivedRestDays,
  LUNAR_HOLIDAY_TABLE,
  statutoryHolidays,
  statutoryScheduleErrors,
} from './statutory-holidays';
import { chineseDaysYears, WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar();
const dates = (year: number) => statutoryHolidays(year).map((h) => h.date);

describe('fixed statutory holidays (全国年节及纪念日放假办法 (2024) 第二条)', () => {
  it('gives the thirteen days of 2027', () => {
    // 除夕 2027-02-05 (腊月廿九), 初一 02-06; 清明 04-05; 端午 06-09; 中秋 09-15 (chinese-days lunar tables).
    expect(statutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节（除夕）' },
      { date: '2027-02-06', name: '春节（正月初一）' },
      { date: '2027-02-07', name: '春节（正月初二）' },
      { date: '2027-02-08', name: '春节（正月初三）' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
  });

  it.each([2025, 2026])(
    'agrees with the State Council notice of %i: every fixed holiday is a day off in it',
    (year) => {
      const notice = chineseDaysYears().find((y) => y.year === year)!;
      for (const d of dates(year)) expect({ d, off: notice.holidays.includes(d) }).toEqual({ d, off: true });
    },
  );

  it('the shipped lunar table equals what chinese-days computes in Asia/Shanghai, for every year', () => {
    const child = `
      const c = require('chinese-days');
      const out = {};
      for (let y = 2025; y <= 2100; y++)
        out[y] = [
          c.getSolarDateFromLunar(y + '-01-01').date,
          c.getSolarTermDate(y, 4, 'pure_brightness'),
          c.getSolarDateFromLunar(y + '-05-05').date,
          c.getSolarDateFromLunar(y + '-08-15').date,
        ].map((d) => d.slice(5));
      process.stdout.write(JSON.stringify(out));
    `;
    const stdout = execFileSync(process.execPath, ['-e', child], {
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      encoding: 'utf8',
    });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(LUNAR_HOLIDAY_TABLE)));
  });

  it('uses the regular lunar month, not a leap month (2028 has a leap fifth month)', () => {
    expect(dates(2028)).toContain('2028-05-28');
    expect(dates(2028)).not.toContain('2028-06-27');
  });

  it('is a rest day of a year no notice covers, and still provisional', () => {
    for (const d of dates(2027))
      expect(calendar.isWorkingDay(d)).toEqual({ working: false, provisional: true });
    expect(calendar.coverage(2027)).toBe('NONE');
  });

  it('refuses a year outside the lunar tables', () => {
    expect(() => statutoryHolidays(2024)).toThrow(RangeError);
    expect(() => statutoryHolidays(2101)).toThrow(RangeError);
    expect(derivedRestDays(2024).size).toBe(0); // the 2024 text applies from 2025
  });

  const years = fc.integer({ min: 2025, max: 2100 });

  it('property: thirteen days in the year; 春节 is four consecutive days from 除夕; the lunar days in their seasons', () => {
    fc.assert(
      fc.property(years, (year) => {
        const list = statutoryHolidays(year);
        expect(list).toHaveLength(13);
        for (const h of list) expect(yearOf(h.date)).toBe(year);
        const spring = list.filter((h) => h.name.startsWith('春节')).map((h) => h.date);
        expect(spring).toEqual([0, 1, 2, 3].map((i) => addDays(spring[0], i)));
        // 正月初一 falls between 21 January and 20 February; 端午, 中秋 and 清明 in their usual windows.
        const at = (name: string) => list.find((h) => h.name === name)!.date.slice(5);
        expect(at('春节（正月初一）') >= '01-21' && at('春节（正月初一）') <= '02-20').toBe(true);
        expect(at('端午节') >= '05-27' && at('端午节') <= '06-25').toBe(true);
        expect(at('中秋节') >= '09-07' && at('中秋节') <= '10-08').toBe(true);
        expect(['04-04', '04-05', '04-06']).toContain(at('清明节'));
      }),
    );
  });

  it('property: in an uncovered year a day is working iff it is Monday–Friday and not a fixed holiday', () => {
    fc.assert(
      fc.property(
        years.filter((y) => y >= 2027),
        fc.integer({ min: 0, max: 364 }),
        (year, offset) => {
          const d = addDays(`${year}-01-01`, offset);
          const dow = dayOfWeek(d);
          const expected = dow >= 1 && dow <= 5 && !derivedRestDays(yearOf(d)).has(d);
          expect(calendar.isWorkingDay(d)).toEqual({ working: expected, provisional: true });
        },
      ),
    );
  });

  it('property: counting working days never lands on a fixed holiday', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2027, max: 2099 }),
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 1, max: 90 }),
        (year, offset, n) => {
          const from = addDays(`${year}-01-01`, offset);
          const due = calendar.addWorkingDays(from, n);
          expect(derivedRestDays(yearOf(due.date)).has(due.date)).toBe(false);
          expect(due.provisional).toBe(true);
          expect(calendar.countWorkingDays(from, due.date).count).toBe(n);
        },
      ),
    );
  });
});

describe('statutoryScheduleErrors (a loaded schedule keeps every fixed holiday a rest day)', () => {
  const of = (year: number) => chineseDaysYears().find((y) => y.year === year)!;
  const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

  it.each([2025, 2026])('accepts the State Council notice of %i', (year) => {
    expect(statutoryScheduleErrors(of(year))).toEqual([]);
  });

  it('accepts the fixed holidays alone (the no-notice reading of a year)', () => {
    expect(
      statutoryScheduleErrors({ year: 2027, holidays: dates(2027), makeupWorkdays: [], source: 'x' }),
    ).toEqual([]);
  });

  it('names each fixed holiday on a weekday that the schedule leaves a working day, under holidays', () => {
    const errors = statutoryScheduleErrors({
      year: 2027,
      holidays: ['2027-01-02'],
      makeupWorkdays: [],
      source: '国办发明电',
    });
    // 2027: 01-01 Fri, 02-05 Fri, 02-08 Mon, 04-05 Mon, 06-09 Wed, 09-15 Wed, 10-01 Fri (the others are weekend days).
    const weekdays = dates(2027).filter((d) => ![0, 6].includes(dayOfWeek(d)));
    expect(weekdays).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-04-05',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
    ]);
    expect(fields(errors)).toEqual(weekdays.map(() => 'holidays'));
    expect(errors.map((e) => (e as unknown as { date: string }).date)).toEqual(weekdays);
    expect(errors.every((e) => e.constraint === 'statutoryHoliday')).toBe(true);
    expect(errors[0].message).toContain('2027-01-01');
  });

  it('refuses a make-up workday on a fixed holiday, even a weekend one, naming the list item', () => {
    // 2027-05-02 is a Sunday: left out of holidays it is a rest day, listed as a make-up workday it would be worked.
    const errors = statutoryScheduleErrors({
      year: 2027,
      holidays: dates(2027).filter((d) => d !== '2027-05-02'),
      makeupWorkdays: ['2027-01-10', '2027-05-02'],
      source: 'x',
    });
    expect(fields(errors)).toEqual(['makeupWorkdays.1']);
  });

  it('checks nothing for years the 2024 text does not cover', () => {
    expect(statutoryScheduleErrors({ year: 2024, holidays: [], makeupWorkdays: [], source: 'x' })).toEqual(
      [],
    );
  });
});

import fc from 'fast-check';
import { computeDeadline } from '../calendar/deadline-engine';
import { addDays, addYears } from '../calendar/local-date';
import { WorkingCalendar } from '../calendar/working-calendar';
import {
  ARBITRATION_DEADLINE_RULES,
  ARBITRATION_PARTY_WINDOWS,
  arbitrationLimitation,
} from './arbitration.deadline-rules';

const calendar = new WorkingCalendar();

describe('arbitration short periods in working days (办案规则 第八十条)', () => {
  const { ARBITRATION_DEFENCE, ARBITRATION_ACCEPTANCE, ARBITRATION_DECISION } = ARBITRATION_DEADLINE_RULES;
  const ARBITRATION_RULES = { ...ARBITRATION_DEADLINE_RULES, ...ARBITRATION_PARTY_WINDOWS };

  it('cites 第八十条 on every short arbitration period and keeps 15, 30 and 45 days in calendar days', () => {
    const arbitration = Object.values(ARBITRATION_RULES).filter((x) => x.id.startsWith('ARBITRATION_'));
    for (const r of arbitration.filter((x) => x.amount < 15)) {
      expect(r.unit).toBe('WORKDAY');
      expect(r.citation).toContain('第八十条');
    }
    expect(arbitration.filter((x) => x.amount >= 15).map((x) => [x.id, x.unit])).toEqual([
      ['ARBITRATION_DECISION', 'DAY'],
      ['ARBITRATION_SUIT_WINDOW', 'DAY'],
      ['ARBITRATION_SET_ASIDE_WINDOW', 'DAY'],
    ]);
    expect(ARBITRATION_DECISION.unit).toBe('DAY');
  });

  it('a defence on the 10th working day is in time, on the 11th it is late', () => {
    // Served Friday 2025-09-26: Sep 28 (Sunday, make-up), 29, 30, Oct 9, 10, 11 (Saturday, make-up), 13, 14, 15, 16.
    const served = '2025-09-26';
    const due = computeDeadline(ARBITRATION_DEFENCE, served, [], calendar, served).due;
    expect(due).toBe('2025-10-16');
    const stop = (date: string) =>
      computeDeadline(ARBITRATION_DEFENCE, served, [{ type: 'STOP', date }], calendar, date).state;
    expect(stop('2025-10-16')).toBe('MET');
    // The respondent's period: a late defence is the respondent's lateness (LAPSED), not the commission's.
    expect(stop('2025-10-17')).toBe('LAPSED');
  });

  it('acceptance: 5 working days across the 2026 Spring Festival', () => {
    // Applied Friday 2026-02-13: Sat Feb 14 (make-up), Tue Feb 24, 25, 26, 27.
    expect(computeDeadline(ARBITRATION_ACCEPTANCE, '2026-02-13', [], calendar, '2026-02-13').due).toBe(
      '2026-02-27',
    );
  });

  it('property: every short period ends on a working day with exactly `amount` working days after the start', () => {
    const starts = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2025-01-01', n));
    const rules = fc.constantFrom(
      ...Object.values(ARBITRATION_RULES).filter(
        (r) => r.id.startsWith('ARBITRATION_') && r.direction === 'AFTER' && r.unit === 'WORKDAY',
      ),
    );
    fc.assert(
      fc.property(rules, starts, (rule, start) => {
        const due = computeDeadline(rule, start, [], calendar, start).due!;
        expect(calendar.isWorkingDay(due).working).toBe(true);
        expect(calendar.countWorkingDays(start, due).count).toBe(rule.amount);
      }),
    );
  });
});

describe('arbitrationLimitation: suspension (调解仲裁法 第二十七条第三款)', () => {
  it('a suspension inside the year moves the limit by its length; one before the start or after the limit does not', () => {
    const base = { knewOn: '2025-03-10', filedOn: '2026-04-01' };
    expect(arbitrationLimitation(base).limitDate).toBe('2026-03-10');
    const s = arbitrationLimitation({ ...base, suspended: [{ from: '2025-06-01', to: '2025-06-30' }] });
    // 29 days from the cause's start to its end: 2026-03-10 + 29 = 2026-04-08.
    expect(s).toMatchObject({
      limitDate: '2026-04-08',
      withinLimit: true,
      basis: expect.stringContaining('第三款'),
    });
    expect(
      arbitrationLimitation({ ...base, suspended: [{ from: '2026-03-11', to: '2026-05-01' }] }),
    ).toMatchObject({ limitDate: '2026-03-10', withinLimit: false });
    expect(() =>
      arbitrationLimitation({ ...base, suspended: [{ from: '2025-06-30', to: '2025-06-01' }] }),
    ).toThrow(RangeError);
  });

  it('property: a suspension never shortens the limit, and lengthens it by exactly its days when it counts', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 90 }),
        (knewOn, at, len) => {
          const from = addDays(knewOn, at);
          const plain = arbitrationLimitation({ knewOn, filedOn: knewOn }).limitDate!;
          const r = arbitrationLimitation({
            knewOn,
            filedOn: knewOn,
            suspended: [{ from, to: addDays(from, len) }],
          });
          expect(r.limitDate! >= plain).toBe(true);
          if (from <= plain) expect(r.limitDate).toBe(addDays(plain, len));
          else expect(r.limitDate).toBe(plain);
        },
      ),
    );
  });
});

describe('arbitrationLimitation: interruptions and suspensions in date order (第二十七条第二、三款)', () => {
  it('an interruption inside a year a suspension lengthened starts the year anew', () => {
    // Knew 2023-01-01; suspended 06-01 → 09-01 (92 days: the limit moves to 2024-04-02); interrupted 2024-02-01,
    // inside that year though after its unsuspended end: a new year to 2025-02-01.
    const r = arbitrationLimitation({
      knewOn: '2023-01-01',
      filedOn: '2024-12-01',
      suspended: [{ from: '2023-06-01', to: '2023-09-01' }],
      interruptedOn: ['2024-02-01'],
    });
    expect([r.withinLimit, r.limitDate]).toEqual([true, '2025-02-01']);
  });

  it('a suspension before the last interruption does not lengthen the new year', () => {
    const r = arbitrationLimitation({
      knewOn: '2023-01-01',
      filedOn: '2024-06-15',
      suspended: [{ from: '2023-03-01', to: '2023-05-01' }],
      interruptedOn: ['2023-06-01'],
    });
    expect([r.withinLimit, r.limitDate]).toEqual([false, '2024-06-01']);
  });

  it('a cause already there on the first day suspends from that day', () => {
    // Hospitalised before and until 2023-03-01: the year runs from then, 59 days later than from 2023-01-01.
    const r = arbitrationLimitation({
      knewOn: '2023-01-01',
      filedOn: '2024-02-15',
      suspended: [{ from: '2022-12-20', to: '2023-03-01' }],
    });
    expect([r.withinLimit, r.limitDate]).toEqual([true, '2024-02-29']);
  });
});

describe('arbitrationLimitation', () => {
  it('runs one year from when the party knew, ending on the corresponding day', () => {
    // 2024-03-10 is not counted; the year ends on 2025-03-10, a Monday.
    expect(arbitrationLimitation({ knewOn: '2024-03-10', filedOn: '2025-03-10' })).toEqual({
      withinLimit: true,
      limitDate: '2025-03-10',
      basis: expect.stringContaining('第二十七条第一款'),
      provisional: false,
    });
    expect(arbitrationLimitation({ knewOn: '2024-03-10', filedOn: '2025-03-11' }).withinLimit).toBe(false);
    // No 29 February in 2025: the last day of February.
    expect(arbitrationLimitation({ knewOn: '2024-02-29', filedOn: '2025-03-01' }).limitDate).toBe(
      '2025-02-28',
    );
  });

  it('moves a last day that is a holiday to the next working day when given the calendar', () => {
    // 2025-10-01 falls in the National Day holiday (Oct 1–8): the last day becomes Thursday 2025-10-09.
    expect(arbitrationLimitation({ knewOn: '2024-10-01', filedOn: '2025-10-09' }, calendar)).toMatchObject({
      withinLimit: true,
      limitDate: '2025-10-09',
    });
    expect(arbitrationLimitation({ knewOn: '2024-10-01', filedOn: '2025-10-09' }).withinLimit).toBe(false);
    expect(arbitrationLimitation({ knewOn: '2026-12-31', filedOn: '2027-06-01' }, calendar).provisional).toBe(
      true,
    );
  });

  it('does not limit wage-arrears claims while employment lasts; one year from its end afterwards', () => {
    const wage = (employmentEndedOn: string | null, filedOn: string) =>
      arbitrationLimitation({ knewOn: '2020-01-31', filedOn, wageArrears: { employmentEndedOn } });
    expect(wage(null, '2025-06-30')).toEqual({
      withinLimit: true,
      limitDate: null,
      basis: expect.stringContaining('第二十七条第四款'),
      provisional: false,
    });
    expect(wage('2026-01-01', '2025-12-01')).toMatchObject({ withinLimit: true, limitDate: null });
    expect(wage('2025-06-30', '2026-06-30')).toMatchObject({ withinLimit: true, limitDate: '2026-06-30' });
    expect(wage('2025-06-30', '2026-07-01')).toMatchObject({ withinLimit: false, limitDate: '2026-06-30' });
    expect(() => wage('2025-6-30', '2026-07-01')).toThrow(/employmentEndedOn/);
  });

  it('runs anew from an interruption inside the year, and ignores one after it expired', () => {
    // Interrupted on 2023-12-01: the new year ends 2024-12-01, a Sunday, so Monday 2024-12-02 with the calendar.
    const interrupted = { knewOn: '2023-01-10', filedOn: '2024-12-02', interruptedOn: ['2023-12-01'] };
    expect(arbitrationLimitation(interrupted, calendar)).toMatchObject({
      withinLimit: true,
      limitDate: '2024-12-02',
    });
    expect(arbitrationLimitation(interrupted).limitDate).toBe('2024-12-01');
    const late = { knewOn: '2023-01-10', filedOn: '2024-03-01', interruptedOn: ['2024-02-01'] };
    expect(arbitrationLimitation(late)).toMatchObject({ withinLimit: false, limitDate: '2024-01-10' });
  });

  it('throws RangeError on malformed dates', () => {
    expect(() => arbitrationLimitation({ knewOn: '2024-02-30', filedOn: '2025-01-01' })).toThrow(RangeError);
    expect(() =>
      arbitrationLimitation({ knewOn: '2024-01-01', filedOn: '2025-01-01', interruptedOn: ['x'] }),
    ).toThrow(RangeError);
  });

  it('property: filed within a year of knowing ⇔ within the limit (no calendar)', () => {
    const date = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2015-01-01', n));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 800 }), (knewOn, after) => {
        const filedOn = addDays(knewOn, after);
        const result = arbitrationLimitation({ knewOn, filedOn });
        expect(result.limitDate).toBe(addYears(knewOn, 1));
        expect(result.withinLimit).toBe(filedOn <= addYears(knewOn, 1));
      }),
    );
  });
});

import fc from 'fast-check';
import {
  computeNoticeDeadline,
  earliestAnchorAfter,
  latestDayBefore,
  validateClockEvents,
} from './deadline-engine';
import { DEADLINE_RULES } from '../deadline-rules';
import { adHocRule, type DeadlineRule } from './deadline-rules';
import { addDays } from './local-date';
import {
  calendar,
  clockError,
  extend,
  pause,
  restart,
  resume,
  run,
  stop,
} from '../../test/support/clock-events';

const {
  MEDIATION,
  ARBITRATION_ACCEPTANCE,
  ARBITRATION_DECISION,
  ARBITRATION_HEARING_NOTICE,
  ARBITRATION_POSTPONEMENT_REQUEST,
  INSPECTION_ACCEPTANCE,
  INSPECTION_INVESTIGATION,
} = DEADLINE_RULES;

describe('computeDeadline: worked examples on the real 2025 schedule', () => {
  it('a 15-day mediation from Friday 2025-09-26 ends on the make-up Saturday 2025-10-11', () => {
    // Day 1 = Sep 27 … day 15 = Oct 11. Oct 11 is a 调休 working Saturday, so no roll-forward is needed even though
    // the period crosses the Oct 1–8 National Day holiday (days inside a period are counted all the same).
    expect(run(MEDIATION, '2025-09-26', [], '2025-10-01')).toEqual({
      due: '2025-10-11',
      daysRemaining: 10,
      state: 'RUNNING',
      provisional: false,
      extendedBy: 0,
      pausedDays: 0,
    });
  });

  it('a 15-day mediation from 2025-09-20 ends in the holiday and rolls to Thursday 2025-10-09', () => {
    // Sep 20 + 15 = Sunday Oct 5, inside the Oct 1–8 holiday; the next working day is Thursday Oct 9.
    expect(run(MEDIATION, '2025-09-20', [], '2025-10-05')).toMatchObject({
      due: '2025-10-09',
      daysRemaining: 4,
    });
  });

  it('5 working days from Friday 2025-01-24 (before Spring Festival) end on Friday 2025-02-07', () => {
    // Jan 25 Sat: no. Jan 26 Sun (make-up): 1. Jan 27 Mon: 2. Jan 28–Feb 4: holiday. Feb 5: 3. Feb 6: 4. Feb 7: 5.
    expect(run(INSPECTION_ACCEPTANCE, '2025-01-24', [], '2025-01-24')).toMatchObject({
      due: '2025-02-07',
      daysRemaining: 5,
      state: 'RUNNING',
    });
    expect(run(INSPECTION_ACCEPTANCE, '2025-01-24', [], '2025-02-05').daysRemaining).toBe(2);
    // Monday Feb 10: Feb 8 (make-up Saturday) and Feb 10 are two working days late.
    expect(run(INSPECTION_ACCEPTANCE, '2025-01-24', [], '2025-02-10')).toMatchObject({
      state: 'BREACHED',
      daysRemaining: -2,
    });
  });

  describe('arbitration award: 45 days + at most 15', () => {
    // Accepted Monday 2025-03-03: Mar 3 + 45 = Thursday 2025-04-17, a working day.
    const accepted = '2025-03-03';

    it('runs 45 days from acceptance', () => {
      expect(run(ARBITRATION_DECISION, accepted, [], '2025-04-01')).toMatchObject({
        due: '2025-04-17',
        daysRemaining: 16,
        state: 'RUNNING',
      });
      expect(run(ARBITRATION_DECISION, accepted, [], '2025-04-20')).toMatchObject({
        due: '2025-04-17',
        daysRemaining: -3,
        state: 'BREACHED',
      });
    });

    it('a 15-day extension ends on May 2, a holiday, and rolls to Tuesday May 6', () => {
      // Mar 3 + 60 = Friday May 2, inside the May 1–5 Labour Day holiday.
      expect(run(ARBITRATION_DECISION, accepted, [extend('2025-04-10', 15)], '2025-04-10')).toMatchObject({
        due: '2025-05-06',
        extendedBy: 15,
        state: 'RUNNING',
      });
      expect(
        run(
          ARBITRATION_DECISION,
          accepted,
          [extend('2025-04-10', 10), extend('2025-04-11', 5)],
          '2025-04-11',
        ),
      ).toMatchObject({ due: '2025-05-06', extendedBy: 15 });
    });

    it('refuses extensions beyond 15 days in total, after the period ended, or for a rule without any', () => {
      const beyond = clockError(() =>
        run(
          ARBITRATION_DECISION,
          accepted,
          [extend('2025-04-10', 10), extend('2025-04-11', 6)],
          '2025-04-11',
        ),
      );
      expect(beyond.field).toBe('events[1].amount');
      expect(beyond.message).toMatch(/total 16, beyond the maximum of 15/);
      expect(beyond.code).toBe('INVALID_CLOCK_EVENT');
      expect(beyond.detail).toBe(
        `extensions would total 16, beyond the maximum of 15 (${ARBITRATION_DECISION.citation})`,
      );
      expect(beyond.message).toBe(`events[1].amount: ${beyond.detail}`);
      const late = clockError(() =>
        run(ARBITRATION_DECISION, accepted, [extend('2025-04-18', 15)], '2025-04-18'),
      );
      expect(late.field).toBe('events[0].date');
      expect(late.message).toMatch(/after the period ended on 2025-04-17/);
      // validateClockEvents catches it too when given the calendar (its one calendar-dependent check).
      const lateEvents = [extend('2025-04-18', 15)];
      expect(() => validateClockEvents(ARBITRATION_DECISION, accepted, lateEvents)).not.toThrow();
      const replayed = clockError(() =>
        validateClockEvents(ARBITRATION_DECISION, accepted, lateEvents, calendar),
      );
      expect(replayed.field).toBe('events[0].date');
      const none = clockError(() =>
        run(ARBITRATION_ACCEPTANCE, '2025-09-26', [extend('2025-09-27', 2)], '2025-09-27'),
      );
      expect(none.field).toBe('events[0]');
      expect(none.message).toMatch(/ARBITRATION_ACCEPTANCE allows no extension/);
      // The mediation period is extended by the parties' agreement (参照 企业劳动争议协商调解规定 第二十七条), up to 15 days.
      expect(run(MEDIATION, '2025-09-26', [extend('2025-09-27', 15)], '2025-09-27').extendedBy).toBe(15);
      const pastCap = clockError(() =>
        run(MEDIATION, '2025-09-26', [extend('2025-09-27', 10), extend('2025-09-28', 6)], '2025-09-28'),
      );
      expect(pastCap.field).toBe('events[1].amount');
    });

    it('a 10-day suspension moves the end by 10 days, to the make-up Sunday 2025-04-27', () => {
      // Paused Mar 20, resumed Mar 30: Mar 21–30 (10 days) are not counted. Apr 17 + 10 = Sunday Apr 27, a 调休
      // working day before Labour Day, so no roll-forward.
      const events = [pause('2025-03-20'), resume('2025-03-30')];
      expect(run(ARBITRATION_DECISION, accepted, events, '2025-04-01')).toMatchObject({
        due: '2025-04-27',
        pausedDays: 10,
        state: 'RUNNING',
      });
    });

    it('is PAUSED, with no due date, while a pause is open', () => {
      expect(run(ARBITRATION_DECISION, accepted, [pause('2025-03-20')], '2025-03-25')).toEqual({
        due: null,
        daysRemaining: null,
        state: 'PAUSED',
        provisional: false,
        extendedBy: 0,
        pausedDays: 0,
      });
    });

    it('a STOP during a pause ends the pause on the stop date', () => {
      // 17 days used by Mar 20, 28 left from Apr 1: Apr 29 (Tuesday).
      expect(
        run(ARBITRATION_DECISION, accepted, [pause('2025-03-20'), stop('2025-04-01')], '2025-05-01'),
      ).toEqual({
        due: '2025-04-29',
        daysRemaining: null,
        state: 'MET',
        provisional: false,
        extendedBy: 0,
        pausedDays: 12,
      });
    });

    it('STOP on or before the due date is MET, after it BREACHED, and still reports the due date', () => {
      expect(run(ARBITRATION_DECISION, accepted, [stop('2025-04-17')], '2025-06-01')).toMatchObject({
        due: '2025-04-17',
        state: 'MET',
        daysRemaining: null,
      });
      expect(run(ARBITRATION_DECISION, accepted, [stop('2025-04-18')], '2025-06-01')).toMatchObject({
        due: '2025-04-17',
        state: 'BREACHED',
      });
    });

    it('a STOP because the case was withdrawn is ENDED on or before the due date (not MET), BREACHED after it', () => {
      const withdrawn = (date: string) => ({ type: 'STOP' as const, date, reason: 'WITHDRAWN' as const });
      expect(run(ARBITRATION_DECISION, accepted, [withdrawn('2025-04-17')], '2025-06-01')).toMatchObject({
        due: '2025-04-17',
        state: 'ENDED',
        daysRemaining: null,
      });
      expect(run(ARBITRATION_DECISION, accepted, [withdrawn('2025-04-18')], '2025-06-01')).toMatchObject({
        state: 'BREACHED',
      });
    });

    it('RESTART (a changed claim) runs a fresh 45 days and drops the earlier extension', () => {
      // Apr 10 + 45 = Sunday May 25, an ordinary weekend day: rolls to Monday May 26.
      const events = [extend('2025-04-01', 10), restart('2025-04-10')];
      const restarted = run(ARBITRATION_DECISION, accepted, events, '2025-04-10');
      expect(restarted).toMatchObject({ due: '2025-05-26', extendedBy: 0, state: 'RUNNING' });
      expect(restarted).toEqual(run(ARBITRATION_DECISION, '2025-04-10', [], '2025-04-10'));
    });
  });

  describe('labor-inspection investigation: 60 working days + at most 30', () => {
    // Opened Monday 2025-09-01. Working days: Sep 2–5 (4), 8–12 (9), 15–19 (14), 22–26 (19), Sun Sep 28 make-up (20),
    // Sep 29–30 (22), [Oct 1–8 holiday], Oct 9–10 (24), Sat Oct 11 make-up (25), Oct 13–17 (30), 20–24 (35),
    // 27–31 (40), Nov 3–7 (45), 10–14 (50), 17–21 (55), 24–28 (60): Friday 2025-11-28.
    const opened = '2025-09-01';

    it('runs 60 working days', () => {
      expect(run(INSPECTION_INVESTIGATION, opened, [], '2025-09-01')).toMatchObject({
        due: '2025-11-28',
        daysRemaining: 60,
      });
    });

    it('a pause from Friday Oct 10 to Monday Oct 13 excludes 2 working days (make-up Sat Oct 11 and Mon Oct 13)', () => {
      expect(
        run(INSPECTION_INVESTIGATION, opened, [pause('2025-10-10'), resume('2025-10-13')], '2025-10-13'),
      ).toMatchObject({
        due: '2025-12-02',
        pausedDays: 2,
      });
    });

    it('a 30-working-day extension crosses New Year 2026 and its make-up Sunday', () => {
      // From Nov 28: Dec 1–5 (5), 8–12 (10), 15–19 (15), 22–26 (20), 29–31 (23), [Jan 1–3 off], Sun Jan 4 make-up (24),
      // Jan 5–9 (29), Mon Jan 12 (30).
      expect(run(INSPECTION_INVESTIGATION, opened, [extend('2025-11-20', 30)], '2025-11-20')).toMatchObject({
        due: '2026-01-12',
        extendedBy: 30,
        provisional: false,
      });
    });

    it('is provisional when it runs into a year no source covers', () => {
      expect(run(INSPECTION_INVESTIGATION, '2026-11-02', [], '2026-11-02')).toMatchObject({
        provisional: true,
      });
      expect(run(MEDIATION, '2025-05-01', [], '2025-05-01')).toMatchObject({ provisional: false });
    });
  });

  it('a working-day clock paused on its last counted day ends on the next working day on or after the resume day', () => {
    // Received Saturday 2025-01-18: Jan 20–24 are the 5 working days. Paused on Jan 24, nothing is left; resumed on
    // Saturday Mar 1, so the act is due on Monday Mar 3.
    const events = [pause('2025-01-24'), resume('2025-03-01')];
    expect(run(INSPECTION_ACCEPTANCE, '2025-01-18', [], '2025-01-18').due).toBe('2025-01-24');
    expect(run(INSPECTION_ACCEPTANCE, '2025-01-18', events, '2025-03-01')).toMatchObject({
      due: '2025-03-03',
      daysRemaining: 1,
      state: 'RUNNING',
    });
  });

  it('a pause after the period ended does not revive it', () => {
    // Jun 2 + 15 = Tuesday Jun 17. Paused on Jun 20, already too late.
    const events = [pause('2025-06-20'), resume('2025-06-30')];
    expect(run(MEDIATION, '2025-06-02', events, '2025-07-01')).toMatchObject({
      due: '2025-06-17',
      state: 'BREACHED',
      pausedDays: 0,
    });
    expect(run(MEDIATION, '2025-06-02', [pause('2025-06-20')], '2025-06-25')).toMatchObject({
      state: 'BREACHED',
    });
  });

  it('a pause inside the roll-forward window carries the grace over to the resume day', () => {
    // Sep 26 + 5 = Oct 1 (holiday) → Oct 9. Paused on Oct 3, after the 5th day: nothing is left to count, so the
    // period ends on the resume day, Monday Oct 13 (rolled forward if it were not a working day).
    expect(
      run(adHocRule('DAY', 5), '2025-09-26', [pause('2025-10-03'), resume('2025-10-13')], '2025-10-13'),
    ).toMatchObject({
      due: '2025-10-13',
      state: 'RUNNING',
    });
  });

  it('a party’s window (holder PARTY) that ran out LAPSED, never BREACHED: running or completed late; in time it is MET', () => {
    // 10 working days from Monday 2026-11-30 (补正, the complainant's period): Monday 2026-12-14.
    const { COMPLAINT_CORRECTION, ARBITRATION_SUIT_WINDOW } = DEADLINE_RULES;
    expect(run(COMPLAINT_CORRECTION, '2026-11-30', [], '2026-12-15')).toMatchObject({
      due: '2026-12-14',
      state: 'LAPSED',
    });
    expect(run(COMPLAINT_CORRECTION, '2026-11-30', [stop('2026-12-15')], '2026-12-15').state).toBe('LAPSED');
    expect(run(COMPLAINT_CORRECTION, '2026-11-30', [stop('2026-12-14')], '2026-12-15').state).toBe('MET');
    expect(run(ARBITRATION_SUIT_WINDOW, '2026-11-02', [], '2026-12-01').state).toBe('LAPSED');
    // A body's period, the same dates: late is BREACHED.
    expect(run(adHocRule('WORKDAY', 10), '2026-11-30', [], '2026-12-15').state).toBe('BREACHED');
  });

  it('refuses a rule counted backwards', () => {
    expect(() => run(ARBITRATION_HEARING_NOTICE, '2025-10-13', [], '2025-10-01')).toThrow(
      /computeNoticeDeadline/,
    );
  });
});

describe('computeNoticeDeadline: hearing notice 5 working days before the hearing (办案规则 第八十条)', () => {
  // Hearing Monday 2025-10-13, after the National Day holiday (Oct 1–8; Sat Oct 11 and Sun Sep 28 are make-up working
  // days). Counting back from Sun Oct 12: Oct 11, 10, 9, Sep 30, Sep 29 are the five working days in between, so the
  // notice must be served by Sunday Sep 28 (itself a make-up working day).
  it('requires five working days strictly between service and the hearing', () => {
    const notice = (servedOn: string | null, today: string) =>
      computeNoticeDeadline(ARBITRATION_HEARING_NOTICE, '2025-10-13', servedOn, today, calendar);
    expect(notice('2025-09-28', '2025-10-13')).toMatchObject({ due: '2025-09-28', state: 'MET' });
    // Exactly five working days between (Sep 29, 30, Oct 9, 10, 11): in time. One day later: four, too short.
    expect(calendar.countWorkingDays('2025-09-28', '2025-10-12').count).toBe(5);
    expect(notice('2025-09-29', '2025-10-13').state).toBe('BREACHED');
    expect(notice(null, '2025-09-26')).toMatchObject({ state: 'RUNNING', daysRemaining: 1 });
    expect(notice(null, '2025-09-29')).toMatchObject({ state: 'BREACHED', daysRemaining: -1 });
  });

  it('an ordinary week: hearing Friday 2025-12-12 needs service by Thursday 2025-12-04', () => {
    expect(latestDayBefore(ARBITRATION_HEARING_NOTICE, '2025-12-12', calendar).date).toBe('2025-12-04');
    expect(earliestAnchorAfter(ARBITRATION_HEARING_NOTICE, '2025-12-04', calendar).date).toBe('2025-12-12');
  });

  it('needs the calendar for a working-day rule and refuses a forward rule', () => {
    expect(() => computeNoticeDeadline(ARBITRATION_HEARING_NOTICE, '2025-10-13', null, '2025-10-08')).toThrow(
      RangeError,
    );
    expect(() => computeNoticeDeadline(MEDIATION, '2025-10-13', null, '2025-10-08', calendar)).toThrow(
      RangeError,
    );
  });

  it('still counts a calendar-day BEFORE rule with whole days between', () => {
    const fiveDays: DeadlineRule = { ...ARBITRATION_HEARING_NOTICE, unit: 'DAY' };
    expect(computeNoticeDeadline(fiveDays, '2025-10-13', '2025-10-07', '2025-10-13').state).toBe('MET');
    expect(computeNoticeDeadline(fiveDays, '2025-10-13', '2025-10-08', '2025-10-13').state).toBe('BREACHED');
  });
});

describe('postponement request: 3 working days before the hearing, the same reading', () => {
  it('counts three working days strictly between the request and the hearing', () => {
    // Hearing Wednesday 2026-02-25 after the 2026 Spring Festival (Feb 15–23 off; Sat Feb 28 a make-up day):
    // back from Feb 24: Feb 24 is the 1st working day, Feb 14 (Saturday, make-up) the 2nd, Feb 13 the 3rd → Feb 12.
    const latest = latestDayBefore(ARBITRATION_POSTPONEMENT_REQUEST, '2026-02-25', calendar).date;
    expect(calendar.countWorkingDays(latest, '2026-02-24').count).toBe(3);
    expect(calendar.countWorkingDays(addDays(latest, 1), '2026-02-24').count).toBe(2);
  });
});

describe('BEFORE rules: properties over 2025–2026', () => {
  const dates = fc.integer({ min: 0, max: 720 }).map((n) => addDays('2025-01-10', n));
  const rules = fc.constantFrom(ARBITRATION_HEARING_NOTICE, ARBITRATION_POSTPONEMENT_REQUEST);

  it('the latest day leaves exactly `amount` working days before the hearing, one day later leaves fewer', () => {
    fc.assert(
      fc.property(rules, dates, (rule, hearing) => {
        const { date } = latestDayBefore(rule, hearing, calendar);
        const dayBefore = addDays(hearing, -1);
        expect(calendar.countWorkingDays(date, dayBefore).count).toBe(rule.amount);
        expect(calendar.countWorkingDays(addDays(date, 1), dayBefore).count).toBe(rule.amount - 1);
      }),
    );
  });

  it('earliestAnchorAfter is the inverse: the first hearing date an act is in time for', () => {
    fc.assert(
      fc.property(rules, dates, (rule, act) => {
        const first = earliestAnchorAfter(rule, act, calendar).date;
        expect(latestDayBefore(rule, first, calendar).date >= act).toBe(true);
        expect(latestDayBefore(rule, addDays(first, -1), calendar).date < act).toBe(true);
      }),
    );
  });
});

import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import {
  defencePeriodOf,
  hearingAfterDecisionDeadline,
  hearingDefenceProblem,
} from './arbitration-hearing.rules';

describe('hearingDefenceProblem: no hearing inside the respondent’s answer period (调解仲裁法 第三十条)', () => {
  const served = { state: 'SERVED', servedOn: '2026-12-28', lastDay: '2027-01-12' } as const;

  it('refuses a hearing before service is recorded, and one on or before the last day of the answer period', () => {
    expect(hearingDefenceProblem({ state: 'NOT_SERVED' }, '2027-06-01')).toBe('HEARING_BEFORE_SERVICE');
    expect(hearingDefenceProblem(served, '2027-01-12')).toBe('HEARING_BEFORE_ANSWER_PERIOD');
    expect(hearingDefenceProblem(served, '2027-01-05')).toBe('HEARING_BEFORE_ANSWER_PERIOD');
    expect(hearingDefenceProblem(served, '2026-12-20')).toBe('HEARING_BEFORE_ANSWER_PERIOD');
    expect(hearingDefenceProblem(served, '2027-01-13')).toBeNull();
  });

  it('a recorded defence lifts the gate: the period protects nothing any more', () => {
    expect(hearingDefenceProblem({ state: 'ANSWERED', answeredOn: '2026-12-29' }, '2026-12-30')).toBeNull();
  });

  it('a period whose last day is unknown (a paused clock) protects the respondent', () => {
    expect(hearingDefenceProblem({ ...served, lastDay: null }, '2027-06-01')).toBe(
      'HEARING_BEFORE_ANSWER_PERIOD',
    );
  });

  it('property: after service, allowed exactly on the days after the last day of the period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -60, max: 60 }), (len, d) => {
        const p = { state: 'SERVED', servedOn: '2026-02-20', lastDay: addDays('2026-02-20', len) } as const;
        expect(hearingDefenceProblem(p, addDays(p.servedOn, d))).toBe(
          d > len ? null : 'HEARING_BEFORE_ANSWER_PERIOD',
        );
      }),
    );
  });

  it('property: whatever the dates, an answered defence never blocks and a missing service always does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (d) => {
        const day = addDays('2026-12-07', d);
        expect(hearingDefenceProblem({ state: 'ANSWERED', answeredOn: '2026-12-07' }, day)).toBeNull();
        expect(hearingDefenceProblem({ state: 'NOT_SERVED' }, day)).toBe('HEARING_BEFORE_SERVICE');
      }),
    );
  });
});

describe('defencePeriodOf: the answer period as the ARBITRATION_DEFENCE clock records it', () => {
  it('no clock: not served; a running or lapsed clock: served with its last day; a stopped clock: answered', () => {
    expect(defencePeriodOf(undefined)).toEqual({ state: 'NOT_SERVED' });
    expect(defencePeriodOf({ start: '2026-12-28', due: '2027-01-12', events: [] })).toEqual({
      state: 'SERVED',
      servedOn: '2026-12-28',
      lastDay: '2027-01-12',
    });
    expect(
      defencePeriodOf({
        start: '2026-12-28',
        due: '2027-01-12',
        events: [{ type: 'STOP', date: '2027-01-04' }],
      }),
    ).toEqual({ state: 'ANSWERED', answeredOn: '2027-01-04' });
  });
});

describe('hearingAfterDecisionDeadline (调解仲裁法 第四十三条)', () => {
  const clock = (due: string | null, extendedBy = 0) => ({ due, extendedBy, rule: { maxExtension: 15 } });
  it('lets a hearing fall on or before the decision deadline, refuses one after it with what an extension leaves', () => {
    expect(hearingAfterDecisionDeadline(clock('2027-01-21'), '2027-01-21')).toBeNull();
    expect(hearingAfterDecisionDeadline(clock('2027-01-21'), '2027-01-22')).toEqual({
      decisionDue: '2027-01-21',
      extendedBy: 0,
      extensionDaysLeft: 15,
    });
    expect(hearingAfterDecisionDeadline(clock('2027-02-05', 15), '9999-06-01')).toEqual({
      decisionDue: '2027-02-05',
      extendedBy: 15,
      extensionDaysLeft: 0,
    });
  });

  it('sets no bound while the period is suspended (中止, no known due date) or before acceptance (no clock)', () => {
    expect(hearingAfterDecisionDeadline(clock(null), '2099-12-21')).toBeNull();
    expect(hearingAfterDecisionDeadline(undefined, '2099-12-21')).toBeNull();
  });

  it('refuses exactly the dates after the due date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const day = addDays('2027-01-21', offset);
        expect(hearingAfterDecisionDeadline(clock('2027-01-21'), day) === null).toBe(offset <= 0);
      }),
    );
  });
});

import fc from 'fast-check';
import { addDays, addYears } from '../calendar/local-date';
import { WorkingCalendar } from '../calendar/working-calendar';
import {
  acceptanceDecision,
  answerInTime,
  brigadeServes,
  answersToNotice,
  earliestPenaltyDecision,
  entersViolationHistory,
  hearingRequestDue,
  hearingRequestInTime,
  NOTICE_ANSWER_KINDS,
  penaltyDecisionRefusal,
  printedPeriods,
  statementDue,
  violationFactsOf,
} from './inspection.rules';

const base = {
  receivedOn: '2026-11-26',
  violationEndedOn: '2026-10-31' as string | null,
  employerId: '0193a1f0-0000-7000-8000-0000000000aa' as string | null,
  jurisdictionCode: '310115005',
  brigadeJurisdictionCode: '310115',
};

describe('inspection acceptance (若干规定 第十八条; 监察条例 第二十条)', () => {
  it('accepts when every condition holds', () => {
    expect(acceptanceDecision(base)).toEqual({ accept: true, reasons: [], lookbackEndsOn: '2028-10-31' });
  });

  it('the 2-year lookback: reported on the last day is in time, the day after is not', () => {
    const ended = '2024-11-26';
    expect(acceptanceDecision({ ...base, violationEndedOn: ended })).toMatchObject({
      accept: true,
      lookbackEndsOn: '2026-11-26',
    });
    const late = acceptanceDecision({ ...base, violationEndedOn: '2024-11-25' });
    expect(late.accept).toBe(false);
    expect(late.reasons.map((r) => r.code)).toEqual(['OVER_LOOKBACK']);
    expect(late.reasons[0].text).toContain('第二十条');
  });

  it('a continuing violation is always within the lookback', () => {
    expect(acceptanceDecision({ ...base, violationEndedOn: null })).toMatchObject({
      accept: true,
      lookbackEndsOn: null,
    });
  });

  it('lists every failed condition: no employer, another district', () => {
    const r = acceptanceDecision({ ...base, employerId: null, brigadeJurisdictionCode: '310104' });
    expect(r.reasons.map((x) => x.code)).toEqual(['NO_IDENTIFIED_EMPLOYER', 'OUT_OF_JURISDICTION']);
  });

  it('a brigade serves the streets of its district (监察条例 第十三条), none without a district', () => {
    expect(brigadeServes('310115', '310115004')).toBe(true);
    expect(brigadeServes('310104', '310115004')).toBe(false);
    expect(brigadeServes('', '310115004')).toBe(false);
  });

  it('property: accepted iff received within 2 years of the end, employer known and street in the district', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.boolean(),
        fc.boolean(),
        (daysAgo, hasEmployer, inDistrict) => {
          const ended = addDays(base.receivedOn, -daysAgo);
          const r = acceptanceDecision({
            ...base,
            violationEndedOn: ended,
            employerId: hasEmployer ? base.employerId : null,
            brigadeJurisdictionCode: inDistrict ? '310115' : '310101',
          });
          const inTime = base.receivedOn <= addYears(ended, 2);
          expect(r.accept).toBe(inTime && hasEmployer && inDistrict);
          expect(r.reasons.some((x) => x.code === 'OVER_LOOKBACK')).toBe(!inTime);
        },
      ),
    );
  });
});

describe('penalty procedure (行政处罚法)', () => {
  it('decision waits for the statement period the notice printed unless the employer answered', () => {
    const notice = { servedOn: '2026-11-02', statementDueOn: '2026-11-05' };
    expect(earliestPenaltyDecision(notice, false)).toBe('2026-11-06');
    expect(earliestPenaltyDecision(notice, true)).toBe('2026-11-02');
  });

  it('the statement period is 3 working days (第八十五条): over a weekend, never shorter than 3 calendar days', () => {
    const cal = new WorkingCalendar();
    expect(statementDue(cal, '2026-11-02')).toBe('2026-11-05'); // Monday → Thursday
    expect(statementDue(cal, '2026-11-05')).toBe('2026-11-10'); // Thursday → Tuesday, over the weekend
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), (n) => {
        const served = addDays('2026-01-01', n);
        expect(statementDue(cal, served) >= addDays(served, 3)).toBe(true);
      }),
    );
    // A notice that printed its dates is held to them; one that did not, to the calendar days it used to give.
    expect(
      printedPeriods(cal, {
        issuedOn: '2026-11-05',
        data: { statementDueOn: '2026-11-10', hearingDueOn: '2026-11-12' },
      }),
    ).toEqual({
      statementDueOn: '2026-11-10',
      hearingDueOn: '2026-11-12',
    });
    expect(printedPeriods(cal, { issuedOn: '2026-11-05', data: {} }).statementDueOn).toBe('2026-11-08');
  });

  it('a penalty waits for the statement and the hearing periods, or a waiver, and for a hearing asked for in time', () => {
    const notice = { noticeServedOn: '2026-11-02', statementDueOn: '2026-11-05', hearingDueOn: '2026-11-09' };
    const at = (on: string, ...answers: { kind: (typeof NOTICE_ANSWER_KINDS)[number]; inTime?: boolean }[]) =>
      penaltyDecisionRefusal({ ...notice, on, answers: answers.map((a) => ({ inTime: true, ...a })) });
    expect(at('2026-11-03')).toEqual({ code: 'STATEMENT_PERIOD_RUNNING', earliestDecisionOn: '2026-11-10' });
    // A statement ends its own period, not the hearing's (第六十四条).
    expect(at('2026-11-03', { kind: 'STATEMENT' })).toEqual({
      code: 'HEARING_REQUEST_PERIOD_RUNNING',
      earliestDecisionOn: '2026-11-10',
    });
    expect(at('2026-11-09')).toEqual({
      code: 'HEARING_REQUEST_PERIOD_RUNNING',
      earliestDecisionOn: '2026-11-10',
    });
    expect(at('2026-11-10')).toBeNull();
    expect(at('2026-11-03', { kind: 'WAIVER' })).toBeNull();
    // Asked for in time: held first, whatever the day (第六十五条); a late request does not stop the decision.
    expect(at('2026-12-31', { kind: 'HEARING_REQUEST' })).toEqual({ code: 'PENALTY_HEARING_NOT_HELD' });
    expect(at('2026-11-20', { kind: 'HEARING_REQUEST' }, { kind: 'WAIVER' })).toEqual({
      code: 'PENALTY_HEARING_NOT_HELD',
    });
    expect(at('2026-11-05', { kind: 'HEARING_REQUEST' }, { kind: 'HEARING_HELD' })).toBeNull();
    expect(at('2026-11-12', { kind: 'HEARING_REQUEST', inTime: false })).toBeNull();
    // A statement received after its period (late) is no statement: the period it did not answer still runs.
    expect(at('2026-11-03', { kind: 'STATEMENT', inTime: false })).toEqual({
      code: 'STATEMENT_PERIOD_RUNNING',
      earliestDecisionOn: '2026-11-10',
    });
  });

  it('answerInTime: a statement on the last day of its period is in time, the day after is late; a hearing request by its own period', () => {
    const cal = new WorkingCalendar();
    const notice = { issuedOn: '2026-11-02', statementDueOn: '2026-11-05' };
    expect(answerInTime(cal, notice, 'STATEMENT', '2026-11-02')).toBe(true);
    expect(answerInTime(cal, notice, 'STATEMENT', '2026-11-05')).toBe(true);
    expect(answerInTime(cal, notice, 'STATEMENT', '2026-11-06')).toBe(false);
    expect(answerInTime(cal, notice, 'HEARING_REQUEST', '2026-11-09')).toBe(true);
    expect(answerInTime(cal, notice, 'HEARING_REQUEST', '2026-11-10')).toBe(false);
    expect(answerInTime(cal, notice, 'WAIVER', '2026-11-20')).toBe(true);
  });

  it('property: never a decision before the hearing period ends unless waived or heard, never one over a pending hearing', () => {
    const day = fc.integer({ min: 0, max: 30 }).map((n) => addDays('2026-11-02', n));
    const answer = fc.record({ kind: fc.constantFrom(...NOTICE_ANSWER_KINDS), inTime: fc.boolean() });
    const served = { noticeServedOn: '2026-11-02', statementDueOn: '2026-11-05' };
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 3, max: 12 }),
        fc.array(answer, { maxLength: 4 }),
        (on, h, answers) => {
          const hearingDueOn = addDays('2026-11-02', h);
          const r = penaltyDecisionRefusal({ ...served, hearingDueOn, on, answers });
          const requested = answers.some((a) => a.kind === 'HEARING_REQUEST' && a.inTime);
          const held = answers.some((a) => a.kind === 'HEARING_HELD');
          const waived = answers.some((a) => a.kind === 'WAIVER');
          if (requested && !held) expect(r).toEqual({ code: 'PENALTY_HEARING_NOT_HELD' });
          if (r === null && !requested && !waived) expect(on > hearingDueOn && on >= '2026-11-06').toBe(true);
          if (r && 'earliestDecisionOn' in r) {
            expect(r.earliestDecisionOn > on).toBe(true);
            expect(
              penaltyDecisionRefusal({
                ...served,
                hearingDueOn,
                on: r.earliestDecisionOn,
                answers,
              }),
            ).toBeNull();
          }
        },
      ),
    );
  });

  const calendar = new WorkingCalendar();

  it('a hearing request is in time within 5 working days of the notice (第六十四条, 第八十五条)', () => {
    // Mon 2026-11-02: Tue 03 (1) … Fri 06 (4), [weekend], Mon 09 (5).
    expect(hearingRequestDue(calendar, '2026-11-02')).toBe('2026-11-09');
    expect(hearingRequestInTime(calendar, '2026-11-02', '2026-11-09')).toBe(true);
    expect(hearingRequestInTime(calendar, '2026-11-02', '2026-11-10')).toBe(false);
  });

  it('counts across the 2025 National Day holiday and its make-up Saturday', () => {
    // Tue 2025-09-30; 10-01…10-08 off; Thu 09 (1), Fri 10 (2), Sat 11 make-up (3), Mon 13 (4), Tue 14 (5).
    expect(hearingRequestDue(calendar, '2025-09-30')).toBe('2025-10-14');
  });

  it('counts across Spring Festival 2026 and its make-up Saturday', () => {
    // Fri 2026-02-13; Sat 14 make-up (1); 15…23 off; Tue 24 (2) … Fri 27 (5).
    expect(hearingRequestDue(calendar, '2026-02-13')).toBe('2026-02-27');
  });

  it('skips a fixed statutory holiday of 2027 before the notice of 2027 is loaded', () => {
    // Wed 2027-09-29: Thu 30 (1); Fri 10-01 国庆 (fixed, 放假办法 第二条); Mon 04 (2) … Thu 07 (5).
    expect(hearingRequestDue(calendar, '2027-09-29')).toBe('2027-10-07');
  });

  it('property: the last day is a working day, exactly 5 working days after the notice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 3 }), (n) => {
        const served = addDays('2025-01-01', n);
        const due = hearingRequestDue(calendar, served);
        expect(calendar.isWorkingDay(due).working).toBe(true);
        expect(calendar.countWorkingDays(served, due).count).toBe(5);
        expect(due >= addDays(served, 5)).toBe(true);
        expect(hearingRequestInTime(calendar, served, due)).toBe(true);
        expect(hearingRequestInTime(calendar, served, addDays(due, 1))).toBe(false);
      }),
    );
  });
});

describe('violationFactsOf (a closed case → the employer’s violation history)', () => {
  const closed = {
    arrearsFen: 0,
    workersAffected: 1,
    orderRefused: false,
    transferredToPolice: false,
    massIncident: false,
  };

  it('kinds: wage arrears when wages were owed, plus the complaint’s category; OTHER when nothing else applies', () => {
    expect(violationFactsOf({ ...closed, arrearsFen: 1 }, 'WAGE_ARREARS', false).kinds).toEqual([
      'WAGE_ARREARS',
    ]);
    expect(violationFactsOf({ ...closed, arrearsFen: 1 }, 'NO_CONTRACT', false).kinds).toEqual([
      'WAGE_ARREARS',
      'NO_CONTRACT',
    ]);
    expect(violationFactsOf(closed, 'SOCIAL_INSURANCE', false).kinds).toEqual(['SOCIAL_INSURANCE']);
    expect(violationFactsOf(closed, 'UNLAWFUL_TERMINATION', false).kinds).toEqual(['OTHER']);
    expect(violationFactsOf(closed, null, false).kinds).toEqual(['OTHER']);
  });

  it('major (人社部令第29号 第五条) exactly when the threshold is met, the case was transferred or caused a mass incident', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (meets, transferred, mass, refused) => {
          const f = violationFactsOf(
            {
              ...closed,
              arrearsFen: 100,
              transferredToPolice: transferred,
              massIncident: mass,
              orderRefused: refused,
            },
            'WAGE_ARREARS',
            meets,
          );
          expect(f.major).toBe(meets || transferred || mass);
          expect(f).toMatchObject({
            meetsCrimeThreshold: meets,
            criminalTransfer: transferred,
            massIncident: mass,
            orderRefused: refused,
            arrearsFen: 100,
          });
        },
      ),
    );
  });
});

describe('the violation history (人社部令第29号 第五条: 已经依法查处并作出处理决定的)', () => {
  it('takes a decided case with a violation found, not a merged or revoked one', () => {
    const c = { violationFound: true, employerId: '0193a1f0-0000-7000-8000-0000000000aa' };
    for (const closureType of ['RECTIFIED', 'PENALISED', 'TRANSFERRED'])
      expect(entersViolationHistory({ ...c, closureType })).toBe(true);
    for (const closureType of ['MERGED', 'REVOKED'])
      expect(entersViolationHistory({ ...c, closureType })).toBe(false);
    expect(entersViolationHistory({ ...c, violationFound: false, closureType: 'RECTIFIED' })).toBe(false);
    expect(entersViolationHistory({ ...c, employerId: null, closureType: 'RECTIFIED' })).toBe(false);
  });
});

describe('the answers to a notice', () => {
  it("this notice's by its number; a response without one (before 16.9) when it follows the notice", () => {
    const notice = { docNo: 'N-2', createdAt: new Date('2026-11-02T02:00:00Z') };
    const response = (data: Record<string, unknown>, occurredAt = '2026-11-03T02:00:00Z') => ({
      action: 'INSPECTION_RECORD_RESPONSE',
      data,
      occurredAt,
    });
    expect(
      answersToNotice(
        [
          response({ kind: 'STATEMENT', noticeDocNo: 'N-1' }),
          response({ kind: 'HEARING_REQUEST', inTime: false, noticeDocNo: 'N-2' }),
          response({ kind: 'WAIVER' }),
          response({ kind: 'STATEMENT' }, '2026-11-01T02:00:00Z'),
          {
            action: 'INSPECTION_CLOSE',
            data: { kind: 'STATEMENT', noticeDocNo: 'N-2' },
            occurredAt: '2026-11-04',
          },
        ],
        notice,
      ),
    ).toEqual([
      { kind: 'HEARING_REQUEST', inTime: false },
      { kind: 'WAIVER', inTime: true },
    ]);
  });
});

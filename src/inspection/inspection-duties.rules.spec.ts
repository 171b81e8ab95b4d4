import fc from 'fast-check';
import {
  additionalCompensationFen,
  appearOnError,
  DUTY_RULES,
  investigationTeamError,
  orderToPayIgnored,
  reportRewardRefusals,
} from './inspection-duties.rules';
import { violationEndedOnError } from '../complaints/complaint.state';
import { addDays } from '../calendar/local-date';

describe('two inspectors per investigative act (劳动保障监察条例 第十六条)', () => {
  it('one inspector, or the same one twice, is not enough; two different ones are', () => {
    expect(investigationTeamError(['a'])).toContain('第十六条');
    expect(investigationTeamError(['a', 'a'])).toContain('1 named');
    expect(investigationTeamError([])).not.toBeNull();
    expect(investigationTeamError(['a', 'b'])).toBeNull();
  });
  it('property: allowed ⇔ at least 2 distinct ids', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 6 }), (ids) => {
        expect(investigationTeamError(ids) === null).toBe(new Set(ids).size >= DUTY_RULES.MIN_INSPECTORS);
      }),
    );
  });
});

describe('加付赔偿金 (监察条例 第二十六条)', () => {
  it('50 %–100 % of the amount owed, whole fen; outside the range is refused', () => {
    expect(additionalCompensationFen(1_000_001, 50)).toBe(500_000);
    expect(additionalCompensationFen(1_000_000, 100)).toBe(1_000_000);
    expect(() => additionalCompensationFen(1_000_000, 49)).toThrow(RangeError);
    expect(() => additionalCompensationFen(1_000_000, 101)).toThrow(RangeError);
    expect(() => additionalCompensationFen(1_000_000, 75.5)).toThrow(RangeError);
  });
  it('property: between half and all of the amount owed, monotone in the rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 50, max: 100 }),
        fc.integer({ min: 50, max: 100 }),
        (owed, p, q) => {
          const a = additionalCompensationFen(owed, p);
          expect(a).toBeGreaterThanOrEqual(Math.floor(owed / 2));
          expect(a).toBeLessThanOrEqual(owed);
          if (p <= q) expect(a).toBeLessThanOrEqual(additionalCompensationFen(owed, q));
        },
      ),
    );
  });
  it('only after an order to pay was ignored: refused, or its date passed with wages still unpaid', () => {
    const order = { complianceDueOn: '2026-12-10', refused: false, unpaidFen: 100 };
    expect(orderToPayIgnored(order, '2026-12-10')).toBe(false);
    expect(orderToPayIgnored(order, '2026-12-11')).toBe(true);
    expect(orderToPayIgnored({ ...order, refused: true }, '2026-12-05')).toBe(true);
    expect(orderToPayIgnored({ ...order, unpaidFen: 0 }, '2026-12-31')).toBe(false);
    expect(orderToPayIgnored({ ...order, complianceDueOn: null, refused: true }, '2026-12-31')).toBe(false);
  });
});

describe('举报 and 投诉 differ: a reward is for a substantiated report of a major violation (监察条例 第九条)', () => {
  const closed = (over: Record<string, unknown> = {}) => ({
    source: 'REPORT',
    status: 'CLOSED',
    violationFound: true,
    employerId: 'e',
    closureType: 'RECTIFIED',
    ...over,
  });
  it('a report of a concluded case whose violation was recorded as major, or with a ground named', () => {
    expect(reportRewardRefusals(closed(), { major: true }, null)).toEqual([]);
    expect(reportRewardRefusals(closed(), { major: false }, 'CHILD_LABOUR')).toEqual([]);
    expect(reportRewardRefusals(closed(), { major: false }, null)).toEqual(['VIOLATION_NOT_MAJOR']);
  });
  it('never a complaint or a planned inspection; not before the case is concluded; not a revoked, merged or clean one', () => {
    expect(reportRewardRefusals(closed({ source: 'COMPLAINT' }), { major: true }, null)).toEqual([
      'NOT_A_REPORT',
    ]);
    expect(
      reportRewardRefusals(closed({ status: 'RECTIFICATION_ORDERED', closureType: null }), null, null),
    ).toEqual(['CASE_NOT_CONCLUDED']);
    for (const closureType of ['REVOKED', 'MERGED'])
      expect(reportRewardRefusals(closed({ closureType }), { major: true }, 'CHILD_LABOUR')).toEqual([
        'REPORT_NOT_SUBSTANTIATED',
      ]);
    expect(
      reportRewardRefusals(closed({ violationFound: false, closureType: 'NO_VIOLATION' }), null, null),
    ).toEqual(['REPORT_NOT_SUBSTANTIATED']);
    expect(reportRewardRefusals(closed({ source: 'PLAN', status: 'INVESTIGATING' }), null, null)).toEqual([
      'NOT_A_REPORT',
      'CASE_NOT_CONCLUDED',
    ]);
  });
});

describe('dates an inspection act may not take (监察条例 第十七条, 第二十条)', () => {
  it('a violation that ended after the day of the decision is refused on violationEndedOn; a continuing one (null) is not', () => {
    expect(violationEndedOnError(null, '2026-12-07')).toBeNull();
    expect(violationEndedOnError('2026-12-07', '2026-12-07')).toBeNull();
    expect(violationEndedOnError('2027-05-01', '2026-12-07')).toMatchObject({
      field: 'violationEndedOn',
      constraint: 'notInFuture',
      message: 'violationEndedOn must not be after 2026-12-07 (the day of the decision)',
    });
  });

  it('an inquiry falls after the notice and no later than the investigation is due', () => {
    expect(appearOnError('2026-12-10', '2026-12-07', '2027-03-04')).toBeNull();
    expect(appearOnError('2027-03-04', '2026-12-07', '2027-03-04')).toBeNull();
    expect(appearOnError('2026-12-07', '2026-12-07', '2027-03-04')).toMatchObject({
      constraint: 'afterNotice',
    });
    expect(appearOnError('2099-12-10', '2026-12-07', '2027-03-04')).toMatchObject({
      field: 'appearOn',
      constraint: 'byInvestigationDue',
      investigationDueOn: '2027-03-04',
    });
    // Paused (no known due date): bounded by the notice only.
    expect(appearOnError('2099-12-10', '2026-12-07', null)).toBeNull();
  });

  it('never lets through a day after the due date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 400 }), (ahead, due) => {
        const on = '2026-12-07';
        const appearOn = addDays(on, ahead);
        const dueOn = addDays(on, due);
        expect(appearOnError(appearOn, on, dueOn) === null).toBe(appearOn <= dueOn);
      }),
    );
  });
});

import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import {
  addMonths,
  earlyRemovalRefusal,
  expiresOn,
  inForce,
  listingCheck,
  noticeRefusal,
  statementTiming,
} from './blacklist.rules';
import { BLACKLIST_TRANSITIONS, nextBlacklistStatus } from './blacklist.state';

describe('blacklist listing facts (人社部令第45号 第五条)', () => {
  const arrears = {
    kinds: ['WAGE_ARREARS'] as const,
    migrantWorkers: true,
    orderRefused: true,
    meetsCrimeThreshold: false,
    massIncident: false,
  };

  it('lists on a refused order with the crime threshold, or with a mass incident', () => {
    expect(listingCheck({ ...arrears, meetsCrimeThreshold: true })).toEqual({
      eligible: true,
      missing: [],
      reasons: ['CRIME_THRESHOLD'],
    });
    expect(listingCheck({ ...arrears, massIncident: true }).reasons).toEqual(['MASS_INCIDENT']);
    expect(listingCheck({ ...arrears, massIncident: true, meetsCrimeThreshold: true }).reasons).toEqual([
      'CRIME_THRESHOLD',
      'MASS_INCIDENT',
    ]);
  });

  it('names each missing fact', () => {
    expect(listingCheck(arrears)).toEqual({
      eligible: false,
      missing: ['meetsCrimeThreshold|massIncident'],
      reasons: [],
    });
    expect(listingCheck({ ...arrears, orderRefused: false, meetsCrimeThreshold: true }).missing).toEqual([
      'orderRefused',
    ]);
    expect(
      listingCheck({
        kinds: ['OVERTIME'],
        migrantWorkers: false,
        orderRefused: false,
        meetsCrimeThreshold: false,
        massIncident: false,
      }).missing,
    ).toEqual(['kinds:WAGE_ARREARS', 'migrantWorkers', 'orderRefused', 'meetsCrimeThreshold|massIncident']);
  });

  it('only arrears owed to 农民工 list the employer (the list is of 拖欠农民工工资)', () => {
    expect(listingCheck({ ...arrears, migrantWorkers: false, meetsCrimeThreshold: true })).toEqual({
      eligible: false,
      missing: ['migrantWorkers'],
      reasons: [],
    });
  });
});

describe('notice and statement before a listing (告知、陈述申辩)', () => {
  const notice = { noticedOn: '2026-09-28', statementDueOn: '2026-10-12', statementOn: null };

  it('no notice, no listing', () => {
    expect(noticeRefusal(null, '2026-11-01')?.code).toBe('LISTING_NOTICE_REQUIRED');
  });

  it('not while the statement period runs (its last day included); the day after, yes', () => {
    expect(noticeRefusal(notice, '2026-10-12')).toEqual(
      expect.objectContaining({ code: 'STATEMENT_PERIOD_RUNNING', statementDueOn: '2026-10-12' }),
    );
    expect(noticeRefusal(notice, '2026-10-13')).toBeNull();
  });

  it('a statement received: listed on or after it, even within the period', () => {
    const stated = { ...notice, statementOn: '2026-09-30' };
    expect(noticeRefusal(stated, '2026-09-29')?.code).toBe('LISTING_BEFORE_STATEMENT');
    expect(noticeRefusal(stated, '2026-09-30')).toBeNull();
  });

  it('a statement received after the period is late: it neither holds a lawful listing nor lets one come early', () => {
    const late = { ...notice, statementOn: '2026-10-15' };
    // The day after the period: listed, though the late statement came later still.
    expect(noticeRefusal(late, '2026-10-13')).toBeNull();
    expect(noticeRefusal(late, '2026-10-12')?.code).toBe('STATEMENT_PERIOD_RUNNING');
  });

  it('property: with no statement, a listing is allowed exactly after the period', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 20 }), (d) => {
        const listedOn = addDays(notice.statementDueOn, d);
        expect(noticeRefusal(notice, listedOn) === null).toBe(d > 0);
      }),
    );
  });
});

describe('statementTiming: a statement in the period, late, or before the notice (告知、陈述申辩)', () => {
  // The date rule itself, with its property test, is answerTiming's (src/calendar/answer-period.spec.ts).
  it('the notice’s period: served on noticedOn, last day statementDueOn', () => {
    const period = { noticedOn: '2026-09-28', statementDueOn: '2026-10-12' };
    expect(
      ['2026-09-27', '2026-09-28', '2026-10-12', '2026-10-13'].map((d) => statementTiming(period, d)),
    ).toEqual(['BEFORE_NOTICE', 'IN_TIME', 'IN_TIME', 'LATE']);
  });
});

describe('blacklist term and early removal', () => {
  it('3 years from the listing decision; in force until the day before expires_on', () => {
    expect(expiresOn('2026-03-10')).toBe('2029-03-10');
    expect(expiresOn('2028-02-29')).toBe('2031-02-28');
    expect(inForce({ expiresOn: '2029-03-10' }, '2029-03-09')).toBe(true);
    expect(inForce({ expiresOn: '2029-03-10' }, '2029-03-10')).toBe(false);
  });

  it('addMonths clamps to the end of the month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });

  const base = {
    listedOn: '2026-01-10',
    correctedOn: '2026-02-01',
    commitmentOn: '2026-08-01',
    repeatArrears: 0,
    criminal: 'NONE' as const,
  };

  it('6 months from the correction: refused the day before, allowed on the day', () => {
    expect(earlyRemovalRefusal({ ...base, today: '2026-07-31' })).toEqual({
      code: 'EARLY_REMOVAL_TOO_SOON',
      message: expect.any(String),
      eligibleFrom: '2026-08-01',
    });
    expect(earlyRemovalRefusal({ ...base, today: '2026-08-01' })).toBeNull();
  });

  it('corrected before the listing: 6 months from the listing', () => {
    const r = earlyRemovalRefusal({ ...base, correctedOn: '2025-12-01', today: '2026-07-09' });
    expect(r).toMatchObject({ code: 'EARLY_REMOVAL_TOO_SOON', eligibleFrom: '2026-07-10' });
  });

  it('needs a credit commitment', () => {
    expect(earlyRemovalRefusal({ ...base, commitmentOn: null, today: '2026-09-01' })?.code).toBe(
      'CREDIT_COMMITMENT_MISSING',
    );
  });

  it('第十三条（一）: new wage arrears to migrant workers while listed bar an early removal', () => {
    expect(earlyRemovalRefusal({ ...base, repeatArrears: 1, today: '2026-09-01' })).toEqual({
      code: 'EARLY_REMOVAL_BARRED',
      message: expect.any(String),
      grounds: ['REPEAT_ARREARS'],
    });
  });

  it('第十三条（二）: criminal proceedings for 拒不支付劳动报酬罪 under way, or liability, bar it', () => {
    expect(earlyRemovalRefusal({ ...base, criminal: 'PROCEEDINGS', today: '2026-09-01' })).toMatchObject({
      code: 'EARLY_REMOVAL_BARRED',
      grounds: ['CRIMINAL_PROCEEDINGS'],
    });
    expect(
      earlyRemovalRefusal({ ...base, repeatArrears: 2, criminal: 'LIABLE', today: '2026-09-01' }),
    ).toMatchObject({ code: 'EARLY_REMOVAL_BARRED', grounds: ['REPEAT_ARREARS', 'CRIMINAL_LIABILITY'] });
  });

  it('the bars apply to an employer meeting the 第十二条 conditions: a refusal of those comes first', () => {
    expect(earlyRemovalRefusal({ ...base, repeatArrears: 1, today: '2026-07-31' })?.code).toBe(
      'EARLY_REMOVAL_TOO_SOON',
    );
  });

  it('property: never allowed before 6 months after max(listing, correction)', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 400 }), (listedOn, correctedOn, after) => {
        const start = correctedOn > listedOn ? correctedOn : listedOn;
        const today = addDays(start, after);
        const r = earlyRemovalRefusal({
          listedOn,
          correctedOn,
          commitmentOn: today,
          repeatArrears: 0,
          criminal: 'NONE',
          today,
        });
        expect(r === null).toBe(today >= addMonths(start, 6));
      }),
    );
  });
});

describe('blacklist state machine', () => {
  it('LISTED → REMOVED (early removal) or EXPIRED; both final', () => {
    expect(nextBlacklistStatus('LISTED', 'REMOVE_EARLY')).toBe('REMOVED');
    expect(nextBlacklistStatus('LISTED', 'EXPIRE')).toBe('EXPIRED');
    for (const from of ['REMOVED', 'EXPIRED'] as const) {
      expect(BLACKLIST_TRANSITIONS[from]).toEqual({});
      expect(nextBlacklistStatus(from, 'EXPIRE')).toBeNull();
      expect(nextBlacklistStatus(from, 'REMOVE_EARLY')).toBeNull();
    }
  });
});

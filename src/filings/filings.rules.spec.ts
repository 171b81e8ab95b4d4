import fc from 'fast-check';
import { addDays, daysBetween } from '../calendar/local-date';
import {
  closurePlanErrors,
  collectiveContractStatus,
  contractFilingErrors,
  harmoniousEntryErrors,
  objectionCheck,
  onRegister,
  reviewPeriod,
  submittedLate,
} from './filings.rules';

const TODAY = '2026-11-26';
const isoDate = fc.integer({ min: 0, max: 20000 }).map((n) => addDays('2000-01-01', n));

describe('collective contracts (集体合同规定 第四十二条、第四十五条、第四十七条)', () => {
  it('received on 1 March: objections until 16 March, in force from 17 March', () => {
    expect(reviewPeriod('2026-03-01')).toEqual({
      objectionDeadline: '2026-03-16',
      effectiveOn: '2026-03-17',
    });
  });

  it('takes effect after the 15 days without objection (status computed for an explicit today)', () => {
    const c = { status: 'SUBMITTED' as const, ...reviewPeriod('2026-03-01') };
    expect(collectiveContractStatus(c, '2026-03-01')).toBe('SUBMITTED');
    expect(collectiveContractStatus(c, '2026-03-16')).toBe('SUBMITTED');
    expect(collectiveContractStatus(c, '2026-03-17')).toBe('EFFECTIVE');
    expect(collectiveContractStatus(c, '2027-01-01')).toBe('EFFECTIVE');
    expect(collectiveContractStatus({ ...c, status: 'OBJECTED' }, '2027-01-01')).toBe('OBJECTED');
  });

  it('property: effective exactly when 16 or more days have passed since receipt, unless objected', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 60 }), (submittedOn, after) => {
        const c = { status: 'SUBMITTED' as const, ...reviewPeriod(submittedOn) };
        const today = addDays(submittedOn, after);
        expect(collectiveContractStatus(c, today) === 'EFFECTIVE').toBe(after > 15);
        expect(daysBetween(submittedOn, c.objectionDeadline)).toBe(15);
      }),
    );
  });

  it('an objection is in time up to the 15th day after receipt, not after', () => {
    const c = { status: 'SUBMITTED' as const, submittedOn: '2026-03-01', ...reviewPeriod('2026-03-01') };
    const lastDay = '2026-03-16';
    expect(objectionCheck(c, '2026-03-16', lastDay)).toEqual({ ok: true });
    expect(objectionCheck(c, '2026-03-01', lastDay)).toEqual({ ok: true });
    expect(objectionCheck(c, '2026-03-01', '2026-03-01')).toEqual({ ok: true });
    expect(objectionCheck({ ...c, status: 'OBJECTED' }, '2026-03-05', lastDay)).toEqual({
      ok: false,
      kind: 'ALREADY_OBJECTED',
    });
    expect(objectionCheck(c, '2026-02-28', lastDay)).toMatchObject({ ok: false, kind: 'INVALID' });
    expect(objectionCheck(c, '2026-03-17', lastDay)).toMatchObject({ ok: false, kind: 'INVALID' });
  });

  it('an objection entered after the 15th day is refused, whatever day it is dated (no EFFECTIVE → OBJECTED)', () => {
    const c = { status: 'SUBMITTED' as const, submittedOn: '2026-03-01', ...reviewPeriod('2026-03-01') };
    for (const objectedOn of ['2026-03-01', '2026-03-11', '2026-03-16', '2026-03-17', TODAY])
      expect(objectionCheck(c, objectedOn, '2026-03-17')).toEqual({ ok: false, kind: 'REVIEW_PERIOD_OVER' });
    expect(objectionCheck(c, '2026-03-11', TODAY)).toEqual({ ok: false, kind: 'REVIEW_PERIOD_OVER' });
  });

  it('property: an objection is accepted only while the contract is not yet effective on the day it is entered', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (submittedOn, enteredAfter, datedBefore) => {
          const c = { status: 'SUBMITTED' as const, submittedOn, ...reviewPeriod(submittedOn) };
          const today = addDays(submittedOn, enteredAfter);
          const objectedOn = addDays(today, -Math.min(datedBefore, enteredAfter));
          const ok = objectionCheck(c, objectedOn, today).ok;
          if (ok) expect(collectiveContractStatus(c, today)).toBe('SUBMITTED');
          expect(ok).toBe(collectiveContractStatus(c, today) === 'SUBMITTED');
        },
      ),
    );
  });

  it('flags a text received more than 10 days after signature; refuses impossible dates', () => {
    expect(submittedLate('2026-03-01', '2026-03-11')).toBe(false);
    expect(submittedLate('2026-03-01', '2026-03-12')).toBe(true);
    expect(contractFilingErrors({ signedOn: '2026-03-02', submittedOn: '2026-03-01' }, TODAY)).toEqual([
      expect.objectContaining({ field: 'signedOn' }),
    ]);
    expect(contractFilingErrors({ signedOn: TODAY, submittedOn: addDays(TODAY, 1) }, TODAY)).toEqual([
      expect.objectContaining({ field: 'submittedOn' }),
    ]);
  });
});

describe('closure notices', () => {
  const ok = {
    notifiedOn: TODAY,
    effectiveOn: addDays(TODAY, 60),
    workersAffected: 40,
    resettlementPlan: '安置方案',
  };
  const fields = (p: Omit<Partial<typeof ok>, 'resettlementPlan'> & { resettlementPlan?: string | null }) =>
    closurePlanErrors({ ...ok, ...p }, TODAY).map((e) => e.field);

  it('accepts a notice in advance; effective today is still in time', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ effectiveOn: TODAY })).toEqual([]);
    expect(fields({ workersAffected: 0, resettlementPlan: null })).toEqual([]);
  });

  it('refuses a past effective date, a future notification, effective before notified, no resettlement plan', () => {
    expect(fields({ effectiveOn: addDays(TODAY, -1) })).toEqual(['effectiveOn']);
    expect(fields({ notifiedOn: addDays(TODAY, 1) })).toEqual(['notifiedOn']);
    expect(fields({ notifiedOn: addDays(TODAY, -5), effectiveOn: TODAY })).toEqual([]);
    expect(fields({ resettlementPlan: ' ' })).toEqual(['resettlementPlan']);
  });
});

describe('harmonious-enterprise register', () => {
  it('an entry is on the register from recognition to validUntil inclusive, until revoked', () => {
    const e = { recognisedOn: '2026-06-30', validUntil: '2029-06-29', revokedOn: null };
    expect(onRegister(e, '2026-06-29')).toBe(false);
    expect(onRegister(e, '2026-06-30')).toBe(true);
    expect(onRegister(e, '2029-06-29')).toBe(true);
    expect(onRegister(e, '2029-06-30')).toBe(false);
    expect(onRegister({ ...e, revokedOn: '2027-01-01' }, '2026-12-31')).toBe(true);
    expect(onRegister({ ...e, revokedOn: '2027-01-01' }, '2027-01-01')).toBe(false);
  });

  it('refuses recognition in the future, validity ending before recognition, an assessment year after it', () => {
    const f = (e: { year: number; recognisedOn: string; validUntil: string }) =>
      harmoniousEntryErrors(e, TODAY).map((x) => x.field);
    expect(f({ year: 2026, recognisedOn: '2026-06-30', validUntil: '2029-06-29' })).toEqual([]);
    expect(f({ year: 2025, recognisedOn: '2026-06-30', validUntil: '2029-06-29' })).toEqual([]);
    expect(f({ year: 2026, recognisedOn: addDays(TODAY, 1), validUntil: '2029-06-29' })).toEqual([
      'recognisedOn',
    ]);
    expect(f({ year: 2026, recognisedOn: '2026-06-30', validUntil: '2026-06-29' })).toEqual(['validUntil']);
    expect(f({ year: 2027, recognisedOn: '2026-06-30', validUntil: '2029-06-29' })).toEqual(['year']);
  });
});

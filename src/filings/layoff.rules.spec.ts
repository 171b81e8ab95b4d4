import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import {
  art41Applies,
  latestNoticeDate,
  LAYOFF_RULES,
  layoffPlanErrors,
  type LayoffPlan,
} from './layoff.rules';

const TODAY = '2026-11-26';

/** A valid Art 41 plan: 25 of 100, notice 30 days before, laid off 31 days from today. */
const plan = (over: Partial<LayoffPlan> = {}): LayoffPlan => ({
  headcountCut: 25,
  totalHeadcount: 100,
  layoffOn: addDays(TODAY, 31),
  unionOrStaffNotifiedOn: addDays(TODAY, 1 - LAYOFF_RULES.NOTICE_DAYS),
  grounds: ['SEVERE_DIFFICULTY'],
  consultationRecord: '工会意见：同意',
  ...over,
});
const fields = (p: LayoffPlan) => layoffPlanErrors(p, TODAY).map((e) => e.field);

describe('art41Applies (劳动合同法 第四十一条 thresholds)', () => {
  it.each([
    [20, 20000, true, 'exactly 20, however large the staff'],
    [20, 20, true, 'everyone, 20'],
    [19, 190, true, '19 of 190 is exactly 10%'],
    [19, 191, false, '19 of 191 is under 10%'],
    [19, 10000, false, '19 of 10,000'],
    [1, 10, true, '1 of 10 is 10%'],
    [1, 11, false, '1 of 11'],
    [10, 100, true, '10 of 100'],
    [9, 91, false, '9 of 91 is 9.9%'],
  ])('%i of %i → %s (%s)', (cut, total, expected) => {
    expect(art41Applies(cut, total)).toBe(expected);
  });

  it('property: 20 or more always applies', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (cut, extra) => art41Applies(cut, cut + extra),
      ),
    );
  });

  it('property: under 20 it applies exactly when the share is at least 10% (exact rational comparison)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 19 }), fc.integer({ min: 0, max: 100_000 }), (cut, extra) => {
        const total = cut + extra;
        // cut / total ≥ 1/10  ⇔  10·cut ≥ total
        expect(art41Applies(cut, total)).toBe(10 * cut >= total);
      }),
    );
  });

  it('property: the boundary total for a cut under 20 is 10 × cut (applies there, not one above)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 19 }), (cut) => {
        expect(art41Applies(cut, cut * 10)).toBe(true);
        expect(art41Applies(cut, cut * 10 + 1)).toBe(false);
      }),
    );
  });

  it('property: monotone — cutting more never lifts the duty, more staff never adds it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 5000 }), (cut, extra) => {
        const total = cut + extra + 1;
        if (art41Applies(cut, total)) expect(art41Applies(cut + 1, total)).toBe(true);
        if (!art41Applies(cut, total)) expect(art41Applies(cut, total + 1)).toBe(false);
      }),
    );
  });
});

describe('layoffPlanErrors', () => {
  it('accepts a plan with notice exactly 30 days before the layoff', () => {
    const layoffOn = addDays(TODAY, 10);
    expect(fields(plan({ layoffOn, unionOrStaffNotifiedOn: addDays(layoffOn, -30) }))).toEqual([]);
    expect(latestNoticeDate(layoffOn)).toBe(addDays(layoffOn, -30));
  });

  it('refuses notice given 29 days before the layoff when Art 41 applies', () => {
    const layoffOn = addDays(TODAY, 10);
    expect(fields(plan({ layoffOn, unionOrStaffNotifiedOn: addDays(layoffOn, -29) }))).toEqual([
      'unionOrStaffNotifiedOn',
    ]);
  });

  it('below the thresholds, short or missing notice, grounds and consultation are not required', () => {
    const layoffOn = addDays(TODAY, 5);
    expect(
      fields(
        plan({
          headcountCut: 19,
          totalHeadcount: 191,
          layoffOn,
          unionOrStaffNotifiedOn: null,
          grounds: [],
          consultationRecord: null,
        }),
      ),
    ).toEqual([]);
    expect(
      fields(plan({ headcountCut: 19, totalHeadcount: 191, layoffOn, unionOrStaffNotifiedOn: TODAY })),
    ).toEqual([]);
  });

  it('at 19 of 190 the Art 41 procedure is required', () => {
    expect(
      fields(
        plan({
          headcountCut: 19,
          totalHeadcount: 190,
          unionOrStaffNotifiedOn: null,
          grounds: [],
          consultationRecord: ' ',
        }),
      ),
    ).toEqual(['unionOrStaffNotifiedOn', 'grounds', 'consultationRecord']);
  });

  it('refuses a cut larger than the staff, a layoff date not in the future, a notice in the future', () => {
    expect(fields(plan({ headcountCut: 101 }))).toEqual(['headcountCut']);
    expect(fields(plan({ layoffOn: TODAY }))).toContain('layoffOn');
    expect(fields(plan({ layoffOn: addDays(TODAY, -3) }))).toContain('layoffOn');
    expect(fields(plan({ unionOrStaffNotifiedOn: addDays(TODAY, 1) }))).toEqual(['unionOrStaffNotifiedOn']);
  });

  it('property: with Art 41 applying, notice passes exactly when given ≥ 30 days before the layoff', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (layoffIn, noticeAgo) => {
          const layoffOn = addDays(TODAY, layoffIn);
          const notified = addDays(TODAY, -noticeAgo);
          const errs = fields(plan({ layoffOn, unionOrStaffNotifiedOn: notified }));
          expect(errs.length === 0).toBe(layoffIn + noticeAgo >= LAYOFF_RULES.NOTICE_DAYS);
        },
      ),
    );
  });
});

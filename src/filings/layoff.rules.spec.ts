import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import {
  art41Applies,
  assessArt41,
  latestNoticeDate,
  LAYOFF_RULES,
  layoffPlanErrors,
  type LayoffPlan,
  type RecordedLayoff,
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

describe('assessArt41 (platform rule against splitting a layoff, reading 第四十一条)', () => {
  const W = LAYOFF_RULES.AGGREGATION_WINDOW_DAYS;
  const D = addDays(TODAY, 5);
  const rec = (id: string, cut: number, total: number, layoffOn: string): RecordedLayoff => ({
    id,
    headcountCut: cut,
    totalHeadcount: total,
    layoffOn,
  });

  it('15 + 15 of 400 within the window: 30 cut, Art 41 applies, the earlier filing named', () => {
    expect(
      assessArt41({ headcountCut: 15, totalHeadcount: 400, layoffOn: D }, [rec('a', 15, 400, D)]),
    ).toEqual({
      applies: true,
      headcountCut: 30,
      totalHeadcount: 400,
      countedFilingIds: ['a'],
    });
  });

  it('counts filings exactly 90 days either side, not 91; alone it is art41Applies of the plan', () => {
    const plan = { headcountCut: 10, totalHeadcount: 400, layoffOn: D };
    const r = assessArt41(plan, [
      rec('in-before', 5, 400, addDays(D, -W)),
      rec('in-after', 5, 400, addDays(D, W)),
      rec('out-before', 50, 400, addDays(D, -W - 1)),
      rec('out-after', 50, 400, addDays(D, W + 1)),
    ]);
    expect(r).toEqual({
      applies: true,
      headcountCut: 20,
      totalHeadcount: 400,
      countedFilingIds: ['in-before', 'in-after'],
    });
    expect(assessArt41(plan, [])).toEqual({
      applies: false,
      headcountCut: 10,
      totalHeadcount: 400,
      countedFilingIds: [],
    });
  });

  it('the share is taken of the largest staff reported (the workforce before the cuts)', () => {
    // 9 of 100, then 9 more of the 91 left: 18 of 100 = 18% (Art 41), not judged against 91.
    expect(
      assessArt41({ headcountCut: 9, totalHeadcount: 91, layoffOn: D }, [rec('a', 9, 100, D)]),
    ).toMatchObject({ applies: true, headcountCut: 18, totalHeadcount: 100 });
    // 1 of 10 alone is 10%: a larger staff reported by an earlier filing does not excuse it.
    expect(
      assessArt41({ headcountCut: 1, totalHeadcount: 10, layoffOn: D }, [rec('a', 1, 2000, D)]).applies,
    ).toBe(true);
    // 5 + 4 of 100 = 9%: not Art 41.
    expect(
      assessArt41({ headcountCut: 4, totalHeadcount: 95, layoffOn: D }, [rec('a', 5, 100, D)]).applies,
    ).toBe(false);
  });

  /** A cut of `cut` of `total` split into parts laid off within the window of the last part. */
  const splitCut = fc
    .record({
      total: fc.integer({ min: 1, max: 5000 }),
      parts: fc.array(
        fc.record({ share: fc.integer({ min: 1, max: 100 }), offset: fc.integer({ min: 0, max: W }) }),
        {
          minLength: 1,
          maxLength: 8,
        },
      ),
      cut: fc.integer({ min: 1, max: 5000 }),
    })
    .map(({ total, parts, cut }) => {
      const c = Math.min(cut, total, 400);
      // Split c into parts.length positive parts (when c is smaller than the number of parts, use c parts of 1).
      const k = Math.min(parts.length, c);
      const weights = parts.slice(0, k).map((p) => p.share);
      const sum = weights.reduce((a, b) => a + b, 0);
      const sizes = weights.map((w) => Math.max(1, Math.floor((w * (c - k)) / sum) + 1));
      sizes[k - 1] += c - sizes.reduce((a, b) => a + b, 0);
      return { total, cut: c, sizes, offsets: parts.slice(0, k).map((p) => p.offset) };
    })
    .filter(({ sizes }) => sizes.every((s) => s >= 1));

  it('property: splitting a cut into parts never lowers what the rule demands of the last part', () => {
    fc.assert(
      fc.property(splitCut, ({ total, cut, sizes, offsets }) => {
        const last = sizes.length - 1;
        // Every earlier part is laid off up to W days before the last one; each reports the same staff.
        const recorded = sizes.slice(0, last).map((s, i) => rec(`p${i}`, s, total, addDays(D, -offsets[i])));
        const r = assessArt41({ headcountCut: sizes[last], totalHeadcount: total, layoffOn: D }, recorded);
        expect(r.headcountCut).toBe(cut);
        if (art41Applies(cut, total)) expect(r.applies).toBe(true);
        expect(r.applies).toBe(art41Applies(cut, total));
      }),
    );
  });

  it('property: counting other filings never lifts the duty of the plan alone, nor one a smaller count had', () => {
    const recorded = fc.array(
      fc.record({
        id: fc.uuid(),
        headcountCut: fc.integer({ min: 1, max: 30 }),
        totalHeadcount: fc.integer({ min: 30, max: 2000 }),
        layoffOn: fc.integer({ min: -200, max: 200 }).map((n) => addDays(D, n)),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 30, max: 2000 }),
        recorded,
        (cut, total, rs) => {
          const plan = { headcountCut: cut, totalHeadcount: total, layoffOn: D };
          if (art41Applies(cut, total)) expect(assessArt41(plan, rs).applies).toBe(true);
          // With every filing reporting no more staff than the plan, adding one never lifts the duty.
          const smaller = rs.filter((r) => r.totalHeadcount <= total);
          for (let i = 0; i < smaller.length; i++)
            if (assessArt41(plan, smaller.slice(0, i)).applies)
              expect(assessArt41(plan, smaller.slice(0, i + 1)).applies).toBe(true);
        },
      ),
    );
  });

  it('layoffPlanErrors with a combined assessment demands the procedure and says why', () => {
    const p = plan({ headcountCut: 15, totalHeadcount: 400, unionOrStaffNotifiedOn: null, grounds: [] });
    expect(layoffPlanErrors({ ...p, consultationRecord: null }, TODAY)).toEqual([]);
    const errs = layoffPlanErrors(
      { ...p, consultationRecord: null },
      TODAY,
      assessArt41(p, [rec('a', 15, 400, p.layoffOn)]),
    );
    expect(errs.map((e) => e.field)).toEqual(['unionOrStaffNotifiedOn', 'grounds', 'consultationRecord']);
    expect(errs[0]).toMatchObject({ combinedHeadcountCut: 30, countedFilingIds: ['a'] });
  });
});

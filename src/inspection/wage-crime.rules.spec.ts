import fc from 'fast-check';
import {
  assessWageCrime,
  orderToPayStage,
  thresholdErrors,
  thresholdOn,
  WAGE_CRIME_RANGES,
  type OrderToPayFacts,
  type WageCrimeThreshold,
} from './wage-crime.rules';
import { addDays } from '../calendar/local-date';

const t = (over: Partial<WageCrimeThreshold> = {}): WageCrimeThreshold => ({
  provinceCode: '32',
  effectiveFrom: '2014-01-15',
  singleWorkerFen: 1_000_000,
  singleWorkerMinMonths: 3,
  multiWorkers: 10,
  multiWorkersTotalFen: 6_000_000,
  basis: 'test',
  verified: true,
  ...over,
});

describe('wage-crime threshold (法释〔2013〕3号 第三条)', () => {
  it('one worker, 3 months: meets at the figure, not one fen below', () => {
    expect(assessWageCrime(t(), { workers: 1, arrearsFen: 1_000_000, monthsUnpaid: 3 }).meets).toBe(true);
    const below = assessWageCrime(t(), { workers: 1, arrearsFen: 999_999, monthsUnpaid: 3 });
    expect(below.meets).toBe(false);
    expect(below.reasons.join()).toContain('人均拖欠不足');
  });

  it('one worker: under 3 months never meets (第一项), whatever the amount', () => {
    expect(assessWageCrime(t(), { workers: 1, arrearsFen: 9_000_000, monthsUnpaid: 2 }).meets).toBe(false);
    expect(assessWageCrime(t(), { workers: 1, arrearsFen: 9_000_000, monthsUnpaid: null }).meets).toBe(false);
  });

  it('ten workers: meets at the total, not one fen below (第二项), months irrelevant', () => {
    expect(assessWageCrime(t(), { workers: 10, arrearsFen: 6_000_000, monthsUnpaid: 1 }).meets).toBe(true);
    expect(assessWageCrime(t(), { workers: 10, arrearsFen: 5_999_999, monthsUnpaid: 1 }).meets).toBe(false);
    expect(assessWageCrime(t(), { workers: 9, arrearsFen: 6_000_000, monthsUnpaid: 1 }).meets).toBe(false);
  });

  it('no configured figure: does not meet, and says why', () => {
    expect(assessWageCrime(null, { workers: 50, arrearsFen: 1e9, monthsUnpaid: 12 })).toEqual({
      meets: false,
      threshold: null,
      reasons: ['本省（市）未配置拒不支付劳动报酬罪数额标准'],
    });
  });

  it('property: at each threshold meets, one fen below does not (any valid provincial figure)', () => {
    const r = WAGE_CRIME_RANGES;
    fc.assert(
      fc.property(
        fc.integer({ min: r.SINGLE_WORKER_MIN_FEN, max: r.SINGLE_WORKER_MAX_FEN }),
        fc.integer({ min: r.MULTI_TOTAL_MIN_FEN, max: r.MULTI_TOTAL_MAX_FEN }),
        fc.integer({ min: 3, max: 36 }),
        fc.integer({ min: 10, max: 500 }),
        (single, multi, months, workers) => {
          const th = t({ singleWorkerFen: single, multiWorkersTotalFen: multi });
          expect(assessWageCrime(th, { workers: 1, arrearsFen: single, monthsUnpaid: months }).meets).toBe(
            true,
          );
          expect(
            assessWageCrime(th, { workers: 1, arrearsFen: single - 1, monthsUnpaid: months }).meets,
          ).toBe(false);
          // 第二项 alone (under 3 months so that 第一项 cannot apply).
          expect(assessWageCrime(th, { workers, arrearsFen: multi, monthsUnpaid: 2 }).meets).toBe(true);
          expect(assessWageCrime(th, { workers, arrearsFen: multi - 1, monthsUnpaid: 2 }).meets).toBe(false);
        },
      ),
    );
  });

  it('property: several workers meet 第一项 only when the average reaches the figure (a sound lower bound)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 0, max: 30_000_000 }),
        (workers, arrears) => {
          const a = assessWageCrime(t(), { workers, arrearsFen: arrears, monthsUnpaid: 6 });
          expect(a.meets).toBe(arrears >= 1_000_000 * workers);
        },
      ),
    );
  });

  it('the figure in force on a date is the latest effective on or before it; other provinces ignored', () => {
    const rows = [
      t({ effectiveFrom: '2014-01-15' }),
      t({ effectiveFrom: '2027-01-01', singleWorkerFen: 1_500_000 }),
      t({ provinceCode: '31', effectiveFrom: '2020-01-01' }),
    ];
    expect(thresholdOn(rows, '32', '2014-01-14')).toBeNull();
    expect(thresholdOn(rows, '32', '2026-12-31')?.singleWorkerFen).toBe(1_000_000);
    expect(thresholdOn(rows, '32', '2027-01-01')?.singleWorkerFen).toBe(1_500_000);
    expect(thresholdOn(rows, '31', '2026-01-01')?.provinceCode).toBe('31');
  });

  it('a provincial figure must lie within the national ranges', () => {
    expect(thresholdErrors(t())).toEqual([]);
    expect(
      thresholdErrors(t({ singleWorkerFen: 499_999, multiWorkersTotalFen: 10_000_001 })).map((e) => e.field),
    ).toEqual(['singleWorkerFen', 'multiWorkersTotalFen']);
    expect(thresholdErrors(t({ singleWorkerMinMonths: 2, multiWorkers: 5 })).map((e) => e.field)).toEqual([
      'singleWorkerMinMonths',
      'multiWorkers',
    ]);
  });
});

describe('经责令支付仍不支付 (刑法 第二百七十六条之一; 法释〔2013〕3号 第四条: 在指定的期限内仍不支付)', () => {
  const DUE = '2026-12-18';
  const order = (over: Partial<OrderToPayFacts> = {}): OrderToPayFacts => ({
    complianceDueOn: DUE,
    refusalRecorded: false,
    arrearsFen: 3_000_000,
    payments: [],
    ...over,
  });

  it("the audit's employer: 20000 + 10000 元 paid on 2026-12-08, the order due 2026-12-18 — paid in time, for ever", () => {
    const paid = order({
      payments: [
        { paidOn: '2026-12-08', amountFen: 2_000_000 },
        { paidOn: '2026-12-08', amountFen: 1_000_000 },
      ],
    });
    expect(orderToPayStage(paid, '2026-12-07')).toBe('RUNNING');
    expect(orderToPayStage(paid, '2026-12-08')).toBe('PAID_IN_TIME');
    expect(orderToPayStage(paid, '2026-12-19')).toBe('PAID_IN_TIME');
    expect(orderToPayStage(paid, '2027-06-01')).toBe('PAID_IN_TIME');
  });

  it('unpaid: the period runs up to and including its last day, the day after it is not paid in time', () => {
    expect(orderToPayStage(order(), DUE)).toBe('RUNNING');
    expect(orderToPayStage(order(), '2026-12-19')).toBe('NOT_PAID_IN_TIME');
  });

  it('paid on the last day is in time; paid the day after is late and stays late', () => {
    const onLastDay = order({ payments: [{ paidOn: DUE, amountFen: 3_000_000 }] });
    expect(orderToPayStage(onLastDay, '2026-12-30')).toBe('PAID_IN_TIME');
    const late = order({ payments: [{ paidOn: '2026-12-19', amountFen: 3_000_000 }] });
    expect(orderToPayStage(late, '2026-12-30')).toBe('NOT_PAID_IN_TIME');
  });

  it('part paid in time and the rest late is not paid in time', () => {
    const part = order({
      payments: [
        { paidOn: '2026-12-10', amountFen: 2_000_000 },
        { paidOn: '2026-12-20', amountFen: 1_000_000 },
      ],
    });
    expect(orderToPayStage(part, '2026-12-15')).toBe('RUNNING');
    expect(orderToPayStage(part, '2026-12-21')).toBe('NOT_PAID_IN_TIME');
  });

  it('no order to pay: no stage of refusal, whatever is owed; a refusal recorded stands', () => {
    expect(orderToPayStage(order({ complianceDueOn: null }), '2027-01-01')).toBe('NO_ORDER');
    expect(orderToPayStage(order({ complianceDueOn: null, refusalRecorded: true }), '2027-01-01')).toBe(
      'NOT_PAID_IN_TIME',
    );
    expect(orderToPayStage(order({ refusalRecorded: true }), '2027-01-01')).toBe('NOT_PAID_IN_TIME');
  });

  const payments = fc.array(
    fc.record({
      paidOn: fc.integer({ min: -30, max: 30 }).map((d) => addDays(DUE, d)),
      amountFen: fc.integer({ min: 1, max: 4_000_000 }),
    }),
    { maxLength: 4 },
  );
  const day = fc.integer({ min: -40, max: 400 }).map((d) => addDays(DUE, d));

  it('property: paid in full by the last day is never "not paid in time", on any later date', () => {
    fc.assert(
      fc.property(payments, day, (ps, on) => {
        const f = order({ payments: ps });
        const inTime = ps.filter((p) => p.paidOn <= DUE).reduce((s, p) => s + p.amountFen, 0);
        if (inTime >= f.arrearsFen) expect(orderToPayStage(f, on)).not.toBe('NOT_PAID_IN_TIME');
      }),
    );
  });

  it('property: never "not paid in time" within the period; after it, exactly when the period ended short', () => {
    fc.assert(
      fc.property(payments, day, (ps, on) => {
        const f = order({ payments: ps });
        const inTime = ps.filter((p) => p.paidOn <= DUE).reduce((s, p) => s + p.amountFen, 0);
        const stage = orderToPayStage(f, on);
        if (on <= DUE) expect(stage).not.toBe('NOT_PAID_IN_TIME');
        else expect(stage).toBe(inTime >= f.arrearsFen ? 'PAID_IN_TIME' : 'NOT_PAID_IN_TIME');
      }),
    );
  });

  it('property: once not paid in time, it stays so on every later date (late payments do not undo it)', () => {
    fc.assert(
      fc.property(payments, day, fc.integer({ min: 0, max: 400 }), (ps, on, later) => {
        const f = order({ payments: ps });
        if (orderToPayStage(f, on) === 'NOT_PAID_IN_TIME')
          expect(orderToPayStage(f, addDays(on, later))).toBe('NOT_PAID_IN_TIME');
      }),
    );
  });

  it('property: a payment recorded after the scoring date is not seen on it (history as it was)', () => {
    fc.assert(
      fc.property(payments, day, (ps, on) => {
        const seen = ps.filter((p) => p.paidOn <= on);
        expect(orderToPayStage(order({ payments: ps }), on)).toBe(
          orderToPayStage(order({ payments: seen }), on),
        );
      }),
    );
  });
});

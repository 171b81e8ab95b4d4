import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import {
  arbitrationClosureRate,
  arbitrationCounts,
  type ArbitrationFact,
  handlingDays,
  handlingDaysOfHistogram,
  headroom,
  inspectionCounting,
  inspectionKpiExcluded,
  inspectionOnTimeRate,
  type InspectionFact,
  KPI_TARGET_BP,
  mediationKpi,
  monthRange,
  projectArbitration,
  projectInspection,
} from './kpi.rules';

describe('arbitration closure rate (hand-computed history)', () => {
  const cases: (ArbitrationFact & { name: string })[] = [
    { name: 'A accepted 2025, closed Jan 2026', acceptedOn: '2025-11-20', closedOn: '2026-01-10' },
    { name: 'B accepted 30 Dec 2025, still open', acceptedOn: '2025-12-30', closedOn: null },
    { name: 'C closed on 31 Dec 2025', acceptedOn: '2025-06-01', closedOn: '2025-12-31' },
    { name: 'D accepted and closed in 2026', acceptedOn: '2026-03-01', closedOn: '2026-04-10' },
    { name: 'E accepted Dec 2026, closed (late) in 2027', acceptedOn: '2026-12-20', closedOn: '2027-01-05' },
    { name: 'F accepted 2027', acceptedOn: '2027-01-02', closedOn: null },
  ];

  it('2026: pending at start A,B; accepted D,E; closed A,D → 2 ÷ 4', () => {
    const c = arbitrationCounts(cases, '2026-01-01', '2026-12-31');
    expect(c).toEqual({ pendingAtStart: 2, accepted: 2, closed: 2 });
    expect(arbitrationClosureRate(c)).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
  });

  it('January 2026: 2 pending, none accepted, A closed → 1 ÷ 2', () => {
    expect(arbitrationClosureRate(arbitrationCounts(cases, '2026-01-01', '2026-01-31')).rate).toBe(0.5);
  });

  it('2027: E and B pending at start, F accepted, E closed → 1 ÷ 3', () => {
    const c = arbitrationCounts(cases, '2027-01-01', '2027-12-31');
    expect(c).toEqual({ pendingAtStart: 2, accepted: 1, closed: 1 });
  });

  it('no case: rate null', () => {
    expect(arbitrationClosureRate({ pendingAtStart: 0, accepted: 0, closed: 0 }).rate).toBeNull();
  });

  const fact = fc
    .tuple(fc.integer({ min: 0, max: 900 }), fc.option(fc.integer({ min: 0, max: 200 })))
    .map(([start, length]) => ({
      acceptedOn: addDays('2025-06-01', start),
      closedOn: length === null ? null : addDays('2025-06-01', start + length),
    }));

  it('property: months chain (pending next = pending + accepted − closed) and add up to the year', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 60 }), (facts) => {
        const year = arbitrationCounts(facts, '2026-01-01', '2026-12-31');
        let pending = year.pendingAtStart;
        let accepted = 0;
        let closed = 0;
        for (let m = 1; m <= 12; m++) {
          const { from, to } = monthRange(`2026-${String(m).padStart(2, '0')}`);
          const c = arbitrationCounts(facts, from, to);
          expect(c.pendingAtStart).toBe(pending);
          pending += c.accepted - c.closed;
          accepted += c.accepted;
          closed += c.closed;
        }
        expect([accepted, closed]).toEqual([year.accepted, year.closed]);
        const r = arbitrationClosureRate(year).rate;
        if (r !== null) expect(r).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('inspection on-time closure rate (hand-computed history, as of 30 June 2026)', () => {
  const asOf = '2026-06-30';
  const cases: (InspectionFact & { name: string })[] = [
    { name: 'I1 closed on its due day', dueOn: '2026-03-31', closedOn: '2026-03-31' },
    { name: 'I2 closed two days late', dueOn: '2026-03-31', closedOn: '2026-04-02' },
    { name: 'I3 due 31 Dec 2025, closed Jan 2026 (late)', dueOn: '2025-12-31', closedOn: '2026-01-05' },
    // Due date after an approved +30 working-day extension (the extension is already in dueOn).
    { name: 'I4 extended to 15 May, still open', dueOn: '2026-05-15', closedOn: null },
    { name: 'I5 due in August, open', dueOn: '2026-08-01', closedOn: null },
    // A 20-day pause moved the deadline from 1 to 21 March (the pause is already in dueOn).
    { name: 'I6 paused, closed after the original deadline', dueOn: '2026-03-21', closedOn: '2026-03-10' },
    { name: 'I7 on time in 2025', dueOn: '2025-12-20', closedOn: '2025-12-19' },
  ];

  it('counts each case once: on time where it closed, late where the deadline passed', () => {
    expect(inspectionCounting(cases[0], asOf)).toEqual({ on: '2026-03-31', onTime: true });
    expect(inspectionCounting(cases[1], asOf)).toEqual({ on: '2026-04-01', onTime: false });
    expect(inspectionCounting(cases[2], asOf)).toEqual({ on: '2026-01-01', onTime: false });
    expect(inspectionCounting(cases[3], asOf)).toEqual({ on: '2026-05-16', onTime: false });
    expect(inspectionCounting(cases[4], asOf)).toBeNull();
    expect(inspectionCounting(cases[5], asOf)).toEqual({ on: '2026-03-10', onTime: true });
  });

  it('2026: due I1,I2,I3,I4,I6; on time I1,I6 → 2 ÷ 5; 2025: I7 alone → 1 ÷ 1', () => {
    expect(inspectionOnTimeRate(cases, '2026-01-01', '2026-12-31', asOf)).toEqual({
      numerator: 2,
      denominator: 5,
      rate: 0.4,
    });
    expect(inspectionOnTimeRate(cases, '2025-01-01', '2025-12-31', asOf).rate).toBe(1);
  });

  it('an open case counts as late only from the day after its deadline', () => {
    expect(inspectionCounting({ dueOn: '2026-06-30', closedOn: null }, '2026-06-30')).toBeNull();
    expect(inspectionCounting({ dueOn: '2026-06-30', closedOn: null }, '2026-07-01')).toEqual({
      on: '2026-07-01',
      onTime: false,
    });
  });
});

describe('inspection: a case merged into another (并案; docs/kpi-definitions.md)', () => {
  const asOf = '2026-06-30';
  it('I8 merged before its deadline is left out; I9 merged 38 days after it stays a miss', () => {
    const i8 = { dueOn: '2026-03-31', closedOn: '2026-03-20', closureType: 'MERGED' };
    const i9 = { dueOn: '2026-03-31', closedOn: '2026-05-08', closureType: 'MERGED' };
    expect(inspectionKpiExcluded(i8)).toBe(true);
    expect(inspectionKpiExcluded({ ...i8, closedOn: i8.dueOn })).toBe(true);
    expect(inspectionKpiExcluded(i9)).toBe(false);
    expect(inspectionOnTimeRate([i8], '2026-01-01', '2026-12-31', asOf)).toEqual({
      numerator: 0,
      denominator: 0,
      rate: null,
    });
    expect(inspectionOnTimeRate([i9], '2026-01-01', '2026-12-31', asOf)).toEqual({
      numerator: 0,
      denominator: 1,
      rate: 0,
    });
    // Every other closure, and an open case, is never left out.
    for (const closureType of ['RECTIFIED', 'PENALISED', 'TRANSFERRED', 'NO_VIOLATION', 'REVOKED', null])
      expect(inspectionKpiExcluded({ ...i8, closureType })).toBe(false);
    expect(inspectionKpiExcluded({ ...i8, closedOn: null })).toBe(false);
  });

  const day = fc.integer({ min: 0, max: 800 }).map((d) => addDays('2025-01-01', d));
  const fact = fc.record({
    dueOn: day,
    closedOn: fc.option(day),
    closureType: fc.constantFrom('MERGED', 'RECTIFIED', 'NO_VIOLATION', null),
  });

  it('merging never improves the rate: a late merge counts as any late closure, an early one as no case at all', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 40 }), fact, (others, c) => {
        const [from, to, at] = ['2025-01-01', '2027-03-31', '2027-03-31'];
        const merged = inspectionOnTimeRate([...others, { ...c, closureType: 'MERGED' }], from, to, at);
        const closedOtherwise = inspectionOnTimeRate(
          [...others, { ...c, closureType: 'RECTIFIED' }],
          from,
          to,
          at,
        );
        const without = inspectionOnTimeRate(others, from, to, at);
        if (c.closedOn !== null && c.closedOn <= c.dueOn) expect(merged).toEqual(without);
        else expect(merged).toEqual(closedOtherwise);
        // Never more on-time closures than the same case closed any other way.
        expect(merged.numerator).toBeLessThanOrEqual(closedOtherwise.numerator);
      }),
    );
  });
});

describe('mediation', () => {
  it('success rate and share within 15 days over mediations concluded in the period', () => {
    const k = mediationKpi(
      [
        { startedOn: '2026-01-01', closedOn: '2026-01-16', agreement: true }, // 15 days
        { startedOn: '2026-01-01', closedOn: '2026-01-17', agreement: false }, // 16 days
        { startedOn: '2025-12-25', closedOn: '2026-01-05', agreement: true }, // spans the year boundary
        { startedOn: '2026-01-10', closedOn: null, agreement: false },
        { startedOn: '2025-12-01', closedOn: '2025-12-10', agreement: true },
        // Withdrawn (the worker's choice or their arbitration application): its clock ENDED, the KPI leaves it out.
        { startedOn: '2026-02-01', closedOn: '2026-02-03', agreement: false, withdrawn: true },
      ],
      '2026-01-01',
      '2026-12-31',
    );
    expect(k).toEqual({
      concluded: 3,
      agreements: 2,
      successRate: 2 / 3,
      within15Days: 2,
      within15DaysShare: 2 / 3,
    });
  });

  it('handling days: average and linear-interpolated 90th percentile', () => {
    expect(handlingDays([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({ average: 5.5, p90: 9.1 });
    expect(handlingDays([7])).toEqual({ average: 7, p90: 7 });
    expect(handlingDays([])).toEqual({ average: null, p90: null });
  });

  it('handling days from a histogram: the hand-computed answers, zero buckets ignored', () => {
    const oneEach = [10, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((days) => ({ days, cases: 1 }));
    expect(handlingDaysOfHistogram(oneEach)).toEqual({ average: 5.5, p90: 9.1 });
    expect(handlingDaysOfHistogram([{ days: 7, cases: 1 }])).toEqual({ average: 7, p90: 7 });
    expect(handlingDaysOfHistogram([])).toEqual({ average: null, p90: null });
    expect(handlingDaysOfHistogram([{ days: 3, cases: 0 }])).toEqual({ average: null, p90: null });
    // 1×10, 9×20: order statistics 10,20,…,20 → p90 at position 8.1 = 20; average 19.
    expect(
      handlingDaysOfHistogram([
        { days: 20, cases: 9 },
        { days: 10, cases: 1 },
        { days: 99, cases: 0 },
      ]),
    ).toEqual({ average: 19, p90: 20 });
  });

  it('property: a histogram gives exactly what the raw days give (average and p90)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 300 }), (days) => {
        const counts = new Map<number, number>();
        for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
        const buckets = [...counts].map(([d, cases]) => ({ days: d, cases })).reverse();
        expect(handlingDaysOfHistogram(buckets)).toEqual(handlingDays(days));
      }),
    );
  });
});

describe('headroom', () => {
  it('hand-computed', () => {
    expect(headroom(92, 100, 9200, false)).toBe(0);
    expect(headroom(93, 100, 9200, false)).toBe(1); // 93/101 ≥ 92 %, 93/102 < 92 %
    expect(headroom(90, 100, 9200, false)).toBe(-2); // close 2 more: 92/100
    expect(headroom(90, 100, 9800, true)).toBe(-400); // 400 more on time: 490/500
    expect(headroom(0, 0, 9800, true)).toBe(0);
  });

  it('property: n ≥ 0 is the largest number of extra misses keeping the target', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.constantFrom(KPI_TARGET_BP.ARBITRATION, KPI_TARGET_BP.INSPECTION, 5000),
        fc.boolean(),
        (den, misses, target, both) => {
          const num = Math.max(0, den - misses);
          const ok = (n: number, d: number) => n * 10000 >= target * d;
          const h = headroom(num, den, target, both);
          if (h >= 0) {
            expect(ok(num, den + h)).toBe(true);
            expect(ok(num, den + h + 1)).toBe(false);
          } else {
            const k = -h;
            const after = (j: number) => (both ? ok(num + j, den + j) : ok(num + j, den));
            expect(after(k)).toBe(true);
            expect(after(k - 1)).toBe(false);
            if (!both) expect(num + k).toBeLessThanOrEqual(den);
          }
        },
      ),
    );
  });
});

describe('projections', () => {
  it('arbitration: year-to-date pace extended to the year', () => {
    // Half the year gone: 10 accepted and 20 closed become 20 and 40; 40 ÷ (30 + 20) = 0.8.
    expect(projectArbitration({ pendingAtStart: 30, accepted: 10, closed: 20 }, 182, 364).rate).toBe(0.8);
    expect(projectArbitration({ pendingAtStart: 0, accepted: 0, closed: 0 }, 100, 365).rate).toBeNull();
  });

  it('inspection: open cases due by year-end close at the recent on-time share', () => {
    // 45 of 50 so far; 10 open cases due this year at the recent 8/10 → (45 + 8) ÷ 60.
    const p = projectInspection({ onTime: 45, due: 50 }, { onTime: 8, due: 10 }, 10);
    expect(p.rate).toBeCloseTo(53 / 60, 10);
    expect(p.method).toMatch(/RECENT_SHARE/);
    expect(projectInspection({ onTime: 0, due: 0 }, { onTime: 0, due: 0 }, 0).rate).toBeNull();
  });
});

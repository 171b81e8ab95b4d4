/**
 * The dashboard's arithmetic (public/dashboard/kpi.js, a browser ES module): year-to-date rates from the monthly
 * series, headroom in words, the state of an at-risk case, the street comparison. The headroom wording is checked
 * against the SLA rules' own headroom (src/sla/kpi.rules.ts) on the issue's example (9 of 191 inspection cases
 * late against 98 %).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headroom as slaHeadroom } from '../../src/sla/kpi.rules';

interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}
interface KpiModule {
  cumulative(points: unknown[]): { period: string; arbitration: Ratio; inspection: Ratio }[];
  headroomText(kind: 'arbitration' | 'inspection', h: number | null): { text: string; tone: string };
  riskStatus(item: { daysRemaining: number; reason: string }): { label: string; cls: string };
  daysText(d: number): string;
  countWarnings(
    w: { street: string | null; status: string; level: string }[],
  ): Map<string, { total: number }>;
  comparisonRows(
    streets: { code: string; name: string }[],
    stats: unknown,
    lastYear: unknown,
    warnings: Map<string, unknown> | null,
  ): Record<string, unknown>[];
  sortRows<T extends { code: string }>(rows: T[], key: string, dir?: 'asc' | 'desc'): T[];
}

const MODULE = '../../public/dashboard/kpi.js';
const DEFS = '../../public/dashboard/defs.js';

const point = (period: string, a: [number, number, number], i: [number, number]) => ({
  period,
  // [closed, pendingAtStart, accepted]; the monthly denominator is pendingAtStart + accepted
  arbitration: { numerator: a[0], pendingAtStart: a[1], accepted: a[2], denominator: a[1] + a[2] },
  inspection: { numerator: i[0], denominator: i[1] },
});

describe('dashboard arithmetic (kpi.js)', () => {
  let kpi: KpiModule;
  beforeAll(async () => {
    kpi = (await import(MODULE)) as KpiModule;
  });

  describe('cumulative (year-to-date) rates', () => {
    it('chains the months as the year summary does: closures ÷ (pending on 1 January + acceptances so far)', () => {
      // January: 10 pending, 5 accepted, 3 closed. February: 12 pending (10 + 5 − 3), 4 accepted, 8 closed.
      const ytd = kpi.cumulative([
        point('2026-01', [3, 10, 5], [9, 10]),
        point('2026-02', [8, 12, 4], [0, 0]),
      ]);
      expect(ytd[0].arbitration).toEqual({ numerator: 3, denominator: 15, rate: 3 / 15 });
      expect(ytd[1].arbitration).toEqual({ numerator: 11, denominator: 19, rate: 11 / 19 });
      // A month with nothing due does not reset the inspection rate: still 9 of 10.
      expect(ytd[1].inspection).toEqual({ numerator: 9, denominator: 10, rate: 0.9 });
      expect(kpi.cumulative([point('2026-01', [0, 0, 0], [0, 0])])[0].arbitration.rate).toBeNull();
      expect(kpi.cumulative([])).toEqual([]);
    });

    it('ends at the totals of the year, whatever the months (property)', () => {
      const month = fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50));
      fc.assert(
        fc.property(fc.nat(100), fc.array(month, { minLength: 1, maxLength: 12 }), (pending, months) => {
          let open = pending;
          const points = months.map(([accepted, closeShare, onTime, late], m) => {
            const closed = Math.min(open + accepted, closeShare);
            const p = point(
              `2026-${String(m + 1).padStart(2, '0')}`,
              [closed, open, accepted],
              [onTime, onTime + late],
            );
            open = open + accepted - closed;
            return p;
          });
          const last = kpi.cumulative(points).at(-1)!;
          const closed = months.reduce((s, _m, i) => s + points[i].arbitration.numerator, 0);
          const accepted = months.reduce((s, m) => s + m[0], 0);
          expect(last.arbitration.numerator).toBe(closed);
          expect(last.arbitration.denominator).toBe(pending + accepted);
          expect(last.inspection.denominator).toBe(months.reduce((s, m) => s + m[2] + m[3], 0));
        }),
      );
    });
  });

  describe('headroom in words', () => {
    it("reads the issue's inspection example (182 of 191 on time, target 98 %) as on-time closures needed", () => {
      const h = slaHeadroom(182, 191, 9800, true);
      expect(h).toBe(-259);
      expect(kpi.headroomText('inspection', h)).toEqual({
        text: '需连续按期结案 259 件方可达标',
        tone: 'short',
      });
    });

    it('says how many more may miss while the target holds, and what is short when it does not', () => {
      expect(kpi.headroomText('inspection', 4)).toEqual({ text: '还可超期 4 件', tone: 'ok' });
      expect(kpi.headroomText('arbitration', 12)).toEqual({ text: '还可新增 12 件年内未结', tone: 'ok' });
      expect(kpi.headroomText('arbitration', -3)).toEqual({ text: '需再审结 3 件方可达标', tone: 'short' });
      expect(kpi.headroomText('inspection', 0).tone).toBe('edge');
      expect(kpi.headroomText('arbitration', 0).text).toBe('已在目标线上，再有 1 件年内未结即低于目标');
      expect(kpi.headroomText('inspection', null)).toEqual({ text: '—', tone: 'na' });
    });

    it('the number in the words is the SLA rule’s headroom: that many misses keep the target, one more does not', () => {
      fc.assert(
        fc.property(fc.nat(500), fc.nat(500), (a, b) => {
          const [num, den] = [Math.min(a, b), Math.max(a, b, 1)];
          const h = slaHeadroom(num, den, 9800, true);
          const n = Number(/(\d+)/.exec(kpi.headroomText('inspection', h).text)![1]);
          if (h > 0) {
            expect(num / (den + n)).toBeGreaterThanOrEqual(0.98);
            expect(num / (den + n + 1)).toBeLessThan(0.98);
          } else if (h < 0) {
            expect((num + n) / (den + n)).toBeGreaterThanOrEqual(0.98);
            expect((num + n - 1) / (den + n - 1)).toBeLessThan(0.98);
          }
        }),
      );
    });
  });

  it('tells overdue (已超期) from expected to breach (预计超期) from bound by the year end', () => {
    expect(kpi.riskStatus({ daysRemaining: -30, reason: 'WILL_BREACH' })).toEqual({
      label: '已超期',
      cls: 'overdue',
    });
    expect(kpi.riskStatus({ daysRemaining: 0, reason: 'WILL_BREACH' })).toEqual({
      label: '预计超期',
      cls: 'will-breach',
    });
    expect(kpi.riskStatus({ daysRemaining: 40, reason: 'MUST_CLOSE_BY_YEAR_END' }).label).toBe('须年内结案');
    // A decision on acceptance due (the 5 working days run): amber until the day after its last day.
    expect(kpi.riskStatus({ daysRemaining: 3, reason: 'ACCEPTANCE_DUE' })).toEqual({
      label: '待受理决定',
      cls: 'will-breach',
    });
    expect(kpi.riskStatus({ daysRemaining: 0, reason: 'FILING_DUE' })).toEqual({
      label: '待立案决定',
      cls: 'will-breach',
    });
    expect(kpi.riskStatus({ daysRemaining: -2, reason: 'FILING_DUE' }).label).toBe('已超期');
    // A complaint routed to inspection whose case is not opened: the brigade's 立案 is due.
    expect(kpi.riskStatus({ daysRemaining: 2, reason: 'TAKE_UP_DUE' })).toEqual({
      label: '待立案决定',
      cls: 'will-breach',
    });
    expect(kpi.riskStatus({ daysRemaining: 9, reason: 'toString' }).label).toBe('须年内结案');
    expect([-22, 0, 5].map((d) => kpi.daysText(d))).toEqual(['超期 22 天', '今日到期', '剩 5 天']);
  });

  it('compares streets: no data is null (shown —), warnings counted per street, sorted with nulls last', () => {
    const stats = {
      streets: [
        {
          code: '310115005',
          arbitration: { pendingAtStart: 2, accepted: 8, closed: 9, closureRate: 0.9 },
          inspection: { due: 50, onTime: 49, onTimeRate: 0.98 },
        },
        {
          code: '310115007',
          arbitration: { pendingAtStart: 0, accepted: 4, closed: 4, closureRate: 1 },
          inspection: { due: 0, onTime: 0, onTimeRate: null },
        },
      ],
    };
    const warnings = kpi.countWarnings([
      { street: '310115005', status: 'NEW', level: 'RED' },
      { street: '310115005', status: 'HANDLING', level: 'BLUE' },
      { street: null, status: 'NEW', level: 'RED' },
    ]);
    const rows = kpi.comparisonRows(
      [
        { code: '310115005', name: '陆家嘴街道' },
        { code: '310115007', name: '潍坊新村街道' },
        { code: '310115009', name: '洋泾街道' },
      ],
      stats,
      null,
      warnings,
    );
    expect(
      rows.map((r) => [
        r.code,
        r.arbitrationRate,
        r.arbitrationDue,
        r.inspectionRate,
        r.warnings,
        r.warningsNew,
      ]),
    ).toEqual([
      ['310115005', 0.9, 10, 0.98, 2, 1],
      ['310115007', 1, 4, null, 0, 0],
      ['310115009', null, null, null, 0, 0],
    ]);
    expect(rows[0].warningsRed).toBe(1);
    expect(rows[0].arbitrationLastYear).toBeNull();
    const typed = rows as unknown as { code: string }[];
    expect(kpi.sortRows(typed, 'arbitrationRate').map((r) => r.code)).toEqual([
      '310115007',
      '310115005',
      '310115009',
    ]);
    expect(kpi.sortRows(typed, 'arbitrationRate', 'asc').map((r) => r.code)).toEqual([
      '310115005',
      '310115007',
      '310115009',
    ]);
    expect(kpi.sortRows(typed, 'inspectionRate', 'asc').map((r) => r.code)).toEqual([
      '310115005',
      '310115007',
      '310115009',
    ]);
    expect(kpi.sortRows(typed, 'warnings').map((r) => r.code)).toEqual([
      '310115005',
      '310115007',
      '310115009',
    ]);
  });
});

describe('dashboard definitions (defs.js)', () => {
  it('are the words of docs/dashboard.md, each one', async () => {
    const { DEFINITIONS } = (await import(DEFS)) as {
      DEFINITIONS: Record<string, { title: string; text: string }>;
    };
    const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'dashboard.md'), 'utf8');
    expect(Object.keys(DEFINITIONS).length).toBeGreaterThan(5);
    for (const [key, d] of Object.entries(DEFINITIONS))
      expect(docs).toContain(`- **${d.title}** (\`#def-${key}\`): ${d.text}`);
  });
});

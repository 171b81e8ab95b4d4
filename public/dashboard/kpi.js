// The page's arithmetic, as pure functions (unit-tested in test/unit/dashboard-kpi.spec.ts): year-to-date rates
// from the monthly series, headroom as a manager reads it, the state of an at-risk case, the street comparison.
// Definitions: docs/kpi-definitions.md; what each figure on the page means: docs/dashboard.md.

const rateOf = (numerator, denominator) => (denominator > 0 ? numerator / denominator : null);

/**
 * The cumulative (year-to-date) rates at the end of each month, the measure of the cards: arbitration = closures
 * of January..m ÷ (pending on 1 January + acceptances of January..m); inspection = on-time ÷ due of January..m
 * (each case counts once, in one month). The last point equals the year's summary.
 * @param {{ period: string, arbitration: { numerator: number, pendingAtStart: number, accepted: number },
 *   inspection: { numerator: number, denominator: number } }[]} points the API's monthly points, in order
 */
export function cumulative(points) {
  let closed = 0;
  let accepted = 0;
  let onTime = 0;
  let due = 0;
  const pendingAtStart = points[0]?.arbitration?.pendingAtStart ?? 0;
  return points.map((p) => {
    closed += p.arbitration?.numerator ?? 0;
    accepted += p.arbitration?.accepted ?? 0;
    onTime += p.inspection?.numerator ?? 0;
    due += p.inspection?.denominator ?? 0;
    const arbitrationDenominator = pendingAtStart + accepted;
    return {
      period: p.period,
      arbitration: {
        numerator: closed,
        denominator: arbitrationDenominator,
        rate: rateOf(closed, arbitrationDenominator),
      },
      inspection: { numerator: onTime, denominator: due, rate: rateOf(onTime, due) },
    };
  });
}

/**
 * The SLA API's headroom (a number of cases, docs/kpi-definitions.md "Headroom") in a manager's words.
 * Arbitration: a miss is a case accepted this year and not closed by 31 December; short of the target, the
 * closures of cases already accepted that it needs. Inspection: a miss is a case past its deadline; short of the
 * target, the on-time closures in a row that it needs (each adds 1 to both sides of the rate).
 * @param {'arbitration' | 'inspection'} kind
 * @param {number | null | undefined} headroom
 * @returns {{ text: string, tone: 'ok' | 'edge' | 'short' | 'na' }}
 */
export function headroomText(kind, headroom) {
  if (typeof headroom !== 'number' || !Number.isFinite(headroom)) return { text: '—', tone: 'na' };
  const miss = kind === 'arbitration' ? '件年内未结' : '件超期';
  if (headroom > 0) {
    const text = kind === 'arbitration' ? `还可新增 ${headroom} 件年内未结` : `还可超期 ${headroom} 件`;
    return { text, tone: 'ok' };
  }
  if (headroom === 0) return { text: `已在目标线上，再有 1 ${miss}即低于目标`, tone: 'edge' };
  const k = -headroom;
  const text = kind === 'arbitration' ? `需再审结 ${k} 件方可达标` : `需连续按期结案 ${k} 件方可达标`;
  return { text, tone: 'short' };
}

/**
 * The reasons of cases not yet accepted: their decision period (5 working days) is running out; a complaint routed to
 * inspection awaits the brigade opening (立案) its case.
 */
const DECISION_DUE = { ACCEPTANCE_DUE: '待受理决定', FILING_DUE: '待立案决定', TAKE_UP_DUE: '待立案决定' };

/**
 * An at-risk case's state: already past its statutory deadline (已超期), deadline within the window (预计超期),
 * a decision on acceptance due (待受理决定 / 待立案决定: as 预计超期), or only bound by 31 December to count this
 * year (须年内结案).
 * @param {{ daysRemaining: number, reason: string }} item
 */
export function riskStatus(item) {
  if (item.daysRemaining < 0) return { label: '已超期', cls: 'overdue' };
  if (item.reason === 'WILL_BREACH') return { label: '预计超期', cls: 'will-breach' };
  if (Object.hasOwn(DECISION_DUE, item.reason))
    return { label: DECISION_DUE[item.reason], cls: 'will-breach' };
  return { label: '须年内结案', cls: 'year-end' };
}

/** Days to the due date in words: "超期 3 天", "今日到期", "剩 5 天". */
export function daysText(days) {
  if (typeof days !== 'number') return '—';
  if (days < 0) return `超期 ${-days} 天`;
  return days === 0 ? '今日到期' : `剩 ${days} 天`;
}

/** Open warnings per street code: { total, NEW, byLevel: { RED, ORANGE, YELLOW, BLUE } }. */
export function countWarnings(warnings) {
  const out = new Map();
  for (const w of warnings) {
    if (!w.street) continue;
    const c = out.get(w.street) ?? { total: 0, NEW: 0, byLevel: { RED: 0, ORANGE: 0, YELLOW: 0, BLUE: 0 } };
    c.total += 1;
    if (w.status === 'NEW') c.NEW += 1;
    if (w.level in c.byLevel) c.byLevel[w.level] += 1;
    out.set(w.street, c);
  }
  return out;
}

/**
 * One row per street the user may see, from the open statistics of this year and last year and the open
 * warnings; a street without data has null rates (shown "—"), never 0.
 * @param {{ code: string, name: string }[]} streets
 * @param {{ streets: { code: string, arbitration: object, inspection: object }[] } | null} stats
 * @param {{ streets: { code: string, arbitration: object, inspection: object }[] } | null} lastYear
 * @param {Map<string, { total: number, NEW: number, byLevel: Record<string, number> }> | null} warnings
 */
export function comparisonRows(streets, stats, lastYear, warnings) {
  const byCode = (s) => new Map((s?.streets ?? []).map((x) => [x.code, x]));
  const now = byCode(stats);
  const before = byCode(lastYear);
  return streets.map(({ code, name }) => {
    const s = now.get(code);
    const l = before.get(code);
    const w = warnings?.get(code);
    return {
      code,
      name,
      arbitrationRate: s?.arbitration?.closureRate ?? null,
      arbitrationClosed: s?.arbitration?.closed ?? null,
      arbitrationDue: s ? s.arbitration.pendingAtStart + s.arbitration.accepted : null,
      arbitrationLastYear: l?.arbitration?.closureRate ?? null,
      inspectionRate: s?.inspection?.onTimeRate ?? null,
      inspectionOnTime: s?.inspection?.onTime ?? null,
      inspectionDue: s?.inspection?.due ?? null,
      inspectionLastYear: l?.inspection?.onTimeRate ?? null,
      warnings: warnings ? (w?.total ?? 0) : null,
      warningsNew: warnings ? (w?.NEW ?? 0) : null,
      warningsRed: warnings ? (w?.byLevel.RED ?? 0) : null,
    };
  });
}

/**
 * Rows sorted by a column: numbers descending by default, names in Chinese collation; streets without a value last whatever
 * the direction, ties by street code (a stable, repeatable order).
 * @param {'asc' | 'desc'} dir
 */
export function sortRows(rows, key, dir = 'desc') {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return a.code.localeCompare(b.code);
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    if (typeof x === 'string') return sign * x.localeCompare(y, 'zh-CN') || a.code.localeCompare(b.code);
    return sign * (x - y);
  });
}

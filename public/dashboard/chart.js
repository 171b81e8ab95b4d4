// The chart options, built from the API's numbers as received (rates 0..1, null where nothing was due); only
// labels are formatted. Trend: the year-to-date rates (the cards' measure) against the annual targets, with last
// year's same months dashed. Monthly: each month on its own, as bars, without target lines (not comparable with
// an annual target). Ranking: one figure per street, best first.

import { percent } from './labels.js';

export const SERIES = {
  arbitration: '仲裁累计结案率',
  inspection: '监察累计按期结案率',
  arbitrationLastYear: '仲裁上年同期',
  inspectionLastYear: '监察上年同期',
  arbitrationMonthly: '仲裁当月结案率',
  inspectionMonthly: '监察当月按期结案率',
};
const COLORS = {
  arbitration: '#1f6feb',
  inspection: '#c2410c',
  arbitrationOld: '#8fb5f5',
  inspectionOld: '#f0a677',
};

// Tooltips are drawn on the canvas (renderMode 'richText'): ECharts' HTML tooltips carry style attributes, which the
// page's CSP (style-src 'self') blocks.

const monthLabel = (period) => `${Number(String(period).slice(5, 7))}月`;

/** The y axis starts at 80% (or lower when a point fell below it) so the 92%/98% lines stay readable. */
function lowerBound(extent) {
  const min = typeof extent?.min === 'number' && Number.isFinite(extent.min) ? extent.min : 1;
  return Math.max(0, Math.min(0.8, Math.floor(min * 10) / 10));
}

function line(name, color, data, { target, targetLabel, dashed = false } = {}) {
  return {
    name,
    type: 'line',
    data,
    connectNulls: false,
    symbol: dashed ? 'none' : 'circle',
    symbolSize: 7,
    lineStyle: { width: dashed ? 1.5 : 2.5, color, type: dashed ? 'dashed' : 'solid' },
    itemStyle: { color },
    markLine:
      target === undefined
        ? { data: [] }
        : {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dotted', width: 1.5, color },
            label: { position: 'insideEndTop', formatter: `${targetLabel} ${percent(target, 0)}`, color },
            data: [{ yAxis: target }],
          },
  };
}

const axis = (periods) => ({
  type: 'category',
  data: periods,
  axisLabel: { formatter: monthLabel },
});

/**
 * @param {{ period: string, arbitration: { rate: number | null }, inspection: { rate: number | null } }[]} ytd
 *   this year's cumulative points (kpi.js cumulative)
 * @param {typeof ytd | null} lastYear last year's cumulative points (matched by month), or null
 * @param {{ arbitration: number, inspection: number }} targets
 */
export function trendOption(ytd, lastYear, targets) {
  const old = new Map((lastYear ?? []).map((p) => [String(p.period).slice(5, 7), p]));
  const same = (kind) => ytd.map((p) => old.get(String(p.period).slice(5, 7))?.[kind]?.rate ?? null);
  const series = [
    line(
      SERIES.arbitration,
      COLORS.arbitration,
      ytd.map((p) => p.arbitration.rate),
      { target: targets.arbitration, targetLabel: '仲裁目标' },
    ),
    line(
      SERIES.inspection,
      COLORS.inspection,
      ytd.map((p) => p.inspection.rate),
      { target: targets.inspection, targetLabel: '监察目标' },
    ),
  ];
  if (lastYear) {
    series.push(
      line(SERIES.arbitrationLastYear, COLORS.arbitrationOld, same('arbitration'), { dashed: true }),
    );
    series.push(line(SERIES.inspectionLastYear, COLORS.inspectionOld, same('inspection'), { dashed: true }));
  }
  return {
    animation: false,
    tooltip: { renderMode: 'richText', confine: true, trigger: 'axis', valueFormatter: (v) => percent(v) },
    legend: { top: 0, data: series.map((s) => s.name) },
    grid: { left: 52, right: 20, top: 56, bottom: 32 },
    xAxis: axis(ytd.map((p) => p.period)),
    yAxis: { type: 'value', min: lowerBound, max: 1, axisLabel: { formatter: (v) => percent(v, 0) } },
    series,
  };
}

/** @param {{ period: string, arbitration: { rate: number | null }, inspection: { rate: number | null } }[]} points */
export function monthlyOption(points) {
  const bar = (name, color, data) => ({ name, type: 'bar', data, itemStyle: { color }, barMaxWidth: 18 });
  return {
    animation: false,
    tooltip: { renderMode: 'richText', confine: true, trigger: 'axis', valueFormatter: (v) => percent(v) },
    legend: { top: 0, data: [SERIES.arbitrationMonthly, SERIES.inspectionMonthly] },
    grid: { left: 52, right: 20, top: 40, bottom: 32 },
    xAxis: axis(points.map((p) => p.period)),
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v) => percent(v, 0) } },
    series: [
      bar(
        SERIES.arbitrationMonthly,
        COLORS.arbitration,
        points.map((p) => p.arbitration?.rate ?? null),
      ),
      bar(
        SERIES.inspectionMonthly,
        COLORS.inspection,
        points.map((p) => p.inspection?.rate ?? null),
      ),
    ],
  };
}

export const RANKING_METRICS = {
  arbitrationRate: { name: '仲裁累计结案率', rate: true, target: 'arbitration', color: COLORS.arbitration },
  inspectionRate: { name: '监察累计按期结案率', rate: true, target: 'inspection', color: COLORS.inspection },
  warnings: { name: '未关闭风险预警数', rate: false, color: '#b91c1c' },
};

/**
 * Horizontal bars, one per street in the order given (kpi.js sortRows: best first, no data last), the best at
 * the top; a street without data has no bar.
 * @param {{ name: string }[]} rows
 * @param {keyof RANKING_METRICS} metric
 * @param {{ arbitration: number, inspection: number }} targets
 */
export function rankingOption(rows, metric, targets) {
  const m = RANKING_METRICS[metric];
  const shown = [...rows].reverse(); // ECharts draws the first category at the bottom
  const format = (v) => (m.rate ? percent(v) : v == null ? '—' : `${v} 件`);
  return {
    animation: false,
    tooltip: {
      renderMode: 'richText',
      confine: true,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: format,
    },
    grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
    xAxis: m.rate
      ? { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v) => percent(v, 0) } }
      : { type: 'value', minInterval: 1 },
    // Every street named (interval 0), however thin the bars.
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { interval: 0, fontSize: 11 } },
    series: [
      {
        name: m.name,
        type: 'bar',
        data: shown.map((r) => r[metric]),
        itemStyle: { color: m.color },
        barMaxWidth: 16,
        label: { show: true, position: 'right', formatter: (p) => format(p.value) },
        markLine: m.rate
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#1f2328' },
              label: { formatter: `目标 ${percent(targets[m.target], 0)}` },
              data: [{ xAxis: targets[m.target] }],
            }
          : { data: [] },
      },
    ],
  };
}

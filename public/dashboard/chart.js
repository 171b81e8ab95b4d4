// The monthly closure-rate chart: one line per KPI, the statutory targets as dashed mark lines. The series hold
// the API's rates exactly as received (0..1, null where a month had nothing due); only labels are formatted.

import { percent } from './labels.js';

export const ARBITRATION_SERIES = '仲裁结案率';
export const INSPECTION_SERIES = '监察结案率';
const COLORS = { arbitration: '#1f6feb', inspection: '#c2410c' };

const monthLabel = (period) => `${Number(String(period).slice(5, 7))}月`;

/** The y axis starts at 80% (or lower when a month fell below it) so the 92%/98% lines stay readable. */
function lowerBound(extent) {
  const min = typeof extent?.min === 'number' && Number.isFinite(extent.min) ? extent.min : 1;
  return Math.max(0, Math.min(0.8, Math.floor(min * 10) / 10));
}

function line(name, color, data, target, targetLabel) {
  return {
    name,
    type: 'line',
    data,
    connectNulls: false,
    symbol: 'circle',
    symbolSize: 7,
    lineStyle: { width: 2, color },
    itemStyle: { color },
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 1.5, color },
      label: { position: 'insideEndTop', formatter: `${targetLabel} ${percent(target, 0)}`, color },
      data: [{ yAxis: target }],
    },
  };
}

/**
 * @param {{ points: { period: string, arbitration: { rate: number | null }, inspection: { rate: number | null } }[] }} series
 * @param {{ arbitration: number, inspection: number }} targets
 */
export function chartOption(series, targets) {
  const points = series.points ?? [];
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => percent(v) },
    legend: { top: 0, data: [ARBITRATION_SERIES, INSPECTION_SERIES] },
    grid: { left: 52, right: 20, top: 44, bottom: 32 },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.period),
      axisLabel: { formatter: monthLabel },
    },
    yAxis: {
      type: 'value',
      min: lowerBound,
      max: 1,
      axisLabel: { formatter: (v) => percent(v, 0) },
    },
    series: [
      line(
        ARBITRATION_SERIES,
        COLORS.arbitration,
        points.map((p) => p.arbitration?.rate ?? null),
        targets.arbitration,
        '仲裁目标',
      ),
      line(
        INSPECTION_SERIES,
        COLORS.inspection,
        points.map((p) => p.inspection?.rate ?? null),
        targets.inspection,
        '监察目标',
      ),
    ],
  };
}

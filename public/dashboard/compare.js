// 街镇对比: a ranking bar chart of one figure (chosen by the metric select) and a table of every figure, sortable
// by any column; a click on a bar or a street name drills down to that street.

import { RANKING_METRICS, rankingOption } from './chart.js';
import { sortRows } from './kpi.js';
import { percent, ratio } from './labels.js';
import { $, fillTable, linkButton } from './tables.js';

const view = {
  rows: [],
  sortKey: 'arbitrationRate',
  sortDir: 'desc',
  metric: 'arbitrationRate',
  targets: { arbitration: 0.92, inspection: 0.98 },
  onStreet: (_code) => {},
  chart: null,
};

/** What the browser test reads: the rows in table order and the chart's metric. */
export const comparisonState = () => ({
  metric: view.metric,
  sortKey: view.sortKey,
  sortDir: view.sortDir,
  rows: sortRows(view.rows, view.sortKey, view.sortDir),
});

function renderChart() {
  const el = $('ranking-chart');
  if (!globalThis.echarts) throw new Error('ECharts did not load');
  const ranked = sortRows(view.rows, view.metric, 'desc');
  // One bar per street: the chart grows with the district (CSSOM, allowed by the CSP; no style attribute).
  // On the wall screen the bars are thinner, so that every street fits above the fold.
  const bar = document.body.classList.contains('wall') ? 14 : 30;
  el.style.height = `${Math.max(240, bar * ranked.length + 48)}px`;
  if (!view.chart) {
    view.chart = globalThis.echarts.init(el, null, { renderer: 'canvas' });
    view.chart.on('click', (p) => {
      const row = view.ranked[view.ranked.length - 1 - p.dataIndex];
      if (row) view.onStreet(row.code);
    });
  }
  view.ranked = ranked;
  view.chart.resize();
  view.chart.setOption(rankingOption(ranked, view.metric, view.targets), { notMerge: true });
  $('ranking-title').textContent = `街镇排名：${RANKING_METRICS[view.metric].name}`;
  $('compare-more').textContent = `显示全部 ${view.rows.length} 个街镇`;
}

function renderTable() {
  const rows = sortRows(view.rows, view.sortKey, view.sortDir);
  fillTable(
    'compare-table',
    rows.map((r) => ({
      code: r.code,
      cells: [
        linkButton(r.name, () => view.onStreet(r.code)),
        percent(r.arbitrationRate),
        ratio(r.arbitrationClosed, r.arbitrationDue),
        percent(r.arbitrationLastYear),
        percent(r.inspectionRate),
        ratio(r.inspectionOnTime, r.inspectionDue),
        percent(r.inspectionLastYear),
        r.warnings,
        r.warningsRed,
      ],
      cls: [
        typeof r.arbitrationRate === 'number' && r.arbitrationRate < view.targets.arbitration
          ? 'below-a'
          : '',
        typeof r.inspectionRate === 'number' && r.inspectionRate < view.targets.inspection ? 'below-i' : '',
      ]
        .filter(Boolean)
        .join(' '),
    })),
  );
  for (const th of $('compare-table').querySelectorAll('th[data-sort]')) {
    const active = th.dataset.sort === view.sortKey;
    th.setAttribute('aria-sort', active ? (view.sortDir === 'asc' ? 'ascending' : 'descending') : 'none');
  }
}

export function renderComparison(rows = view.rows, targets = view.targets) {
  view.rows = rows;
  view.targets = targets;
  renderChart();
  renderTable();
}

export function resizeComparison() {
  view.chart?.resize();
}

export function disposeComparison() {
  view.chart?.dispose();
  view.chart = null;
}

/** Wires the metric select and the sortable headers; `onStreet` drills down to a street. */
export function initComparison(onStreet) {
  view.onStreet = onStreet;
  // On a phone the table (a list of cards) shows the first ten streets until asked for all.
  $('compare-more').addEventListener('click', () => {
    $('compare-table').classList.add('expanded');
    $('compare-more').hidden = true;
  });
  $('ranking-metric').addEventListener('change', (e) => {
    view.metric = e.target.value;
    if (view.rows.length) renderChart();
  });
  for (const th of $('compare-table').querySelectorAll('th[data-sort]')) {
    const button = linkButton(th.textContent, () => {
      const key = th.dataset.sort;
      view.sortDir = view.sortKey === key && view.sortDir === 'desc' ? 'asc' : 'desc';
      if (view.sortKey !== key) view.sortDir = key === 'name' ? 'asc' : 'desc';
      view.sortKey = key;
      renderTable();
    });
    th.dataset.label = th.textContent;
    th.replaceChildren(button);
  }
}

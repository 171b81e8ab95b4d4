// The summary cards and the definitions: each card's figures from the SLA summary, its definition on hover
// (title) and behind its 口径 link (the 口径说明 panel, in the words of docs/dashboard.md).

import { DEFINITIONS } from './defs.js';
import { headroomText } from './kpi.js';
import { percent, ratio, shanghaiTime } from './labels.js';
import { $ } from './tables.js';

function setFields(cardId, values) {
  for (const [field, text] of Object.entries(values)) {
    const el = $(cardId).querySelector(`[data-field="${field}"]`);
    if (el) el.textContent = text;
  }
}

function kpiCard(kind, kpi, target) {
  const id = `card-${kind}`;
  $(id).classList.toggle('below', typeof kpi?.rate === 'number' && kpi.rate < target);
  $(id).classList.toggle('na', typeof kpi?.rate !== 'number');
  const h = headroomText(kind, kpi?.headroom);
  const dd = $(id).querySelector('[data-field="headroom"]');
  dd.className = `headroom ${h.tone}`;
  setFields(id, {
    rate: percent(kpi?.rate),
    target: percent(target, 0),
    ratio: ratio(kpi?.numerator, kpi?.denominator),
    headroom: h.text,
    projection: percent(kpi?.projection?.rate),
    late: kpi ? `${kpi.denominator - kpi.numerator} 件` : '—',
  });
}

/** The three cards of the year's summary (the SLA API's numbers; headroom in words, kpi.js). */
export function renderCards(summary, targets, loadedAt) {
  kpiCard('arbitration', summary.arbitration, targets.arbitration);
  kpiCard('inspection', summary.inspection, targets.inspection);
  const m = summary.mediation ?? {};
  setFields('card-mediation', {
    rate: percent(m.successRate),
    ratio: ratio(m.agreements, m.concluded),
    within15DaysShare: percent(m.within15DaysShare),
  });
  $('as-of').textContent = `数据截至 ${shanghaiTime(new Date(loadedAt))}`;
}

/** The 口径说明 panel, and each definition as the tooltip of its card and link (hover; a tap follows the link). */
export function renderDefinitions() {
  const dl = $('definitions-list');
  for (const [key, d] of Object.entries(DEFINITIONS)) {
    const dt = document.createElement('dt');
    dt.id = `def-${key}`;
    dt.textContent = d.title;
    const dd = document.createElement('dd');
    dd.textContent = d.text;
    dl.append(dt, dd);
  }
  // Hover: the definition as the card's and the link's tooltip.
  for (const a of document.querySelectorAll('a.def-link')) {
    const d = DEFINITIONS[a.getAttribute('href').slice('#def-'.length)];
    if (d) a.title = `${d.title}：${d.text}`;
  }
  for (const kind of ['arbitration', 'inspection', 'mediation'])
    $(`card-${kind}`).title =
      `${DEFINITIONS[kind].text}\n${DEFINITIONS.headroom.title}：${DEFINITIONS.headroom.text}`;
}

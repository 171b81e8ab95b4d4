// The page's tables and the case panel, rendered with textContent only (no HTML from data). Every cell carries its
// column's title (data-label), which the phone layout shows when a table turns into a list of cards.

import { daysText, riskStatus } from './kpi.js';
import {
  caseStatusLabel,
  caseTypeLabel,
  clockStateLabel,
  roleLabel,
  shanghaiDateTime,
  warningKindLabel,
  warningLevelLabel,
  warningStatusLabel,
} from './labels.js';

export const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el;
};

export function show(el, visible) {
  el.hidden = !visible;
}

export function badge(text, cls) {
  const span = document.createElement('span');
  span.className = `badge ${cls}`;
  span.textContent = text;
  return span;
}

export function linkButton(text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'link';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

/** Replaces a table's body rows; a cell is text, a Node, or null ("—"). Returns the rows. */
export function fillTable(tableId, rows) {
  const table = $(tableId);
  const labels = [...table.querySelectorAll('thead th')].map((th) => th.dataset.label ?? th.textContent);
  const trs = rows.map(({ cells, cls, code }) => {
    const tr = document.createElement('tr');
    if (cls) tr.className = cls;
    if (code) tr.dataset.code = code;
    cells.forEach((c, i) => {
      const td = document.createElement('td');
      td.dataset.label = labels[i] ?? '';
      if (c instanceof Node) td.append(c);
      else td.textContent = c == null ? '—' : String(c);
      tr.append(td);
    });
    return tr;
  });
  table.querySelector('tbody').replaceChildren(...trs);
  return trs;
}

/** A staff member as the SLA API names them: the name, else the role; the organisation in the tooltip. */
export function ownerText(owner) {
  if (!owner) return '未分配';
  return owner.displayName || roleLabel(owner.role);
}

/**
 * @param {object[]} items the API's at-risk items, in its order
 * @param {(code: string) => string} streetName
 * @param {(item: object) => void} onOpen opens the case panel
 * @param {number} limit how many the page asked for (the API's page cap): the counts say when the list is cut
 */
export function renderAtRisk(items, streetName, onOpen, limit = Infinity) {
  const trs = fillTable(
    'at-risk-table',
    items.map((i) => {
      const status = riskStatus(i);
      return {
        cls: `risk-${status.cls}`,
        cells: [
          linkButton(i.caseNo, () => onOpen(i)),
          caseTypeLabel(i.caseType),
          streetName(i.street),
          ownerText(i.owner),
          i.dueOn,
          badge(status.label, status.cls),
          daysText(i.daysRemaining),
        ],
      };
    }),
  );
  trs.forEach((tr, k) => {
    const o = items[k].owner;
    if (o) tr.cells[3].title = [roleLabel(o.role), o.organisation?.name].filter(Boolean).join(' · ');
  });
  show($('at-risk-table').closest('.table-wrap'), items.length > 0);
  show($('at-risk-empty'), items.length === 0);
  const count = (cls) => items.filter((i) => riskStatus(i).cls === cls).length;
  $('at-risk-counts').textContent = items.length
    ? `已超期 ${count('overdue')} 件 · 预计超期 ${count('will-breach')} 件 · 须年内结案 ${count('year-end')} 件` +
      (items.length >= limit ? `（仅列出最早到期的 ${limit} 件）` : '')
    : '';
}

export function renderWarnings(items, streetName) {
  fillTable(
    'warnings-table',
    items.map((w) => ({
      cells: [
        badge(warningLevelLabel(w.level), `level-${String(w.level).toLowerCase()}`),
        warningStatusLabel(w.status),
        warningKindLabel(w.kind),
        w.employerName,
        streetName(w.street),
        (w.hits ?? []).map((h) => h.explanation ?? h.ruleId).join('；'),
        shanghaiDateTime(w.raisedAt),
      ],
    })),
  );
  show($('warnings-table').closest('.table-wrap'), items.length > 0);
  show($('warnings-empty'), items.length === 0);
}

function pair(dl, term, value) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value == null || value === '' ? '—' : String(value);
  dl.append(dt, dd);
}

/**
 * The case panel, fed by the API's case view (GET /arbitration/cases/:id or /inspection/cases/:id): status,
 * dates, the statutory clock, who handles it. No party's name, ID number or phone.
 * @param {object} item the at-risk row
 * @param {object} view the case view
 */
export function renderCase(item, view, streetName) {
  $('case-title').textContent = `${caseTypeLabel(item.caseType)}案件 ${item.caseNo}`;
  const dl = $('case-fields');
  dl.replaceChildren();
  const arbitration = item.caseType === 'ARBITRATION';
  const status = riskStatus(item);
  pair(dl, '案件编号', arbitration ? (view.caseNo ?? item.caseNo) : view.caseNo);
  pair(dl, '状态', caseStatusLabel(view.status));
  pair(dl, '街镇', streetName(view.jurisdictionCode ?? item.street));
  if (!arbitration) pair(dl, '用人单位', view.employer?.name);
  pair(dl, arbitration ? '受理日期' : '立案日期', view.acceptedOn);
  pair(dl, '到期日', item.dueOn);
  pair(dl, '期限状态', `${status.label}（${daysText(item.daysRemaining)}）`);
  const people = arbitration ? view.tribunalMembers : view.inspectors;
  pair(
    dl,
    arbitration ? '仲裁庭' : '承办监察员',
    (people ?? []).map((p) => p.displayName).join('、') || '未分配',
  );
  const clocks = (view.clocks ?? []).filter((c) => c.rule?.holder !== 'PARTY');
  pair(
    dl,
    '法定期限',
    clocks
      .map((c) => `${c.rule?.name?.zh ?? c.rule?.id}：${c.due ?? '—'}（${clockStateLabel(c.state)}）`)
      .join('；'),
  );
  pair(dl, '结案日期', view.closedOn);
  show($('case-panel'), true);
}

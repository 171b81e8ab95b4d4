// 结案率看板: signs in with the API's login, then shows the year's closure rates, the monthly chart against the
// 92% / 98% targets, the cases at risk of missing their deadline and the open risk warnings. Everything is
// rendered with textContent (no HTML from data); only codes, case numbers, dates and counts are shown, never a
// party's name, ID number or phone.

import { ApiError, get, onSessionExpired, signIn, signOut, signedIn } from './api.js';
import { chartOption } from './chart.js';
import {
  atRiskReasonLabel,
  caseTypeLabel,
  percent,
  headroom,
  ratio,
  roleLabel,
  shanghaiDateTime,
  shanghaiYear,
  warningKindLabel,
  warningLevelLabel,
} from './labels.js';

const DEFAULT_TARGETS = { arbitration: 0.92, inspection: 0.98 };
const AT_RISK_LIMIT = 50;
const WARNINGS_LIMIT = 50;

const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el;
};

/**
 * What the page shows, for people (the DOM) and for the browser test (window.__dashboard): phase is
 * 'signed-out' | 'loading' | 'ready' | 'error'; `loads` counts completed loads.
 */
const state = {
  phase: 'signed-out',
  loads: 0,
  year: shanghaiYear(),
  street: '',
  me: null,
  streets: [],
  summary: null,
  series: null,
  atRisk: null,
  warnings: null,
  warningsAvailable: null,
  warningsMore: false,
  error: null,
};
window.__dashboard = state;

/** Street/town code → name, for the tables. */
const streetNames = new Map();
const streetName = (code) => (code ? (streetNames.get(code) ?? code) : '—');

let chart = null;

function show(el, visible) {
  el.hidden = !visible;
}

function setError(message) {
  const banner = $('error-banner');
  banner.textContent = message ?? '';
  show(banner, Boolean(message));
}

function describe(err) {
  if (err instanceof ApiError) {
    if (err.status === 403) return '当前账号无权查看该数据';
    if (err.status === 401) return '登录已过期，请重新登录';
    return `数据加载失败（${err.code}）`;
  }
  return '网络错误，请稍后重试';
}

// ---- sign-in ----

function showLogin(message) {
  state.phase = 'signed-out';
  state.me = null;
  show($('board'), false);
  show($('login'), true);
  show($('sign-out'), false);
  $('who').textContent = '';
  const err = $('login-error');
  err.textContent = message ?? '';
  show(err, Boolean(message));
  if (chart) {
    chart.dispose();
    chart = null;
  }
  $('password').value = '';
}

async function onLogin(event) {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username || !password) return showLogin('请输入用户名和密码');
  $('login-submit').disabled = true;
  try {
    await signIn(username, password);
  } catch (err) {
    showLogin(
      err instanceof ApiError && err.status === 401
        ? '用户名或密码错误'
        : err instanceof ApiError && err.status === 429
          ? '尝试次数过多，请稍后再试'
          : '登录失败，请稍后重试',
    );
    return;
  } finally {
    $('login-submit').disabled = false;
  }
  $('password').value = '';
  await enterBoard();
}

async function enterBoard() {
  show($('login'), false);
  show($('login-error'), false);
  show($('board'), true);
  show($('sign-out'), true);
  state.phase = 'loading';
  try {
    state.me = await get('/auth/me');
    $('who').textContent = roleLabel(state.me.role);
    await loadStreets(state.me.jurisdictions ?? []);
  } catch (err) {
    state.phase = 'error';
    state.error = describe(err);
    setError(state.error);
    return;
  }
  fillYears();
  await load();
}

// ---- filters ----

/** The streets/towns the user may see: every street of a district they cover, or their own streets. */
async function loadStreets(jurisdictions) {
  const districts = [...new Set(jurisdictions.map((c) => c.slice(0, 6)))];
  const lists = await Promise.all(districts.map((d) => get('/jurisdictions', { parent: d })));
  const streets = lists.flat().filter((j) => jurisdictions.some((mine) => j.code.startsWith(mine)));
  streets.sort((a, b) => a.code.localeCompare(b.code));
  state.streets = streets.map(({ code, name }) => ({ code, name }));
  for (const s of streets) streetNames.set(s.code, s.name);
  const select = $('street');
  select.replaceChildren();
  const wholeDistrict = jurisdictions.some((c) => c.length <= 6);
  if (wholeDistrict) select.append(new Option('全区', ''));
  for (const s of streets) select.append(new Option(s.name, s.code));
  state.street = wholeDistrict ? '' : (streets[0]?.code ?? '');
  select.value = state.street;
}

function fillYears() {
  const select = $('year');
  const current = shanghaiYear();
  select.replaceChildren(
    ...[0, 1, 2].map((back) => new Option(`${current - back}年`, String(current - back))),
  );
  select.value = String(state.year);
}

function onFilters(event) {
  event?.preventDefault();
  state.year = Number($('year').value);
  state.street = $('street').value;
  void load();
}

// ---- data ----

/** The risk warnings come from another module that may not be deployed yet: a 404 hides the panel. */
async function loadWarnings(street) {
  try {
    const page = await get('/risk/warnings', { status: 'NEW', street, limit: WARNINGS_LIMIT });
    return { available: true, items: page.items ?? [], more: Boolean(page.nextCursor) };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return { available: false, items: [], more: false };
    throw err;
  }
}

let generation = 0;

async function load() {
  if (!signedIn()) return showLogin();
  const mine = ++generation;
  const { year, street } = state;
  state.phase = 'loading';
  setError(null);
  try {
    const [summary, series, atRisk, warnings] = await Promise.all([
      get('/sla/summary', { year, street }),
      get('/sla/series', { year, granularity: 'month', street }),
      get('/sla/at-risk', { street, limit: AT_RISK_LIMIT }),
      loadWarnings(street),
    ]);
    if (mine !== generation) return; // a newer selection is loading
    Object.assign(state, {
      summary,
      series,
      atRisk: atRisk.items ?? [],
      warnings: warnings.items,
      warningsAvailable: warnings.available,
      warningsMore: warnings.more,
      error: null,
    });
    render();
    state.phase = 'ready';
    state.loads += 1;
  } catch (err) {
    if (mine !== generation || !signedIn()) return;
    state.phase = 'error';
    state.error = describe(err);
    setError(state.error);
  }
}

// ---- rendering ----

function setFields(cardId, values) {
  for (const [field, text] of Object.entries(values)) {
    const el = $(cardId).querySelector(`[data-field="${field}"]`);
    if (el) el.textContent = text;
  }
}

function kpiCard(cardId, kpi, fallbackTarget) {
  const target = kpi?.target ?? fallbackTarget;
  const card = $(cardId);
  card.classList.toggle('below', typeof kpi?.rate === 'number' && kpi.rate < target);
  card.classList.toggle('na', typeof kpi?.rate !== 'number');
  setFields(cardId, {
    rate: percent(kpi?.rate),
    target: percent(target, 0),
    ratio: ratio(kpi?.numerator, kpi?.denominator),
    headroom: headroom(kpi?.headroom),
    projection: percent(kpi?.projection?.rate),
  });
}

function targets() {
  return {
    arbitration: state.summary?.arbitration?.target ?? DEFAULT_TARGETS.arbitration,
    inspection: state.summary?.inspection?.target ?? DEFAULT_TARGETS.inspection,
  };
}

function renderCards() {
  const { summary } = state;
  kpiCard('card-arbitration', summary.arbitration, DEFAULT_TARGETS.arbitration);
  kpiCard('card-inspection', summary.inspection, DEFAULT_TARGETS.inspection);
  const m = summary.mediation ?? {};
  setFields('card-mediation', {
    rate: percent(m.successRate),
    ratio: ratio(m.agreements, m.concluded),
    within15DaysShare: percent(m.within15DaysShare),
  });
  $('as-of').textContent = summary.asOf ? `数据截至 ${shanghaiDateTime(summary.asOf)}` : '';
}

function renderChart() {
  const el = $('chart');
  if (!globalThis.echarts) throw new Error('ECharts did not load');
  chart ??= globalThis.echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption(chartOption(state.series, targets()), { notMerge: true });
}

function row(cells) {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const td = document.createElement('td');
    if (c instanceof Node) td.append(c);
    else td.textContent = c == null ? '—' : String(c);
    tr.append(td);
  }
  return tr;
}

function badge(text, cls) {
  const span = document.createElement('span');
  span.className = `badge ${cls}`;
  span.textContent = text;
  return span;
}

function renderAtRisk() {
  const items = state.atRisk;
  const body = $('at-risk-table').querySelector('tbody');
  body.replaceChildren(
    ...items.map((i) =>
      row([
        i.caseNo,
        caseTypeLabel(i.caseType),
        streetName(i.street),
        // Only the owner's role: a user id or name means nothing to a reader here, and names stay out.
        i.owner ? roleLabel(i.owner.role) : '未分配',
        i.dueOn,
        badge(String(i.daysRemaining), i.daysRemaining < 0 ? 'late' : i.daysRemaining <= 5 ? 'soon' : 'ok'),
        atRiskReasonLabel(i.reason),
      ]),
    ),
  );
  show($('at-risk-table').closest('.table-wrap'), items.length > 0);
  show($('at-risk-empty'), items.length === 0);
}

function renderWarnings() {
  show($('warnings-panel'), state.warningsAvailable === true);
  if (!state.warningsAvailable) return;
  const items = state.warnings;
  const body = $('warnings-table').querySelector('tbody');
  body.replaceChildren(
    ...items.map((w) =>
      row([
        badge(warningLevelLabel(w.level), `level-${String(w.level).toLowerCase()}`),
        warningKindLabel(w.kind),
        w.employerName,
        streetName(w.street),
        (w.hits ?? []).map((h) => h.explanation ?? h.ruleId).join('；'),
        shanghaiDateTime(w.raisedAt),
      ]),
    ),
  );
  show($('warnings-table').closest('.table-wrap'), items.length > 0);
  show($('warnings-empty'), items.length === 0);
  $('warnings-more').textContent = `仅显示最近更新的 ${WARNINGS_LIMIT} 条`;
  show($('warnings-more'), state.warningsMore);
}

function render() {
  renderCards();
  renderChart();
  renderAtRisk();
  renderWarnings();
}

// ---- wiring ----

function start() {
  $('login-form').addEventListener('submit', (e) => void onLogin(e));
  $('filters').addEventListener('submit', onFilters);
  $('year').addEventListener('change', onFilters);
  $('street').addEventListener('change', onFilters);
  $('sign-out').addEventListener('click', () => {
    signOut();
    generation++;
    showLogin();
  });
  onSessionExpired(() => showLogin('登录已过期，请重新登录'));
  new ResizeObserver(() => chart?.resize()).observe($('chart'));
  showLogin();
  $('username').focus();
}

start();

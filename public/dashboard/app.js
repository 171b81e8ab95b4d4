// 结案率看板: signs in (or resumes the session after a reload), then shows the year's closure rates, their
// year-to-date trend against the targets, the months on their own, the streets compared, the cases at risk and the
// open risk warnings; a street drills down, a case opens its panel. Refreshes itself every 60 s. Everything is
// rendered with textContent (no HTML from data); never a party's name, ID number or phone.

import { ApiError, download, get, onSessionExpired, resume, signIn, signOut, signedIn } from './api.js';
import { monthlyOption, trendOption } from './chart.js';
import { disposeComparison, initComparison, renderComparison, resizeComparison } from './compare.js';
import { renderCards, renderDefinitions } from './cards.js';
import { comparisonRows, countWarnings, cumulative } from './kpi.js';
import { roleLabel, shanghaiMonth, shanghaiYear } from './labels.js';
import { $, renderAtRisk, renderCase, renderWarnings, show } from './tables.js';

const DEFAULT_TARGETS = { arbitration: 0.92, inspection: 0.98 };
const AT_RISK_LIMIT = 200;
const WARNING_PAGE = 100;
const WARNING_PAGES = 10; // per status: up to 1,000 open warnings of each status
const OPEN_WARNING_STATUSES = ['NEW', 'ACKNOWLEDGED', 'HANDLING'];
const params = new URLSearchParams(location.search);
/** Seconds between automatic refreshes: 60, or ?refresh=N (at least 5) for a test or a wall screen. */
const REFRESH_SECONDS = Math.max(5, Number(params.get('refresh')) || 60);

/**
 * What the page shows, for people (the DOM) and for the browser test (window.__dashboard): phase is
 * 'signed-out' | 'loading' | 'ready' | 'error'; `loads` counts completed loads.
 */
const state = {
  phase: 'starting',
  loads: 0,
  year: shanghaiYear(),
  street: '',
  me: null,
  streets: [],
  summary: null,
  series: null,
  lastYearSeries: null,
  cumulative: null,
  comparison: null,
  atRisk: null,
  warnings: null,
  warningsAvailable: null,
  warningsMore: false,
  caseView: null,
  loadedAt: null,
  refreshSeconds: REFRESH_SECONDS,
  wall: params.get('screen') === 'wall',
  error: null,
};
window.__dashboard = state;

const streetNames = new Map();
const streetName = (code) => (code ? (streetNames.get(code) ?? code) : '—');
const charts = { trend: null, monthly: null };
let timer = null;

function setError(message) {
  $('error-banner').textContent = message ?? '';
  show($('error-banner'), Boolean(message));
}

function describe(err) {
  if (err instanceof ApiError) {
    if (err.status === 403) return '当前账号无权查看该数据';
    if (err.status === 401) return '登录已过期，请重新登录';
    return `数据加载失败（${err.code}）`;
  }
  return '网络错误，请稍后重试';
}

// ---- session ----

function showLogin(message) {
  state.phase = 'signed-out';
  state.me = null;
  clearInterval(timer);
  timer = null;
  show($('board'), false);
  show($('login'), true);
  show($('sign-out'), false);
  show($('wall-mode'), false);
  $('who').textContent = '';
  $('login-error').textContent = message ?? '';
  show($('login-error'), Boolean(message));
  for (const k of Object.keys(charts)) {
    charts[k]?.dispose();
    charts[k] = null;
  }
  disposeComparison();
  $('password').value = '';
}

async function onLogin(event) {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username || !password) return showLogin('请输入用户名和密码');
  $('login-submit').disabled = true;
  try {
    if ((await signIn(username, password)).passwordChangeRequired) {
      await signOut();
      return showLogin('该账号使用临时密码，请先在业务系统中修改密码后再登录看板');
    }
  } catch (err) {
    const status = err instanceof ApiError ? err.status : 0;
    return showLogin(
      status === 401
        ? '用户名或密码错误'
        : status === 429
          ? '尝试次数过多，请稍后再试'
          : '登录失败，请稍后重试',
    );
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
  show($('wall-mode'), true);
  state.phase = 'loading';
  try {
    state.me = await get('/auth/me');
    $('who').textContent = roleLabel(state.me.role);
    await loadStreets(state.me.jurisdictions ?? []);
  } catch (err) {
    state.phase = 'error';
    state.error = describe(err);
    return setError(state.error);
  }
  fillYears();
  await load();
  clearInterval(timer);
  timer = setInterval(() => {
    if (state.phase !== 'loading') void load();
  }, REFRESH_SECONDS * 1000);
  $('auto-refresh').textContent = `每 ${REFRESH_SECONDS} 秒自动刷新`;
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
  state.wholeDistrict = wholeDistrict;
  select.value = state.street;
}

function fillYears() {
  const current = shanghaiYear();
  $('year').replaceChildren(...[0, 1, 2].map((b) => new Option(`${current - b}年`, String(current - b))));
  $('year').value = String(state.year);
  fillMonths();
}

/** The months of the selected year that have begun (the monthly report refuses the others). */
function fillMonths() {
  const last = state.year === shanghaiYear() ? shanghaiMonth() : 12;
  const months = Array.from({ length: last }, (_, i) => last - i);
  $('export-month').replaceChildren(...months.map((m) => new Option(`${m}月`, String(m))));
}

function onFilters(event) {
  event?.preventDefault();
  const year = Number($('year').value);
  if (year !== state.year) {
    state.year = year;
    fillMonths();
  }
  state.street = $('street').value;
  void load();
}

/** Drill-down (from the ranking or the table) to a street, or back to the whole district. */
function drill(code) {
  $('street').value = code;
  onFilters();
  $('at-risk-title').scrollIntoView({ block: 'start' });
}

// ---- data ----

/** The open warnings of the user's scope (every open status); a 404 (risk module not deployed) hides them. */
async function loadWarnings() {
  try {
    const lists = await Promise.all(
      OPEN_WARNING_STATUSES.map(async (status) => {
        const items = [];
        let cursor;
        for (let page = 0; page < WARNING_PAGES; page++) {
          const res = await get('/risk/warnings', { status, limit: WARNING_PAGE, cursor });
          items.push(...(res.items ?? []));
          cursor = res.nextCursor;
          if (!cursor) return { items, more: false };
        }
        return { items, more: true };
      }),
    );
    return { available: true, items: lists.flatMap((l) => l.items), more: lists.some((l) => l.more) };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return { available: false, items: [], more: false };
    throw err;
  }
}

/**
 * The open statistics of a year, kept for a minute: the API lets shared caches keep them 5 minutes and throttles
 * them per address (60 a minute), so the 60 s refresh and the street drill-downs reuse one answer.
 */
const statsCache = new Map();
const STATS_TTL_MS = 60_000;
async function publicStats(year) {
  const hit = statsCache.get(year);
  if (hit && Date.now() - hit.at < STATS_TTL_MS) return hit.body;
  const body = await get('/public/stats', { year });
  statsCache.set(year, { at: Date.now(), body });
  return body;
}

let generation = 0;

async function load() {
  if (!signedIn()) return showLogin();
  const mine = ++generation;
  const { year, street } = state;
  const comparing = state.streets.length > 1;
  state.phase = 'loading';
  setError(null);
  try {
    const [summary, series, lastYearSeries, stats, lastYearStats, atRisk, warnings] = await Promise.all([
      get('/sla/summary', { year, street }),
      get('/sla/series', { year, granularity: 'month', street }),
      get('/sla/series', { year: year - 1, granularity: 'month', street }).catch(() => null),
      comparing ? publicStats(year) : null,
      comparing ? publicStats(year - 1).catch(() => null) : null,
      get('/sla/at-risk', { street, limit: AT_RISK_LIMIT }),
      loadWarnings(),
    ]);
    if (mine !== generation) return; // a newer selection is loading
    const open = warnings.items;
    Object.assign(state, {
      summary,
      series,
      lastYearSeries,
      cumulative: cumulative(series.points ?? []),
      comparison: comparisonRows(
        state.streets,
        stats,
        lastYearStats,
        warnings.available ? countWarnings(open) : null,
      ),
      atRisk: atRisk.items ?? [],
      warnings: open.filter((w) => !street || (w.street ?? '').startsWith(street)),
      warningsAvailable: warnings.available,
      warningsMore: warnings.more,
      loadedAt: new Date().toISOString(),
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

async function openCase(item) {
  const path = item.caseType === 'ARBITRATION' ? '/arbitration/cases/' : '/inspection/cases/';
  try {
    state.caseView = await get(`${path}${item.caseId}`);
    renderCase(item, state.caseView, streetName);
    $('case-panel').scrollIntoView({ block: 'nearest' });
  } catch (err) {
    setError(describe(err));
  }
}

async function onExport() {
  $('export').disabled = true;
  try {
    const { blob, name } = await download('/sla/reports/monthly', {
      year: state.year,
      month: $('export-month').value,
      street: state.street,
      format: $('export-format').value,
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  } catch (err) {
    setError(describe(err));
  } finally {
    $('export').disabled = false;
  }
}

// ---- rendering ----

function targets() {
  return {
    arbitration: state.summary?.arbitration?.target ?? DEFAULT_TARGETS.arbitration,
    inspection: state.summary?.inspection?.target ?? DEFAULT_TARGETS.inspection,
  };
}

function chartOn(key, id, option) {
  if (!globalThis.echarts) throw new Error('ECharts did not load');
  charts[key] ??= globalThis.echarts.init($(id), null, { renderer: 'canvas' });
  charts[key].setOption(option, { notMerge: true });
}

function render() {
  renderCards(state.summary, targets(), state.loadedAt);
  const last = state.lastYearSeries ? cumulative(state.lastYearSeries.points ?? []) : null;
  chartOn('trend', 'trend-chart', trendOption(state.cumulative, last, targets()));
  chartOn('monthly', 'monthly-chart', monthlyOption(state.series.points ?? []));
  show($('compare-panel'), state.streets.length > 1);
  if (state.streets.length > 1) renderComparison(state.comparison, targets());
  show($('drill'), Boolean(state.street) && state.wholeDistrict);
  $('drill-name').textContent = state.street ? `当前：${streetName(state.street)}` : '';
  renderAtRisk(state.atRisk, streetName, (item) => void openCase(item), AT_RISK_LIMIT);
  show($('case-panel'), false);
  show($('warnings-panel'), state.warningsAvailable === true);
  if (state.warningsAvailable) renderWarnings(state.warnings, streetName);
  $('warnings-more').textContent = '预警较多，仅统计每种状态最近更新的 1000 条';
  show($('warnings-more'), state.warningsMore);
}

function setWall(on) {
  state.wall = on;
  document.body.classList.toggle('wall', on);
  $('wall-mode').setAttribute('aria-pressed', String(on));
  $('wall-mode').textContent = on ? '退出大屏' : '大屏模式';
  const url = new URL(location.href);
  if (on) url.searchParams.set('screen', 'wall');
  else url.searchParams.delete('screen');
  history.replaceState(null, '', url);
  if (state.comparison && state.streets.length > 1) renderComparison();
}

// ---- wiring ----

async function start() {
  $('login-form').addEventListener('submit', (e) => void onLogin(e));
  $('filters').addEventListener('submit', onFilters);
  $('year').addEventListener('change', onFilters);
  $('street').addEventListener('change', onFilters);
  $('drill-back').addEventListener('click', () => drill(''));
  $('export').addEventListener('click', () => void onExport());
  $('case-close').addEventListener('click', () => show($('case-panel'), false));
  $('wall-mode').addEventListener('click', () => setWall(!state.wall));
  $('sign-out').addEventListener('click', () => {
    generation++;
    void signOut();
    showLogin();
  });
  onSessionExpired(() => showLogin('登录已过期，请重新登录'));
  initComparison(drill);
  renderDefinitions();
  setWall(state.wall);
  const resize = new ResizeObserver(() => {
    for (const c of Object.values(charts)) c?.resize();
    resizeComparison();
  });
  for (const id of ['trend-chart', 'monthly-chart', 'ranking-chart']) resize.observe($(id));
  // After a reload: the session cookie gives a new access token, and the board opens without a sign-in.
  if (await resume()) return enterBoard();
  showLogin();
  $('username').focus();
}

void start();

// The operators' job console (issue 18.4): queue counts, the jobs of a queue by state with retry for failed ones,
// and the nightly work run now. ADMIN only: the API refuses everyone else (src/ops/ops.controller.ts); the page
// signs in through the same session as the dashboard (api.js: token in memory, refresh cookie HttpOnly).
import { ApiError, get, onSessionExpired, post, resume, signIn, signOut } from './api.js';

/** The queues' states as the console API names them, with the labels of the table's columns. */
const STATES = [
  ['waiting', '等待'],
  ['active', '执行中'],
  ['delayed', '延迟'],
  ['failed', '失败'],
  ['completed', '已完成'],
];
/** What an ADMIN may start now (src/ops/ops.rules.ts SWEEPS, and the KPI recompute). */
const RUNS = [
  ['/admin/sla/recompute', '重算结案率指标（KPI）'],
  ['/admin/sweeps/mediation-daily', '调解到期与协议履行检查'],
  ['/admin/sweeps/deadline-reminders', '期限提醒'],
  ['/admin/sweeps/blacklist-expiry', '欠薪黑名单到期'],
  ['/admin/sweeps/risk-escalation', '红色预警升级'],
  ['/admin/sweeps/idempotency-purge', '清理幂等记录'],
];

const $ = (id) => document.getElementById(id);
/** What the browser test reads: the phase, the shown queue/state, the last message. */
const state = { phase: 'starting', queue: null, jobState: 'failed', message: '' };
window.__ops = state;
let timer = null;

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

function say(message, isError = false) {
  state.message = message;
  $('status').textContent = message;
  $('status').classList.toggle('error', isError);
}

function explain(err) {
  if (err instanceof ApiError && err.status === 403) return '需要管理员（ADMIN）账号';
  return err instanceof ApiError ? `${err.message}（${err.code}）` : String(err);
}

async function loadQueues() {
  const queues = await get('/admin/queues');
  const body = $('queues').querySelector('tbody');
  body.replaceChildren(
    ...queues.map((q) => {
      const tr = document.createElement('tr');
      tr.dataset.queue = q.queue;
      tr.append(cell(q.queue));
      for (const [key] of STATES) {
        const td = document.createElement('td');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link';
        button.dataset.state = key;
        button.textContent = String(q[key]);
        button.addEventListener('click', () => void showJobs(q.queue, key));
        td.append(button);
        tr.append(td);
      }
      tr.append(cell(q.paused ? '是' : '否'));
      return tr;
    }),
  );
  state.queue ??= queues[0]?.queue ?? null;
}

async function showJobs(queue = state.queue, jobState = state.jobState) {
  if (!queue) return;
  state.queue = queue;
  state.jobState = jobState;
  const label = STATES.find(([k]) => k === jobState)?.[1] ?? jobState;
  $('jobs-title').textContent = `任务：${queue} · ${label}`;
  const jobs = await get(`/admin/queues/${encodeURIComponent(queue)}/jobs`, { state: jobState, limit: 50 });
  const body = $('jobs').querySelector('tbody');
  body.replaceChildren(
    ...jobs.map((j) => {
      const tr = document.createElement('tr');
      tr.dataset.job = j.id;
      tr.append(
        cell(j.id),
        cell(j.name),
        cell(j.state),
        cell(String(j.attemptsMade)),
        cell(j.failedReason ?? ''),
        cell(new Date(j.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })),
      );
      const td = document.createElement('td');
      if (j.state === 'failed') {
        const retry = document.createElement('button');
        retry.type = 'button';
        retry.className = 'retry';
        retry.textContent = '重试';
        retry.addEventListener('click', () => void retryJob(queue, j.id));
        td.append(retry);
      }
      tr.append(td);
      return tr;
    }),
  );
  if (jobs.length === 0) {
    const tr = document.createElement('tr');
    const td = cell('（无）');
    td.colSpan = 7;
    tr.append(td);
    body.append(tr);
  }
}

async function retryJob(queue, id) {
  try {
    const job = await post(`/admin/queues/${encodeURIComponent(queue)}/jobs/${encodeURIComponent(id)}/retry`);
    say(`任务 ${job.id} 已重新加入队列（${job.state}）`);
  } catch (err) {
    say(`重试失败：${explain(err)}`, true);
  }
  await refresh();
}

async function run(path, label) {
  try {
    const job = await post(path);
    say(`已加入队列：${label}（${job.queue} / ${job.jobName}，编号 ${job.jobId}）`);
  } catch (err) {
    say(
      err instanceof ApiError && err.status === 409
        ? `${label}：已有同一任务在排队或运行，未重复加入`
        : `${label}：${explain(err)}`,
      true,
    );
  }
  await refresh();
}

async function refresh() {
  try {
    await loadQueues();
    await showJobs();
    state.phase = 'ready';
  } catch (err) {
    state.phase = 'error';
    say(explain(err), true);
  }
}

function showConsole(username) {
  $('login').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  $('who').textContent = username ?? '';
  $('runs').replaceChildren(
    ...RUNS.map(([path, label]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.run = path;
      button.textContent = label;
      button.addEventListener('click', () => void run(path, label));
      return button;
    }),
  );
  void refresh();
  clearInterval(timer);
  timer = setInterval(() => void refresh(), 10_000);
}

function showLogin() {
  clearInterval(timer);
  state.phase = 'login';
  $('console').hidden = true;
  $('sign-out').hidden = true;
  $('login').hidden = false;
}

$('login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const username = $('username').value.trim();
  signIn(username, $('password').value)
    .then(() => showConsole(username))
    .catch((err) => ($('login-error').textContent = `登录失败：${explain(err)}`));
});
$('sign-out').addEventListener('click', () => void signOut().then(showLogin));
onSessionExpired(showLogin);
// A reload keeps the session (the refresh cookie), as on the dashboard.
void resume().then((ok) => (ok ? showConsole(null) : showLogin()));

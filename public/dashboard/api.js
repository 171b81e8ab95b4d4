// The API client of the dashboard. The access token is kept in memory only; the refresh token is an HttpOnly,
// SameSite=Strict cookie that only /api/v1/auth/dashboard/* receives (src/auth/dashboard-session.controller.ts),
// so a reload resumes the session (resume()) while no script can read the token. Nothing is written to
// localStorage or sessionStorage. One refresh on 401, shared by the requests that failed together.

const API = '/api/v1';
const SESSION = `${API}/auth/dashboard`;

export class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** @type {{ accessToken: string | null }} */
const session = { accessToken: null };
/** Called when the session ends on its own (refresh refused): the page shows the login form again. */
let onExpired = () => {};

export function onSessionExpired(fn) {
  onExpired = fn;
}

export function signedIn() {
  return session.accessToken !== null;
}

function parseJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // not JSON (a proxy's error page): the status alone tells what went wrong
  }
}

async function request(url, { method = 'GET', body, token, credentials = 'omit' } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    // Only the session routes get the cookie; every data request goes without it.
    credentials,
    cache: 'no-store',
  });
  if (!res.ok) {
    const json = parseJson(await res.text());
    throw new ApiError(res.status, json?.code ?? `HTTP_${res.status}`, json?.message ?? res.statusText);
  }
  return res;
}

async function send(path, options) {
  const res = await request(`${API}${path}`, options);
  return parseJson(await res.text());
}

function keep(answer) {
  session.accessToken = answer.accessToken;
}

/** Signs in; says whether the account must change its temporary password first (the data APIs refuse it). */
export async function signIn(username, password) {
  const answer = await send('/auth/dashboard/login', {
    method: 'POST',
    body: { username, password },
    credentials: 'same-origin',
  });
  keep(answer);
  return { passwordChangeRequired: answer.passwordChangeRequired === true };
}

async function refresh() {
  try {
    keep(await send('/auth/dashboard/refresh', { method: 'POST', credentials: 'same-origin' }));
    return true;
  } catch {
    session.accessToken = null;
    return false;
  }
}

/** After a reload: a new access token from the session cookie, if there is a live one. */
export function resume() {
  return refreshOnce(null);
}

/** Ends the session on the server (access token and refresh family revoked, cookie cleared), then here. */
export async function signOut() {
  const token = session.accessToken;
  session.accessToken = null;
  if (!token) return;
  try {
    await request(`${SESSION}/logout`, { method: 'POST', token, credentials: 'same-origin' });
  } catch {
    // Already expired or revoked: nothing left to end.
  }
}

/** @type {Promise<boolean> | null} */
let refreshing = null;
/** The access token whose session ended last: the page is told once, not once per failed request. */
let endedToken = null;

/**
 * One refresh for all the requests that got 401 together: refresh tokens rotate and a reused one revokes the
 * whole family, so parallel requests must not each spend the same cookie.
 */
function refreshOnce(usedToken) {
  if (session.accessToken && session.accessToken !== usedToken) return Promise.resolve(true);
  refreshing ??= refresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function withQuery(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, v);
  return params.size ? `${path}?${params}` : path;
}

/** A request with the bearer token; a 401 refreshes once, and ends the session if that fails. */
async function authorised(path, run) {
  const token = session.accessToken;
  if (!token) throw new ApiError(401, 'NOT_SIGNED_IN', '未登录');
  try {
    return await run(token);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    if (await refreshOnce(token)) return run(session.accessToken);
    if (endedToken !== token) {
      endedToken = token;
      onExpired();
    }
    throw err;
  }
}

/** GET JSON with the bearer token. */
export function get(path, query = {}) {
  const url = withQuery(path, query);
  return authorised(url, (token) => send(url, { token }));
}

/** GET a file with the bearer token: its bytes and the name the server gave it. */
export function download(path, query = {}) {
  const url = withQuery(path, query);
  return authorised(url, async (token) => {
    const res = await request(`${API}${url}`, { token });
    const disposition = res.headers.get('content-disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'report';
    return { blob: await res.blob(), name };
  });
}

/** POST JSON with the bearer token (the operators' console: retry a job, run a nightly job now). */
export function post(path, body = {}) {
  return authorised(path, (token) => send(path, { method: 'POST', body, token }));
}

// The API client of the dashboard: the API's own login, bearer tokens kept in memory only (a reload or a
// closed tab signs out; nothing is written to localStorage/sessionStorage or cookies), one refresh on 401.

const API = '/api/v1';

export class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** @type {{ accessToken: string | null, refreshToken: string | null }} */
const session = { accessToken: null, refreshToken: null };
/** Called when the session ends on its own (refresh refused): the page shows the login form again. */
let onExpired = () => {};

export function onSessionExpired(fn) {
  onExpired = fn;
}

export function signedIn() {
  return session.accessToken !== null;
}

export function signOut() {
  session.accessToken = null;
  session.refreshToken = null;
}

function parseJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // not JSON (a proxy's error page): the status alone tells what went wrong
  }
}

async function send(path, { method = 'GET', body, token } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${API}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
  const text = await res.text();
  const json = parseJson(text);
  if (!res.ok)
    throw new ApiError(res.status, json?.code ?? `HTTP_${res.status}`, json?.message ?? res.statusText);
  return json;
}

function keep(pair) {
  session.accessToken = pair.accessToken;
  session.refreshToken = pair.refreshToken;
}

export async function signIn(username, password) {
  keep(await send('/auth/login', { method: 'POST', body: { username, password } }));
}

async function refresh() {
  if (!session.refreshToken) return false;
  try {
    keep(await send('/auth/refresh', { method: 'POST', body: { refreshToken: session.refreshToken } }));
    return true;
  } catch {
    return false;
  }
}

/** @type {Promise<boolean> | null} */
let refreshing = null;

/**
 * One refresh for all the requests that got 401 together: refresh tokens rotate and a reused one revokes the
 * whole family, so parallel requests must not each spend the same refresh token.
 */
function refreshOnce(usedToken) {
  if (session.accessToken && session.accessToken !== usedToken) return Promise.resolve(true);
  refreshing ??= refresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** GET with the bearer token; a 401 refreshes the token pair once, and ends the session if that fails. */
export async function get(path, query = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, v);
  const url = params.size ? `${path}?${params}` : path;
  const token = session.accessToken;
  if (!token) throw new ApiError(401, 'NOT_SIGNED_IN', '未登录');
  try {
    return await send(url, { token });
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    if (await refreshOnce(token)) return send(url, { token: session.accessToken });
    if (session.accessToken === token) {
      // The first of the requests that failed together ends the session (once).
      signOut();
      onExpired();
    }
    throw err;
  }
}

/**
 * The dashboard's API client (public/dashboard/api.js, a browser ES module) with `fetch` standing in for the
 * network and a one-cookie jar standing in for the browser's: bearer token, error mapping, the session cookie
 * sent only to the session routes, resume after a reload, and one refresh for parallel 401s (refresh tokens rotate
 * and a reused one revokes the whole family, so the page must never spend the same cookie twice).
 */

interface ApiErrorLike extends Error {
  status: number;
  code: string;
}
interface ApiModule {
  ApiError: new (status: number, code: string, message: string) => ApiErrorLike;
  signIn(username: string, password: string): Promise<{ passwordChangeRequired: boolean }>;
  signOut(): Promise<void>;
  signedIn(): boolean;
  resume(): Promise<boolean>;
  onSessionExpired(fn: () => void): void;
  get(path: string, query?: Record<string, unknown>): Promise<unknown>;
  download(path: string, query?: Record<string, unknown>): Promise<{ blob: Blob; name: string }>;
}

// A non-literal specifier: the module is plain JavaScript without type declarations.
const MODULE = '../../public/dashboard/api.js';

interface Call {
  method: string;
  url: string;
  authorization?: string;
  body?: unknown;
  /** The refresh token the browser would have sent (credentials 'same-origin' only). */
  cookie?: string | null;
}

function json(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status }));
}

describe('dashboard API client', () => {
  let api: ApiModule;
  let calls: Call[];
  /** Access tokens the fake server accepts. */
  let valid: Set<string>;
  let refreshes: number;
  let refreshWorks: boolean;
  /** The browser's cookie jar: the refresh token, set by the server's answers. */
  let jar: string | null;

  beforeEach(async () => {
    jest.resetModules();
    api = (await import(MODULE)) as ApiModule;
    calls = [];
    valid = new Set(['access-1']);
    refreshes = 0;
    refreshWorks = true;
    jar = null;
    // The client always calls fetch with a path string.
    globalThis.fetch = jest.fn((url: string, init?: RequestInit) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      const body: unknown = init?.body ? JSON.parse(init.body as string) : undefined;
      const cookie = init?.credentials === 'same-origin' ? jar : null;
      calls.push({ method: init?.method ?? 'GET', url, authorization: headers.authorization, body, cookie });
      if (url === '/api/v1/auth/dashboard/login') {
        if ((body as { password: string }).password !== 'right')
          return json(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'no' });
        jar = 'refresh-1';
        return json(200, {
          accessToken: 'access-1',
          tokenType: 'Bearer',
          expiresIn: 900,
          ...((body as { username: string }).username === 'temp' ? { passwordChangeRequired: true } : {}),
        });
      }
      if (url === '/api/v1/auth/dashboard/refresh') {
        refreshes++;
        if (!refreshWorks || !cookie || cookie !== `refresh-${refreshes}`) {
          jar = null;
          return json(401, { statusCode: 401, code: 'INVALID_REFRESH_TOKEN', message: 'no' });
        }
        valid = new Set([`access-${refreshes + 1}`]);
        jar = `refresh-${refreshes + 1}`;
        return json(200, { accessToken: `access-${refreshes + 1}` });
      }
      if (url === '/api/v1/auth/dashboard/logout') {
        jar = null;
        return Promise.resolve(new Response(null, { status: 204 }));
      }
      if (url.startsWith('/api/v1/missing'))
        return json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'no such route' });
      const token = headers.authorization?.replace(/^Bearer /, '');
      if (!token || !valid.has(token))
        return json(401, { statusCode: 401, code: 'UNAUTHORIZED', message: 'expired' });
      if (url.startsWith('/api/v1/file'))
        return Promise.resolve(
          new Response('a,b\n', {
            status: 200,
            headers: { 'content-disposition': 'attachment; filename="sla-monthly-all-2026-11.csv"' },
          }),
        );
      return json(200, { url });
    }) as unknown as typeof fetch;
  });

  it('signs in, then sends the bearer token and the query (empty values left out), never the cookie', async () => {
    expect(api.signedIn()).toBe(false);
    expect(await api.signIn('supervisor', 'right')).toEqual({ passwordChangeRequired: false });
    expect(api.signedIn()).toBe(true);
    expect(await api.get('/sla/series', { year: 2026, granularity: 'month', street: '' })).toEqual({
      url: '/api/v1/sla/series?year=2026&granularity=month',
    });
    expect(calls[1]).toMatchObject({ method: 'GET', authorization: 'Bearer access-1', cookie: null });
  });

  it('a wrong password and an unknown route are ApiErrors with the status and code of the API', async () => {
    await expect(api.signIn('supervisor', 'wrong')).rejects.toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
    });
    expect(api.signedIn()).toBe(false);
    await api.signIn('supervisor', 'right');
    const err = await api.get('/missing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(api.ApiError);
    expect(err).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses to call the API before sign-in, without a request', async () => {
    await expect(api.get('/sla/summary', { year: 2026 })).rejects.toMatchObject({ status: 401 });
    expect(calls).toEqual([]);
  });

  it('after a reload (a fresh module, the cookie kept) resumes the session from the cookie', async () => {
    await api.signIn('supervisor', 'right');
    jest.resetModules();
    const reloaded = (await import(MODULE)) as ApiModule;
    expect(reloaded.signedIn()).toBe(false);
    expect(await reloaded.resume()).toBe(true);
    expect(await reloaded.get('/x')).toEqual({ url: '/api/v1/x' });
    expect(calls.at(-2)).toMatchObject({ url: '/api/v1/auth/dashboard/refresh', cookie: 'refresh-1' });
    // Without a cookie there is nothing to resume, and no error.
    await reloaded.signOut();
    expect(jar).toBeNull();
    jest.resetModules();
    expect(await ((await import(MODULE)) as ApiModule).resume()).toBe(false);
  });

  it('parallel requests that meet an expired token share one refresh, then all succeed', async () => {
    await api.signIn('supervisor', 'right');
    valid.clear(); // access-1 expires
    const results = await Promise.all(['/a', '/b', '/c', '/d'].map((p) => api.get(p)));
    expect(results).toEqual(['/a', '/b', '/c', '/d'].map((p) => ({ url: `/api/v1${p}` })));
    expect(refreshes).toBe(1);
    expect(calls.filter((c) => c.url === '/api/v1/auth/dashboard/refresh')).toEqual([
      expect.objectContaining({ method: 'POST', cookie: 'refresh-1' }),
    ]);
    // The retries carry the new token; the next expiry refreshes with the rotated cookie.
    expect(calls.filter((c) => c.authorization === 'Bearer access-2')).toHaveLength(4);
    valid.clear();
    expect(await api.get('/e')).toEqual({ url: '/api/v1/e' });
    expect(calls.filter((c) => c.url.endsWith('/refresh')).map((c) => c.cookie)).toEqual([
      'refresh-1',
      'refresh-2',
    ]);
  });

  it('when the refresh is refused the session ends once and the page is told', async () => {
    const expired = jest.fn();
    api.onSessionExpired(expired);
    await api.signIn('supervisor', 'right');
    valid.clear();
    refreshWorks = false;
    const outcomes = await Promise.allSettled([api.get('/a'), api.get('/b')]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(refreshes).toBe(1);
    expect(api.signedIn()).toBe(false);
    expect(expired).toHaveBeenCalledTimes(1);
    await expect(api.get('/c')).rejects.toMatchObject({ status: 401, code: 'NOT_SIGNED_IN' });
  });

  it('downloads a file with the bearer token and the name the server gave it', async () => {
    await api.signIn('supervisor', 'right');
    const file = await api.download('/file', { year: 2026, month: 11, format: 'csv' });
    expect(file.name).toBe('sla-monthly-all-2026-11.csv');
    expect(await file.blob.text()).toBe('a,b\n');
    expect(calls.at(-1)).toMatchObject({
      url: '/api/v1/file?year=2026&month=11&format=csv',
      authorization: 'Bearer access-1',
    });
  });

  it('says when the account must change its temporary password first', async () => {
    expect(await api.signIn('temp', 'right')).toEqual({ passwordChangeRequired: true });
  });
});

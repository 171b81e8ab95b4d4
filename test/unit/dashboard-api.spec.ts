/**
 * The dashboard's API client (public/dashboard/api.js, a browser ES module) with `fetch` standing in for the
 * network: bearer token, error mapping, and one refresh for parallel 401s (refresh tokens rotate and a reused one
 * revokes the whole family, so the page must never spend the same refresh token twice).
 */

interface ApiErrorLike extends Error {
  status: number;
  code: string;
}
interface ApiModule {
  ApiError: new (status: number, code: string, message: string) => ApiErrorLike;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
  signedIn(): boolean;
  onSessionExpired(fn: () => void): void;
  get(path: string, query?: Record<string, unknown>): Promise<unknown>;
}

// A non-literal specifier: the module is plain JavaScript without type declarations.
const MODULE = '../../public/dashboard/api.js';

interface Call {
  method: string;
  url: string;
  authorization?: string;
  body?: unknown;
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

  beforeEach(async () => {
    jest.resetModules();
    api = (await import(MODULE)) as ApiModule;
    calls = [];
    valid = new Set(['access-1']);
    refreshes = 0;
    refreshWorks = true;
    // The client always calls fetch with a path string.
    globalThis.fetch = jest.fn((url: string, init?: RequestInit) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      const body: unknown = init?.body ? JSON.parse(init.body as string) : undefined;
      calls.push({ method: init?.method ?? 'GET', url, authorization: headers.authorization, body });
      if (url === '/api/v1/auth/login')
        return (body as { password: string }).password === 'right'
          ? json(200, { accessToken: 'access-1', refreshToken: 'refresh-1' })
          : json(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'no' });
      if (url === '/api/v1/auth/refresh') {
        refreshes++;
        if (!refreshWorks || (body as { refreshToken: string }).refreshToken !== `refresh-${refreshes}`)
          return json(401, { statusCode: 401, code: 'REFRESH_TOKEN_REUSED', message: 'no' });
        valid = new Set([`access-${refreshes + 1}`]);
        return json(200, {
          accessToken: `access-${refreshes + 1}`,
          refreshToken: `refresh-${refreshes + 1}`,
        });
      }
      if (url.startsWith('/api/v1/missing'))
        return json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'no such route' });
      const token = headers.authorization?.replace(/^Bearer /, '');
      if (!token || !valid.has(token))
        return json(401, { statusCode: 401, code: 'UNAUTHORIZED', message: 'expired' });
      return json(200, { url });
    }) as unknown as typeof fetch;
  });

  it('signs in, then sends the bearer token and the query (empty values left out)', async () => {
    expect(api.signedIn()).toBe(false);
    await api.signIn('supervisor', 'right');
    expect(api.signedIn()).toBe(true);
    expect(await api.get('/sla/series', { year: 2026, granularity: 'month', street: '' })).toEqual({
      url: '/api/v1/sla/series?year=2026&granularity=month',
    });
    expect(calls[1]).toMatchObject({ method: 'GET', authorization: 'Bearer access-1' });
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

  it('parallel requests that meet an expired token share one refresh, then all succeed', async () => {
    await api.signIn('supervisor', 'right');
    valid.clear(); // access-1 expires
    const results = await Promise.all(['/a', '/b', '/c', '/d'].map((p) => api.get(p)));
    expect(results).toEqual(['/a', '/b', '/c', '/d'].map((p) => ({ url: `/api/v1${p}` })));
    expect(refreshes).toBe(1);
    expect(calls.filter((c) => c.url === '/api/v1/auth/refresh')).toEqual([
      expect.objectContaining({ method: 'POST', body: { refreshToken: 'refresh-1' } }),
    ]);
    // The retries carry the new token; the next expiry refreshes with the rotated refresh token.
    expect(calls.filter((c) => c.authorization === 'Bearer access-2')).toHaveLength(4);
    valid.clear();
    expect(await api.get('/e')).toEqual({ url: '/api/v1/e' });
    expect(calls.filter((c) => c.url === '/api/v1/auth/refresh').map((c) => c.body)).toEqual([
      { refreshToken: 'refresh-1' },
      { refreshToken: 'refresh-2' },
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
});

import {
  clearDashboardCookie,
  DASHBOARD_COOKIE,
  dashboardCookie,
  dashboardTokenOf,
} from './dashboard-cookie';

const TOKEN = '0192f1a2-7c3d-7e4f-8a5b-6c7d8e9f0a1b.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';

describe('dashboard refresh-token cookie', () => {
  it('is HttpOnly, SameSite=Strict, scoped to the dashboard session routes, with the refresh lifetime', () => {
    expect(dashboardCookie(TOKEN, { maxAgeSeconds: 2_592_000, secure: false })).toBe(
      `${DASHBOARD_COOKIE}=${TOKEN}; Path=/api/v1/auth/dashboard; Max-Age=2592000; HttpOnly; SameSite=Strict`,
    );
    expect(dashboardCookie(TOKEN, { maxAgeSeconds: 60, secure: true })).toMatch(/; Secure$/);
  });

  it('clears with an empty value and Max-Age=0 on the same path', () => {
    expect(clearDashboardCookie(true)).toBe(
      `${DASHBOARD_COOKIE}=; Path=/api/v1/auth/dashboard; Max-Age=0; HttpOnly; SameSite=Strict; Secure`,
    );
  });

  it('refuses to write anything that is not a refresh token into the header', () => {
    expect(() => dashboardCookie('x; Domain=evil.example', { maxAgeSeconds: 1, secure: false })).toThrow();
    expect(() => dashboardCookie('a\r\nSet-Cookie: b', { maxAgeSeconds: 1, secure: false })).toThrow();
  });

  it('reads the token from a Cookie header among others, and nothing else', () => {
    expect(dashboardTokenOf(`a=1; ${DASHBOARD_COOKIE}=${TOKEN}; b=2`)).toBe(TOKEN);
    expect(dashboardTokenOf(`${DASHBOARD_COOKIE}=${TOKEN}`)).toBe(TOKEN);
    expect(dashboardTokenOf(undefined)).toBeNull();
    expect(dashboardTokenOf('')).toBeNull();
    expect(dashboardTokenOf(`${DASHBOARD_COOKIE}=`)).toBeNull();
    expect(dashboardTokenOf(`${DASHBOARD_COOKIE}=not-a-token`)).toBeNull();
    expect(dashboardTokenOf(`x${DASHBOARD_COOKIE}=${TOKEN}`)).toBeNull();
  });
});

/**
 * The dashboard's refresh-token cookie: the page keeps its access token in memory only and gets a new one from
 * this cookie after a reload. HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it) and
 * scoped to the dashboard session routes (no other API request carries it). Secure whenever the request came over
 * HTTPS, and always in production.
 */
export const DASHBOARD_SESSION_PATH = '/api/v1/auth/dashboard';
export const DASHBOARD_COOKIE = 'lrp_dashboard_rt';

/** A refresh token as TokensService issues it: "<uuid>.<base64url secret>". */
const TOKEN = /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,100}$/;

export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
}

/** The Set-Cookie value carrying a refresh token (or, with an empty token and 0 s, the one that clears it). */
export function dashboardCookie(token: string, { maxAgeSeconds, secure }: CookieOptions): string {
  if (token !== '' && !TOKEN.test(token)) throw new Error('not a refresh token');
  return [
    `${DASHBOARD_COOKIE}=${token}`,
    `Path=${DASHBOARD_SESSION_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export const clearDashboardCookie = (secure: boolean): string =>
  dashboardCookie('', { maxAgeSeconds: 0, secure });

/** The refresh token in a Cookie header, or null (absent, empty, or not shaped like a token). */
export function dashboardTokenOf(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== DASHBOARD_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return TOKEN.test(value) ? value : null;
  }
  return null;
}

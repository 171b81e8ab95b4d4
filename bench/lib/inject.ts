import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface Reply {
  status: number;
  body: unknown;
  text: string;
}

export interface CallOptions {
  method: string;
  url: string;
  token?: string;
  /** A value (sent as JSON) or raw text (sent as is, with Content-Type application/json) */
  body?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /**
   * The client address. Each fuzz and matrix call comes from its own address so that the per-address rate limits
   * (which they are not testing) do not turn their requests into 429s before validation.
   */
  remoteAddress?: string;
}

let nextAddress = 0;
/** A fresh private address per call (10.0.0.0/8). */
export function freshAddress(): string {
  nextAddress = (nextAddress + 1) % 0xfffffe;
  const n = nextAddress + 1;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** One in-process HTTP exchange through Fastify's injection (no socket). */
export async function call(app: NestFastifyApplication, o: CallOptions): Promise<Reply> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let payload: string | Buffer | undefined;
  if (o.raw !== undefined) payload = o.raw;
  else if (o.body !== undefined) payload = JSON.stringify(o.body);
  if (payload !== undefined) headers['content-type'] = o.contentType ?? 'application/json';
  const res = await app.inject({
    method: o.method as 'GET',
    url: o.url,
    headers,
    payload,
    remoteAddress: o.remoteAddress ?? freshAddress(),
  });
  let body: unknown;
  try {
    body = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.statusCode, body, text: res.body };
}

/** Signs a user in with a password; returns the access token. */
export async function login(
  app: NestFastifyApplication,
  username: string,
  password: string,
): Promise<string> {
  const r = await call(app, { method: 'POST', url: '/api/v1/auth/login', body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
  return (r.body as { accessToken: string }).accessToken;
}

const UPPER_SNAKE = /^[A-Z][A-Z0-9_]*$/;

/** The one error body: {statusCode (= the HTTP status), code (UPPER_SNAKE), message (string), details?}. */
export function errorShapeProblem(r: Reply): string | null {
  if (r.status < 400) return null;
  const b = r.body as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object' || Array.isArray(b)) return `not a JSON object: ${r.text.slice(0, 120)}`;
  if (b.statusCode !== r.status) return `statusCode ${String(b.statusCode)} ≠ HTTP ${r.status}`;
  if (typeof b.code !== 'string' || !UPPER_SNAKE.test(b.code)) return `code ${JSON.stringify(b.code)}`;
  if (typeof b.message !== 'string') return 'message is not a string';
  const extra = Object.keys(b).filter((k) => !['statusCode', 'code', 'message', 'details'].includes(k));
  if (extra.length) return `unexpected keys ${extra.join(',')}`;
  return null;
}

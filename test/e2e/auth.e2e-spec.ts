import { createHmac } from 'node:crypto';
import jsonwebtoken from 'jsonwebtoken';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { PUBLIC_ROUTE, ROUTE_ROLES } from '../../src/auth/decorators';
import { startTestApp, type TestApp } from '../support/test-app';
import { PiiCipher } from '../../src/common/pii-crypto';

function b64(obj: unknown): string {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}

/** A token signed by us with chosen header/claims (to forge or tamper). */
function sign(header: object, claims: object, secret: string): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const me = (token: string) => t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);

  it('logs in staff and returns a bearer token pair', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'mediator', password: 'demo-password-1' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    const who = await me(res.body.accessToken);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ role: 'MEDIATOR', jurisdictions: ['310115005'] });
  });

  it('rejects a wrong password and an unknown user with the same error', async () => {
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'mediator', password: 'nope-nope-nope' });
    const unknown = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'nobody', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: expect.any(String) });
  });

  it('rotates refresh tokens and revokes the family when one is reused', async () => {
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'inspector', password: 'demo-password-1' });
    const first = login.body.refreshToken as string;
    const r1 = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toEqual(first);
    const second = r1.body.refreshToken as string;

    // The stolen first token is replayed: refused, and the whole family dies.
    const replay = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    const afterRevocation = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: second });
    expect(afterRevocation.status).toBe(401);
    expect(afterRevocation.body.code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('rejects malformed refresh tokens with 401, not 500', async () => {
    for (const refreshToken of [
      'garbage-garbage',
      'not-a-uuid.secret',
      '01900000-0000-7000-8000-000000000000.x',
    ]) {
      const res = await t.http().post('/api/v1/auth/refresh').send({ refreshToken });
      expect(res.status).toBe(401);
    }
  });

  describe('access tokens', () => {
    const { issuer, audience } = { issuer: 'labor-rights-platform', audience: 'labor-rights-clients' };
    const now = () => Math.floor(Date.now() / 1000);
    let adminId = '';
    beforeAll(async () => {
      [{ id: adminId }] = await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM users WHERE username = 'admin'`,
      );
    });
    const claims = () => ({
      sub: adminId,
      jti: '0190a0b0-0000-7000-8000-00000000f00d',
      sv: 0,
      role: 'ADMIN',
      jur: ['310115'],
      org: null,
      typ: 'access',
      iss: issuer,
      aud: audience,
      iat: now(),
      exp: now() + 600,
    });

    it('accepts a token signed with the right secret (control for the cases below)', async () => {
      expect((await me(sign({ alg: 'HS256', typ: 'JWT' }, claims(), t.config.jwt.secret))).status).toBe(200);
    });

    it('checks a token once, then keeps it until it expires: another signature or the expiry still refused', async () => {
      const verify = jest.spyOn(jsonwebtoken, 'verify');
      try {
        // Valid for 2–3 s: the next requests come well within it, and the wait for its end is short.
        const exp = now() + 3;
        const signed = { ...claims(), exp };
        const token = sign({ alg: 'HS256', typ: 'JWT' }, signed, t.config.jwt.secret);
        expect((await me(token)).status).toBe(200);
        expect(verify).toHaveBeenCalledTimes(1);
        expect((await me(token)).status).toBe(200);
        expect(verify).toHaveBeenCalledTimes(1);
        // The same header and claims under another signature are another token: checked, and refused.
        const [header, body] = token.split('.');
        const forged = sign({ alg: 'HS256', typ: 'JWT' }, signed, 'x'.repeat(32));
        expect(forged.split('.').slice(0, 2).join('.')).toBe(`${header}.${body}`);
        expect((await me(forged)).status).toBe(401);
        expect(verify).toHaveBeenCalledTimes(2);
        // Once its second has come, the kept token is expired as jsonwebtoken would find it.
        while (now() < exp) await new Promise((r) => setTimeout(r, 100));
        const expired = await me(token);
        expect(expired.status).toBe(401);
        expect(expired.body.code).toBe('UNAUTHENTICATED');
      } finally {
        verify.mockRestore();
      }
    });

    it('refuses a well-signed token of another type every time, checking it every time', async () => {
      const verify = jest.spyOn(jsonwebtoken, 'verify');
      try {
        const token = sign(
          { alg: 'HS256', typ: 'JWT' },
          { ...claims(), typ: 'refresh' },
          t.config.jwt.secret,
        );
        expect((await me(token)).status).toBe(401);
        expect((await me(token)).status).toBe(401);
        expect(verify).toHaveBeenCalledTimes(2);
      } finally {
        verify.mockRestore();
      }
    });

    it('rejects an expired token', async () => {
      const token = sign(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims(), iat: now() - 3600, exp: now() - 60 },
        t.config.jwt.secret,
      );
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('rejects a well-signed token without exp, or whose sub has no active account', async () => {
      const { exp: _exp, ...noExp } = claims();
      expect((await me(sign({ alg: 'HS256', typ: 'JWT' }, noExp, t.config.jwt.secret))).status).toBe(401);
      const ghost = { ...claims(), sub: '0190a0b0-0000-7000-8000-0000000000aa' };
      expect((await me(sign({ alg: 'HS256', typ: 'JWT' }, ghost, t.config.jwt.secret))).status).toBe(401);
    });

    it('rejects a forged signature', async () => {
      expect(
        (await me(sign({ alg: 'HS256', typ: 'JWT' }, claims(), 'another-secret-another-secret-123'))).status,
      ).toBe(401);
    });

    it('rejects alg:none', async () => {
      const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
      expect((await me(token)).status).toBe(401);
    });

    it('rejects the wrong audience or issuer', async () => {
      expect(
        (await me(sign({ alg: 'HS256' }, { ...claims(), aud: 'someone-else' }, t.config.jwt.secret))).status,
      ).toBe(401);
      expect(
        (await me(sign({ alg: 'HS256' }, { ...claims(), iss: 'someone-else' }, t.config.jwt.secret))).status,
      ).toBe(401);
    });

    it('rejects a request without a token', async () => {
      const res = await t.http().get('/api/v1/auth/me');
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: expect.any(String) });
    });
  });

  describe('SMS one-time codes', () => {
    const phone = '13912345678';

    it('signs a worker in with a code, creating the worker account', async () => {
      const req = await t.http().post('/api/v1/auth/otp/request').send({ phone });
      expect(req.status).toBe(202);
      expect(req.body.expiresIn).toBeLessThanOrEqual(600);
      const code = t.sms.lastCode(phone)!;
      expect(code).toMatch(/^\d{6}$/);
      const ok = await t.http().post('/api/v1/auth/otp/verify').send({ phone, code });
      expect(ok.status).toBe(200);
      expect((await me(ok.body.accessToken)).body).toMatchObject({ role: 'WORKER' });
      // single use
      const again = await t.http().post('/api/v1/auth/otp/verify').send({ phone, code });
      expect(again.status).toBe(401);
      expect(again.body.code).toBe('INVALID_OTP');
    });

    it('rate-limits code requests per number', async () => {
      const p = '13700000001';
      expect((await t.http().post('/api/v1/auth/otp/request').send({ phone: p })).status).toBe(202);
      const second = await t.http().post('/api/v1/auth/otp/request').send({ phone: p });
      expect(second.status).toBe(429);
      expect(second.body.code).toBe('OTP_RATE_LIMITED');
      expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('refuses an expired code', async () => {
      const p = '13700000002';
      await t.http().post('/api/v1/auth/otp/request').send({ phone: p });
      await t.dataSource.query(
        `UPDATE otp_codes SET expires_at = now() - interval '1 second' WHERE phone_bidx = $1`,
        [t.app.get(PiiCipher).blindIndex('phone', p)],
      );
      const res = await t
        .http()
        .post('/api/v1/auth/otp/verify')
        .send({ phone: p, code: t.sms.lastCode(p) });
      expect(res.status).toBe(401);
    });

    it('kills a code after five wrong guesses', async () => {
      const p = '13700000003';
      await t.http().post('/api/v1/auth/otp/request').send({ phone: p });
      const code = t.sms.lastCode(p)!;
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++)
        expect((await t.http().post('/api/v1/auth/otp/verify').send({ phone: p, code: wrong })).status).toBe(
          401,
        );
      expect((await t.http().post('/api/v1/auth/otp/verify').send({ phone: p, code })).status).toBe(401);
    });

    it('validates the phone number and the code format', async () => {
      const bad = await t.http().post('/api/v1/auth/otp/request').send({ phone: '12345' });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('phone');
      const badCode = await t.http().post('/api/v1/auth/otp/verify').send({ phone, code: 'abc' });
      expect(badCode.status).toBe(400);
    });
  });

  it('every route either names its roles or is explicitly public (deny by default)', () => {
    const discovery = t.app.get(DiscoveryService);
    const reflector = t.app.get(Reflector);
    const unmarked: string[] = [];
    let routes = 0;
    for (const c of discovery.getControllers()) {
      const proto = Object.getPrototypeOf(c.instance) as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        // Read the property without running accessors (a getter on the prototype has no instance state).
        const handler: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value;
        if (
          name === 'constructor' ||
          typeof handler !== 'function' ||
          Reflect.getMetadata(PATH_METADATA, handler) === undefined
        )
          continue;
        routes++;
        const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
          handler as () => void,
          c.metatype as () => void,
        ]);
        const roles = reflector.getAllAndOverride<string[]>(ROUTE_ROLES, [
          handler as () => void,
          c.metatype as () => void,
        ]);
        if (!isPublic && !(roles && roles.length)) unmarked.push(`${c.name}.${name}`);
      }
    }
    expect(routes).toBeGreaterThan(10);
    expect(unmarked).toEqual([]);
  });
});

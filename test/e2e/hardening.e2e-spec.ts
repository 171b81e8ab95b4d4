import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';
import { createAccount, signInWorker } from '../support/users';

const UPPER_SNAKE = /^[A-Z][A-Z0-9_]*$/;

/** The one documented error body. */
function expectErrorShape(body: unknown, status: number, code?: string): void {
  expect(body).toEqual(
    expect.objectContaining({ statusCode: status, code: code ?? expect.stringMatching(UPPER_SNAKE) }),
  );
  expect(typeof (body as { message: unknown }).message).toBe('string');
}

/** JSON text nested `levels` deep (built as text: JSON.stringify itself overflows the stack at a few thousand). */
function nested(levels: number): string {
  return '{"a":['.repeat(levels / 2) + '1' + ']}'.repeat(levels / 2);
}

/** A raw HTTP/1.1 exchange (for what supertest cannot send: bad URLs, oversized headers). */
function raw(port: number, text: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (d: Buffer) => (data += d.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      try {
        resolve({ status, body: JSON.parse(rest.join('\r\n\r\n')) });
      } catch {
        resolve({ status, body: rest.join('') });
      }
    });
  });
}

describe('hardening (issue 15, defects 1, 2, 7)', () => {
  let t: TestApp;
  let port: number;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });

  /** A registered employer (no street) with one wage-arrears finding in 310115005 by the street's inspector. */
  const violationOfNewEmployer = async (name: string) => {
    const employerId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, source) VALUES ($1, $2, $2, 'REGISTER')`,
      [employerId, `${name}${Date.now()}`],
    );
    const found = await t
      .http()
      .post(`/api/v1/compliance/employers/${employerId}/violations`)
      .set(await auth('inspector'))
      .send({
        jurisdictionCode: '310115005',
        kinds: ['WAGE_ARREARS'],
        facts: '拖欠工资',
        foundOn: '2026-03-15',
      });
    expect(found.status).toBe(201);
    return found;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as { port: number }).port;
    await createAccount(t, { username: 'mediator-7', role: 'MEDIATOR', jurisdictions: ['310115007'] });
    await createAccount(t, { username: 'inspector-7', role: 'INSPECTOR', jurisdictions: ['310115007'] });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('bad input is a 400, never a 500', () => {
    it('a body nested 2,000 levels deep is 400 BODY_TOO_DEEP on login, reports and complaints', async () => {
      const deep = `{"username":"x","password":"y","extra":${nested(2000)}}`;
      const login = await t.http().post('/api/v1/auth/login').type('json').send(deep);
      expectErrorShape(login.body, 400, 'BODY_TOO_DEEP');
      const report = await t.http().post('/api/v1/reports').type('json').send(nested(2000));
      expectErrorShape(report.body, 400, 'BODY_TOO_DEEP');
      const complaint = await t
        .http()
        .post('/api/v1/complaints')
        .set(await auth('13800000000'))
        .type('json')
        .send(JSON.stringify(complaintBody({ employer: 'E' })).replace('"E"', nested(10_000)));
      expectErrorShape(complaint.body, 400, 'BODY_TOO_DEEP');
    });

    it('NUL (U+0000) in stored text is a field error, not a lost report', async () => {
      const res = await t
        .http()
        .post('/api/v1/complaints')
        .set(await auth('13800000000'))
        .send(complaintBody({ facts: '工资拖欠\u0000三个月', employer: { name: '浦东\u0000公司' } }));
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect((res.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
        'employer.name',
        'facts',
      ]);
      const param = await t.http().get('/api/v1/reports/JB-2026-0000001-3%00').set('x-access-code', 'AAAA');
      expectErrorShape(param.body, 400, 'VALIDATION_FAILED');
    });

    it('a lone surrogate (\\ud800) in stored text is a field error, not a 500 from jsonb (found by the fuzz)', async () => {
      const org = await t
        .http()
        .post('/api/v1/admin/organisations')
        .set(await auth('admin'))
        .type('json')
        .send('{"name":"\\ud800x\\udfff","kind":"INSPECTION_BRIGADE","jurisdictionCode":"310115007"}');
      expectErrorShape(org.body, 400, 'VALIDATION_FAILED');
      expect(org.body.details).toEqual([expect.objectContaining({ field: 'name' })]);
      const complaint = await t
        .http()
        .post('/api/v1/complaints')
        .set(await auth('13800000000'))
        .type('json')
        .send(JSON.stringify(complaintBody({ facts: 'FACTS' })).replace('FACTS', '工资\\ud800拖欠'));
      expectErrorShape(complaint.body, 400, 'VALIDATION_FAILED');
      expect(complaint.body.details).toEqual([expect.objectContaining({ field: 'facts' })]);
    });

    it('POST /filings/layoffs without employer, or with employer [], is 400 on employer', async () => {
      const body = {
        streetCode: '310115005',
        headcountCut: 5,
        totalHeadcount: 500,
        layoffOn: '2030-01-15',
        reasons: '经营困难',
      };
      for (const employer of [undefined, [], 'x']) {
        const res = await t
          .http()
          .post('/api/v1/filings/layoffs')
          .set(await auth('inspector'))
          .send({ ...body, employer });
        expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
        expect(res.body.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: 'employer' })]),
        );
      }
    });

    it('PATCH /compliance/violations/:id with nothing to change is 400, not 500 (found by the fuzz)', async () => {
      const found = await violationOfNewEmployer('浦东空更新测试有限公司');
      const empty = await t
        .http()
        .patch(`/api/v1/compliance/violations/${found.body.id as string}`)
        .set(await auth('inspector'))
        .send({});
      expectErrorShape(empty.body, 400, 'VALIDATION_FAILED');
      expect(empty.body.details).toEqual([expect.objectContaining({ field: 'migrantWorkers' })]);
      // null is not "absent": it was let through to a NOT NULL column (a 500 found by the large fuzz run).
      const nulled = await t
        .http()
        .patch(`/api/v1/compliance/violations/${found.body.id as string}`)
        .set(await auth('inspector'))
        .send({ migrantWorkers: null });
      expectErrorShape(nulled.body, 400, 'VALIDATION_FAILED');
      expect(nulled.body.details).toEqual([expect.objectContaining({ field: 'migrantWorkers' })]);
      const ok = await t
        .http()
        .patch(`/api/v1/compliance/violations/${found.body.id as string}`)
        .set(await auth('inspector'))
        .send({ migrantWorkers: true });
      expect(ok.status).toBe(200);
    });

    it('POST /mediation/conflicts naming an unknown employer is 404 EMPLOYER_NOT_FOUND, not 500 (found by the fuzz)', async () => {
      const res = await t
        .http()
        .post('/api/v1/mediation/conflicts')
        .set(await auth('mediator'))
        .send({ employerId: randomUUID(), reason: '近亲属在该单位任职' });
      expectErrorShape(res.body, 404, 'EMPLOYER_NOT_FOUND');
    });

    it('POST /risk/backtest with ruleSetVersion 1e308 (an "integer" to class-validator) is 400, not 500 (found by the fuzz)', async () => {
      const res = await t
        .http()
        .post('/api/v1/risk/backtest')
        .set(await auth('supervisor'))
        .send({ ruleSetVersion: 1.7976931348623121e308, from: '2026-01-01', to: '2026-06-30' });
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'ruleSetVersion' })]);
    });

    it('POST /mediation/cases/:id/close with "agreement": [] is 400 on agreement', async () => {
      const res = await t
        .http()
        .post(`/api/v1/mediation/cases/${randomUUID()}/close`)
        .set(await auth('mediator'))
        .send({ version: 1, outcome: 'AGREEMENT', agreement: [] });
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'agreement' })]);
    });
  });

  describe("Fastify's own errors are in the one error shape", () => {
    it('a bad URL encoding is 400 BAD_URL', async () => {
      const res = await raw(
        port,
        'GET /api/v1/complaints/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      );
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400, 'BAD_URL');
    });

    it('characters a client did not percent-encode (raw UTF-8 in the query) are 400 BAD_URL, not a bare BAD_REQUEST', async () => {
      const res = await raw(
        port,
        'GET /api/v1/search?q=恒达 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      );
      expectErrorShape(res.body, 400, 'BAD_URL');
    });

    it('a text/plain body is 415 UNSUPPORTED_MEDIA_TYPE, not every field missing', async () => {
      const res = await t
        .http()
        .post('/api/v1/complaints')
        .set(await auth('13800000000'))
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify(complaintBody()));
      expectErrorShape(res.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('an over-long path parameter is 414 URI_TOO_LONG', async () => {
      const res = await raw(
        port,
        `GET /api/v1/complaints/${'a'.repeat(500)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      expect(res.status).toBe(414);
      expectErrorShape(res.body, 414, 'URI_TOO_LONG');
    });

    it('oversized headers are 431 HEADERS_TOO_LARGE', async () => {
      const res = await raw(
        port,
        `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
      );
      expect(res.status).toBe(431);
      expectErrorShape(res.body, 431, 'HEADERS_TOO_LARGE');
    });
  });

  describe('security headers', () => {
    it('API answers carry helmet headers, and Cache-Control: no-store on authenticated responses', async () => {
      const me = await t
        .http()
        .get('/api/v1/auth/me')
        .set(await auth('13800000000'));
      expect(me.status).toBe(200);
      expect(me.headers['x-content-type-options']).toBe('nosniff');
      expect(me.headers['cache-control']).toBe('no-store');
      expect(me.headers['x-frame-options']).toBeDefined();
      const live = await t.http().get('/health/live');
      expect(live.headers['x-content-type-options']).toBe('nosniff');
    });
  });

  describe('object access (BOLA)', () => {
    it("staff of another street cannot dismiss this street's collective proposal; an unknown employer is 404", async () => {
      const employerName = `浦东集体争议测试有限公司${Date.now()}`;
      let employerId = '';
      for (let i = 0; i < 10; i++) {
        const token = await signInWorker(t, `1370000${String(2000 + i)}`);
        const filed = await t
          .http()
          .post('/api/v1/complaints')
          .set({ authorization: `Bearer ${token}` })
          .send(complaintBody({ employer: { name: employerName }, complainant: undefined }));
        expect(filed.status).toBe(201);
        employerId = filed.body.employer.id as string;
      }
      const dismiss = async (user: string, body: object) =>
        t
          .http()
          .post('/api/v1/collective-disputes/proposals/dismiss')
          .set(await auth(user))
          .send(body);
      const other = await dismiss('mediator-7', { employerId, category: 'WAGE_ARREARS' });
      expectErrorShape(other.body, 404, 'COLLECTIVE_PROPOSAL_NOT_FOUND');
      const unknown = await dismiss('mediator', { employerId: randomUUID(), category: 'WAGE_ARREARS' });
      expectErrorShape(unknown.body, 404, 'COLLECTIVE_PROPOSAL_NOT_FOUND');
      const proposals = await t
        .http()
        .get('/api/v1/collective-disputes/proposals')
        .set(await auth('mediator'));
      expect((proposals.body as { employer: { id: string } }[]).map((p) => p.employer.id)).toContain(
        employerId,
      );
      expect((await dismiss('mediator', { employerId, category: 'WAGE_ARREARS' })).status).toBe(204);
    });

    it("the compliance profile is scoped by street: another street's inspector gets 404", async () => {
      const id = (await violationOfNewEmployer('浦东合规范围测试有限公司')).body.employerId as string;
      const get = async (user: string) =>
        t
          .http()
          .get(`/api/v1/compliance/employers/${id}`)
          .set(await auth(user));
      expect((await get('inspector')).status).toBe(200);
      expect((await get('supervisor')).status).toBe(200);
      expectErrorShape((await get('inspector-7')).body, 404, 'EMPLOYER_NOT_FOUND');
    });
  });

  // Last: it uses up this client's rate limit on POST /reports.
  it("the rate limiter's 429 is in the one shape, with Retry-After", async () => {
    let last = await t.http().post('/api/v1/reports').send({});
    for (let i = 0; i < 12 && last.status !== 429; i++)
      last = await t.http().post('/api/v1/reports').send({});
    expect(last.status).toBe(429);
    expectErrorShape(last.body, 429, 'RATE_LIMITED');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});

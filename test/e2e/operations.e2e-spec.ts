import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogSink } from '../support/log-sink';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

describe('operations', () => {
  let t: TestApp;
  const logs = new LogSink();
  beforeAll(async () => {
    t = await startTestApp({ logStream: logs, env: { LOG_LEVEL: 'debug' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /health/live and /health/ready report the database and the queue', async () => {
    expect((await t.http().get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toMatchObject({
      database: { status: 'up' },
      queue: { status: 'up', backend: t.config.queue.backend },
    });
  });

  it('serves OpenAPI at /api/docs and /api/docs-json, identical to the committed openapi.json (run `npm run openapi:write` after API changes)', async () => {
    expect((await t.http().get('/api/docs')).status).toBe(200);
    const live = (await t.http().get('/api/docs-json')).body;
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'));
    expect(live).toEqual(committed);
    expect(Object.keys(live.paths)).toEqual(
      expect.arrayContaining(['/api/v1/complaints', '/api/v1/reports', '/api/v1/auth/login']),
    );
  });

  it('the migrations produce exactly the schema the entities describe (no drift)', async () => {
    const sql = await t.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('case_events is append-only in the database itself', async () => {
    const token = await t.token('13800000000');
    const { body } = await t
      .http()
      .post('/api/v1/complaints')
      .set('authorization', `Bearer ${token}`)
      .send(complaintBody());
    await expect(
      t.dataSource.query(`UPDATE case_events SET action = 'X' WHERE case_id = $1`, [body.id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM case_events WHERE case_id = $1`, [body.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('echoes a sane X-Request-Id, or assigns one, and logs requests with it', async () => {
    const given = await t.http().get('/health/live').set('x-request-id', 'req-abc-12345');
    expect(given.headers['x-request-id']).toBe('req-abc-12345');
    const assigned = await t
      .http()
      .get('/api/v1/jurisdictions?parent=310115')
      .set('x-request-id', 'bad id with spaces');
    expect(assigned.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const line = await eventually(() => logs.lines.find((l) => l.includes(assigned.headers['x-request-id'])));
    expect(JSON.parse(line)).toMatchObject({
      req: { id: assigned.headers['x-request-id'], method: 'GET', path: '/api/v1/jurisdictions' },
    });
  });

  it('never writes personal data to the logs', async () => {
    const token = await t.token('13800000000');
    const person = { name: '李四海', idNumber: '11010519491231002X', phone: '13912340000' };
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set('authorization', `Bearer ${token}`)
      .send(complaintBody({ complainant: undefined, onBehalfOf: { ...person, relationship: 'FAMILY' } }));
    expect(res.status).toBe(201);
    // Acknowledged (the SMS is held back: the person has not verified the phone) without logging them.
    await eventually(
      async () =>
        (
          await t.dataSource.query(
            `SELECT 1 FROM case_events WHERE case_id = $1 AND action = 'ACKNOWLEDGED'`,
            [res.body.id],
          )
        ).length > 0,
    );
    // Also a failing request carrying the same data.
    await t
      .http()
      .post('/api/v1/complaints')
      .set('authorization', `Bearer ${token}`)
      .send(complaintBody({ complainant: person, claimedAmountFen: -1 }));
    await t
      .http()
      .post('/api/v1/complaints')
      .set('authorization', `Bearer ${token}`)
      .send(complaintBody({ complainant: person }));
    await t.http().post('/api/v1/auth/login').send({ username: person.phone, password: 'secret-password-x' });
    expect(logs.lines.length).toBeGreaterThan(3);
    for (const secret of [person.name, person.idNumber, person.phone, 'secret-password-x', token])
      expect(logs.text).not.toContain(secret);
  });

  it('unknown routes and methods answer in the one error shape', async () => {
    const res = await t.http().get('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) });
  });

  it("lists the jurisdictions: all of Pudong's street-level units", async () => {
    const res = await t.http().get('/api/v1/jurisdictions').query({ parent: '310115' });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThanOrEqual(36);
    expect(
      res.body.every(
        (j: { code: string; level: string }) => /^310115\d{3}$/.test(j.code) && j.level === 'STREET',
      ),
    ).toBe(true);
    expect(res.body).toContainEqual({
      code: '310115005',
      name: '陆家嘴街道',
      level: 'STREET',
      parentCode: '310115',
    });
  });
});

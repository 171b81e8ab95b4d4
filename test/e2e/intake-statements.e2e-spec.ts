import { idNumber } from '../../bench/lib/fixture-bodies';
import { Client } from 'pg';
import { newId } from '../../src/common/ids';
import { IdempotencyService, requestHash } from '../../src/idempotency/idempotency.service';
import { isSessionCheck, statementsDuring } from '../support/statements';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 17.1: intake answers with the complaint it built, without reading it back, in a bounded number of statements.
 * The answer must still be exactly what a read of the stored row returns, whoever files.
 */
describe('intake: the answer is the stored complaint, in few statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const file = async (user: string, body: Record<string, unknown>, key?: string) =>
    t
      .http()
      .post('/api/v1/complaints')
      .set({ ...(await auth(user)), ...(key ? { 'idempotency-key': key } : {}) })
      .send(body);
  const read = async (user: string, id: string) =>
    t
      .http()
      .get(`/api/v1/complaints/${id}`)
      .set(await auth(user));

  it.each([
    ['a worker for themself', '13800000000', complaintBody({ employer: { name: '上海读回比较公司甲' } })],
    [
      'a worker on behalf of a relative',
      '13800000000',
      complaintBody({
        employer: { name: '上海读回比较公司乙' },
        complainant: undefined,
        onBehalfOf: { name: '张大山', idNumber: idNumber(71), phone: '13912345671', relationship: 'FAMILY' },
      }),
    ],
    [
      'staff at the desk',
      'mediator',
      complaintBody({
        employer: { name: '上海读回比较公司丙' },
        channel: 'WALK_IN',
        complainant: { name: '李四', idNumber: idNumber(72), phone: '13912345672' },
      }),
    ],
  ])('%s: POST answers what GET returns', async (_who, user, body) => {
    const created = await file(user, body);
    expect([created.status, created.body.details]).toEqual([201, undefined]);
    const got = await read(user, created.body.id as string);
    expect(got.status).toBe(200);
    expect(created.body).toEqual(got.body);
  });

  it('a possible duplicate is flagged in the answer, in the timeline and in the stored row', async () => {
    const body = complaintBody({ employer: { name: '上海读回比较公司丁' } });
    const first = await file('13800000000', body);
    const second = await file('13800000000', body);
    expect(second.status).toBe(201);
    expect(second.body).toEqual((await read('13800000000', second.body.id as string)).body);
    const events = await t.dataSource.query<{ action: string; data: { duplicateOf?: string } }[]>(
      `SELECT action, data FROM case_events WHERE case_id = $1 ORDER BY occurred_at, id`,
      [second.body.id],
    );
    expect(events.map((e) => e.action)).toEqual(['SUBMITTED', 'POSSIBLE_DUPLICATE_FLAGGED']);
    expect(events[1].data.duplicateOf).toBe(first.body.id);
    const [row] = await t.dataSource.query<{ possible_duplicate_of: string }[]>(
      `SELECT possible_duplicate_of FROM complaints WHERE id = $1`,
      [second.body.id],
    );
    expect(row.possible_duplicate_of).toBe(first.body.id);
  });

  it('a keyed intake of a known employer, flagged as a duplicate, runs at most 8 statements', async () => {
    const body = complaintBody({ employer: { name: '上海读回比较公司戊' } });
    await file('13800000000', body, `statements-${Date.now()}-a`);
    const during = await statementsDuring(() => file('13800000000', body, `statements-${Date.now()}-b`));
    const res = during.result;
    // The session check is the authentication's, not the intake's, and is sent or not by timing (isSessionCheck).
    const statements = during.statements.filter((s) => !isSessionCheck(s.sql)).length;
    expect(res.status).toBe(201);
    expect(res.body.possibleDuplicateOf).toEqual(expect.any(String));
    // BEGIN, the key's lock with its record's lookup, the worker's account and identity, employer, complaint with
    // its duplicate check, then both events, both outbox rows, the clock and the key record as one statement
    // (writes.ts), COMMIT: 8 (the tracking number came from the process's block: one statement in 32 intakes). It
    // was 19 when intake also read the street each time, read the complaint and its employer back, and wrote the
    // two events apart; 15 while the duplicate check was a statement of its own; 14 while the four writes after the
    // complaint went one at a time; 11 while the rate limiter's hit was one; 10 while the key's lock and lookup
    // were two and every intake drew its number.
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(8);
    expect(during.statements.filter((s) => s.sql.includes('nextval'))).toEqual([]);
  });

  it("the duplicate check reads by the complainant, never all of the employer's complaints", async () => {
    const body = complaintBody({ employer: { name: '上海读回比较公司己' } });
    await file('13800000000', body);
    const during = await statementsDuring(() => file('13800000000', body));
    expect(during.result.body.possibleDuplicateOf).toEqual(expect.any(String));
    const insert = during.statements.find((s) => s.sql.trimStart().startsWith('INSERT INTO complaints'));
    expect(insert?.sql).toContain('possible_duplicate_of');
    // The plan PostgreSQL would choose with every index usable (the test tables are too small to prefer one).
    const plan = await t.dataSource.transaction(async (em) => {
      await em.query('SET LOCAL enable_seqscan = off');
      const [row] = await em.query<{ 'QUERY PLAN': unknown }[]>(
        `EXPLAIN (FORMAT JSON) ${insert!.sql}`,
        insert!.params,
      );
      return JSON.stringify(row['QUERY PLAN']);
    });
    const indexes = [...plan.matchAll(/"Index Name":\s*"([^"]+)"/g)].map((m) => m[1]).sort();
    expect(indexes).toEqual([
      'idx_complaints_complainant_created',
      'idx_complaints_complainant_id_number_bidx',
    ]);
  });

  it('a first request of the key that commits after the second read the key: the second is 409 and leaves nothing, its retry replays the first', async () => {
    const idempotency = t.app.get(IdempotencyService);
    const scope = `complaint:${newId()}`;
    const key = `race-${Date.now()}`;
    const body = { facts: 'the same body twice' };
    const firstId = newId();
    const marker = `race-marker-${Date.now()}`;
    const second = idempotency.execute(
      scope,
      key,
      body,
      async (em) => {
        // The second request's work, under way after its key's lock and lookup found no record...
        await em.query(`INSERT INTO tracking_counters (prefix, year, last_value) VALUES ('ZZ', 2097, 1)`);
        // ...while the first request's record commits on a connection of its own (the race `claim` documents).
        const first = new Client({ connectionString: t.databaseUrl });
        await first.connect();
        try {
          await first.query(
            `INSERT INTO idempotency_records (scope, key, request_hash, response_status, resource_type, resource_id)
             VALUES ($1, $2, $3, 201, 'complaint', $4)`,
            [scope, key, requestHash(body), firstId],
          );
        } finally {
          await first.end();
        }
        return { status: 201, body: marker, resource: { type: 'complaint', id: newId() } };
      },
      () => Promise.resolve('replayed'),
    );
    await expect(second).rejects.toMatchObject({ statusCode: 409, code: 'IDEMPOTENCY_KEY_IN_USE' });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM tracking_counters WHERE prefix = 'ZZ' AND year = 2097`,
    );
    expect(n).toBe(0);
    const retry = await idempotency.execute(
      scope,
      key,
      body,
      () => Promise.reject(new Error('a replay does no work')),
      (_em, resource) => Promise.resolve(`replayed ${resource.id}`),
    );
    expect(retry).toEqual({ status: 201, body: `replayed ${firstId}`, replayed: true });
  });
});

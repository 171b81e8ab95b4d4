import { randomUUID } from 'node:crypto';
import { PiiAccessPerRead1796400001800 } from '../../migrations/1796400001800-pii-access-per-read';
import { PiiAccessRepository } from '../../src/audit/pii-access.repository';
import { PiiAccessService } from '../../src/audit/pii-access.service';
import { generatePiiKeySpec, PiiCipher } from '../../src/common/pii-crypto';
import { TEST_PII_KEYS } from '../support/pii-keys';
import { idNumberCheckChar } from '../../src/common/validation/id-number';
import { statementsDuring } from '../support/statements';
import { signInWorker } from '../support/users';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

function idNumber(i: number): string {
  const first17 = `31011519860202${String(700 + i).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** Issue 15: ID numbers and phones encrypted at rest, idempotency by reference, staff reads of them logged. */
describe('personal data at rest', () => {
  let t: TestApp;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const as = async (user: string) => bearer(await t.token(user));

  /** Every text-like column of every table (text, varchar, char, json, jsonb, arrays), cast to text. */
  async function hitsOf(needle: string): Promise<string[]> {
    const cols = await t.dataSource.query<{ table_name: string; column_name: string }[]>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
          AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
    );
    expect(cols.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const { table_name: tb, column_name: col } of cols) {
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${tb}" WHERE "${col}"::text ILIKE '%' || $1 || '%'`,
        [needle],
      );
      if (n > 0) hits.push(`${tb}.${col}`);
    }
    return hits;
  }

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('no plaintext ID number or phone anywhere in the database after intake', () => {
    const workerPhone = '13700007001';
    const workerId = idNumber(1);
    const callerPhone = '13700007002';
    const callerId = idNumber(2);
    let complaintId: string;

    beforeAll(async () => {
      // A worker signs up by SMS code, records their identity and files a complaint, retried with the same key.
      const token = await signInWorker(t, workerPhone);
      const rec = await t
        .http()
        .post('/api/v1/my/profile')
        .set(bearer(token))
        .send({ realName: '孙七', idNumber: workerId });
      expect(rec.status).toBe(201);
      const body = complaintBody({ complainant: { name: '孙七' } });
      const first = await t
        .http()
        .post('/api/v1/complaints')
        .set({ ...bearer(token), 'idempotency-key': 'pii-at-rest-1' })
        .send(body);
      expect(first.status).toBe(201);
      expect(first.body.complainant).toMatchObject({ idNumber: workerId, phone: workerPhone });
      complaintId = first.body.id as string;
      const retry = await t
        .http()
        .post('/api/v1/complaints')
        .set({ ...bearer(token), 'idempotency-key': 'pii-at-rest-1' })
        .send(body);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      // Staff enter a caller's complaint on the hotline (ID number and phone typed in).
      const hotline = await t
        .http()
        .post('/api/v1/complaints')
        .set(await as('mediator'))
        .send(
          complaintBody({
            channel: 'HOTLINE_12333',
            complainant: { name: '周九', idNumber: callerId, phone: callerPhone },
          }),
        );
      expect(hotline.status).toBe(201);
      // A wrong password typed with the worker's number as username (the per-account throttle records it).
      const wrong = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ username: workerPhone, password: 'not-the-password' });
      expect(wrong.status).toBe(401);
      // The acknowledgements went out (their notifications rows exist).
      await eventually(() => t.sms.sent.some((m) => m.phone === callerPhone));
    });

    it('the scan finds a planted number (it can fail)', async () => {
      const planted = '13700007999';
      await t.dataSource.query(
        `UPDATE employers SET contact_phone = $1 WHERE id = (SELECT id FROM employers LIMIT 1)`,
        [planted],
      );
      expect(await hitsOf(planted)).toEqual(['employers.contact_phone']);
    });

    it.each([
      ['the worker’s phone', workerPhone],
      ['the worker’s ID number', workerId],
      ['the caller’s phone', callerPhone],
      ['the caller’s ID number', callerId],
    ])('%s is in no column of any table', async (_what, value) => {
      expect(await hitsOf(value)).toEqual([]);
    });

    it('what is stored decrypts back, and the blind index finds the row', async () => {
      const pii = t.app.get(PiiCipher);
      const [row] = await t.dataSource.query<{ enc: string; bidx: string }[]>(
        `SELECT complainant_phone_enc AS enc, complainant_phone_bidx AS bidx FROM complaints WHERE id = $1`,
        [complaintId],
      );
      expect(row.enc).toMatch(/^v1:t1:/);
      expect(pii.decrypt(row.enc)).toBe(workerPhone);
      expect(row.bidx).toBe(pii.blindIndex('phone', workerPhone));
      const [user] = await t.dataSource.query<{ username: string }[]>(
        `SELECT username FROM users WHERE login_phone_bidx = $1`,
        [pii.blindIndex('phone', workerPhone)],
      );
      expect(user.username).toMatch(/^worker:[0-9a-f-]{36}$/);
      // The worker still signs in with the number (password sign-in of the demo worker) and sees it in full.
      const me = await t
        .http()
        .get('/api/v1/my/profile')
        .set(await as('13800000000'));
      expect(me.status).toBe(200);
      expect(me.body.phone).toBe('13800000000');
    });

    it('the idempotency record holds a reference to the complaint, not a copy of it', async () => {
      const rows = await t.dataSource.query<Record<string, unknown>[]>(
        `SELECT * FROM idempotency_records WHERE key = 'pii-at-rest-1'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        resource_type: 'complaint',
        resource_id: complaintId,
        response_status: 201,
      });
      expect(Object.keys(rows[0]).sort()).toEqual(
        [
          'created_at',
          'key',
          'request_hash',
          'resource_id',
          'resource_type',
          'response_status',
          'scope',
        ].sort(),
      );
    });
  });

  describe('idempotency records are purged after IDEMPOTENCY_TTL_HOURS (default 72)', () => {
    it('the purge (POST /admin/sweeps/idempotency-purge, the nightly job) removes old records only', async () => {
      const token = await signInWorker(t, '13700007010');
      const file = (key: string) =>
        t
          .http()
          .post('/api/v1/complaints')
          .set({ ...bearer(token), 'idempotency-key': key })
          .send(complaintBody({ complainant: { name: '吴十' }, facts: `欠薪 ${key}` }));
      expect((await file('purge-old')).status).toBe(201);
      expect((await file('purge-edge')).status).toBe(201);
      expect((await file('purge-new')).status).toBe(201);
      await t.dataSource.query(
        `UPDATE idempotency_records SET created_at = now() - interval '73 hours' WHERE key = 'purge-old'`,
      );
      await t.dataSource.query(
        `UPDATE idempotency_records SET created_at = now() - interval '71 hours' WHERE key = 'purge-edge'`,
      );
      const res = await t
        .http()
        .post('/api/v1/admin/sweeps/idempotency-purge')
        .set(await as('admin'));
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ queue: 'maintenance', jobName: 'idempotency.purge' });
      const keys = async () =>
        (
          await t.dataSource.query<{ key: string }[]>(
            `SELECT key FROM idempotency_records WHERE key LIKE 'purge-%' ORDER BY key`,
          )
        ).map((r) => r.key);
      await eventually(async () => !(await keys()).includes('purge-old'));
      expect(await keys()).toEqual(['purge-edge', 'purge-new']);
      // A kept key still replays.
      const again = await file('purge-new');
      expect(again.headers['idempotent-replayed']).toBe('true');
    });
  });

  describe('staff reads of unmasked personal data are recorded and listed for ADMIN', () => {
    let complaintId: string;
    let mediatorId: string;

    beforeAll(async () => {
      const token = await signInWorker(t, '13700007020');
      const filed = await t
        .http()
        .post('/api/v1/complaints')
        .set(bearer(token))
        .send(complaintBody({ complainant: { name: '郑一', idNumber: idNumber(20) } }));
      expect(filed.status).toBe(201);
      complaintId = filed.body.id as string;
      // The worker reading their own complaint is not a staff read.
      expect((await t.http().get(`/api/v1/complaints/${complaintId}`).set(bearer(token))).status).toBe(200);
      [{ id: mediatorId }] = await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM users WHERE username = 'mediator'`,
      );
    });

    const log = async (query: Record<string, string> = {}) =>
      t
        .http()
        .get('/api/v1/admin/pii-access')
        .query(query)
        .set(await as('admin'));

    it('a mediator opening the complaint (in full) is recorded: who, which case, when, why', async () => {
      const before = Date.now();
      const res = await t
        .http()
        .get(`/api/v1/complaints/${complaintId}`)
        .set(await as('mediator'));
      expect(res.body.complainant.idNumber).toBe(idNumber(20));
      const page = await log({ caseId: complaintId });
      expect(page.status).toBe(200);
      expect(page.body.items).toEqual([
        {
          id: expect.any(String),
          userId: mediatorId,
          role: 'MEDIATOR',
          caseType: 'COMPLAINT',
          caseIds: [complaintId],
          purpose: 'complaint.get',
          accessedAt: expect.any(String),
        },
      ]);
      expect(Date.parse(page.body.items[0].accessedAt)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('a supervisor sees it masked: nothing recorded; search by phone in full is recorded as search', async () => {
      const sup = await t
        .http()
        .get(`/api/v1/complaints/${complaintId}`)
        .set(await as('supervisor'));
      expect(sup.body.complainant.phone).toBe('137****7020');
      const found = await t
        .http()
        .get('/api/v1/search')
        .query({ q: '13700007020' })
        .set(await as('mediator'));
      expect(found.status).toBe(200);
      expect(found.body.items.map((h: { id: string }) => h.id)).toContain(complaintId);
      const page = await log({ caseId: complaintId });
      expect(page.body.items.map((i: { purpose: string; role: string }) => `${i.role}:${i.purpose}`)).toEqual(
        ['MEDIATOR:search', 'MEDIATOR:complaint.get'],
      );
    });

    it('a read outside a transaction commits its record without waiting for the WAL flush; inside one, durably with it', async () => {
      const setting = async (q: { query: (sql: string) => Promise<unknown> }) =>
        ((await q.query('SHOW synchronous_commit')) as { synchronous_commit: string }[])[0]
          .synchronous_commit;
      const row = (purpose: string) => ({
        id: randomUUID(),
        userId: mediatorId,
        role: 'MEDIATOR',
        caseType: 'COMPLAINT',
        caseIds: [complaintId],
        purpose,
      });
      const repo = t.app.get(PiiAccessRepository);
      // The switch lasts to the end of the statement's transaction: seen inside one, gone from the session after.
      await t.dataSource.transaction(async (em) => {
        await repo.insert(em, [row('test.sync')], false);
        expect(await setting(em)).toBe('on');
        await repo.insert(em, [row('test.async')], true);
        expect(await setting(em)).toBe('off');
      });
      const qr = t.dataSource.createQueryRunner();
      try {
        await repo.insert(qr.manager, [row('test.autocommit')], true);
        expect(await setting(qr)).toBe('on');
      } finally {
        await qr.release();
      }
      // The service never switches it off in a caller's transaction (intake answering staff commits with the record).
      await t.dataSource.transaction(async (em) => {
        await t.app
          .get(PiiAccessService)
          .record(
            em,
            { userId: mediatorId, role: 'MEDIATOR' },
            { caseType: 'COMPLAINT', caseIds: [complaintId], purpose: 'test.tx' },
          );
        expect(await setting(em)).toBe('on');
      });
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pii_access_log WHERE $1 = ANY(case_ids) AND purpose LIKE 'test.%'`,
        [complaintId],
      );
      expect(n).toBe(4);
      await t.dataSource.query(
        `DELETE FROM pii_access_log WHERE $1 = ANY(case_ids) AND purpose LIKE 'test.%'`,
        [complaintId],
      );
    });

    it("a list page is one read: one row with the page's cases, found by each of them", async () => {
      const second = await t
        .http()
        .post('/api/v1/complaints')
        .set(bearer(await signInWorker(t, '13700007021')))
        .send(complaintBody({ complainant: { name: '郑二', idNumber: idNumber(21) } }));
      expect(second.status).toBe(201);
      const readsByMediator = async () =>
        (
          await t.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pii_access_log WHERE user_id = $1`,
            [mediatorId],
          )
        )[0].n;
      const before = await readsByMediator();
      const page = await t
        .http()
        .get('/api/v1/complaints')
        .query({ limit: '20' })
        .set(await as('mediator'));
      expect(page.status).toBe(200);
      const shown = (
        page.body.items as { id: string; complainant?: { idNumber?: string | null; phone?: string | null } }[]
      ).filter((c) => Boolean(c.complainant?.idNumber ?? c.complainant?.phone));
      expect(shown.map((c) => c.id)).toEqual(expect.arrayContaining([complaintId, second.body.id]));
      expect((await readsByMediator()) - before).toBe(1);
      const reads = await log({ caseId: complaintId });
      expect(reads.body.items[0]).toMatchObject({ userId: mediatorId, purpose: 'complaint.list' });
      expect([...reads.body.items[0].caseIds].sort()).toEqual(shown.map((c) => c.id).sort());
      // Another case of the page finds the same read.
      expect((await log({ caseId: second.body.id as string })).body.items[0].id).toBe(reads.body.items[0].id);
    });

    it("reads of the same moment share their records' statement; each read returns once its record is written", async () => {
      const service = t.app.get(PiiAccessService);
      const record = (userId: string, purpose: string) =>
        service.record(
          t.dataSource.manager,
          { userId, role: 'MEDIATOR' },
          { caseType: 'COMPLAINT', caseIds: [complaintId], purpose },
        );
      const count = async (like: string) =>
        (
          await t.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pii_access_log WHERE purpose LIKE $1`,
            [like],
          )
        )[0].n;
      const inserts = (statements: { sql: string }[]) =>
        statements.filter((s) => s.sql.includes('INSERT INTO pii_access_log')).length;
      const together = await statementsDuring(() =>
        Promise.all(
          Array.from({ length: 10 }, async (_, i) => {
            await record(mediatorId, `test.batch.${i}`);
            // Written by the time the read may answer.
            return count(`test.batch.${i}`);
          }),
        ),
      );
      expect(together.result).toEqual(Array(10).fill(1));
      expect(inserts(together.statements)).toBe(1);
      // A record that cannot be written (no such user) fails its own read; those it was sent with are written.
      const mixed = await statementsDuring(() =>
        Promise.allSettled([
          record(mediatorId, 'test.mixed.a'),
          record(randomUUID(), 'test.mixed.unknown'),
          record(mediatorId, 'test.mixed.b'),
        ]),
      );
      expect(mixed.result.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await count('test.mixed.%')).toBe(2);
      expect(inserts(mixed.statements)).toBe(4); // together, then each alone
      await t.dataSource.query(`DELETE FROM pii_access_log WHERE purpose LIKE 'test.%'`);
    });

    it('the migration makes each row of a case a read of that case, and back', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      await t.app
        .get(PiiAccessService)
        .record(
          t.dataSource.manager,
          { userId: mediatorId, role: 'MEDIATOR' },
          { caseType: 'COMPLAINT', caseIds: [a, b, a], purpose: 'test.migration' },
        );
      const rows = (column: string) =>
        t.dataSource.query<{ cases: string[] }[]>(
          `SELECT ${column} AS cases FROM pii_access_log WHERE purpose = 'test.migration' ORDER BY 1`,
        );
      expect(await rows('case_ids')).toEqual([{ cases: [a, b] }]);
      const migration = new PiiAccessPerRead1796400001800();
      const runner = t.dataSource.createQueryRunner();
      try {
        await migration.down(runner);
        expect(await rows('ARRAY[case_id]')).toEqual(
          [{ cases: [a] }, { cases: [b] }].sort((x, y) => (x.cases[0] < y.cases[0] ? -1 : 1)),
        );
        await migration.up(runner);
      } finally {
        await runner.release();
      }
      expect(await rows('case_ids')).toEqual(
        [{ cases: [a] }, { cases: [b] }].sort((x, y) => (x.cases[0] < y.cases[0] ? -1 : 1)),
      );
      expect((await log({ caseId: b })).body.items.map((i: { caseIds: string[] }) => i.caseIds)).toEqual([
        [b],
      ]);
      await t.dataSource.query(`DELETE FROM pii_access_log WHERE purpose = 'test.migration'`);
    });

    it('filters by user, pages with a cursor, refuses other roles and bad filters', async () => {
      const byMediator = await log({ userId: mediatorId, limit: '1' });
      expect(byMediator.body.items).toHaveLength(1);
      expect(byMediator.body.items[0].userId).toBe(mediatorId);
      expect(byMediator.body.nextCursor).toEqual(expect.any(String));
      const next = await log({
        userId: mediatorId,
        limit: '1',
        cursor: byMediator.body.nextCursor as string,
      });
      expect(next.body.items[0].id).not.toBe(byMediator.body.items[0].id);
      const nobody = await log({ userId: randomUUID() });
      expect(nobody.body).toEqual({ items: [], nextCursor: null });
      expect((await log({ caseId: 'not-a-uuid' })).status).toBe(400);
      const denied = await t
        .http()
        .get('/api/v1/admin/pii-access')
        .set(await as('supervisor'));
      expect(denied.status).toBe(403);
    });
  });

  describe('key rotation (PII_KEY = new key first, the old one still listed)', () => {
    let r: TestApp;
    beforeAll(async () => {
      // The template's rows (the demo worker) were sealed and indexed with TEST_PII_KEYS (t1).
      r = await startTestApp({ env: { PII_KEY: `${generatePiiKeySpec('k2')},${TEST_PII_KEYS}` } });
    });
    afterAll(async () => {
      await r?.close();
    });

    it('old values still decrypt and are still found by their index; new values are sealed with the new key', async () => {
      const token = await r.token('13800000000');
      expect((await r.http().get('/api/v1/my/profile').set(bearer(token))).body.phone).toBe('13800000000');
      const filed = await r
        .http()
        .post('/api/v1/complaints')
        .set(bearer(token))
        .send(complaintBody({ complainant: { name: '演示' } }));
      expect(filed.status).toBe(201);
      expect(filed.body.complainant.phone).toBe('13800000000');
      const [row] = await r.dataSource.query<{ enc: string; bidx: string }[]>(
        `SELECT complainant_phone_enc AS enc, complainant_phone_bidx AS bidx FROM complaints WHERE id = $1`,
        [filed.body.id],
      );
      expect(row.enc).toMatch(/^v1:k2:/);
      const [user] = await r.dataSource.query<{ login_phone_enc: string; login_phone_bidx: string }[]>(
        `SELECT login_phone_enc, login_phone_bidx FROM users WHERE role = 'WORKER' AND display_name = '演示劳动者'`,
      );
      expect(user.login_phone_enc).toMatch(/^v1:t1:/);
      expect(row.bidx).toBe(user.login_phone_bidx);
    });
  });
});

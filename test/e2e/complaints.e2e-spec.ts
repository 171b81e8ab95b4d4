import { JobName } from '../../src/queue/job-catalogue';
import { OutboxService } from '../../src/queue/outbox.service';
import { ComplaintsService } from '../../src/complaints/complaints.service';
import { statementsDuring } from '../support/statements';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { testUscc } from '../support/uscc';

describe('complaint intake', () => {
  let t: TestApp;
  let worker: string;
  let workerB: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    worker = await t.token('13800000000');
    await t.http().post('/api/v1/auth/otp/request').send({ phone: '13600000009' });
    const verified = await t
      .http()
      .post('/api/v1/auth/otp/verify')
      .send({ phone: '13600000009', code: t.sms.lastCode('13600000009') });
    workerB = verified.body.accessToken as string;
  });
  afterAll(async () => {
    await t.close();
  });

  const file = (token: string, body = complaintBody(), headers: Record<string, string> = {}) =>
    t
      .http()
      .post('/api/v1/complaints')
      .set({ ...auth(token), ...headers })
      .send(body);

  it('accepts a complaint: 201 with a checkable tracking number, one event and one outbox row in the same commit', async () => {
    const res = await file(worker);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      trackingNo: expect.stringMatching(/^TS-\d{4}-\d{7}-[0-9X]$/),
      status: 'SUBMITTED',
      kind: 'COMPLAINT',
      claimedAmountFen: 1_250_000,
      employer: { name: '上海浦东某某建筑劳务有限公司', uscc: null },
      complainant: {
        name: '张三',
        idNumber: '11010519491231002X',
        phone: '13800000000',
        verified: true,
        onBehalfRelationship: null,
      },
      receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const [{ n: events }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND action = 'SUBMITTED'`,
      [res.body.id],
    );
    const [{ n: outbox }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE payload->>'complaintId' = $1`,
      [res.body.id],
    );
    expect(events).toBe(1);
    expect(outbox).toBe(1);
  });

  it('acknowledges receipt through the queue: one SMS with the tracking number, one ACKNOWLEDGED event', async () => {
    const res = await file(worker, complaintBody({ employer: { name: '确认回执测试公司' } }));
    const events = await eventually(async () => {
      const ev = await t.http().get(`/api/v1/complaints/${res.body.id}/events`).set(auth(worker));
      return ev.body.some((e: { action: string }) => e.action === 'ACKNOWLEDGED') ? ev.body : null;
    });
    expect(events.map((e: { action: string }) => e.action)).toEqual(['SUBMITTED', 'ACKNOWLEDGED']);
    expect(events[0]).toMatchObject({
      fromStatus: null,
      toStatus: 'SUBMITTED',
      // A worker actor is named 劳动者: never by its username (the phone number).
      actor: { role: 'WORKER', displayName: '劳动者', organisation: null },
    });
    expect(JSON.stringify(events)).not.toContain('13800000000');
    const sms = t.sms.sent.filter(
      (m) => m.template === 'COMPLAINT_RECEIVED' && m.params.trackingNo === res.body.trackingNo,
    );
    expect(sms).toEqual([
      {
        phone: '13800000000',
        template: 'COMPLAINT_RECEIVED',
        params: { trackingNo: res.body.trackingNo },
        text: `您的投诉已收到，编号${res.body.trackingNo}。我们将在5个工作日内决定是否受理，并以短信告知。`,
        outId: expect.any(String),
      },
    ]);
    // A replayed job changes nothing.
    await t.app.get(ComplaintsService).acknowledge(res.body.id);
    expect(t.sms.sent.filter((m) => m.params.trackingNo === res.body.trackingNo)).toHaveLength(1);
  });

  it('party notifications go through the outbox to one SMS per dedup key', async () => {
    const res = await file(worker, complaintBody({ employer: { name: '通知测试公司' } }));
    const outbox = t.app.get(OutboxService);
    for (let i = 0; i < 2; i++)
      await t.dataSource.transaction((em) =>
        outbox.enqueue(em, JobName.PartyNotify, {
          complaintId: res.body.id,
          template: 'ARBITRATION_ACCEPTED',
          dedupKey: `test-event:${res.body.id}`,
          params: { acceptedOn: '2026-12-01', caseNo: '浦劳人仲〔2026〕第1号' },
        }),
      );
    await eventually(() => t.sms.sent.some((m) => m.template === 'ARBITRATION_ACCEPTED'));
    await eventually(async () => {
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE job_name = 'party.notify' AND published_at IS NULL`,
      );
      return n === 0;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(t.sms.sent.filter((m) => m.template === 'ARBITRATION_ACCEPTED')).toEqual([
      {
        phone: '13800000000',
        template: 'ARBITRATION_ACCEPTED',
        params: {
          trackingNo: res.body.trackingNo,
          acceptedOn: '2026-12-01',
          caseNo: '浦劳人仲〔2026〕第1号',
        },
        text: `您的仲裁申请（投诉编号${res.body.trackingNo}）已于2026-12-01受理，案号浦劳人仲〔2026〕第1号。`,
        outId: expect.any(String),
      },
    ]);
  });

  it('defaults the complainant to the signed-in worker and reuses a known employer by USCC', async () => {
    const body = complaintBody({
      complainant: undefined,
      employer: { name: '某某科技', uscc: '91350100M000100Y43' },
    });
    const a = await file(worker, body);
    const b = await file(worker, {
      ...body,
      employer: { name: '某某科技（更名后）', uscc: '91350100m000100y43' },
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.complainant).toEqual({
      name: '演示劳动者',
      idNumber: null,
      phone: '13800000000',
      verified: true,
      onBehalfRelationship: null,
    });
    expect(b.body.employer.id).toBe(a.body.employer.id);
  });

  describe('who can read what', () => {
    let id: string;
    beforeAll(async () => {
      id = (await file(worker)).body.id as string;
    });

    it('the complainant and the street staff read it; handling staff see personal data in full', async () => {
      expect((await t.http().get(`/api/v1/complaints/${id}`).set(auth(worker))).status).toBe(200);
      const med = await t
        .http()
        .get(`/api/v1/complaints/${id}`)
        .set(auth(await t.token('mediator')));
      expect(med.status).toBe(200);
      expect(med.body.complainant.idNumber).toBe('11010519491231002X');
    });

    it('a supervisor sees it masked', async () => {
      const sup = await t
        .http()
        .get(`/api/v1/complaints/${id}`)
        .set(auth(await t.token('supervisor')));
      expect(sup.status).toBe(200);
      expect(sup.body.complainant).toEqual({
        name: '张*',
        idNumber: '110***********002X',
        phone: '138****0000',
        verified: true,
        onBehalfRelationship: null,
      });
    });

    it('ID and mobile numbers typed into the facts, the requests or a message are masked for a supervisor, in full for handling staff (audit)', async () => {
      const typed = '我叫赵四，电话13700001111，身份证310115199001011232';
      const masked = '我叫赵四，电话137****1111，身份证310***********1232';
      const c = await file(
        worker,
        complaintBody({ facts: `工资未发。${typed}`, requests: `请联系${typed}` }),
      );
      expect(c.status).toBe(201);
      const posted = await t
        .http()
        .post(`/api/v1/complaints/${c.body.id}/messages`)
        .set(auth(worker))
        .send({ body: `补充：${typed}` });
      expect(posted.status).toBe(201);
      const sup = await t.token('supervisor');
      const seen = await t.http().get(`/api/v1/complaints/${c.body.id}`).set(auth(sup));
      expect([seen.body.facts, seen.body.requests]).toEqual([`工资未发。${masked}`, `请联系${masked}`]);
      const thread = await t.http().get(`/api/v1/complaints/${c.body.id}/messages`).set(auth(sup));
      expect(thread.body.items.map((m: { body: string }) => m.body)).toEqual([`补充：${masked}`]);
      for (const who of [await t.token('mediator'), worker]) {
        const full = await t.http().get(`/api/v1/complaints/${c.body.id}`).set(auth(who));
        expect(full.body.facts).toBe(`工资未发。${typed}`);
        const own = await t.http().get(`/api/v1/complaints/${c.body.id}/messages`).set(auth(who));
        expect(own.body.items.map((m: { body: string }) => m.body)).toEqual([`补充：${typed}`]);
      }
    });

    it("worker B gets 404 for worker A's complaint, its events and its messages (BOLA)", async () => {
      for (const path of ['', '/events', '/messages']) {
        const res = await t.http().get(`/api/v1/complaints/${id}${path}`).set(auth(workerB));
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('COMPLAINT_NOT_FOUND');
      }
      const list = await t.http().get('/api/v1/complaints').set(auth(workerB));
      expect(list.body.items).toEqual([]);
    });

    it('a mediator of another street gets 404', async () => {
      const elsewhere = await file(worker, complaintBody({ workplaceStreetCode: '310115007' }));
      const res = await t
        .http()
        .get(`/api/v1/complaints/${elsewhere.body.id}`)
        .set(auth(await t.token('mediator')));
      expect(res.status).toBe(404);
      const sup = await t
        .http()
        .get(`/api/v1/complaints/${elsewhere.body.id}`)
        .set(auth(await t.token('supervisor')));
      expect(sup.status).toBe(200);
    });

    it('an unknown or malformed id is 404', async () => {
      expect(
        (await t.http().get('/api/v1/complaints/01900000-0000-7000-8000-000000000000').set(auth(worker)))
          .status,
      ).toBe(404);
      expect((await t.http().get('/api/v1/complaints/not-a-uuid').set(auth(worker))).status).toBe(404);
    });

    it('staff and complainant talk on the case channel', async () => {
      const say = async (user: string, body: string) =>
        t
          .http()
          .post(`/api/v1/complaints/${id}/messages`)
          .set(auth(await t.token(user)))
          .send({ body });
      expect((await say('mediator', '请于周五前来街道调解室')).status).toBe(201);
      // The system's administrator neither writes to a worker nor reads what they said, nor enters a complaint.
      const admin = auth(await t.token('admin'));
      expect((await say('admin', '系统管理员留言')).status).toBe(403);
      expect((await t.http().get(`/api/v1/complaints/${id}/messages`).set(admin)).status).toBe(403);
      expect((await t.http().post('/api/v1/complaints').set(admin).send(complaintBody())).status).toBe(403);
      const msgs = await t.http().get(`/api/v1/complaints/${id}/messages`).set(auth(worker));
      expect(msgs.body).toEqual({
        items: [{ author: 'STAFF', body: '请于周五前来街道调解室', createdAt: expect.any(String) }],
        nextCursor: null,
      });
    });
  });

  describe('listing', () => {
    it('pages with a cursor, newest first, without repeats, and filters', async () => {
      const mine = new Set<string>();
      for (let i = 0; i < 5; i++)
        mine.add((await file(worker, complaintBody({ category: 'OVERTIME_PAY' }))).body.id as string);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const q: Record<string, string> = {
          category: 'OVERTIME_PAY',
          limit: '2',
          ...(cursor ? { cursor } : {}),
        };
        const page = await t.http().get('/api/v1/complaints').query(q).set(auth(worker));
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((c: { id: string }) => c.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen)).toEqual(mine);
      expect(seen).toHaveLength(5);
      expect([...seen]).toEqual([...seen].sort().reverse());
    });

    it('filters by street, employer and date range; rejects bad filters and an over-cap page size', async () => {
      const sup = await t.token('supervisor');
      const byStreet = await t.http().get('/api/v1/complaints').query({ street: '310115007' }).set(auth(sup));
      expect(
        byStreet.body.items.every(
          (c: { workplaceStreetCode: string }) => c.workplaceStreetCode === '310115007',
        ),
      ).toBe(true);
      expect(byStreet.body.items.length).toBeGreaterThan(0);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      expect(
        (await t.http().get('/api/v1/complaints').query({ from: today, to: today }).set(auth(sup))).body.items
          .length,
      ).toBeGreaterThan(0);
      expect(
        (await t.http().get('/api/v1/complaints').query({ to: '2000-01-01' }).set(auth(sup))).body.items,
      ).toEqual([]);
      for (const q of [
        { limit: '1000' },
        { status: 'NOPE' },
        { from: '2026-13-45' },
        { cursor: 'zzz' },
        { employerId: 'x' },
        { unknown: '1' },
      ]) {
        const res = await t.http().get('/api/v1/complaints').query(q).set(auth(sup));
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it('names employers from memory, and shows a register import’s rename at once', async () => {
      const sup = await t.token('supervisor');
      const uscc = testUscc(4242, 'LT');
      const filed = await file(
        worker,
        complaintBody({ employer: { name: '浦东列表缓存测试有限公司', uscc } }),
      );
      expect(filed.status).toBe(201);
      const employerId = filed.body.employer.id as string;
      const list = () => t.http().get('/api/v1/complaints').query({ employerId }).set(auth(sup));
      expect((await list()).body.items[0].employer.name).toBe('浦东列表缓存测试有限公司');
      // Read a moment ago: the next page does not read the employer again (EmployersService).
      const again = await statementsDuring(() => list());
      expect(again.result.body.items[0].employer).toEqual({
        id: employerId,
        name: '浦东列表缓存测试有限公司',
        uscc,
        // Named by the complaint only: provisional until the register names it (below).
        nameConfirmed: false,
      });
      expect(again.statements.length).toBeGreaterThan(0);
      expect(again.statements.filter((s) => /\bFROM "?employers"?/.test(s.sql))).toEqual([]);
      const renamed = await t
        .http()
        .post('/api/v1/employers/register')
        .set(auth(sup))
        .send({
          employers: [
            {
              uscc,
              name: '浦东列表缓存测试改名有限公司',
              streetCode: '310115007',
              industryCode: 'H',
              sizeClass: 'SMALL',
              headcount: 12,
            },
          ],
        });
      expect([renamed.status, renamed.body.updated]).toEqual([200, 1]);
      expect((await list()).body.items[0].employer).toMatchObject({
        name: '浦东列表缓存测试改名有限公司',
        nameConfirmed: true,
      });
    });
  });

  describe('bad input is 400 with field details, never 500', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['unknown field', { extra: 1 }, 'extra'],
      ['wrong type of amount', { claimedAmountFen: '1250000' }, 'claimedAmountFen'],
      ['fractional fen', { claimedAmountFen: 12.5 }, 'claimedAmountFen'],
      ['negative amount', { claimedAmountFen: -1 }, 'claimedAmountFen'],
      ['zero workers', { affectedWorkers: 0 }, 'affectedWorkers'],
      ['unknown category', { category: 'BOSS_IS_MEAN' }, 'category'],
      ['unknown channel', { channel: 'FAX' }, 'channel'],
      ['malformed street code', { workplaceStreetCode: '3101' }, 'workplaceStreetCode'],
      ['unknown street code', { workplaceStreetCode: '310115999' }, 'workplaceStreetCode'],
      ['invalid USCC', { employer: { name: '某某公司', uscc: '91350100M000100Y44' } }, 'employer.uscc'],
      ['missing employer', { employer: undefined }, 'employer'],
      ['employer of wrong type', { employer: 'ACME' }, 'employer'],
      [
        'invalid ID number',
        { complainant: { name: '张三', idNumber: '110105194912310021' } },
        'complainant.idNumber',
      ],
      [
        'invalid phone',
        { complainant: { name: '张三', idNumber: '11010519491231002X', phone: '12345678901' } },
        'complainant.phone',
      ],
      [
        'unknown nested field',
        { complainant: { name: '张三', idNumber: '11010519491231002X', age: 3 } },
        'complainant.age',
      ],
      ['empty facts', { facts: '' }, 'facts'],
      // A claim to money by nature states its amount (WAGE_ARREARS, OVERTIME_PAY).
      ['wage arrears without an amount', { claimedAmountFen: undefined }, 'claimedAmountFen'],
      [
        'overtime pay without an amount',
        { category: 'OVERTIME_PAY', claimedAmountFen: undefined },
        'claimedAmountFen',
      ],
      // …and an amount owed: nothing owed is no wage claim (audit: 0 was accepted).
      ['wage arrears of nothing', { claimedAmountFen: 0 }, 'claimedAmountFen'],
      ['overtime pay of nothing', { category: 'OVERTIME_PAY', claimedAmountFen: 0 }, 'claimedAmountFen'],
    ];
    it.each(cases)('%s', async (_name, override, field) => {
      const res = await file(worker, complaintBody(override));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: expect.any(String),
      });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('a complaint about no contract or social insurance has no amount to claim: accepted without one, stored as null (audit)', async () => {
      for (const category of ['NO_CONTRACT', 'SOCIAL_INSURANCE']) {
        const res = await file(worker, complaintBody({ category, claimedAmountFen: undefined }));
        expect([category, res.status]).toEqual([category, 201]);
        const view = await t.http().get(`/api/v1/complaints/${res.body.id}`).set(auth(worker));
        expect(view.body.claimedAmountFen).toBeNull();
      }
      // An amount given anyway is kept, and an explicit null is the same as none.
      const given = await file(worker, complaintBody({ category: 'NO_CONTRACT', claimedAmountFen: 300_000 }));
      expect([given.status, given.body.claimedAmountFen]).toEqual([201, 300_000]);
      const none = await file(
        worker,
        complaintBody({ category: 'SOCIAL_INSURANCE', claimedAmountFen: null }),
      );
      expect([none.status, none.body.claimedAmountFen]).toEqual([201, null]);
    });

    it('malformed JSON', async () => {
      const res = await t
        .http()
        .post('/api/v1/complaints')
        .set(auth(worker))
        .set('content-type', 'application/json')
        .send('{"category":');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ statusCode: 400, code: 'MALFORMED_JSON', message: expect.any(String) });
    });

    it('a JSON array or a bare string instead of an object', async () => {
      for (const raw of ['[1,2]', '"x"', 'null']) {
        const res = await t
          .http()
          .post('/api/v1/complaints')
          .set(auth(worker))
          .set('content-type', 'application/json')
          .send(raw);
        expect(res.status).toBe(400);
      }
    });

    it('a short statement of facts is a complaint: 工资未发 (4 characters) is taken, one character is not', async () => {
      const short = await file(worker, complaintBody({ facts: '工资未发' }));
      expect(short.status).toBe(201);
      const one = await file(worker, complaintBody({ facts: '欠' }));
      expect([one.status, one.body.details?.[0]?.field]).toEqual([400, 'facts']);
    });

    it('an oversized body (> 256 KB) is refused with 413 before it is parsed', async () => {
      const res = await file(worker, complaintBody({ facts: 'x'.repeat(300 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
    });

    it('staff may not file a complaint on a worker channel (only HOTLINE_12333 / WALK_IN)', async () => {
      const res = await file(await t.token('mediator'));
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('channel');
    });

    it('nothing was stored by any refused request', async () => {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM complaints WHERE facts = ''`);
      expect(n).toBe(0);
    });
  });

  describe('Idempotency-Key', () => {
    const count = async (key: string) => {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM idempotency_records WHERE key = $1`,
        [key],
      );
      return n as number;
    };

    it('same key and body replays the first response and stores one complaint', async () => {
      const body = complaintBody({ facts: 'idempotent replay test facts' });
      const first = await file(worker, body, { 'idempotency-key': 'key-replay-1' });
      const second = await file(worker, body, { 'idempotency-key': 'key-replay-1' });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM complaints WHERE facts = $1`, [
        'idempotent replay test facts',
      ]);
      expect(n).toBe(1);
      expect(await count('key-replay-1')).toBe(1);
    });

    it('same key with another body is 422', async () => {
      await file(worker, complaintBody({ facts: 'first body for key 2' }), { 'idempotency-key': 'key-2' });
      const res = await file(worker, complaintBody({ facts: 'another body for key 2' }), {
        'idempotency-key': 'key-2',
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('keys are per caller: worker B may use the same key', async () => {
      await file(worker, complaintBody(), { 'idempotency-key': 'shared-key' });
      const res = await file(workerB, complaintBody(), { 'idempotency-key': 'shared-key' });
      expect(res.status).toBe(201);
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    });

    it('concurrent duplicates create one complaint; the others replay it or are told it is in progress', async () => {
      const body = complaintBody({ facts: 'concurrent duplicate submission' });
      const results = await Promise.all(
        Array.from({ length: 8 }, () => file(worker, body, { 'idempotency-key': 'key-concurrent' })),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
      const created = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
      expect(created.size).toBe(1);
      for (const r of results.filter((x) => x.status === 409))
        expect(r.body.code).toBe('IDEMPOTENCY_KEY_IN_USE');
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM complaints WHERE facts = $1`, [
        'concurrent duplicate submission',
      ]);
      expect(n).toBe(1);
    });

    it('a malformed key is 400', async () => {
      const res = await file(worker, complaintBody(), { 'idempotency-key': 'x'.repeat(200) });
      expect(res.status).toBe(400);
    });

    it('a refused request leaves the key free', async () => {
      expect(
        (await file(worker, complaintBody({ claimedAmountFen: -5 }), { 'idempotency-key': 'key-after-400' }))
          .status,
      ).toBe(400);
      expect((await file(worker, complaintBody(), { 'idempotency-key': 'key-after-400' })).status).toBe(201);
    });
  });

  it('tracking numbers are unique and consecutive per year under concurrency', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => file(worker)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const seqs = results
      .map((r) => Number((r.body.trackingNo as string).split('-')[2]))
      .sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(10);
    expect(seqs[9] - seqs[0]).toBe(9);
  });
});

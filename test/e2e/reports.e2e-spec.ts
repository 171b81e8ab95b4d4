import type { CreateReportDto } from '../../src/complaints/dto/create-complaint.dto';
import { ReportsService } from '../../src/complaints/reports.service';
import { JOB_QUEUE, JobName } from '../../src/queue/job-catalogue';
import { QueueService } from '../../src/queue/queue.service';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { expectBadPageQueriesRefused, walkThread } from '../support/thread-pages';

describe('anonymous reports (举报)', () => {
  let t: TestApp;
  const reportBody = () => {
    const {
      complainant: _c,
      claimedAmountFen: _a,
      ...rest
    } = complaintBody({ category: 'NO_CONTRACT', affectedWorkers: 30 });
    return rest;
  };
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const submit = () => t.http().post('/api/v1/reports').send(reportBody());
  const status = (trackingNo: string, code?: string) => {
    const r = t.http().get(`/api/v1/reports/${trackingNo}`);
    return code === undefined ? r : r.set('x-access-code', code);
  };
  /** Waits for the acknowledgement on the report's channel (read in the database: lookups are rate-limited). */
  const acknowledged = async (trackingNo: string) => {
    const [{ id }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM complaints WHERE tracking_no = $1`,
      [trackingNo],
    );
    await eventually(async () => {
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM complaint_messages WHERE complaint_id = $1`,
        [id],
      );
      return n > 0 ? true : null;
    });
    return id;
  };

  it('takes a report without login and returns a tracking number and an access code', async () => {
    // An Idempotency-Key sent along is ignored (see the next test): no record of it is kept.
    const res = await submit().set('idempotency-key', 'report-retry-1');
    expect(res.status).toBe(201);
    const [{ n }] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM idempotency_records`,
    );
    expect(n).toBe(0);
    expect(res.body).toEqual({
      trackingNo: expect.stringMatching(/^JB-\d{4}-\d{7}-[0-9X]$/),
      accessCode: expect.stringMatching(/^[A-Z2-9]{12}$/),
    });
    const [row] = await t.dataSource.query(
      `SELECT kind, complainant_user_id, complainant_name, complainant_phone_enc, complainant_phone_bidx, complainant_id_number_enc, complainant_id_number_bidx, access_code_hash, claimed_amount_fen FROM complaints WHERE tracking_no = $1`,
      [res.body.trackingNo],
    );
    // Nothing about the reporter is stored; the code only as an argon2id hash.
    expect(row).toMatchObject({
      kind: 'REPORT',
      complainant_user_id: null,
      complainant_name: null,
      complainant_phone_enc: null,
      complainant_phone_bidx: null,
      complainant_id_number_enc: null,
      complainant_id_number_bidx: null,
      claimed_amount_fen: null,
    });
    expect(row.access_code_hash).toMatch(/^\$argon2id\$/);
    expect(row.access_code_hash).not.toContain(res.body.accessCode);
  });

  it('does not claim Idempotency-Key: a replay would have to show the access code again, kept only as a hash', async () => {
    const doc = (await t.http().get('/api/docs-json')).body as {
      paths: Record<string, { post: { description: string; parameters?: { name: string }[] } }>;
    };
    const op = doc.paths['/api/v1/reports'].post;
    expect(op.description).not.toMatch(/(?<!不)支持 Idempotency-Key/);
    expect(op.description).toMatch(/不支持 Idempotency-Key/);
    expect((op.parameters ?? []).map((p) => p.name)).not.toContain('Idempotency-Key');
  });

  it('refuses a complainant block and an optional amount of the wrong type', async () => {
    const withComplainant = await t
      .http()
      .post('/api/v1/reports')
      .send({ ...reportBody(), complainant: { name: 'x' } });
    expect(withComplainant.status).toBe(400);
    expect(withComplainant.body.details.map((d: { field: string }) => d.field)).toContain('complainant');
    const badAmount = await t
      .http()
      .post('/api/v1/reports')
      .send({ ...reportBody(), claimedAmountFen: -3 });
    expect(badAmount.status).toBe(400);
  });

  it('the reporter reads status and staff replies with the access code, and answers back', async () => {
    const { trackingNo, accessCode } = (await submit()).body;
    // The acknowledgement job posts a message into the channel.
    const first = await eventually(async () => {
      const res = await status(trackingNo, accessCode);
      return res.body.messages?.length ? res.body : null;
    });
    expect(first).toMatchObject({ trackingNo, status: 'SUBMITTED', category: 'NO_CONTRACT' });
    expect(first.messages[0]).toMatchObject({ author: 'STAFF', body: expect.stringContaining(trackingNo) });
    expect(first.messagesNextCursor).toBeNull();

    // Staff of the street find the report and reply; the reporter answers.
    const inspector = await t.token('inspector');
    const list = await t.http().get('/api/v1/complaints').set('authorization', `Bearer ${inspector}`);
    const report = list.body.items.find((c: { trackingNo: string }) => c.trackingNo === trackingNo);
    expect(report.complainant).toBeNull();
    await t
      .http()
      .post(`/api/v1/complaints/${report.id}/messages`)
      .set('authorization', `Bearer ${inspector}`)
      .send({ body: '请提供用工地点的具体楼号' });
    const answer = await t
      .http()
      .post(`/api/v1/reports/${trackingNo}/messages`)
      .set('x-access-code', accessCode)
      .send({ body: '3号楼工地' });
    expect(answer.status).toBe(201);
    const after = await status(trackingNo, accessCode);
    expect(
      after.body.messages.map((m: { author: string; body: string }) => [m.author, m.body]).slice(1),
    ).toEqual([
      ['STAFF', '请提供用工地点的具体楼号'],
      ['REPORTER', '3号楼工地'],
    ]);
    // A short thread comes whole in the lookup; the thread's own page is the same.
    expect(after.body.messagesNextCursor).toBeNull();
    const thread = await t
      .http()
      .get(`/api/v1/reports/${trackingNo}/messages`)
      .set('x-access-code', accessCode);
    expect(thread.body).toEqual({ items: after.body.messages, nextCursor: null });
    const staffView = await t
      .http()
      .get(`/api/v1/complaints/${report.id}/messages`)
      .set('authorization', `Bearer ${inspector}`);
    expect(staffView.body.items.map((m: { author: string }) => m.author)).toEqual([
      'STAFF',
      'STAFF',
      'REPORTER',
    ]);
  });

  it('a long thread is paged: the lookup carries its first page (oldest first) and messagesNextCursor; GET /reports/:trackingNo/messages pages the rest like the case thread', async () => {
    // Filed through the service: POST /reports allows 10 a minute, which this file's other tests use up.
    const { trackingNo, accessCode } = await t.app
      .get(ReportsService)
      .submit(reportBody() as unknown as CreateReportDto);
    // The acknowledgement comes first; then 21 staff replies and one from the reporter: 23 messages.
    const id = await acknowledged(trackingNo);
    const inspector = { authorization: `Bearer ${await t.token('inspector')}` };
    const sent: string[] = [];
    for (let i = 1; i <= 21; i++) {
      const body = `第${i}条：请补充材料`;
      const r = await t.http().post(`/api/v1/complaints/${id}/messages`).set(inspector).send({ body });
      expect(r.status).toBe(201);
      sent.push(body);
    }
    const answered = await t
      .http()
      .post(`/api/v1/reports/${trackingNo}/messages`)
      .set('x-access-code', accessCode)
      .send({ body: '已补充' });
    expect(answered.status).toBe(201);
    sent.push('已补充');
    const bodies = (items: { body: string }[]) => items.map((m) => m.body);

    // The lookup: the report as before, its thread's first page of the default size (20), the cursor of the rest.
    const looked = await status(trackingNo, accessCode);
    expect(looked.status).toBe(200);
    expect(looked.body.messages).toHaveLength(20);
    expect(bodies(looked.body.messages).slice(1)).toEqual(sent.slice(0, 19));
    expect(looked.body.messagesNextCursor).toEqual(expect.any(String));
    const page = (query: Record<string, string | number>, code: string | null = accessCode) => {
      const r = t.http().get(`/api/v1/reports/${trackingNo}/messages`).query(query);
      return code === null ? r : r.set('x-access-code', code);
    };
    const rest = await page({ cursor: looked.body.messagesNextCursor as string });
    expect([rest.status, bodies(rest.body.items), rest.body.nextCursor]).toEqual([200, sent.slice(19), null]);
    expect(Object.keys(rest.body).sort()).toEqual(['items', 'nextCursor']);
    expect(Object.keys(rest.body.items[0]).sort()).toEqual(['author', 'body', 'createdAt']);

    // Walking the thread alone gives every message once, in order; the case thread's parameters and errors.
    const walked = await walkThread(page, 7);
    expect(walked.sizes).toEqual([7, 7, 7, 2]);
    expect(walked.bodies.slice(1)).toEqual(sent);
    await expectBadPageQueriesRefused(page);
    // The lookup's credential, and its one 404 for a wrong, missing or unknown one.
    for (const r of [
      await page({}, 'AAAAAAAAAAAA'),
      await page({}, null),
      await t.http().get('/api/v1/reports/JB-2026-9999999-0/messages').set('x-access-code', accessCode),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ statusCode: 404, code: 'REPORT_NOT_FOUND', message: expect.any(String) });
    }
    expect((await page({ limit: 1 }, accessCode.toLowerCase())).status).toBe(200);
  });

  it('the acknowledgement leads the thread when the reporter or staff write before its queued job runs, and is written once', async () => {
    // The acknowledgement is a queued job: hold its queue so that both writes come first.
    const queues = t.app.get(QueueService);
    const q = queues.queue(JOB_QUEUE[JobName.ComplaintAcknowledge]);
    const reports = t.app.get(ReportsService);
    const inspector = { authorization: `Bearer ${await t.token('inspector')}` };
    const idOf = async (trackingNo: string) =>
      (
        await t.dataSource.query<{ id: string }[]>(`SELECT id FROM complaints WHERE tracking_no = $1`, [
          trackingNo,
        ])
      )[0].id;
    await q.pause();
    let byReporter: { trackingNo: string; accessCode: string };
    let byStaff: { trackingNo: string; accessCode: string };
    try {
      byReporter = await reports.submit(reportBody() as unknown as CreateReportDto);
      const answered = await reports.reply(
        byReporter.trackingNo,
        byReporter.accessCode,
        '补充：拖欠三个月工资',
      );
      expect(answered.author).toBe('REPORTER');
      byStaff = await reports.submit(reportBody() as unknown as CreateReportDto);
      const replied = await t
        .http()
        .post(`/api/v1/complaints/${await idOf(byStaff.trackingNo)}/messages`)
        .set(inspector)
        .send({ body: '请提供用工地点的具体楼号' });
      expect(replied.status).toBe(201);
    } finally {
      await q.resume();
    }
    const thread = async (r: { trackingNo: string; accessCode: string }) =>
      (await reports.messages(r.trackingNo, r.accessCode, {})).items.map((m) => [m.author, m.body]);
    const received = (trackingNo: string) => ['STAFF', expect.stringContaining(`举报（编号 ${trackingNo}）`)];
    expect(await thread(byReporter)).toEqual([
      received(byReporter.trackingNo),
      ['REPORTER', '补充：拖欠三个月工资'],
    ]);
    expect(await thread(byStaff)).toEqual([
      received(byStaff.trackingNo),
      ['STAFF', '请提供用工地点的具体楼号'],
    ]);
    // The held job runs once resumed and finds the acknowledgement made: nothing is written twice.
    for (const r of [byReporter, byStaff]) {
      const id = await idOf(r.trackingNo);
      await eventually(async () => {
        const [{ n }] = await t.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM outbox_messages
            WHERE job_name = $2 AND payload->>'complaintId' = $1 AND published_at IS NOT NULL`,
          [id, JobName.ComplaintAcknowledge],
        );
        const counts = await q.getJobCounts('wait', 'active');
        return n === 1 && counts.wait + counts.active === 0 ? true : null;
      });
      const [{ events }] = await t.dataSource.query<{ events: number }[]>(
        `SELECT count(*)::int AS events FROM case_events WHERE case_id = $1 AND action = 'ACKNOWLEDGED'`,
        [id],
      );
      expect(events).toBe(1);
      expect(await thread(r)).toHaveLength(2);
    }
  });

  it('a wrong, missing or lower-cased code and an unknown tracking number all answer the same 404', async () => {
    const { trackingNo, accessCode } = (await submit()).body;
    const wrong = await status(trackingNo, 'AAAAAAAAAAAA');
    const missing = await status(trackingNo);
    const unknown = await status('JB-2026-9999999-0', accessCode);
    const garbage = await status('JB-not-a-number', accessCode);
    for (const r of [wrong, missing, unknown, garbage]) {
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ statusCode: 404, code: 'REPORT_NOT_FOUND', message: expect.any(String) });
    }
    expect((await status(trackingNo, accessCode.toLowerCase())).status).toBe(200);
  });

  it('five wrong codes lock out wrong codes, never the reporter with the right code', async () => {
    const { trackingNo, accessCode } = (await submit()).body;
    // Wrong codes on the lookup and on its thread count towards the one lock.
    for (let i = 0; i < 5; i++) {
      const code = `WRONGCODE00${i}`;
      const r = await (i % 2
        ? t.http().get(`/api/v1/reports/${trackingNo}/messages`).set('x-access-code', code)
        : status(trackingNo, code));
      expect(r.status).toBe(404);
    }
    const locked = await status(trackingNo, 'WRONGCODE009');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCESS_CODE_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const thread = (code: string) =>
      t.http().get(`/api/v1/reports/${trackingNo}/messages`).set('x-access-code', code);
    const lockedThread = await thread('WRONGCODE010');
    expect([lockedThread.status, lockedThread.body.code]).toEqual([429, 'ACCESS_CODE_LOCKED']);
    expect((await thread(accessCode)).status).toBe(200);
    expect((await status(trackingNo, accessCode)).status).toBe(200);
    const reply = await t
      .http()
      .post(`/api/v1/reports/${trackingNo}/messages`)
      .set('x-access-code', accessCode)
      .send({ body: 'hi' });
    expect(reply.status).toBe(201);
  });

  it('public tracking numbers are not sequential (random 7 digits, valid check character)', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 4; i++) numbers.push((await submit()).body.trackingNo as string);
    const seqs = numbers.map((n) => Number(n.split('-')[2]));
    const steps = seqs.slice(1).map((s, i) => s - seqs[i]);
    expect(steps.every((d) => d === 1)).toBe(false);
    expect(new Set(numbers).size).toBe(4);
  });

  // Last: it uses up this client's rate limit on the thread (30 a minute, as the lookup).
  it('the thread is rate-limited as the lookup is', async () => {
    const thread = () => t.http().get('/api/v1/reports/JB-2026-9999999-0/messages').set('x-access-code', 'A');
    let last = await thread();
    for (let i = 0; i < 30 && last.status !== 429; i++) last = await thread();
    expect([last.status, last.body.code]).toEqual([429, 'RATE_LIMITED']);
  });

  it('the worker role cannot list reports (they belong to no worker)', async () => {
    const res = await t
      .http()
      .get('/api/v1/complaints')
      .set('authorization', `Bearer ${await t.token('13800000000')}`);
    expect(res.body.items.filter((c: { kind: string }) => c.kind === 'REPORT')).toEqual([]);
  });
});

import { QueueName } from '../../src/queue/job-catalogue';
import { QueueService } from '../../src/queue/queue.service';
import { organisationId } from '../../src/reference/organisations';
import { caseMessageSmsWindow } from '../../src/complaints/case-messages.rules';
import { bearer, fileComplaint, inboxAbout, openMediation, userIdOf } from '../support/case-flow';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { fileMembers, memberPhone } from '../support/collective';
import { createAccount, signInWorker } from '../support/users';
import { expectBadPageQueriesRefused, walkThread } from '../support/thread-pages';

/**
 * The case message thread reaches the other side: a staff reply the worker (in-app, and one SMS per case and window
 * that names the case and never the message), a worker's message the staff in charge of the case's current
 * proceeding (else the street's intake staff); a 举报's reply its staff, with nothing of the reporter.
 */
describe('case messages are noticed', () => {
  let t: TestApp;
  let n = 0;
  const worker = '13800000000';
  const employer = () => `浦东留言测试公司${++n}`;
  const post = async (user: string, id: string, body: string) =>
    t
      .http()
      .post(`/api/v1/complaints/${id}/messages`)
      .set(await bearer(t, user))
      .send({ body });
  const myNotifications = async () => {
    const r = await t
      .http()
      .get('/api/v1/my/notifications')
      .query({ limit: 100 })
      .set(await bearer(t, worker));
    expect(r.status).toBe(200);
    return r.body.items as {
      channel: string;
      template: string;
      subjectRef: string;
      text: string;
      link: string;
    }[];
  };
  const smsAbout = (trackingNo: string) =>
    t.sms.sent.filter((m) => m.template === 'COMPLAINT_MESSAGE_SMS' && m.params.trackingNo === trackingNo);
  /** Every party.notify job of the complaint relayed and finished (each outbox row is relayed as the job of its id). */
  const jobsDone = (complaintId: string) =>
    eventually(async () => {
      const rows = await t.dataSource.query<{ id: string; published: boolean }[]>(
        `SELECT id, published_at IS NOT NULL AS published FROM outbox_messages
          WHERE job_name = 'party.notify' AND payload->>'complaintId' = $1`,
        [complaintId],
      );
      if (rows.length === 0 || rows.some((r) => !r.published)) return false;
      const q = t.app.get(QueueService).queue(QueueName.Notifications);
      const states = await Promise.all(rows.map((r) => q.getJobState(r.id)));
      return states.every((s) => s === 'completed');
    });

  beforeAll(async () => {
    t = await startTestApp();
    // A second mediator of 陆家嘴's committee, a mediator of 塘桥's (310115007) and an inspector of 塘桥.
    await createAccount(t, {
      username: 'mediator-2',
      role: 'MEDIATOR',
      jurisdictions: ['310115005'],
      organisationId: organisationId('MEDIATION_COMMITTEE', '310115005'),
    });
    await createAccount(t, {
      username: 'mediator-007',
      role: 'MEDIATOR',
      jurisdictions: ['310115007'],
      organisationId: organisationId('MEDIATION_COMMITTEE', '310115007'),
    });
    await createAccount(t, {
      username: 'inspector-007',
      role: 'INSPECTOR',
      jurisdictions: ['310115007'],
      organisationId: organisationId('INSPECTION_BRIGADE', '310115'),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('POST answers the stored time of the message, the one GET lists', async () => {
    const c = await fileComplaint(t, { employerName: employer() });
    const posted = await post(worker, c.id, '请问什么时候能拿到工资？');
    expect(posted.status).toBe(201);
    const listed = await t
      .http()
      .get(`/api/v1/complaints/${c.id}/messages`)
      .set(await bearer(t, worker));
    const mine = (listed.body.items as { author: string; createdAt: string }[]).filter(
      (m) => m.author === 'COMPLAINANT',
    );
    expect(mine.map((m) => m.createdAt)).toEqual([posted.body.createdAt]);
  });

  it('the thread is a keyset page, oldest first: walking it gives every message once, in order; bad or unknown parameters are 400', async () => {
    const c = await fileComplaint(t, { employerName: employer() });
    const sent: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const [user, body] = i % 2 ? [worker, `第${i}条：工人留言`] : ['mediator', `第${i}条：工作人员回复`];
      expect((await post(user, c.id, body)).status).toBe(201);
      sent.push(body);
    }
    const page = async (query: Record<string, string | number>) =>
      t
        .http()
        .get(`/api/v1/complaints/${c.id}/messages`)
        .query(query)
        .set(await bearer(t, worker));
    const walked = await walkThread(page, 2);
    expect(walked.sizes).toEqual([2, 2, 1]);
    expect(walked.bodies).toEqual(sent);
    // Without parameters: the first page of the default size, the whole of this short thread.
    const all = await page({});
    expect([all.status, all.body.items.map((m: { body: string }) => m.body), all.body.nextCursor]).toEqual([
      200,
      sent,
      null,
    ]);
    await expectBadPageQueriesRefused(page);
  });

  it('a staff reply reaches the worker in-app and by one SMS naming the case, not the message', async () => {
    const c = await fileComplaint(t, { employerName: employer(), target: 'MEDIATION' });
    const body = '您好，用人单位已同意本周五前支付工资，联系人王某 13912345678。';
    const first = await post('mediator', c.id, body);
    expect(first.status).toBe(201);
    const second = await post('mediator', c.id, '补充：请携带身份证。');
    expect(second.status).toBe(201);

    const items = (await myNotifications()).filter(
      (i) => i.subjectRef === `complaint:${c.id}` && i.template === 'COMPLAINT_MESSAGE_FROM_STAFF',
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ channel: 'IN_APP', link: `/api/v1/my/cases/${c.id}` });
    expect(items[0].text).toContain(c.trackingNo);
    expect(items[0].text).not.toContain('工资');

    const [sms] = await eventually(() => (smsAbout(c.trackingNo).length ? smsAbout(c.trackingNo) : null));
    expect(sms.text).toContain(c.trackingNo);
    expect(sms.text).not.toContain('王某');
    expect(sms.text).not.toContain('13912345678');
    await jobsDone(c.id);
    // Two replies in one window: one SMS (a window boundary between them: one each).
    const windows = new Set(
      [first, second].map((r) => caseMessageSmsWindow(new Date(r.body.createdAt as string))),
    );
    expect(smsAbout(c.trackingNo)).toHaveLength(windows.size);
    // The worker's own message texts nobody and puts nothing in the worker's inbox.
    expect((await post(worker, c.id, '好的，谢谢')).status).toBe(201);
    await jobsDone(c.id);
    expect(smsAbout(c.trackingNo)).toHaveLength(windows.size);
  });

  it("a worker's message reaches the case's mediator, not the committee's others nor another street's staff", async () => {
    const c = await fileComplaint(t, { employerName: employer(), target: 'MEDIATION' });
    const opened = await openMediation(t, 'mediator', c.id);
    expect(opened.mediatorUserId).toBe(await userIdOf(t, 'mediator'));
    expect((await post(worker, c.id, '请问什么时候能拿到工资？')).status).toBe(201);
    const ref = `complaint:${c.id}`;
    expect(await inboxAbout(t, 'mediator', ref)).toContain('COMPLAINT_MESSAGE_FROM_PARTY');
    // (The committee's other mediator has the routing's item: COMPLAINT_ROUTED_TO_BODY.)
    const told = async (user: string) =>
      (await inboxAbout(t, user, ref)).filter((x) => x === 'COMPLAINT_MESSAGE_FROM_PARTY');
    for (const other of ['mediator-2', 'mediator-007', 'inspector', 'inspector-007'])
      expect([other, await told(other)]).toEqual([other, []]);
    // Staff replies tell no staff.
    expect((await post('mediator', c.id, '已联系用人单位')).status).toBe(201);
    expect(await told('mediator')).toEqual(['COMPLAINT_MESSAGE_FROM_PARTY']);
  });

  it("before any proceeding, a worker's message reaches the street's intake staff only", async () => {
    const c = await fileComplaint(t, { employerName: employer() });
    expect((await post(worker, c.id, '请问受理了吗？')).status).toBe(201);
    const ref = `complaint:${c.id}`;
    for (const staff of ['mediator', 'mediator-2', 'inspector'])
      expect([staff, await inboxAbout(t, staff, ref)]).toEqual([staff, ['COMPLAINT_MESSAGE_FROM_PARTY']]);
    for (const other of ['mediator-007', 'inspector-007'])
      expect([other, await inboxAbout(t, other, ref)]).toEqual([other, []]);
  });

  it("a staff reply on one member's complaint of a collective dispute tells that worker only", async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 10; i++) tokens.push(await signInWorker(t, memberPhone(i)));
    const filed = await fileMembers(t, tokens, employer());
    const dispute = await t
      .http()
      .post('/api/v1/collective-disputes')
      .set(await bearer(t, 'mediator'))
      .send({
        employerId: filed.employerId,
        category: 'WAGE_ARREARS',
        complaintIds: filed.ids,
        representativeComplaintIds: [],
      });
    expect(dispute.status).toBe(201);
    const before = t.sms.sent.length;
    expect((await post('mediator', filed.ids[3], '请补充您本人的考勤记录')).status).toBe(201);
    await jobsDone(filed.ids[3]);
    const texted = t.sms.sent.slice(before).filter((m) => m.template === 'COMPLAINT_MESSAGE_SMS');
    expect(texted.map((m) => [m.phone, m.params.trackingNo])).toEqual([
      [memberPhone(3), filed.trackingNos[3]],
    ]);
    const inApp = await t.dataSource.query<{ subject_ref: string }[]>(
      `SELECT subject_ref FROM notifications WHERE template = 'COMPLAINT_MESSAGE_FROM_STAFF' AND subject_ref = ANY($1)`,
      [filed.ids.map((id) => `complaint:${id}`)],
    );
    expect(inApp).toEqual([{ subject_ref: `complaint:${filed.ids[3]}` }]);
  });

  it("a reporter's reply reaches the report's staff, with nothing of the reporter", async () => {
    const {
      complainant: _c,
      claimedAmountFen: _a,
      ...report
    } = complaintBody({ employer: { name: employer() }, workplaceStreetCode: '310115005' });
    const filed = await t.http().post('/api/v1/reports').send(report);
    expect(filed.status).toBe(201);
    const { trackingNo, accessCode } = filed.body as { trackingNo: string; accessCode: string };
    const reply = await t
      .http()
      .post(`/api/v1/reports/${trackingNo}/messages`)
      .set('x-access-code', accessCode)
      .send({ body: '补充：老板姓张' });
    expect(reply.status).toBe(201);
    const [stored] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM complaints WHERE tracking_no = $1`,
      [trackingNo],
    );
    const status = await t.http().get(`/api/v1/reports/${trackingNo}`).set('x-access-code', accessCode);
    const mine = (status.body.messages as { author: string; createdAt: string }[]).filter(
      (m) => m.author === 'REPORTER',
    );
    expect(mine.map((m) => m.createdAt)).toEqual([reply.body.createdAt]);
    const ref = `complaint:${stored.id}`;
    expect(await inboxAbout(t, 'inspector', ref)).toEqual(['REPORT_MESSAGE_FROM_REPORTER']);
    expect(await inboxAbout(t, 'inspector-007', ref)).toEqual([]);
    const [row] = await t.dataSource.query<{ params: unknown }[]>(
      `SELECT params FROM notifications WHERE subject_ref = $1 AND template = 'REPORT_MESSAGE_FROM_REPORTER' LIMIT 1`,
      [ref],
    );
    expect(JSON.stringify(row.params ?? null)).not.toContain('张');
  });
});

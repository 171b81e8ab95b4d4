import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/auth/passwords';
import { addDays } from '../../src/calendar/local-date';
import { springFestival } from '../../src/risk/risk.evaluator';
import type { InboxItem } from '../../src/notifications/notifications.service';
import { RiskScoringService } from '../../src/risk/risk-scoring.service';
import { RiskWarningsService } from '../../src/risk/risk-warnings.service';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
  unreadCount: number;
}

/**
 * The in-app inbox of staff: red warnings on street 310115007 go unacknowledged past 2 hours and are escalated
 * (with an explicit `now`) to the supervisors covering that street: the district supervisor and one of 310115007,
 * not the supervisor of 310115005.
 */
describe('notifications inbox: escalated red warnings reach the covering supervisors, who read them', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const warningIds: string[] = [];

  const inbox = async (user: string, query = ''): Promise<InboxPage> => {
    const res = await t
      .http()
      .get(`/api/v1/notifications/inbox${query}`)
      .set(await auth(user));
    expect([res.status, res.body]).toEqual([200, expect.anything()]);
    return res.body as InboxPage;
  };
  const post = async (user: string, path: string) =>
    t
      .http()
      .post(`/api/v1/notifications/${path}`)
      .set(await auth(user));

  /** A construction employer of 310115007 with three wage complaints in the 60 days before Spring Festival: RED. */
  const redWarning = async (n: number, asOf: string): Promise<string> => {
    const employerId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, source, industry_code, street_code)
       VALUES ($1, $2, $2, 'REGISTER', 'E', '310115007')`,
      [employerId, `收件箱测试建筑公司${n}`],
    );
    for (let i = 0; i < 3; i++)
      await t.dataSource.query(
        `INSERT INTO complaints (id, tracking_no, kind, status, category, channel, employer_id, workplace_street_code,
                                 claimed_amount_fen, affected_workers, facts, requests, complainant_id_number_bidx,
                                 received_on, created_at, version)
         VALUES ($1, $2, 'COMPLAINT', 'ACCEPTED', 'WAGE_ARREARS', 'WEB', $3, '310115007', 500000, 1, '欠薪', '支付工资',
                 $4, $5, ($5::date + time '10:00') AT TIME ZONE 'Asia/Shanghai', 1)`,
        [randomUUID(), `TS-INBOX-${n}${i}`, employerId, `w-inbox-${n}-${i}`, addDays(asOf, -i)],
      );
    await t.app.get(RiskScoringService).score({ employerIds: [employerId], asOf });
    const [w] = await t.dataSource.query<{ id: string; level: string }[]>(
      `SELECT id, level FROM risk_warnings WHERE employer_id = $1`,
      [employerId],
    );
    expect(w.level).toBe('RED');
    return w.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const [username, street] of [
      ['supervisor-007', '310115007'],
      ['supervisor-005', '310115005'],
    ])
      await t.dataSource.query(
        `INSERT INTO users (id, username, password_hash, role, jurisdiction_codes, display_name)
         VALUES ($1, $2, $3, 'SUPERVISOR', ARRAY[$4], '街道督办员')`,
        [randomUUID(), username, passwordHash, street],
      );
    const asOf = addDays(springFestival(2026), -30);
    for (let n = 0; n < 3; n++) warningIds.push(await redWarning(n, asOf));
    const [{ red_since }] = await t.dataSource.query<{ red_since: Date }[]>(
      `SELECT max(red_since) AS red_since FROM risk_warnings`,
    );
    const escalation = await t.app
      .get(RiskWarningsService)
      .escalateOverdue(new Date(new Date(red_since).getTime() + 2 * 3600_000 + 60_000));
    expect(escalation.escalated.sort()).toEqual([...warningIds].sort());
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lands in the inbox of each supervisor covering the street, with its text and link, and in no other', async () => {
    const links = warningIds.map((id) => `/api/v1/risk/warnings/${id}`).sort();
    for (const user of ['supervisor', 'supervisor-007']) {
      const page = await inbox(user);
      expect(page.unreadCount).toBe(3);
      expect(page.nextCursor).toBeNull();
      expect(page.items.map((i) => i.link).sort()).toEqual(links);
      for (const item of page.items)
        expect(item).toEqual({
          id: expect.any(String),
          channel: 'IN_APP',
          template: 'RISK_RED_UNACKNOWLEDGED',
          subjectRef: item.link!.replace('/api/v1/risk/warnings/', 'risk-warning:'),
          text: '红色预警超过2小时未签收',
          link: expect.any(String),
          createdAt: expect.any(String),
          readAt: null,
        });
    }
    // The link is the warning the recipient may open.
    const [first] = (await inbox('supervisor-007')).items;
    const warning = await t
      .http()
      .get(first.link!)
      .set(await auth('supervisor-007'));
    expect([warning.status, warning.body.level]).toEqual([200, 'RED']);
    // Not the supervisor of another street; other staff have an (empty) inbox too.
    expect(await inbox('supervisor-005')).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    expect(await inbox('mediator')).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    // A later sweep escalates nothing again and delivers nothing twice.
    const later = new Date(Date.parse(first.createdAt) + 3 * 3600_000);
    expect((await t.app.get(RiskWarningsService).escalateOverdue(later)).escalated).toEqual([]);
    expect((await inbox('supervisor')).unreadCount).toBe(3);
  });

  it('pages newest first across a page boundary, each message once', async () => {
    // The three were written in one transaction (one created_at); date one back an hour, so it must come last.
    const all = (await inbox('supervisor')).items;
    const oldest = all[0].id;
    await t.dataSource.query(
      `UPDATE notifications SET created_at = created_at - interval '1 hour' WHERE id = $1`,
      [oldest],
    );
    const first = await inbox('supervisor', '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(first.unreadCount).toBe(3);
    const second = await inbox('supervisor', `?limit=2&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    const paged = [...first.items, ...second.items].map((i) => i.id);
    expect(paged).toHaveLength(3);
    expect(new Set(paged).size).toBe(3);
    expect(paged[2]).toBe(oldest);
    // Same created_at: the id (UUIDv7) decides, descending.
    expect(paged.slice(0, 2)).toEqual(paged.slice(0, 2).sort().reverse());

    for (const query of ['?limit=101', '?limit=0', '?unread=maybe', '?cursor=not-a-cursor']) {
      const bad = await t
        .http()
        .get(`/api/v1/notifications/inbox${query}`)
        .set(await auth('supervisor'));
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    // A well-formed cursor whose id is not a uuid is refused too (it would otherwise reach SQL).
    const forged = Buffer.from(JSON.stringify([new Date().toISOString(), 'x'])).toString('base64url');
    const res = await t
      .http()
      .get(`/api/v1/notifications/inbox?cursor=${forged}`)
      .set(await auth('supervisor'));
    expect(res.body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      details: [{ field: 'cursor' }],
    });
  });

  it('marks one read, idempotently; the unread filter and count follow; the other recipient is untouched', async () => {
    const [target] = (await inbox('supervisor')).items;
    const read = await post('supervisor', `${target.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: target.id,
      template: 'RISK_RED_UNACKNOWLEDGED',
      readAt: expect.any(String),
    });
    const again = await post('supervisor', `${target.id}/read`);
    expect([again.status, again.body.readAt]).toEqual([200, read.body.readAt]);

    const unread = await inbox('supervisor', '?unread=true');
    expect(unread.unreadCount).toBe(2);
    expect(unread.items.map((i) => i.id)).not.toContain(target.id);
    expect(unread.items.every((i) => i.readAt === null)).toBe(true);
    const everything = await inbox('supervisor', '?unread=false');
    expect(everything.items).toHaveLength(3);
    expect(everything.items.find((i) => i.id === target.id)!.readAt).toBe(read.body.readAt);
    expect((await inbox('supervisor-007')).unreadCount).toBe(3);
  });

  it('read-all marks the rest read; a second read-all marks nothing', async () => {
    const all = await post('supervisor', 'read-all');
    expect([all.status, all.body]).toEqual([200, { marked: 2 }]);
    const again = await post('supervisor', 'read-all');
    expect([again.status, again.body]).toEqual([200, { marked: 0 }]);
    expect(await inbox('supervisor', '?unread=true')).toEqual({
      items: [],
      nextCursor: null,
      unreadCount: 0,
    });
    expect((await inbox('supervisor')).items).toHaveLength(3);
    expect((await inbox('supervisor-007')).unreadCount).toBe(3);
  });

  it('the database refuses an in-app message without a recipient (nobody could read it); an SMS needs none', async () => {
    const insert = (channel: string, recipient: string | null) =>
      t.dataSource.query(
        `INSERT INTO notifications (id, dedup_key, channel, template, subject_ref, status, recipient_user_id)
         VALUES ($1, $2, $3, 'RISK_ESCALATION', 'test', 'SENT', $4)`,
        [randomUUID(), `test:${randomUUID()}`, channel, recipient],
      );
    await expect(insert('IN_APP', null)).rejects.toThrow(/chk_notifications_in_app_recipient/);
    await expect(insert('SMS', null)).resolves.toBeDefined();
  });

  it("someone else's notification is 404 as if absent, and so is a malformed id; a worker 403; no token 401", async () => {
    const [theirs] = (await inbox('supervisor-007')).items;
    for (const id of [theirs.id, randomUUID()]) {
      const res = await post('supervisor', `${id}/read`);
      expect([res.status, res.body]).toEqual([
        404,
        { statusCode: 404, code: 'NOTIFICATION_NOT_FOUND', message: expect.any(String) },
      ]);
    }
    expect((await inbox('supervisor-007')).items.find((i) => i.id === theirs.id)!.readAt).toBeNull();

    const malformed = await post('supervisor', 'not-a-uuid/read');
    expect([malformed.status, malformed.body]).toEqual([
      404,
      { statusCode: 404, code: 'NOTIFICATION_NOT_FOUND', message: expect.any(String) },
    ]);

    const worker = '13800000000';
    const asWorker = [
      await t
        .http()
        .get('/api/v1/notifications/inbox')
        .set(await auth(worker)),
      await post(worker, 'read-all'),
      await post(worker, `${theirs.id}/read`),
    ];
    for (const res of asWorker) expect([res.status, res.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const anonymous = await t.http().get('/api/v1/notifications/inbox');
    expect(anonymous.status).toBe(401);
  });
});

import { NotificationsService } from '../../src/notifications/notifications.service';
import { bearer, fileComplaint, staffInbox, type InboxItem } from '../support/case-flow';
import { refuseForGood } from '../support/sms-refusals';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

/**
 * An SMS that can never be delivered (the provider refuses the number for good, no number on file, a number entered
 * on someone's behalf not yet verified) must not leave staff believing the worker was told: the staff in charge of
 * the complaint get an inbox item to phone them instead.
 */
describe('an undelivered SMS reaches the staff in charge', () => {
  let t: TestApp;
  let n = 0;
  let refused: Set<string>;

  const inbox = (user: string) => staffInbox(t, user);
  const reject = async (id: string) => {
    const r = await t
      .http()
      .post(`/api/v1/complaints/${id}/reject`)
      .set(await bearer(t, 'inspector'))
      .send({ reason: 'OVER_LOOKBACK', violationEndedOn: '2023-03-31' });
    expect(r.status).toBe(200);
  };
  const undelivered = (user: string, complaintId: string) =>
    eventually(async () => {
      const items = (await inbox(user)).filter(
        (i) => i.template === 'SMS_UNDELIVERED' && i.subjectRef === `complaint:${complaintId}`,
      );
      return items.length ? items : undefined;
    });

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_BACKOFF_MS: '200' } });
    // The gateway refuses the refusal notice for good (as for an invalid or blacklisted number).
    refused = refuseForGood(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a 不予受理 notice the provider refuses puts "短信未送达，请电话告知" in the street staff’s inbox', async () => {
    refused.add('COMPLAINT_REJECTED');
    const c = await fileComplaint(t, { employerName: `浦东未送达测试公司${++n}` });
    await reject(c.id);
    const [item] = await undelivered('inspector', c.id);
    expect(item.text).toMatch(/^短信未送达（号码无效或被短信平台拒收），请电话或当面告知当事人：/);
    // The notice as it would have read, appeal rights included: what the mediator reads out on the phone.
    expect(item.text).toContain(`您的投诉（编号${c.trackingNo}）不予受理`);
    expect(item.text).toContain('六十日内申请行政复议');
    expect(item.link).toBe(`/api/v1/complaints/${c.id}`);
    expect((await undelivered('mediator', c.id)).length).toBe(1);
    const rows = await t.app.get(NotificationsService).forSubject(`complaint:${c.id}`);
    expect(rows.find((r) => r.template === 'COMPLAINT_REJECTED')).toMatchObject({ status: 'FAILED' });
    // Operators see it too.
    expect((await t.http().get('/metrics')).text).toMatch(
      /^lrp_sms_undelivered\{template="COMPLAINT_REJECTED"\} 1$/m,
    );
    // Staff not in charge are not told; nor is the worker's own inbox.
    expect((await inbox('arbitrator')).filter((i) => i.subjectRef === `complaint:${c.id}`)).toEqual([]);
    expect(
      (
        await t
          .http()
          .get('/api/v1/my/notifications')
          .set(await bearer(t, '13800000000'))
      ).body.items.filter((i: InboxItem) => i.template === 'SMS_UNDELIVERED'),
    ).toEqual([]);
  });

  it('a notice with no number on file is an item too, saying so', async () => {
    const c = await fileComplaint(t, { employerName: `浦东未送达测试公司${++n}` });
    await t.dataSource.query(`UPDATE complaints SET complainant_phone_enc = NULL WHERE id = $1`, [c.id]);
    await reject(c.id);
    const [item] = await undelivered('inspector', c.id);
    expect(item.text).toMatch(/^短信未送达（无手机号码），请电话或当面告知当事人：您的投诉/);
  });
});

import { fileComplaint, openMediation, staffInbox, bearer } from '../support/case-flow';
import { workingSlot } from '../support/session-slot';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  version: number;
  caseNo: string;
}

/**
 * Audit (fix-notify 1): mediation needs both parties (调解仲裁法 第十三条), yet only the worker was texted when a session
 * was scheduled or called off. The employer's confirmed contact number now gets the session's date, time and place,
 * and its cancellation, as the respondent of an arbitration hearing is told (ARBITRATION_HEARING_*_EMPLOYER): through
 * employer.notify, once per session, filed under the mediation case; with no number on record the case's mediator
 * gets SMS_UNDELIVERED with the text to pass on.
 */
describe('the employer is told of a mediation session', () => {
  let t: TestApp;
  let n = 0;
  const openCase = async (contactPhone?: string) => {
    const name = `浦东调解通知公司${++n}`;
    const c = await fileComplaint(t, {
      employerName: name,
      target: 'MEDIATION',
      staff: 'mediator',
      body: { employer: contactPhone ? { name, contactPhone } : { name } },
    });
    return { ...((await openMediation(t, 'mediator', c.id)) as CaseView), trackingNo: c.trackingNo };
  };
  const post = async (path: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/mediation/cases${path}`)
      .set(await bearer(t, 'mediator'))
      .send(body);
  const sentTo = (phone: string, template: string) =>
    t.sms.sent.filter((m) => m.phone === phone && m.template === template);

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_BACKOFF_MS: '200' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a session scheduled: the employer’s confirmed phone gets the case number, time and place, once; filed under the case', async () => {
    const m = await openCase('13588889999');
    const startsAt = workingSlot(2, '10:00');
    const res = await post(`/${m.id}/sessions`, { version: m.version, startsAt, place: '陆家嘴街道调解室' });
    expect(res.status).toBe(201);
    const [sms] = await eventually(() => {
      const found = sentTo('13588889999', 'MEDIATION_SESSION_SCHEDULED_EMPLOYER');
      return found.length ? found : undefined;
    });
    const when = `${startsAt.slice(0, 10)} 10:00`;
    expect(sms.text).toBe(
      `贵单位的劳动争议调解案件（编号${m.caseNo}）定于${when}调解，地点：陆家嘴街道调解室。请派员按时参加。`,
    );
    // The worker is told as before.
    await eventually(() =>
      t.sms.sent.some(
        (s) =>
          s.phone === '13800000000' &&
          s.template === 'MEDIATION_SESSION_SCHEDULED' &&
          s.text.includes(m.trackingNo),
      ),
    );
    // Filed under the mediation case, once, and recorded SENT (after the provider answered).
    await eventually(async () => {
      const rows = await t.dataSource.query<{ status: string }[]>(
        `SELECT status FROM notifications WHERE template = 'MEDIATION_SESSION_SCHEDULED_EMPLOYER'
          AND subject_ref = $1`,
        [`mediation-case:${m.id}`],
      );
      return rows.length === 1 && rows[0].status === 'SENT';
    });
    expect(t.sms.sent.filter((s) => s.phone === '13588889999')).toHaveLength(1);
  });

  it('the mediation closes before the session: the employer is told it is called off', async () => {
    const m = await openCase('13588889998');
    const startsAt = workingSlot(3, '14:00');
    const scheduled = await post(`/${m.id}/sessions`, { version: m.version, startsAt, place: '调解室' });
    expect(scheduled.status).toBe(201);
    const closed = await post(`/${m.id}/close`, {
      version: (scheduled.body as CaseView).version,
      outcome: 'FAILED',
    });
    expect(closed.status).toBe(200);
    const [sms] = await eventually(() => {
      const found = sentTo('13588889998', 'MEDIATION_SESSION_CANCELLED_EMPLOYER');
      return found.length ? found : undefined;
    });
    expect(sms.text).toBe(
      `贵单位的劳动争议调解案件（编号${m.caseNo}）调解已结束，原定于${startsAt.slice(0, 10)} 14:00的调解取消，无需参加。`,
    );
  });

  it('an employer with no phone on record: the case’s mediator is told to inform the employer another way', async () => {
    const m = await openCase();
    const startsAt = workingSlot(4, '09:30');
    const res = await post(`/${m.id}/sessions`, { version: m.version, startsAt, place: '调解室' });
    expect(res.status).toBe(201);
    const [item] = await eventually(async () => {
      const found = (await staffInbox(t, 'mediator')).filter(
        (i) => i.template === 'SMS_UNDELIVERED' && i.subjectRef === `mediation-case:${m.id}`,
      );
      return found.length ? found : undefined;
    });
    expect(item.text).toBe(
      `短信未送达（无手机号码），请电话或当面告知当事人：贵单位的劳动争议调解案件（编号${m.caseNo}）定于${startsAt.slice(0, 10)} 09:30调解，地点：调解室。请派员按时参加。`,
    );
  });
});

import { fileComplaint, openMediation } from '../support/case-flow';
import { eventually, startTestApp, type TestApp } from '../support/test-app';
import { dayFromNow, workingSlot } from '../support/session-slot';

interface CaseView {
  id: string;
  version: number;
  sessions: { startsAt: string }[];
}

/**
 * Audit item 1: a mediation session is held on a working day within the committee's hours (08:30–17:30 by default,
 * Asia/Shanghai), as a hearing is; otherwise only with an override and its reason, recorded on the timeline.
 */
describe('mediation sessions: working days and hours', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  let n = 0;

  const openCase = async () => {
    n++;
    const c = await fileComplaint(t, {
      employerName: `浦东调解时间测试公司${n}`,
      target: 'MEDIATION',
      staff: 'mediator',
    });
    return { ...(await openMediation(t, 'mediator', c.id)), complaintId: c.id };
  };
  const schedule = async (m: { id: string; version: number }, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/sessions`)
      .set(await auth('mediator'))
      .send({ version: m.version, place: '调解室', ...body });
  const scheduledEvents = (complaintId: string) =>
    t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE case_type = 'COMPLAINT' AND case_id = $1
        AND action = 'MEDIATION_SESSION_SCHEDULED' ORDER BY occurred_at, id`,
      [complaintId],
    );
  const sessionSms = (startsAt: string) =>
    t.sms.sent.filter((s) => s.template === 'MEDIATION_SESSION_SCHEDULED' && s.params.startsAt === startsAt);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses 02:00 on a working day, and a rest day, with the problem and the hours; nothing is booked or sent', async () => {
    const m = await openCase();
    const night = `${dayFromNow(1)}T02:00:00+08:00`;
    const atNight = await schedule(m, { startsAt: night });
    expect(atNight.status).toBe(400);
    expect(atNight.body).toMatchObject({
      code: 'MEDIATION_SESSION_OUTSIDE_HOURS',
      details: {
        field: 'startsAt',
        problem: 'OUTSIDE_HOURS',
        sessionDate: dayFromNow(1),
        hours: { starts: '08:30', ends: '17:30' },
      },
    });
    const restDay = dayFromNow(1, false);
    const onRestDay = await schedule(m, { startsAt: `${restDay}T10:00:00+08:00` });
    expect([onRestDay.status, onRestDay.body.code, onRestDay.body.details?.problem]).toEqual([
      400,
      'MEDIATION_SESSION_OUTSIDE_HOURS',
      'REST_DAY',
    ]);
    const late = await schedule(m, { startsAt: `${dayFromNow(1)}T17:00:00+08:00` });
    expect([late.status, late.body.details?.problem]).toEqual([400, 'OUTSIDE_HOURS']);
    // A blank place would reach the worker's SMS: trimmed, it is refused on the field.
    const blankPlace = await schedule(m, { startsAt: `${dayFromNow(1)}T10:00:00+08:00`, place: '   ' });
    expect([blankPlace.status, blankPlace.body.details?.[0]?.field]).toEqual([400, 'place']);
    expect(await scheduledEvents(m.complaintId)).toEqual([]);
    expect(sessionSms(night)).toEqual([]);
  });

  it('books one inside the hours without an override, and one outside them with an override whose reason goes on the timeline', async () => {
    const m = await openCase();
    const inHours = await schedule(m, { startsAt: `${dayFromNow(1)}T09:00:00+08:00` });
    expect(inHours.status).toBe(201);
    const night = `${dayFromNow(2)}T19:30:00+08:00`;
    const blank = await schedule(
      { ...m, version: inHours.body.version as number },
      { startsAt: night, override: { reason: '   ' } },
    );
    expect(blank.status).toBe(400);
    expect(blank.body.details).toContainEqual(expect.objectContaining({ field: 'override.reason' }));
    const overridden = await schedule(
      { ...m, version: inHours.body.version as number },
      { startsAt: night, override: { reason: ' 双方均白天上班，同意晚间调解 ' } },
    );
    expect(overridden.status).toBe(201);
    expect((overridden.body as CaseView).sessions).toHaveLength(2);
    const events = await scheduledEvents(m.complaintId);
    expect(events.map((e) => e.data.override ?? null)).toEqual([
      null,
      { problem: 'OUTSIDE_HOURS', reason: '双方均白天上班，同意晚间调解' },
    ]);
    await eventually(() => sessionSms(night).length > 0);
    expect(sessionSms(night)[0].text).toContain('19:30');
  });
  it('refuses a second session of the case at the start of one still to be held (409 MEDIATION_SESSION_EXISTS): nothing booked twice, and closing calls it off once', async () => {
    const m = await openCase();
    const startsAt = workingSlot(3, '15:00');
    const first = await schedule(m, { startsAt });
    expect(first.status).toBe(201);
    const version = (first.body as CaseView).version;
    // The same instant, however written.
    const local = `${dayFromNow(3)}T15:00:00+08:00`;
    const again = await schedule({ ...m, version }, { startsAt: local, place: '另一调解室' });
    expect([again.status, again.body.code, again.body.details]).toEqual([
      409,
      'MEDIATION_SESSION_EXISTS',
      { startsAt },
    ]);
    expect(await scheduledEvents(m.complaintId)).toHaveLength(1);
    const closed = await t
      .http()
      .post(`/api/v1/mediation/cases/${m.id}/close`)
      .set(await auth('mediator'))
      .send({ version, outcome: 'FAILED' });
    expect(closed.status).toBe(200);
    expect((closed.body as CaseView).sessions).toHaveLength(1);
    const cancelled = () =>
      t.sms.sent.filter(
        (s) => s.template === 'MEDIATION_SESSION_CANCELLED' && s.params.startsAt === startsAt,
      );
    await eventually(() => cancelled().length > 0);
    expect(cancelled()).toHaveLength(1);
  });
});

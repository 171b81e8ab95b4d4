import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { confirmEmployerOfCase, inspectionTeam } from '../support/case-flow';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

/** 14.6: the reporter of a 举报 is answered by the platform as the inspection case moves, and kept secret. */
describe('the outcome of a report (举报) on its channel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const status = (trackingNo: string, code: string) =>
    t.http().get(`/api/v1/reports/${trackingNo}`).set('x-access-code', code);

  it('reporter sees the outcome after the inspection case closes: replies posted without staff typing, status follows the case', async () => {
    const { complainant: _c, claimedAmountFen: _a, ...body } = complaintBody({ affectedWorkers: 30 });
    const filed = await t.http().post('/api/v1/reports').send(body);
    expect(filed.status).toBe(201);
    const { trackingNo, accessCode } = filed.body as { trackingNo: string; accessCode: string };
    const [{ id: reportId }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM complaints WHERE tracking_no = $1`,
      [trackingNo],
    );
    // The acknowledgement (a job) comes first on the channel.
    await eventually(async () => {
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM complaint_messages WHERE complaint_id = $1`,
        [reportId],
      );
      return n === 1;
    });
    const today = todayInShanghai();
    const inspector = { authorization: `Bearer ${await t.token('inspector')}` };
    const staff = async (path: string, payload: Record<string, unknown>, expected = 200) => {
      const r = await t.http().post(path).set(inspector).send(payload);
      expect([r.status, r.body.code]).toEqual([expected, undefined]);
      return r.body as { id: string; version: number; caseNo: string };
    };
    const replies = async () =>
      ((await status(trackingNo, accessCode)).body.messages as { author: string; body: string }[])
        .slice(1)
        .map((m) => [m.author, m.body]);

    await staff(`/api/v1/complaints/${reportId}/accept`, {});
    await staff(`/api/v1/complaints/${reportId}/route`, { target: 'INSPECTION' });
    // Routed: the channel names the brigade; no proceeding step yet.
    const [{ name: brigade }] = await t.dataSource.query<{ name: string }[]>(
      `SELECT o.name FROM organisations o JOIN complaints c ON c.route_organisation_id = o.id WHERE c.id = $1`,
      [reportId],
    );
    const routed = await status(trackingNo, accessCode);
    expect(routed.body).toMatchObject({ status: 'ROUTED', currentStep: null });
    expect(routed.body.messages.slice(1)).toEqual([
      {
        author: 'STAFF',
        body: `您的举报（编号 ${trackingNo}）已转${brigade}核查处理，处理结果将在此答复。`,
        createdAt: expect.any(String),
      },
    ]);

    const c = await staff('/api/v1/inspection/cases', { complaintId: reportId }, 201);
    await confirmEmployerOfCase(t, c.id);
    expect((await status(trackingNo, accessCode)).body.currentStep).toEqual({
      proceeding: 'INSPECTION',
      status: 'RECEIVED',
      label: '已收到，正在审查是否立案',
      on: today,
    });
    await staff(`/api/v1/inspection/cases/${c.id}/decision`, { version: 1, violationEndedOn: null });
    // Extended with the head's approval (监察条例 第十七条): the reporter reads the new last day here, not by SMS.
    const supervisor = { authorization: `Bearer ${await t.token('supervisor')}` };
    const extended = await t
      .http()
      .post(`/api/v1/inspection/cases/${c.id}/extension`)
      .set(supervisor)
      .send({ version: 2, reason: '涉及人数众多' });
    expect(extended.status).toBe(200);
    const { investigationDueOn: extendedTo, clocks } = extended.body as {
      investigationDueOn: string;
      clocks: { rule: { id: string }; provisional: boolean }[];
    };
    const provisional = clocks.find((k) => k.rule.id === 'INSPECTION_INVESTIGATION')!.provisional;
    const due = addDays(today, 10);
    await staff(`/api/v1/inspection/cases/${c.id}/rectification-order`, {
      version: 3,
      violations: '未按时足额支付劳动者工资',
      arrearsFen: 500_000,
      workersAffected: 30,
      monthsUnpaid: 1,
      inspectorIds: await inspectionTeam(t),
      complianceDueOn: due,
    });
    await staff(`/api/v1/inspection/cases/${c.id}/recoveries`, {
      version: 4,
      amountFen: 500_000,
      workersCovered: 30,
      paidOn: today,
    });
    await staff(`/api/v1/inspection/cases/${c.id}/close`, { version: 5, closureType: 'RECTIFIED' });

    expect((await status(trackingNo, accessCode)).body).toMatchObject({
      status: 'ROUTED',
      currentStep: { proceeding: 'INSPECTION', status: 'CLOSED', label: '已结案：用人单位已改正', on: today },
    });
    expect(await replies()).toEqual([
      ['STAFF', `您的举报（编号 ${trackingNo}）已转${brigade}核查处理，处理结果将在此答复。`],
      ['STAFF', `您举报的事项（编号 ${trackingNo}）已于${today}由劳动保障监察机构立案调查。`],
      [
        'STAFF',
        `您举报的事项（编号 ${trackingNo}）情况复杂，经负责人批准延长调查期限，最迟应于${extendedTo}（含当日）调查完毕${
          provisional ? '（暂定，待公布该年节假日安排后确认）' : ''
        }。`,
      ],
      ['STAFF', `您举报的事项（编号 ${trackingNo}）经调查，已责令用人单位最迟于${due}（含当日）改正。`],
      ['STAFF', `您举报的事项（编号 ${trackingNo}）已调查处理完毕：用人单位已改正。感谢您的举报。`],
    ]);
    // Posted by the platform (no person as author); the timeline says so; no SMS goes anywhere for a report.
    const [{ authors }] = await t.dataSource.query<{ authors: (string | null)[] }[]>(
      `SELECT array_agg(DISTINCT author_user_id) AS authors FROM complaint_messages WHERE complaint_id = $1`,
      [reportId],
    );
    expect(authors).toEqual([null]);
    const [{ posted }] = await t.dataSource.query<{ posted: number }[]>(
      `SELECT count(*)::int AS posted FROM case_events
        WHERE case_type = 'COMPLAINT' AND case_id = $1 AND action = 'MESSAGE_POSTED' AND actor_user_id IS NULL`,
      [reportId],
    );
    expect(posted).toBe(5);
    await new Promise((r) => setTimeout(r, 300));
    expect(
      t.sms.sent.filter((m) => m.params.trackingNo === trackingNo || m.params.caseNo === c.caseNo),
    ).toEqual([]);
    // Still nobody outside the staff sees the report's case.
    const worker = { authorization: `Bearer ${await t.token('13800000000')}` };
    expect((await t.http().get(`/api/v1/inspection/cases/${c.id}`).set(worker)).status).toBe(404);
  });

  it('a refused inspection case is answered with the reason', async () => {
    const { complainant: _c, claimedAmountFen: _a, ...body } = complaintBody();
    const filed = await t.http().post('/api/v1/reports').send(body);
    const { trackingNo, accessCode } = filed.body as { trackingNo: string; accessCode: string };
    const [{ id: reportId }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM complaints WHERE tracking_no = $1`,
      [trackingNo],
    );
    const inspector = { authorization: `Bearer ${await t.token('inspector')}` };
    for (const [path, payload] of [
      ['accept', {}],
      ['route', { target: 'INSPECTION' }],
    ] as const)
      expect(
        (await t.http().post(`/api/v1/complaints/${reportId}/${path}`).set(inspector).send(payload)).status,
      ).toBe(200);
    const c = await t.http().post('/api/v1/inspection/cases').set(inspector).send({ complaintId: reportId });
    expect(c.status).toBe(201);
    // The violation ended more than two years ago (劳动保障监察条例 第二十条): refused with the reason.
    const refused = await t
      .http()
      .post(`/api/v1/inspection/cases/${c.body.id}/decision`)
      .set(inspector)
      .send({ version: 1, violationEndedOn: addDays(todayInShanghai(), -800) });
    expect([refused.status, refused.body.status]).toEqual([200, 'REFUSED']);
    const res = await status(trackingNo, accessCode);
    expect(res.body.currentStep).toMatchObject({ status: 'REFUSED', label: '不予立案' });
    const last = (res.body.messages as { body: string }[]).at(-1)!.body;
    expect(last).toMatch(new RegExp(`^您举报的事项（编号 ${trackingNo}）经审查不予立案。理由：.+。$`));
  });
});

import { todayInShanghai } from '../../src/calendar/local-date';
import type { MyCaseDto } from '../../src/case-file/dto/my-case.dto';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

/**
 * The worker's file of a complaint handled by labour-security inspection, step by step: the intake passes the
 * complaint (its review, not the brigade's 受理), the brigade then accepts and opens the case (受理立案, one decision of
 * 若干规定 第十八条) or refuses it — the file and the SMS say which, and the file lists the one statutory period of that
 * article (受理, and 立案 the same day, within 5 working days of receipt) once.
 */
describe('the worker’s file of an inspection case', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();
  const WORKER = '13800000000';

  const call = async (user: string, path: string, body?: Record<string, unknown>, status = 200) => {
    const req = body ? t.http().post(`/api/v1${path}`) : t.http().get(`/api/v1${path}`);
    const r = await req.set(await auth(user)).send(body);
    expect([r.status, r.body]).toEqual([status, expect.anything()]);
    return r.body as Record<string, unknown> & { id: string; version: number };
  };
  const myCase = async (id: string) => (await call(WORKER, `/my/cases/${id}`)) as unknown as MyCaseDto;
  /** Filed by the worker, passed and routed to inspection at intake, its inspection case opened (RECEIVED). */
  const opened = async (employer: string) => {
    const filed = await call(WORKER, '/complaints', complaintBody({ employer: { name: employer } }), 201);
    await call('inspector', `/complaints/${filed.id}/accept`, {});
    await call('inspector', `/complaints/${filed.id}/route`, { target: 'INSPECTION' });
    return { filed, c: await call('inspector', '/inspection/cases', { complaintId: filed.id }, 201) };
  };
  /** Every statutory period once: no rule listed twice for the same period (rule and due date). */
  const listedOnce = (c: MyCaseDto) => {
    const keys = c.deadlines.map((d) => `${d.rule}@${d.due}`);
    expect(keys).toEqual([...new Set(keys)]);
    const names = c.deadlines.map((d) => d.text.split('：')[0]);
    expect(names).toEqual([...new Set(names)]);
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('says the brigade is to decide 受理立案, then that it investigates, each period listed once', async () => {
    const { filed, c } = await opened('浦东监察案卷测试公司');

    // Passed at intake, the case opened in the brigade: 受理 and 立案 are the brigade's, still to decide.
    let mine = await myCase(filed.id);
    expect(mine.currentStep).toMatchObject({
      proceeding: 'INSPECTION',
      status: 'RECEIVED',
      label: '已转交劳动保障监察机构，等待其决定是否受理立案',
    });
    expect(mine.inspection?.label).toBe(mine.currentStep.label);
    const acceptance = mine.deadlines.filter((d) => d.rule === 'INSPECTION_ACCEPTANCE');
    expect(acceptance).toEqual([
      expect.objectContaining({ proceeding: 'INSPECTION', state: 'RUNNING', due: expect.any(String) }),
    ]);
    const due = acceptance[0].due!;
    expect(acceptance[0].text).toMatch(new RegExp(`^投诉受理及立案期限：${due}到期`));
    expect(mine.nextStep.text).toMatch(
      new RegExp(
        `^投诉已转交劳动保障监察机构，由其依法决定是否受理立案。依法应自收到投诉之日起5个工作日内作出决定，最迟于${due}（含当日）；`,
      ),
    );
    expect(mine.nextDeadline).toMatchObject({ due, text: acceptance[0].text });
    listedOnce(mine);

    // The brigade opens the case (受理立案): the period is met once, the investigation's 60 working days run.
    await call('inspector', `/inspection/cases/${c.id}/decision`, { version: 1, violationEndedOn: null });
    mine = await myCase(filed.id);
    expect(mine.currentStep).toMatchObject({ status: 'INVESTIGATING', label: '劳动保障监察已立案调查' });
    expect(mine.inspection).toMatchObject({ acceptedOn: today });
    expect(mine.nextStep.text).toBe('案件正在调查，一般在立案后60个工作日内办结。');
    expect(mine.deadlines.filter((d) => d.rule === 'INSPECTION_ACCEPTANCE')).toEqual([
      expect.objectContaining({ state: 'MET', text: '投诉受理及立案期限：已在期限内完成' }),
    ]);
    expect(mine.deadlines.filter((d) => d.rule === 'INSPECTION_INVESTIGATION')).toHaveLength(1);
    listedOnce(mine);
  });

  it('says the brigade refused to open the case (不予立案) after the intake passed the complaint, and no SMS said 已受理 before', async () => {
    const { filed, c } = await opened('浦东监察案卷测试公司二');
    await call('inspector', `/inspection/cases/${c.id}/refuse`, {
      version: 1,
      reason: 'IN_ARBITRATION_OR_COURT',
    });
    // 若干规定 第十八条: 受理 and 立案 are the brigade's one decision, so the intake's SMS never told the worker 已受理.
    const ofThis = () =>
      t.sms.sent.filter((m) => m.phone === WORKER && m.params.trackingNo === filed.trackingNo);
    const told = await eventually(() => {
      const sent = ofThis().map((m) => m.template);
      return ['COMPLAINT_ACCEPTED', 'COMPLAINT_ROUTED', 'INSPECTION_REFUSED'].every((x) => sent.includes(x))
        ? ofThis()
        : undefined;
    });
    const refusedAt = told.findIndex((m) => m.template === 'INSPECTION_REFUSED');
    expect(told[refusedAt].text).toContain('不予立案');
    expect(told.slice(0, refusedAt).filter((m) => m.text.includes('已受理'))).toEqual([]);
    expect(told.filter((m) => m.text.includes('已受理'))).toEqual([]);
    expect(told.find((m) => m.template === 'COMPLAINT_ACCEPTED')!.text).toContain('由该机构依法决定是否受理');
    const mine = await myCase(filed.id);
    expect(mine.currentStep).toMatchObject({ status: 'REFUSED', label: '劳动保障监察机构经审查不予立案' });
    expect(mine.nextStep.text).toMatch(/^劳动保障监察机构经审查决定不予立案，理由见通知。/);
    expect(mine.deadlines.filter((d) => d.rule === 'INSPECTION_ACCEPTANCE')).toEqual([
      expect.objectContaining({ state: 'MET', text: '投诉受理及立案期限：已在期限内完成' }),
    ]);
    listedOnce(mine);
  });
});

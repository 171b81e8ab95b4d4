import { organisationId } from '../../src/reference/organisations';
import { todayInShanghai } from '../../src/calendar/local-date';
import { bearer, fileComplaint } from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';

/** Mediation case numbers (调字, issue 14.4): per committee and year, consecutive, distinct under concurrency. */
describe('mediation case numbers', () => {
  let t: TestApp;
  const year = todayInShanghai().slice(0, 4);
  let n = 0;

  const routed = async (street = '310115005') =>
    (await fileComplaint(t, { employerName: `浦东调字测试公司${++n}`, street, target: 'MEDIATION' })).id;
  const open = async (complaintId: string) =>
    t
      .http()
      .post('/api/v1/mediation/cases')
      .set(await bearer(t, 'supervisor'))
      .send({ complaintId });
  const numberOf = (caseNo: string) => {
    const m = new RegExp(`^浦陆家嘴人调字〔${year}〕第(\\d+)号$`).exec(caseNo);
    expect(m).not.toBeNull();
    return Number(m![1]);
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives two mediations of one street consecutive numbers, shown in the view, list, timeline and /my/cases', async () => {
    const first = await open(await routed());
    const secondComplaint = await routed();
    const second = await open(secondComplaint);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(numberOf(second.body.caseNo)).toBe(numberOf(first.body.caseNo) + 1);

    const view = await t
      .http()
      .get(`/api/v1/mediation/cases/${second.body.id}`)
      .set(await bearer(t, 'mediator'));
    expect(view.body.caseNo).toBe(second.body.caseNo);
    const list = await t
      .http()
      .get('/api/v1/mediation/cases')
      .query({ limit: 100 })
      .set(await bearer(t, 'mediator'));
    expect(list.body.items.find((m: { id: string }) => m.id === second.body.id).caseNo).toBe(
      second.body.caseNo,
    );
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${secondComplaint}`)
      .set(await bearer(t, '13800000000'));
    expect(mine.status).toBe(200);
    expect(mine.body.currentStep).toMatchObject({ proceeding: 'MEDIATION', caseNo: second.body.caseNo });
    const opened = mine.body.timeline.find((e: { action: string }) => e.action === 'MEDIATION_OPENED');
    expect(opened.data.caseNo).toBe(second.body.caseNo);
  });

  it('gives concurrent openings distinct numbers, without gaps', async () => {
    const complaints: string[] = [];
    for (let i = 0; i < 6; i++) complaints.push(await routed());
    const before = await t.dataSource.query<{ last_n: number }[]>(
      `SELECT last_n FROM mediation_case_counters WHERE organisation_id = $1 AND year = $2`,
      [organisationId('MEDIATION_COMMITTEE', '310115005'), Number(year)],
    );
    const opened = await Promise.all(complaints.map((c) => open(c)));
    expect(opened.map((r) => r.status)).toEqual(complaints.map(() => 201));
    const numbers = opened.map((r) => numberOf(r.body.caseNo as string)).sort((a, b) => a - b);
    const start = (before[0]?.last_n ?? 0) + 1;
    expect(numbers).toEqual([0, 1, 2, 3, 4, 5].map((i) => start + i));
  });

  it('numbers per committee: another street counts from its own first number', async () => {
    const opened = await open(await routed('310115125'));
    expect(opened.status).toBe(201);
    expect(opened.body.caseNo).toBe(`浦张江人调字〔${year}〕第1号`);
  });
});

import { QUEUE_RECOUNTS } from '../../migrations/1796400006900-inspection-due-recount';
import { CalendarService } from '../../src/calendar/calendar.service';
import { addDays, dayOfWeek, todayInShanghai, yearOf } from '../../src/calendar/local-date';
import type { MyCaseDto } from '../../src/case-file/dto/my-case.dto';
import { InspectionDueRecount } from '../../src/inspection/inspection-due-recount';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  version: number;
  status: string;
  acceptedOn: string | null;
  investigationDueOn: string | null;
  clocks: { rule: { id: string }; due: string | null }[];
}

/**
 * The investigation deadline a case stores (investigation_due_on:劳动保障监察条例 第十七条, 60 working days from 立案)
 * is counted on the holiday calendar, and the KPI read model, the at-risk list, the case and the worker's file read
 * the stored day: a year's schedule an ADMIN loads after 立案 (the State Council notice of next year, published in
 * November or December) recounts it, as it moves the clock. Calendar years are this file's database's own.
 */
describe('the stored investigation deadline follows a schedule loaded later', () => {
  let t: TestApp;
  const today = todayInShanghai();
  const WORKER = '13800000000';
  let n = 0;
  const call = async (user: string, path: string, body?: Record<string, unknown>, status = 200) => {
    const req = body ? t.http().post(`/api/v1${path}`) : t.http().get(`/api/v1${path}`);
    const r = await req.set({ authorization: `Bearer ${await t.token(user)}` }).send(body);
    expect([r.status, r.body]).toEqual([status, expect.anything()]);
    return r.body as CaseView;
  };
  /** A worker's complaint, accepted, routed to inspection and opened (立案) today. */
  const investigating = async () => {
    const filed = await call(
      WORKER,
      '/complaints',
      complaintBody({ employer: { name: `浦东调查期限重算公司${++n}` } }),
      201,
    );
    await call('inspector', `/complaints/${filed.id}/accept`, {});
    await call('inspector', `/complaints/${filed.id}/route`, { target: 'INSPECTION' });
    const c = await call('inspector', '/inspection/cases', { complaintId: filed.id }, 201);
    const v = await call('inspector', `/inspection/cases/${c.id}/decision`, {
      version: c.version,
      violationEndedOn: null,
    });
    return { complaintId: filed.id, view: v };
  };
  const investigationDue = async () =>
    (await t.app.get(CalendarService).ruleDeadline('INSPECTION_INVESTIGATION', today)).due;
  const stored = async (id: string) =>
    (
      await t.dataSource.query<{ d: string | null }[]>(
        `SELECT to_char(investigation_due_on, 'YYYY-MM-DD') AS d FROM inspection_cases WHERE id = $1`,
        [id],
      )
    )[0].d;
  const fact = async (id: string) =>
    (
      await t.dataSource.query<{ due_on: string | null }[]>(
        `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on FROM sla_case_facts WHERE case_type = 'INSPECTION' AND case_id = $1`,
        [id],
      )
    )[0]?.due_on;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a schedule with holidays inside the period moves the stored due date, the view, the worker’s file and the KPI fact', async () => {
    const a = await investigating();
    const due = a.view.investigationDueOn!;
    expect(due).toBe(await investigationDue());
    expect(await eventually(() => fact(a.view.id))).toBe(due);
    // A case already closed keeps the deadline it was judged by.
    const b = await investigating();
    const closed = await call('inspector', `/inspection/cases/${b.view.id}/close`, {
      version: b.view.version,
      closureType: 'NO_VIOLATION',
    });
    expect(closed.status).toBe('CLOSED');

    // The year the period ends in (else, run late in a year, the year it starts in), loaded with five more holidays
    // on working days inside the period.
    const cal = t.app.get(CalendarService);
    const inPeriod = async (y: number) => {
      const loaded = await cal.getYear(y);
      const days: string[] = [];
      for (let d = addDays(today, 1); d < due && days.length < 5; d = addDays(d, 1))
        if (yearOf(d) === y && ![0, 6].includes(dayOfWeek(d)) && !loaded.holidays.includes(d)) days.push(d);
      return { year: y, before: loaded, extra: days };
    };
    let { year, before, extra } = await inPeriod(yearOf(due));
    if (extra.length < 5) ({ year, before, extra } = await inPeriod(yearOf(today)));
    expect(extra).toHaveLength(5);
    const put = await t
      .http()
      .put(`/api/v1/calendar/years/${year}`)
      .set({ authorization: `Bearer ${await t.token('admin')}` })
      .send({
        holidays: [...before.holidays, ...extra],
        makeupWorkdays: before.makeupWorkdays,
        source: '测试用放假安排（非官方）',
      });
    expect(put.status).toBe(200);
    const moved = await investigationDue();
    expect(moved > due).toBe(true);

    // The stored copy is recounted by a job (the worker), and the KPI fact follows it through the case's timeline.
    await eventually(async () => (await stored(a.view.id)) === moved);
    await eventually(async () => (await fact(a.view.id)) === moved);
    const v = await call('inspector', `/inspection/cases/${a.view.id}`);
    expect(v.investigationDueOn).toBe(moved);
    expect(v.clocks.find((k) => k.rule.id === 'INSPECTION_INVESTIGATION')?.due).toBe(moved);
    const mine = (await call(WORKER, `/my/cases/${a.complaintId}`)) as unknown as MyCaseDto;
    expect(mine.inspection).toMatchObject({ investigationDueOn: moved });
    const recounted = () =>
      t.dataSource.query<{ data: Record<string, unknown> }[]>(
        `SELECT data FROM case_events WHERE case_id = $1 AND action = 'INSPECTION_DUE_RECOUNTED'`,
        [a.view.id],
      );
    expect((await recounted()).map((e) => e.data)).toEqual([
      expect.objectContaining({ year, previousDueOn: due, investigationDueOn: moved }),
    ]);
    expect(mine.timeline.map((e) => e.label)).toContain('按新公布的节假日安排重新计算调查期限');

    // A replay of the job (delivery is at least once) finds nothing to move and records nothing more.
    expect(await t.app.get(InspectionDueRecount).recount(year)).toBe(0);
    expect(await recounted()).toHaveLength(1);

    expect(await stored(b.view.id)).toBe(closed.investigationDueOn);

    // A copy left stale by a year loaded before the recount existed (as first counted): the migration's recounts mend it.
    await t.dataSource.query(`UPDATE inspection_cases SET investigation_due_on = $2 WHERE id = $1`, [
      a.view.id,
      due,
    ]);
    await t.dataSource.query(QUEUE_RECOUNTS);
    await eventually(async () => (await stored(a.view.id)) === moved);
    await eventually(async () => (await fact(a.view.id)) === moved);
  });
});

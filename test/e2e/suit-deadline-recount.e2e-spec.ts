import { CalendarService } from '../../src/calendar/calendar.service';
import { todayInShanghai, yearOf } from '../../src/calendar/local-date';
import type { MyCaseDto } from '../../src/case-file/dto/my-case.dto';
import {
  applyForArbitration,
  arbitrationSteps,
  bearer,
  fileComplaint,
  readyToDecide,
  userIdOf,
} from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';

interface AwardDoc {
  id: string;
  servedOn: string | null;
  suitDeadline: string | null;
  setAsideDeadline: string | null;
  final: boolean;
}
interface View {
  id: string;
  version: number;
  claims: { id: string; amountFen: number }[];
  awardServedOn: string | null;
  suitDeadline: string | null;
  awards: AwardDoc[];
  clocks: { rule: { id: string }; start: string; due: string | null }[];
}

/**
 * The last day to sue on an award (调解仲裁法 第四十八条, 第五十条: 15 days from service of the 裁决书) is stored when
 * the award is served; it is counted on the holiday calendar, so it follows the calendar: a year's schedule loaded or
 * corrected after service moves the date the case, its documents and the worker's file show, as it moves the clock.
 */
describe('the suit deadline follows the calendar and the service', () => {
  let t: TestApp;
  let arbitratorId: string;
  let n = 0;
  const today = todayInShanghai();
  const days = async (from: string, amount: number) =>
    (await t.app.get(CalendarService).adHocDeadline(from, amount, 'DAY')).due;
  const staffView = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/arbitration/cases/${id}`)
        .set(await bearer(t, 'arbitrator'))
    ).body as View;
  const myCase = async (complaintId: string) => {
    const r = await t
      .http()
      .get(`/api/v1/my/cases/${complaintId}`)
      .set(await bearer(t, '13800000000'));
    expect(r.status).toBe(200);
    return r.body as MyCaseDto;
  };
  /** An award on one wage claim (final: within 12 months of the minimum wage), served today unless `serveLater`. */
  const awarded = async (serveLater: boolean) => {
    const name = `浦东起诉期限重算公司${++n}`;
    const c = await fileComplaint(t, {
      employerName: name,
      target: 'ARBITRATION',
      body: { employer: { name } },
    });
    const id = await applyForArbitration(t, 'mediator', c.id);
    await arbitrationSteps(t, id, 1, [['accept', {}]]);
    await readyToDecide(t, { caseId: id, arbitratorId, on: today, version: 2 });
    const v = await staffView(id);
    const done = (await arbitrationSteps(t, id, 6, [
      ['award', { claims: v.claims.map((x) => ({ claimId: x.id, awardedFen: x.amountFen })), serveLater }],
    ])) as View;
    return { complaintId: c.id, id, view: done };
  };
  /** An ADMIN loads the schedule of the year of `day` with `day` as one more holiday (a corrected notice). */
  const holidayOn = async (day: string) => {
    const cal = t.app.get(CalendarService);
    const year = await cal.getYear(yearOf(day));
    const r = await t
      .http()
      .put(`/api/v1/calendar/years/${yearOf(day)}`)
      .set(await bearer(t, 'admin'))
      .send({
        holidays: [...year.holidays, day],
        makeupWorkdays: year.makeupWorkdays,
        source: '测试用更正通知（非官方）',
      });
    expect(r.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    arbitratorId = await userIdOf(t, 'arbitrator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('a schedule loaded after service moves the suit deadline of the case, its document and the worker’s file', async () => {
    const a = await awarded(false);
    const suit = await days(today, 15);
    const setAside = await days(today, 30);
    expect(a.view).toMatchObject({ awardServedOn: today, suitDeadline: suit });

    // The last day turns out to be a holiday: the window ends on the next working day (an end on a holiday rolls on).
    await holidayOn(suit);
    const moved = await days(today, 15);
    expect(moved > suit).toBe(true);

    const v = await staffView(a.id);
    expect(v.clocks.find((c) => c.rule.id === 'ARBITRATION_SUIT_WINDOW')?.due).toBe(moved);
    expect(v.suitDeadline).toBe(moved);
    expect(v.awards).toEqual([
      expect.objectContaining({ servedOn: today, suitDeadline: moved, setAsideDeadline: setAside }),
    ]);
    const mine = await myCase(a.complaintId);
    expect(mine.arbitration).toMatchObject({ suitDeadline: moved, employerSetAsideDeadline: setAside });
    expect(mine.arbitration?.suitDeadlineProvisional).toBe(
      mine.deadlines.find((d) => d.rule === 'ARBITRATION_SUIT_WINDOW')!.provisional,
    );
    expect(mine.nextStep.text).toContain(`最迟于${moved}（含当日）`);
  });

  it('service recorded after the award: the deadline runs from the service, and follows the calendar too', async () => {
    const a = await awarded(true);
    expect(a.view).toMatchObject({ awardServedOn: null, suitDeadline: null });
    expect((await myCase(a.complaintId)).arbitration).toMatchObject({ suitDeadline: null });
    const [doc] = a.view.awards;
    const served = (await arbitrationSteps(t, a.id, 7, [
      [`awards/${doc.id}/service`, { servedOn: today }],
    ])) as View;
    const suit = await days(today, 15);
    expect(served).toMatchObject({ awardServedOn: today, suitDeadline: suit });
    expect((await myCase(a.complaintId)).arbitration).toMatchObject({ suitDeadline: suit });

    await holidayOn(suit);
    const moved = await days(today, 15);
    expect(moved > suit).toBe(true);
    expect(await staffView(a.id)).toMatchObject({ suitDeadline: moved });
    expect((await myCase(a.complaintId)).arbitration).toMatchObject({ suitDeadline: moved });
  });
});

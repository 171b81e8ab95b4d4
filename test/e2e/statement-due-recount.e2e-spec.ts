import { randomUUID } from 'node:crypto';
import { QUEUE_STATEMENT_RECOUNTS } from '../../migrations/1796400007100-statement-due-recount';
import { CalendarService } from '../../src/calendar/calendar.service';
import { addDays, dayOfWeek, todayInShanghai, yearOf } from '../../src/calendar/local-date';
import { BLACKLIST_RULES } from '../../src/compliance/blacklist.rules';
import { StatementDueRecount } from '../../src/compliance/statement-due-recount';
import { idNumberCheckChar } from '../../src/common/validation/id-number';
import { recordListableViolation } from '../support/case-flow';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

/**
 * The statement period of a notice of intended listing (statement_due_on: 人社部令第45号, 5 working days from the
 * notice) is counted on the holiday calendar and stored; the listing (409 STATEMENT_PERIOD_RUNNING) and a statement's
 * timing read the stored day. A year's schedule an ADMIN loads or corrects later recounts it for notices not yet
 * decided. Calendar years are this file's database's own.
 */
describe('the stored statement period follows a schedule loaded later', () => {
  let t: TestApp;
  const today = todayInShanghai();
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const legalRep = {
    role: 'LEGAL_REPRESENTATIVE',
    name: '周法代',
    idNumber: `31011519710303006${idNumberCheckChar('31011519710303006')}`,
  };
  let n = 0;
  const cal = () => t.app.get(CalendarService);
  const dueOf = async (on: string) =>
    (await cal().adHocDeadline(on, BLACKLIST_RULES.STATEMENT_WORKDAYS, 'WORKDAY')).due;
  const violation = async (on: string) => {
    const e = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, address, source) VALUES ($1, $2, $2, '浦东新区世纪大道2号', 'REGISTER')`,
      [e, `浦东陈述期限重算公司${++n}`],
    );
    return { e, v: await recordListableViolation(t, e, on) };
  };
  const post = async (path: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/compliance${path}`)
      .set(await auth('supervisor'))
      .send(body);
  const stored = async (id: string) =>
    (
      await t.dataSource.query<{ d: string }[]>(
        `SELECT to_char(statement_due_on, 'YYYY-MM-DD') AS d FROM blacklist_notices WHERE id = $1`,
        [id],
      )
    )[0].d;
  const recounted = (employerId: string) =>
    t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE case_id = $1 AND action = 'BLACKLIST_STATEMENT_DUE_RECOUNTED'`,
      [employerId],
    );

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('holidays loaded inside the period move the stored last day, and the listing waits for it', async () => {
    // The latest notice day whose period (as counted now) ran out before today.
    let noticedOn = addDays(today, -1);
    while ((await dueOf(noticedOn)) >= today) noticedOn = addDays(noticedOn, -1);
    const due = await dueOf(noticedOn);
    const open = await violation(noticedOn);
    const decided = await violation(noticedOn);
    const notice = async (x: { e: string; v: string }) => {
      const r = await post(`/employers/${x.e}/blacklist-notices`, {
        violationId: x.v,
        noticedOn,
        responsiblePersons: [legalRep],
      });
      expect([r.status, r.body.statementDueOn]).toEqual([201, due]);
      return r.body.id as string;
    };
    const a = await notice(open);
    const b = await notice(decided);
    // b is decided (listed the day after its period ran out): it keeps the period it was decided on.
    const listedOn = addDays(due, 1);
    const listed = await post(`/employers/${decided.e}/blacklist`, {
      violationId: decided.v,
      listedOn,
      responsiblePersons: [legalRep],
    });
    expect(listed.status).toBe(201);

    // The working days of the period, in the year it ends in, loaded as holidays.
    const year = yearOf(due);
    const before = await cal().getYear(year);
    const extra: string[] = [];
    for (let d = addDays(noticedOn, 1); d <= due; d = addDays(d, 1))
      if (yearOf(d) === year && ![0, 6].includes(dayOfWeek(d)) && !before.holidays.includes(d)) extra.push(d);
    expect(extra.length).toBeGreaterThan(0);
    const put = await t
      .http()
      .put(`/api/v1/calendar/years/${year}`)
      .set(await auth('admin'))
      .send({
        holidays: [...before.holidays, ...extra],
        makeupWorkdays: before.makeupWorkdays,
        source: '测试用放假安排（非官方）',
      });
    expect(put.status).toBe(200);
    const moved = await dueOf(noticedOn);
    expect(moved > due).toBe(true);

    // The stored copy is recounted by a job (the worker) and recorded on the employer's trail.
    await eventually(async () => (await stored(a)) === moved);
    expect((await recounted(open.e)).map((x) => x.data)).toEqual([
      expect.objectContaining({ noticeId: a, year, previousDueOn: due, statementDueOn: moved }),
    ]);
    // The listing on the day after the old last day now waits for the period.
    const running = await post(`/employers/${open.e}/blacklist`, {
      violationId: open.v,
      listedOn,
      responsiblePersons: [legalRep],
    });
    expect([running.status, running.body.code]).toEqual([409, 'STATEMENT_PERIOD_RUNNING']);
    // The decided notice keeps its day.
    expect(await stored(b)).toBe(due);
    expect(await recounted(decided.e)).toHaveLength(0);

    // A replay of the job (delivery is at least once) moves nothing and records nothing more.
    expect(await t.app.get(StatementDueRecount).recount(year)).toBe(0);
    expect(await recounted(open.e)).toHaveLength(1);

    // A copy left stale by a year loaded before the recount existed: the migration's recounts mend it.
    await t.dataSource.query(`UPDATE blacklist_notices SET statement_due_on = $2 WHERE id = $1`, [a, due]);
    await t.dataSource.query(QUEUE_STATEMENT_RECOUNTS);
    await eventually(async () => (await stored(a)) === moved);
  });
});

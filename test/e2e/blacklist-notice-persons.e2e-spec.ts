import { randomUUID } from 'node:crypto';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { addMonths } from '../../src/compliance/blacklist.rules';
import { idNumberCheckChar } from '../../src/common/validation/id-number';
import { recordListableViolation } from '../support/case-flow';
import { LogSink } from '../support/log-sink';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The advance notice of a listing is served on every 当事人 (人社部令第45号 第五条: the employer and its 法定代表人 or
 * 主要负责人, 直接负责的主管人员 and 其他直接责任人员): it names the persons, each may state and defend, and a listing
 * names only persons the violation's notice named, once their statement period ran out or they stated.
 */
describe('blacklist notice persons (告知当事人)', () => {
  let t: TestApp;
  const logs = new LogSink();
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();
  const idNumber = (body17: string) => `${body17}${idNumberCheckChar(body17)}`;
  const masked = (id: string) => `${id.slice(0, 3)}***********${id.slice(-4)}`;
  let n = 0;

  const legalRep = { role: 'LEGAL_REPRESENTATIVE', name: '周法代', idNumber: idNumber('31011519710303006') };
  const manager = { role: 'DIRECTLY_RESPONSIBLE', name: '吴主管', idNumber: idNumber('31011519830404007') };

  /** A new employer with a listable wage-arrears violation found on `on`. */
  const violation = async (on = today) => {
    const e = randomUUID();
    const name = `浦东告知当事人测试有限公司${++n}`;
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, address, source) VALUES ($1, $2, $2, '浦东新区世纪大道2号', 'REGISTER')`,
      [e, name],
    );
    const violationId = await recordListableViolation(t, e, on);
    return { e, v: violationId };
  };
  const notify = async (e: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/compliance/employers/${e}/blacklist-notices`)
      .set(await auth('supervisor'))
      .send(body);
  const state = async (noticeId: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/compliance/blacklist-notices/${noticeId}/statement`)
      .set(await auth('supervisor'))
      .send({ receivedOn: today, summary: '当事人陈述资金困难，经核实不予采纳', ...body });
  const list = async (e: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/compliance/employers/${e}/blacklist`)
      .set(await auth('supervisor'))
      .send(body);
  const listings = async (e: string) =>
    (
      await t.dataSource.query<{ id: string }[]>(
        `SELECT id FROM wage_arrears_blacklist WHERE employer_id = $1`,
        [e],
      )
    ).length;

  beforeAll(async () => {
    t = await startTestApp({ logStream: logs, env: { LOG_LEVEL: 'info' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a person the notice did not name is 409 LISTING_PERSON_NOT_NOTICED; named and heard, they are listed', async () => {
    const { e, v } = await violation();
    const first = await notify(e, { violationId: v, responsiblePersons: [legalRep] });
    expect(first.status).toBe(201);
    // The notice shows whom it was served on, the ID numbers masked.
    expect(first.body.persons).toEqual([
      { ...legalRep, idNumber: masked(legalRep.idNumber), statementOn: null, statementLate: false },
    ]);
    expect((await state(first.body.id, {})).status).toBe(200);
    expect((await state(first.body.id, { idNumber: legalRep.idNumber })).status).toBe(200);

    // The manager was never told: refused, naming the position of the person concerned (never the ID number).
    const unnoticed = await list(e, { violationId: v, responsiblePersons: [legalRep, manager] });
    expect([unnoticed.status, unnoticed.body.code, unnoticed.body.details.responsiblePersons]).toEqual([
      409,
      'LISTING_PERSON_NOT_NOTICED',
      [1],
    ]);
    expect(JSON.stringify(unnoticed.body)).not.toContain(manager.idNumber);
    expect(await listings(e)).toBe(0);

    // A new notice naming both: each may state; the listing waits for the one who has not.
    const second = await notify(e, { violationId: v, responsiblePersons: [legalRep, manager] });
    expect(second.status).toBe(201);
    expect(second.body.persons).toEqual([
      { ...legalRep, idNumber: masked(legalRep.idNumber), statementOn: null, statementLate: false },
      { ...manager, idNumber: masked(manager.idNumber), statementOn: null, statementLate: false },
    ]);
    expect((await state(second.body.id, {})).status).toBe(200);
    const stated = await state(second.body.id, { idNumber: legalRep.idNumber.toLowerCase() });
    expect([stated.status, stated.body.statementOn, stated.body.persons[0].statementOn]).toEqual([
      200,
      today,
      today,
    ]);
    expect(stated.body.persons[1].statementOn).toBeNull();
    const running = await list(e, { violationId: v, responsiblePersons: [legalRep, manager] });
    expect([running.status, running.body.code, running.body.details.responsiblePersons]).toEqual([
      409,
      'STATEMENT_PERIOD_RUNNING',
      [1],
    ]);
    // A person's statement once; a person the notice does not name cannot state on it.
    expect((await state(second.body.id, { idNumber: legalRep.idNumber })).body.code).toBe(
      'STATEMENT_RECORDED',
    );
    const stranger = await state(second.body.id, { idNumber: idNumber('31011519900101008') });
    expect([stranger.status, stranger.body.details?.[0]?.field]).toEqual([400, 'idNumber']);

    expect((await state(second.body.id, { idNumber: manager.idNumber })).status).toBe(200);
    const listed = await list(e, { violationId: v, responsiblePersons: [legalRep, manager] });
    expect(listed.status).toBe(201);
    expect(listed.body.persons).toEqual([legalRep, manager]);

    // At rest and in the trail: no ID number in plaintext, no name in the audit trail.
    const rows = await t.dataSource.query<Record<string, unknown>[]>(
      `SELECT * FROM blacklist_notice_persons WHERE notice_id = $1 ORDER BY position`,
      [second.body.id],
    );
    expect(rows.map((r) => r.name)).toEqual(['周法代', '吴主管']);
    expect(JSON.stringify(rows)).not.toContain(legalRep.idNumber);
    const served = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE case_id = $1 AND action = 'BLACKLIST_NOTICE_SERVED'`,
      [e],
    );
    expect(served).toHaveLength(2);
    expect(JSON.stringify(served)).not.toMatch(/周法代|吴主管|310115197/);
    expect(logs.text).not.toContain(legalRep.idNumber);
    expect(logs.text).not.toContain(manager.idNumber);
  });

  it('a named person who did not state is listed once the period ran out; a notice names its 当事人 (400 otherwise)', async () => {
    const on = addMonths(today, -1);
    const { e, v } = await violation(on);
    for (const responsiblePersons of [undefined, [], [manager]]) {
      const bad = await notify(e, { violationId: v, noticedOn: on, responsiblePersons });
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const notice = await notify(e, {
      violationId: v,
      noticedOn: on,
      responsiblePersons: [legalRep, manager],
    });
    expect(notice.status).toBe(201);
    const listed = await list(e, {
      violationId: v,
      listedOn: addDays(notice.body.statementDueOn as string, 1),
      responsiblePersons: [legalRep],
    });
    expect(listed.status).toBe(201);
  });

  it('a statement received on the period’s last day is in time; the day after it is recorded as late and holds no listing (employer and person)', async () => {
    const on = addMonths(today, -1);
    const { e, v } = await violation(on);
    const notice = await notify(e, {
      violationId: v,
      noticedOn: on,
      responsiblePersons: [legalRep, manager],
    });
    expect(notice.status).toBe(201);
    const due = notice.body.statementDueOn as string;
    expect(notice.body).toMatchObject({ statementOn: null, statementLate: false });

    // Before the notice was served: no answer to it (400, as before).
    const early = await state(notice.body.id, { receivedOn: addDays(on, -1) });
    expect([early.status, early.body.details?.[0]?.field]).toEqual([400, 'receivedOn']);

    // The legal representative on the last day: in time.
    const lastDay = await state(notice.body.id, { receivedOn: due, idNumber: legalRep.idNumber });
    expect(lastDay.status).toBe(200);
    expect(lastDay.body.persons[0]).toMatchObject({ statementOn: due, statementLate: false });

    // The employer and the manager after the period: recorded, marked late.
    const lateDay = addDays(due, 3);
    const employerLate = await state(notice.body.id, { receivedOn: lateDay });
    expect([employerLate.status, employerLate.body.statementOn, employerLate.body.statementLate]).toEqual([
      200,
      lateDay,
      true,
    ]);
    const personLate = await state(notice.body.id, { receivedOn: lateDay, idNumber: manager.idNumber });
    expect(personLate.status).toBe(200);
    expect(personLate.body.persons[1]).toMatchObject({ statementOn: lateDay, statementLate: true });
    const trail = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE case_id = $1 AND action = 'BLACKLIST_STATEMENT_RECORDED' ORDER BY occurred_at`,
      [e],
    );
    expect(trail.map((r) => r.data.late)).toEqual([false, true, true]);

    // The late statements do not count: still not before the period ran out, and the day after it the listing is
    // lawful though it precedes them.
    const running = await list(e, { violationId: v, listedOn: due, responsiblePersons: [legalRep, manager] });
    expect([running.status, running.body.code]).toEqual([409, 'STATEMENT_PERIOD_RUNNING']);
    const listed = await list(e, {
      violationId: v,
      listedOn: addDays(due, 1),
      responsiblePersons: [legalRep, manager],
    });
    expect(listed.status).toBe(201);
  });

  it('the employer’s statement on the last day is in time: a listing that day considers it', async () => {
    const on = addMonths(today, -1);
    const { e, v } = await violation(on);
    const notice = await notify(e, { violationId: v, noticedOn: on, responsiblePersons: [legalRep] });
    const due = notice.body.statementDueOn as string;
    const employer = await state(notice.body.id, { receivedOn: due });
    expect([employer.status, employer.body.statementOn, employer.body.statementLate]).toEqual([
      200,
      due,
      false,
    ]);
    expect((await state(notice.body.id, { receivedOn: due, idNumber: legalRep.idNumber })).status).toBe(200);
    const listed = await list(e, { violationId: v, listedOn: due, responsiblePersons: [legalRep] });
    expect(listed.status).toBe(201);
  });

  it('a notice served before notices named persons (none recorded) lists nobody: a new notice naming them is needed', async () => {
    const on = addMonths(today, -1);
    const { e, v } = await violation(on);
    // As the platform recorded notices before this change: the employer's only.
    await t.dataSource.query(
      `INSERT INTO blacklist_notices (id, employer_id, violation_id, jurisdiction_code, noticed_on, statement_due_on, noticed_by)
       SELECT $1, $2, $3, '310115005', $4, $5, id FROM users WHERE username = 'supervisor'`,
      [randomUUID(), e, v, on, addDays(on, 7)],
    );
    const old = await list(e, { violationId: v, responsiblePersons: [legalRep] });
    expect([old.status, old.body.code, old.body.details.responsiblePersons]).toEqual([
      409,
      'LISTING_PERSON_NOT_NOTICED',
      [0],
    ]);
    expect(await listings(e)).toBe(0);
  });
});

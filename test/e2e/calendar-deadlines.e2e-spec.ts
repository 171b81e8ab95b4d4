import type { EntityManager } from 'typeorm';
import { CalendarService } from '../../src/calendar/calendar.service';
import { addDays } from '../../src/calendar/local-date';
import { statutoryHolidays } from '../../src/calendar/statutory-holidays';
import { statementsDuring } from '../support/statements';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

describe('calendar and statutory clocks', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/v1/calendar/deadline and /workdays', () => {
    it('counts calendar days with roll-forward: 15 days from 2025-09-26 end on Saturday 2025-10-11, a make-up working day', async () => {
      // 国办发明电〔2024〕12号: 国庆节、中秋节 10月1日至8日放假，9月28日（周日）、10月11日（周六）上班.
      const res = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ from: '2025-09-26', amount: 15, unit: 'DAY' })
        .set(await auth('mediator'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        from: '2025-09-26',
        amount: 15,
        unit: 'DAY',
        due: '2025-10-11',
        provisional: false,
      });
    });

    it('moves a calendar-day deadline that ends in a holiday to the next working day', async () => {
      // 10 days from 2025-09-24 = 2025-10-04 (National Day holiday) → 2025-10-09 (Thursday, first working day).
      const res = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ from: '2025-09-24', amount: 10, unit: 'DAY' })
        .set(await auth('mediator'));
      expect(res.body.due).toBe('2025-10-09');
    });

    it('counts working days across Spring Festival 2025 and its make-up Sunday', async () => {
      // 春节 1月28日至2月4日放假，1月26日（周日）、2月8日（周六）上班. From Fri 2025-01-24: Jan 26 (1), Jan 27 (2),
      // Feb 5 (3), Feb 6 (4), Feb 7 (5).
      const res = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ from: '2025-01-24', amount: 5, unit: 'WORKDAY' })
        .set(await auth('inspector'));
      expect(res.body).toMatchObject({ due: '2025-02-07', provisional: false });
      const count = await t
        .http()
        .get('/api/v1/calendar/workdays')
        .query({ from: '2025-01-24', to: '2025-02-07' })
        .set(await auth('inspector'));
      expect(count.body).toEqual({ from: '2025-01-24', to: '2025-02-07', workdays: 5, provisional: false });
    });

    it('answers provisional: true for a year no schedule covers', async () => {
      const res = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ from: '2099-03-02', amount: 5, unit: 'WORKDAY' })
        .set(await auth('mediator'));
      expect(res.body).toMatchObject({ due: '2099-03-09', provisional: true });
    });

    it.each([
      [{ from: '2025-01-24', amount: 5, unit: 'HOUR' }, 'unit'],
      [{ from: '2025-01-24', amount: -1, unit: 'DAY' }, 'amount'],
      [{ from: '2025-01-24', amount: 3651, unit: 'DAY' }, 'amount'],
      [{ from: '2025-01-24', amount: 'ten', unit: 'DAY' }, 'amount'],
      [{ from: '2025-02-30', amount: 5, unit: 'DAY' }, 'from'],
      [{ from: '24/01/2025', amount: 5, unit: 'DAY' }, 'from'],
      [{ from: '1999-12-31', amount: 5, unit: 'DAY' }, 'from'],
    ])('refuses %o with a field error on %s', async (query, field) => {
      const res = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query(query)
        .set(await auth('mediator'));
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('refuses `to` before `from`', async () => {
      const res = await t
        .http()
        .get('/api/v1/calendar/workdays')
        .query({ from: '2025-02-07', to: '2025-01-24' })
        .set(await auth('mediator'));
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('to');
    });

    it('needs a login', async () => {
      expect(
        (
          await t
            .http()
            .get('/api/v1/calendar/deadline')
            .query({ from: '2025-01-24', amount: 5, unit: 'DAY' })
        ).status,
      ).toBe(401);
    });
  });

  describe('the period calculator: GET /api/v1/calendar/rules and /deadline?rule=', () => {
    it('lists every statutory period rule with its amount, unit, start event and legal basis, to a worker too', async () => {
      const res = await t
        .http()
        .get('/api/v1/calendar/rules')
        .set(await auth('13800000000'));
      expect(res.status).toBe(200);
      const ids = (res.body as { id: string }[]).map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining(['INSPECTION_ACCEPTANCE', 'PENALTY_HEARING_REQUEST']));
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of res.body as Record<string, unknown>[])
        expect(r).toEqual({
          id: expect.any(String),
          name: { zh: expect.any(String), en: expect.any(String) },
          amount: expect.any(Number),
          unit: expect.stringMatching(/^(DAY|WORKDAY)$/),
          maxExtension: expect.any(Number),
          direction: expect.stringMatching(/^(AFTER|BEFORE)$/),
          startEvent: { zh: expect.any(String), en: expect.any(String) },
          basis: expect.stringMatching(/第.+条/),
        });
      expect(res.body.find((r: { id: string }) => r.id === 'PENALTY_HEARING_REQUEST')).toMatchObject({
        amount: 5,
        unit: 'WORKDAY',
        basis: expect.stringContaining('第八十五条'),
      });
    });

    it('answers a rule from a date with the engine the cases use: the penalty hearing request across National Day 2025', async () => {
      // 行政处罚法 第六十四条、第八十五条: 5 working days. Tue 2025-09-30; 10-01…10-08 off; 09, 10, 11 (make-up Sat), 13, 14.
      const res = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ rule: 'PENALTY_HEARING_REQUEST', from: '2025-09-30' })
        .set(await auth('13800000000'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        rule: 'PENALTY_HEARING_REQUEST',
        from: '2025-09-30',
        due: '2025-10-14',
        unit: 'WORKDAY',
        amount: 5,
        provisional: false,
        basis: expect.stringContaining('行政处罚法'),
      });
    });

    it('gives the same due date as a complaint acceptance clock, and marks 2027 provisional while skipping its fixed holidays', async () => {
      const rule = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ rule: 'INSPECTION_ACCEPTANCE', from: '2025-01-24' })
        .set(await auth('inspector'));
      const bare = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ amount: 5, unit: 'WORKDAY', from: '2025-01-24' })
        .set(await auth('inspector'));
      expect(rule.body).toMatchObject({ due: '2025-02-07', provisional: false });
      expect(rule.body.due).toBe(bare.body.due);
      // Thu 2026-12-31 … Fri 2027-01-01 is 元旦 (放假办法 第二条) even before the 2027 notice is loaded.
      const y2027 = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ rule: 'INSPECTION_ACCEPTANCE', from: '2026-12-31' })
        .set(await auth('inspector'));
      expect(y2027.body).toMatchObject({ due: '2027-01-08', provisional: true });
    });

    it('counts the hearing notice backwards from the hearing date', async () => {
      const hearing = '2026-03-20';
      const res = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ rule: 'ARBITRATION_HEARING_NOTICE', from: hearing })
        .set(await auth('arbitrator'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        rule: 'ARBITRATION_HEARING_NOTICE',
        from: hearing,
        unit: 'WORKDAY',
        amount: 5,
      });
      expect(res.body.due < hearing).toBe(true);
    });

    it.each([
      [{ rule: 'NO_SUCH_RULE', from: '2025-01-24' }, 'rule'],
      [{ rule: 'INSPECTION_ACCEPTANCE', from: '2025-01-24', amount: 5, unit: 'DAY' }, 'rule'],
      [{ rule: 'INSPECTION_ACCEPTANCE', from: '2025-13-01' }, 'from'],
      [{ from: '2025-01-24' }, 'amount'],
    ])('refuses %o with a field error on %s', async (query, field) => {
      const res = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query(query)
        .set(await auth('13800000000'));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('needs a login', async () => {
      expect((await t.http().get('/api/v1/calendar/rules')).status).toBe(401);
    });
  });

  describe('loading a year (ADMIN)', () => {
    const year2099 = {
      // A made-up schedule for a far year: 1 January off, and a long spring holiday with a make-up Sunday; then the
      // other fixed holidays of 放假办法 第二条, which every loaded schedule must keep as rest days.
      holidays: [
        '2099-01-01',
        '2099-03-03',
        '2099-03-04',
        '2099-03-05',
        ...statutoryHolidays(2099)
          .map((h) => h.date)
          .filter((d) => d !== '2099-01-01'),
      ],
      makeupWorkdays: ['2099-03-08'],
      source: '测试用假日安排（非官方）',
    };

    it('a non-admin is refused and nothing is stored', async () => {
      const res = await t
        .http()
        .put('/api/v1/calendar/years/2099')
        .set(await auth('supervisor'))
        .send(year2099);
      expect(res.status).toBe(403);
      expect(
        (
          await t
            .http()
            .get('/api/v1/calendar/years/2099')
            .set(await auth('supervisor'))
        ).body.coverage,
      ).toBe('NONE');
    });

    it('refuses a contradictory list (a date both holiday and working day), a weekday make-up day, a date outside the year, and a year out of range', async () => {
      const admin = await auth('admin');
      const both = await t
        .http()
        .put('/api/v1/calendar/years/2099')
        .set(admin)
        .send({ ...year2099, makeupWorkdays: ['2099-03-03'] });
      expect(both.status).toBe(400);
      expect(JSON.stringify(both.body.details)).toContain('2099-03-03');
      // A list item's field error has the dotted path of every other field error (field-errors.spec.ts).
      expect([...new Set(both.body.details.map((d: { field: string }) => d.field))]).toEqual([
        'makeupWorkdays.0',
      ]);
      // Its message names the holiday it clashes with by the same path (zh-CN and English).
      const bothEn = await t
        .http()
        .put('/api/v1/calendar/years/2099')
        .set(admin)
        .set('Accept-Language', 'en')
        .send({ ...year2099, makeupWorkdays: ['2099-03-03'] });
      for (const body of [both.body, bothEn.body]) {
        expect(JSON.stringify(body.details)).toContain('holidays.1');
        expect(JSON.stringify(body.details)).not.toContain('holidays[');
      }
      const weekday = await t
        .http()
        .put('/api/v1/calendar/years/2099')
        .set(admin)
        .send({ ...year2099, makeupWorkdays: ['2099-03-10'] });
      expect(weekday.status).toBe(400);
      const elsewhere = await t
        .http()
        .put('/api/v1/calendar/years/2099')
        .set(admin)
        .send({ ...year2099, holidays: ['2098-12-31'] });
      expect(elsewhere.status).toBe(400);
      const badDate = await t
        .http()
        .put('/api/v1/calendar/years/2099')
        .set(admin)
        .send({ ...year2099, holidays: ['2099-02-30'] });
      expect(badDate.status).toBe(400);
      expect(badDate.body.details.map((d: { field: string }) => d.field)).toEqual(['holidays.0']);
      for (const y of ['1999', '2101', 'abc'])
        expect((await t.http().put(`/api/v1/calendar/years/${y}`).set(admin).send(year2099)).status).toBe(
          400,
        );
      expect((await t.http().get('/api/v1/calendar/years/2099').set(admin)).body.coverage).toBe('NONE');
    });

    it('refuses a schedule that would make a fixed statutory holiday a working day, naming each date, and stores nothing', async () => {
      const admin = await auth('admin');
      // The audit's typo: a 2027 notice with only 1月2日 off would work 元旦, 除夕, 清明, 端午, 中秋 and 国庆 (weekdays).
      const typo = await t
        .http()
        .put('/api/v1/calendar/years/2027')
        .set(admin)
        .send({ holidays: ['2027-01-02'], makeupWorkdays: [], source: '国办发明电' });
      expect(typo.status).toBe(400);
      expect(typo.body.code).toBe('VALIDATION_FAILED');
      const weekdays = [
        '2027-01-01',
        '2027-02-05',
        '2027-02-08',
        '2027-04-05',
        '2027-06-09',
        '2027-09-15',
        '2027-10-01',
      ];
      expect(typo.body.details).toEqual(
        weekdays.map((date) =>
          expect.objectContaining({ field: 'holidays', constraint: 'statutoryHoliday', date }),
        ),
      );
      expect(typo.body.details[0].message).toContain('2027-01-01');
      // A make-up workday on a fixed holiday (劳动节 2027-05-02 is a Sunday) is named by its list item.
      const fixed = statutoryHolidays(2027)
        .map((h) => h.date)
        .filter((d) => d !== '2027-05-02');
      const worked = await t
        .http()
        .put('/api/v1/calendar/years/2027')
        .set(admin)
        .send({ holidays: fixed, makeupWorkdays: ['2027-05-02'], source: '国办发明电' });
      expect(worked.status).toBe(400);
      expect(worked.body.details).toEqual([
        expect.objectContaining({ field: 'makeupWorkdays.0', constraint: 'statutoryHoliday' }),
      ]);
      expect((await t.http().get('/api/v1/calendar/years/2027').set(admin)).body.coverage).toBe('NONE');
    });

    it('stores the schedule, reports its source, and answers from it without provisional', async () => {
      const admin = await auth('admin');
      const put = await t.http().put('/api/v1/calendar/years/2099').set(admin).send(year2099);
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({
        year: 2099,
        coverage: 'LOADED',
        source: '测试用假日安排（非官方）',
        makeupWorkdays: ['2099-03-08'],
      });
      // Mon 2099-03-02 + 5 working days: Mar 3-5 off, Fri Mar 6 (1), Sun Mar 8 make-up (2), Mon 9 (3), 10 (4), 11 (5).
      const res = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ from: '2099-03-02', amount: 5, unit: 'WORKDAY' })
        .set(await auth('mediator'));
      expect(res.body).toMatchObject({ due: '2099-03-11', provisional: false });
    });

    it('shows admins which years around today are not covered', async () => {
      const res = await t
        .http()
        .get('/api/v1/calendar/status')
        .set(await auth('admin'));
      expect(res.status).toBe(200);
      expect(res.body.years.map((y: { year: number }) => y.year)).toContain(
        Number(res.body.today.slice(0, 4)),
      );
      for (const y of res.body.years.filter((x: { coverage: string }) => x.coverage === 'NONE'))
        expect(res.body.warnings.join('\n')).toContain(String(y.year));
      expect(
        (
          await t
            .http()
            .get('/api/v1/calendar/status')
            .set(await auth('mediator'))
        ).status,
      ).toBe(403);
    });

    it('a year another process loads: a transaction sees it at once, a read outside one within a second', async () => {
      const calendar = t.app.get(CalendarService);
      const em = t.dataSource.manager;
      // Sunday 2 March 2098 + 5 working days: Mon–Fri 3–7 March with no schedule; Fri 6 and Mon–Thu 9–12 once 3–5
      // March are off.
      const due = async (m: EntityManager) =>
        (await calendar.calendar(m)).addWorkingDays('2098-03-02', 5).date;
      expect(await due(em)).toBe('2098-03-07');
      // Checked just now: the next reads outside a transaction do not ask again.
      const quiet = await statementsDuring(() => Promise.all([due(em), due(em)]));
      expect(quiet.statements.filter((q) => q.sql.includes('calendar_years'))).toEqual([]);
      // Another process (not this one's putYear) loads 2098: 3–5 March off.
      await em.query(
        `INSERT INTO calendar_years (year, holidays, makeup_workdays, source, loaded_by)
         SELECT 2098, ARRAY['2098-03-03','2098-03-04','2098-03-05'], '{}'::text[], '测试（另一进程）', id
           FROM users WHERE username = 'admin'`,
      );
      expect(await t.dataSource.transaction((tx) => due(tx))).toBe('2098-03-12');
      // The other process deletes it again: reads keep the schedule the transaction found for up to a second.
      await em.query(`DELETE FROM calendar_years WHERE year = 2098`);
      expect(await due(em)).toBe('2098-03-12');
      await new Promise((r) => setTimeout(r, 1_100));
      expect(await due(em)).toBe('2098-03-07');
    });
  });

  describe('the acceptance clock of a complaint', () => {
    const file = async (street = '310115005') => {
      const res = await t
        .http()
        .post('/api/v1/complaints')
        .set(await auth('13800000000'))
        .send(complaintBody({ workplaceStreetCode: street }));
      expect(res.status).toBe(201);
      return res.body as { id: string; receivedOn: string };
    };

    it('starts at intake: 5 working days (若干规定 第十八条), computed from its events', async () => {
      const c = await file();
      const res = await t
        .http()
        .get(`/api/v1/complaints/${c.id}/deadlines`)
        .set(await auth('13800000000'));
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(1);
      const expected = await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ from: c.receivedOn, amount: 5, unit: 'WORKDAY' })
        .set(await auth('mediator'));
      expect(res.body[0]).toMatchObject({
        rule: { id: 'INSPECTION_ACCEPTANCE', unit: 'WORKDAY', amount: 5 },
        start: c.receivedOn,
        state: 'RUNNING',
        due: expected.body.due,
        events: [],
      });
      expect(res.body[0].daysRemaining).toBe(5);
    });

    it('accepting stops the clock (MET) and is on the timeline; deciding twice is 409', async () => {
      const c = await file();
      const ok = await t
        .http()
        .post(`/api/v1/complaints/${c.id}/accept`)
        .set(await auth('inspector'))
        .send({ note: '符合受理条件' });
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('ACCEPTED');
      const clocks = await t
        .http()
        .get(`/api/v1/complaints/${c.id}/deadlines`)
        .set(await auth('inspector'));
      expect(clocks.body[0]).toMatchObject({ state: 'MET', events: [{ type: 'STOP' }] });
      const again = await t
        .http()
        .post(`/api/v1/complaints/${c.id}/reject`)
        .set(await auth('inspector'))
        .send({ reason: 'DUPLICATE', legalBasis: '若干规定 第十八条' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'ILLEGAL_TRANSITION',
        details: { status: 'ACCEPTED', allowed: ['ROUTED', 'WITHDRAWN'] },
      });
      const events = await t
        .http()
        .get(`/api/v1/complaints/${c.id}/events`)
        .set(await auth('inspector'));
      expect(events.body.map((e: { action: string }) => e.action)).toContain('ACCEPTED');
    });

    it('rejecting records the reason and its legal basis', async () => {
      const c = await file();
      const reject = async (body: Record<string, unknown>) =>
        t
          .http()
          .post(`/api/v1/complaints/${c.id}/reject`)
          .set(await auth('mediator'))
          .send({
            reason: 'OVER_LOOKBACK',
            legalBasis: '劳动保障监察条例 第二十条',
            note: '违法行为终了于2023年',
            ...body,
          });
      // 第二十条: only a violation that ended more than two years before receipt; a continuing one never.
      const noDate = await reject({});
      expect([noDate.status, noDate.body.details?.[0]?.field]).toEqual([400, 'violationEndedOn']);
      for (const violationEndedOn of [null, addDays(c.receivedOn, -700)]) {
        const within = await reject({ violationEndedOn });
        expect([within.status, within.body.code]).toEqual([409, 'WITHIN_LOOKBACK']);
      }
      const res = await reject({ violationEndedOn: '2023-03-31' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('REJECTED');
      const events = await t
        .http()
        .get(`/api/v1/complaints/${c.id}/events`)
        .set(await auth('13800000000'));
      // The complainant is told, with the reason and the legal basis.
      await eventually(() => t.sms.sent.some((m) => m.template === 'COMPLAINT_REJECTED'));
      expect(t.sms.sent.find((m) => m.template === 'COMPLAINT_REJECTED')?.params).toMatchObject({
        reason: '超过二年查处期限',
        legalBasis: '劳动保障监察条例 第二十条',
      });
      // … and how to contest the refusal.
      expect(t.sms.sent.find((m) => m.template === 'COMPLAINT_REJECTED')?.text).toContain(
        '六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼',
      );
      expect(events.body.find((e: { action: string }) => e.action === 'REJECTED')).toMatchObject({
        fromStatus: 'SUBMITTED',
        toStatus: 'REJECTED',
        data: {
          reason: 'OVER_LOOKBACK',
          reasonText: '超过二年查处期限',
          legalBasis: '劳动保障监察条例 第二十条',
        },
      });
    });

    it('refuses a bad decision: unknown reason, no legal basis, a worker, staff of another street', async () => {
      const c = await file();
      expect(
        (
          await t
            .http()
            .post(`/api/v1/complaints/${c.id}/reject`)
            .set(await auth('mediator'))
            .send({ reason: 'BORED', legalBasis: 'x y' })
        ).status,
      ).toBe(400);
      expect(
        (
          await t
            .http()
            .post(`/api/v1/complaints/${c.id}/reject`)
            .set(await auth('mediator'))
            .send({ reason: 'OTHER' })
        ).status,
      ).toBe(400);
      expect(
        (
          await t
            .http()
            .post(`/api/v1/complaints/${c.id}/accept`)
            .set(await auth('13800000000'))
            .send({})
        ).status,
      ).toBe(403);
      const elsewhere = await file('310115007');
      expect(
        (
          await t
            .http()
            .post(`/api/v1/complaints/${elsewhere.id}/accept`)
            .set(await auth('mediator'))
            .send({})
        ).status,
      ).toBe(404);
    });

    it("the due list shows the running clocks of the caller's jurisdictions, soonest first", async () => {
      const here = await file('310115005');
      const there = await file('310115007');
      const med = await t
        .http()
        .get('/api/v1/deadlines/due')
        .query({ within: 10, unit: 'WORKDAY' })
        .set(await auth('mediator'));
      expect(med.status).toBe(200);
      const ids = med.body.map((c: { caseId: string }) => c.caseId);
      expect(ids).toContain(here.id);
      expect(ids).not.toContain(there.id);
      const sup = await t
        .http()
        .get('/api/v1/deadlines/due')
        .query({ within: 10, unit: 'WORKDAY' })
        .set(await auth('supervisor'));
      expect(sup.body.map((c: { caseId: string }) => c.caseId)).toEqual(
        expect.arrayContaining([here.id, there.id]),
      );
      const dues = sup.body.map((c: { due: string }) => c.due);
      expect(dues).toEqual([...dues].sort());
      const none = await t
        .http()
        .get('/api/v1/deadlines/due')
        .query({ within: 0, unit: 'DAY' })
        .set(await auth('supervisor'));
      expect(none.body.filter((c: { caseId: string }) => c.caseId === here.id)).toEqual([]);
      expect(
        (
          await t
            .http()
            .get('/api/v1/deadlines/due')
            .query({ within: 5, unit: 'WEEK' })
            .set(await auth('supervisor'))
        ).status,
      ).toBe(400);
      expect(
        (
          await t
            .http()
            .get('/api/v1/deadlines/due')
            .set(await auth('13800000000'))
        ).status,
      ).toBe(403);
    });

    it('clock events: RESUME without PAUSE and an extension beyond the cap are 400 and store nothing; pause/resume is recomputed', async () => {
      const c = await file();
      const [clock] = (
        await t
          .http()
          .get(`/api/v1/complaints/${c.id}/deadlines`)
          .set(await auth('inspector'))
      ).body;
      const post = async (user: string, body: object) =>
        t
          .http()
          .post(`/api/v1/deadlines/${clock.id}/events`)
          .set(await auth(user))
          .send(body);
      const resume = await post('inspector', { type: 'RESUME', date: c.receivedOn });
      expect(resume.status).toBe(400);
      expect(resume.body.code).toBe('VALIDATION_FAILED');
      for (const user of ['inspector', 'admin'])
        expect(
          (await post(user, { type: 'EXTEND', date: c.receivedOn, amount: 3, reason: '案情复杂' })).body.code,
        ).toBe('EXTENSION_NEEDS_SUPERVISOR');
      const extend = await post('supervisor', {
        type: 'EXTEND',
        date: c.receivedOn,
        amount: 3,
        reason: '案情复杂',
      });
      expect(extend.status).toBe(400);
      expect(
        (await post('inspector', { type: 'PAUSE', date: '1999-01-01', reason: '公告送达' })).status,
      ).toBe(400);
      expect((await post('inspector', { type: 'STOP', date: c.receivedOn })).status).toBe(400);
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM clock_events WHERE clock_id = $1`,
        [clock.id],
      );
      expect(n).toBe(0);
      const paused = await post('inspector', {
        type: 'PAUSE',
        date: c.receivedOn,
        reason: '等待当事人补正材料',
      });
      expect(paused.status).toBe(201);
      expect(paused.body).toMatchObject({ state: 'PAUSED', due: null });
      const other = await t
        .http()
        .post(`/api/v1/deadlines/${clock.id}/events`)
        .set(await auth('supervisor'))
        .send({ type: 'RESUME', date: c.receivedOn });
      expect(other.status).toBe(201);
      expect(other.body).toMatchObject({ state: 'RUNNING', due: clock.due });
      // The two events stored are on the complaint's timeline, with who entered them; the refused ones are not.
      const events = await t
        .http()
        .get(`/api/v1/complaints/${c.id}/events`)
        .set(await auth('inspector'));
      expect(
        (events.body as { action: string; data: Record<string, unknown> }[])
          .filter((e) => e.action === 'COMPLAINT_CLOCK_EVENT')
          .map((e) => e.data),
      ).toEqual([
        expect.objectContaining({ clockId: clock.id, clockEvent: 'PAUSE', reason: '等待当事人补正材料' }),
        expect.objectContaining({ clockId: clock.id, clockEvent: 'RESUME', date: c.receivedOn }),
      ]);
    });
  });
});

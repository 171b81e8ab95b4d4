import {
  CORRECTION_PAUSE_REASON_1796400007700,
  PAUSE_PENDING_CORRECTIONS,
} from '../../migrations/1796400007700-correction-acceptance-pause';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { CORRECTION_PAUSE_REASON } from '../../src/complaints/complaints.deadline-rules';
import type { MyCaseDto } from '../../src/case-file/dto/my-case.dto';
import { acceptAndRoute } from '../support/case-flow';
import { testUscc } from '../support/uscc';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

/** 若干规定 第十八条: 补正 for a complaint without an identifiable employer; refusals and notices for the rest. */
describe('complaint outcomes of 若干规定 第十八条', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const worker = '13800000000';
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const file = async (street = '310115005', employer = '某工地老板') => {
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth(worker))
      .send(complaintBody({ workplaceStreetCode: street, employer: { name: employer } }));
    expect(res.status).toBe(201);
    return res.body as { id: string; trackingNo: string; receivedOn: string; employer: { id: string } };
  };
  const clocks = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/complaints/${id}/deadlines`)
        .set(await auth('inspector'))
    ).body as {
      rule: { id: string };
      start: string;
      state: string;
      due: string | null;
    }[];

  const myCase = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/my/cases/${id}`)
        .set(await auth(worker))
    ).body as MyCaseDto;
  /** A complaint of the street whose complainant was asked to name the employer (补正). */
  const asked = async (employer: string) => {
    const c = await file('310115005', employer);
    await t
      .http()
      .post(`/api/v1/complaints/${c.id}/correction-request`)
      .set(await auth('inspector'))
      .send({ missing: '单位全称' });
    return c;
  };
  /** One whose 补正 was asked twenty days ago: the 10 working days to complete it have run out. */
  const askedTwentyDaysAgo = async (employer: string) => {
    const c = await asked(employer);
    await t.dataSource.query(
      `UPDATE clocks SET start_date = $2 WHERE case_id = $1 AND rule_id = 'COMPLAINT_CORRECTION'`,
      [c.id, addDays(todayInShanghai(), -20)],
    );
    return c;
  };

  /** A complaint of the street naming an identified employer. */
  const fileAgainst = async (employer: { name: string; uscc: string }) => {
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set(await auth(worker))
      .send(complaintBody({ workplaceStreetCode: '310115005', employer }));
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  /** The complainant's 补正 naming `employer`. */
  const correct = async (id: string, employer: { name: string; uscc: string }) => {
    const res = await t
      .http()
      .post(`/api/v1/complaints/${id}/correction`)
      .set(await auth(worker))
      .send({ employer });
    expect(res.status).toBe(200);
    return res.body as { possibleDuplicateOf: string | null; employer: { uscc: string } };
  };

  it('补正: staff ask for the employer, the acceptance clock pauses (not met: nothing was decided) and a correction clock of its own runs; the complainant is told what to supply', async () => {
    const c = await file();
    const res = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/correction-request`)
      .set(await auth('inspector'))
      .send({ missing: '请补充被投诉用人单位的全称或统一社会信用代码' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('CORRECTION_REQUESTED');
    const list = await clocks(c.id);
    // Nothing was decided: the acceptance period waits for the complainant (PAUSED, no due date), not MET.
    expect(list.filter((k) => k.rule.id === 'INSPECTION_ACCEPTANCE')).toEqual([
      expect.objectContaining({ state: 'PAUSED', due: null }),
    ]);
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${c.id}`)
      .set(await auth(worker));
    expect(mine.status).toBe(200);
    const acceptance = (mine.body as MyCaseDto).deadlines.filter((d) => d.rule === 'INSPECTION_ACCEPTANCE');
    expect(acceptance).toEqual([expect.objectContaining({ state: 'PAUSED', due: null })]);
    expect(acceptance[0].text).not.toMatch(/已在期限内完成/);
    expect(acceptance[0].text).toMatch(/补正/);
    // Staff's due list: nothing of it — the correction period is the complainant's (no staff duty), the paused
    // acceptance period has no due date.
    const due = (
      await t
        .http()
        .get('/api/v1/deadlines/due')
        .query({ within: 30, unit: 'WORKDAY' })
        .set(await auth('inspector'))
    ).body as { caseId: string; rule: { id: string } }[];
    expect(due.filter((k) => k.caseId === c.id).map((k) => k.rule.id)).toEqual([]);
    const correction = list.find((k) => k.rule.id === 'COMPLAINT_CORRECTION')!;
    expect(correction).toMatchObject({ state: 'RUNNING' });
    const expected = await t
      .http()
      .get('/api/v1/calendar/deadline')
      .query({ rule: 'COMPLAINT_CORRECTION', from: correction.start })
      .set(await auth(worker));
    expect(correction.due).toBe(expected.body.due);
    const sms = await eventually(() =>
      t.sms.sent.find((m) => m.template === 'COMPLAINT_CORRECTION_REQUESTED'),
    );
    expect(sms.params).toMatchObject({
      missing: '请补充被投诉用人单位的全称或统一社会信用代码',
      dueOn: correction.due,
      legalBasis: expect.stringContaining('第十八条第一款第（二）项、第三款'),
    });
    const events = await t
      .http()
      .get(`/api/v1/complaints/${c.id}/events`)
      .set(await auth(worker));
    expect(events.body.find((e: { action: string }) => e.action === 'CORRECTION_REQUESTED')).toMatchObject({
      fromStatus: 'SUBMITTED',
      toStatus: 'CORRECTION_REQUESTED',
    });
    // While the correction is pending, the complaint cannot be accepted.
    const accept = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/accept`)
      .set(await auth('inspector'))
      .send({});
    expect(accept.status).toBe(409);
  });

  it('the complainant names the employer: submitted again, with a new 5-working-day acceptance period from that day', async () => {
    const c = await file();
    await t
      .http()
      .post(`/api/v1/complaints/${c.id}/correction-request`)
      .set(await auth('inspector'))
      .send({ missing: '单位全称' });
    const uscc = testUscc(7, '1B');
    const res = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/correction`)
      .set(await auth(worker))
      .send({ employer: { name: '上海浦东补正建筑劳务有限公司', uscc, address: '浦东新区世纪大道200号' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'SUBMITTED',
      employer: { name: '上海浦东补正建筑劳务有限公司', uscc },
      // What the 补正 asked for is kept as the complainant stated it (audit M3: the address was dropped).
      employerAsStated: { name: '上海浦东补正建筑劳务有限公司', address: '浦东新区世纪大道200号' },
    });
    expect(res.body.employer.id).not.toBe(c.employer.id);
    const list = await clocks(c.id);
    expect(list.find((k) => k.rule.id === 'COMPLAINT_CORRECTION')).toMatchObject({ state: 'MET' });
    const running = list.filter((k) => k.rule.id === 'INSPECTION_ACCEPTANCE' && k.state === 'RUNNING');
    expect(running).toHaveLength(1);
    const events = await t
      .http()
      .get(`/api/v1/complaints/${c.id}/events`)
      .set(await auth('inspector'));
    expect(events.body.find((e: { action: string }) => e.action === 'CORRECTION_SUPPLIED')).toMatchObject({
      fromStatus: 'CORRECTION_REQUESTED',
      toStatus: 'SUBMITTED',
      data: {
        employerId: res.body.employer.id,
        employerAddressStated: '浦东新区世纪大道200号',
        acceptanceRestartsOn: running[0].start,
        late: false,
      },
    });
    const accept = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/accept`)
      .set(await auth('inspector'))
      .send({});
    expect(accept.status).toBe(200);
  });

  it('补正 naming the employer the same worker already complained of (same category, within 30 days): flagged as a possible duplicate as intake flags it, and routing waits for the review', async () => {
    const uscc = testUscc(21, '1B');
    const employer = { name: '上海测试建筑劳务有限公司', uscc };
    const earlier = await fileAgainst(employer);
    const c = await asked('某某工地二号');
    expect(await correct(c.id, employer)).toMatchObject({
      employer: { uscc },
      possibleDuplicateOf: earlier.id,
    });
    const events = (
      await t
        .http()
        .get(`/api/v1/complaints/${c.id}/events`)
        .set(await auth('inspector'))
    ).body as { action: string; data: Record<string, unknown> }[];
    expect(events.filter((e) => e.action === 'POSSIBLE_DUPLICATE_FLAGGED')).toEqual([
      expect.objectContaining({ data: { duplicateOf: earlier.id } }),
    ]);
    const accept = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/accept`)
      .set(await auth('inspector'))
      .send({});
    expect(accept.status).toBe(200);
    const route = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/route`)
      .set(await auth('inspector'))
      .send({ target: 'INSPECTION' });
    expect(route.status).toBe(409);
    expect(route.body).toMatchObject({
      code: 'POSSIBLE_DUPLICATE_UNREVIEWED',
      details: { possibleDuplicateOf: earlier.id },
    });
  });

  it('补正 naming an employer the worker complained of after filing the incomplete complaint (before the 补正): the complete complaint is received on the day of the 补正, so that complaint is found too', async () => {
    const c = await asked('某某工地三号');
    const employer = { name: '上海测试补正后到劳务有限公司', uscc: testUscc(22, '1B') };
    const meanwhile = await fileAgainst(employer);
    expect(await correct(c.id, employer)).toMatchObject({ possibleDuplicateOf: meanwhile.id });
    // A 补正 naming an employer the worker never complained of leaves no flag.
    const other = await asked('某某工地四号');
    const fresh = await correct(other.id, { name: '上海测试无重复劳务有限公司', uscc: testUscc(23, '1B') });
    expect(fresh).toMatchObject({ possibleDuplicateOf: null });
  });

  it('补正 supplied after its period ended: the acceptance period still restarts, and the clocks and the timeline say the 补正 was late', async () => {
    const c = await askedTwentyDaysAgo('逾期补正工地老板');
    const correction = (await clocks(c.id)).find((k) => k.rule.id === 'COMPLAINT_CORRECTION')!;
    expect(correction).toMatchObject({ state: 'LAPSED' });
    const supplied = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/correction`)
      .set(await auth(worker))
      .send({ employer: { name: '上海浦东逾期补正劳务有限公司', uscc: testUscc(9, '1B') } });
    expect(supplied.status).toBe(200);
    const today = todayInShanghai();
    const list = (await clocks(c.id)) as (Awaited<ReturnType<typeof clocks>>[number] & {
      events: { type: string; date: string; reason?: string }[];
    })[];
    // The restart happens: 5 working days from the completed complaint…
    const acceptance = list.filter((k) => k.rule.id === 'INSPECTION_ACCEPTANCE');
    expect(acceptance).toEqual([expect.objectContaining({ state: 'RUNNING' })]);
    // …and its record says it restarted on a late 补正, with the day the 补正 was due.
    const restart = acceptance[0].events.find((e) => e.type === 'RESTART')!;
    expect(restart).toMatchObject({ date: today });
    expect(restart.reason).toContain('逾期');
    expect(restart.reason).toContain(correction.due!);
    // The complainant's correction period itself ended late (not MET): lapsed, no one's breach.
    expect(list.find((k) => k.rule.id === 'COMPLAINT_CORRECTION')).toMatchObject({
      state: 'LAPSED',
      due: correction.due,
    });
    const events = await t
      .http()
      .get(`/api/v1/complaints/${c.id}/events`)
      .set(await auth('inspector'));
    expect(
      events.body.find((e: { action: string }) => e.action === 'CORRECTION_SUPPLIED').data,
    ).toMatchObject({
      acceptanceRestartsOn: today,
      correctionDueOn: correction.due,
      late: true,
    });
  });

  it('补正 not supplied within its period: the complainant was late, not the agency — the period reads LAPSED (届满), never BREACHED, in no supervisor’s due list, and the acceptance period stays paused', async () => {
    // Nothing came: the complainant's 10 working days have run out.
    const c = await askedTwentyDaysAgo('逾期未补正工地老板');
    const list = (await clocks(c.id)) as (Awaited<ReturnType<typeof clocks>>[number] & {
      rule: { holder: string };
    })[];
    const correction = list.find((k) => k.rule.id === 'COMPLAINT_CORRECTION')!;
    expect(correction).toMatchObject({ state: 'LAPSED', rule: { holder: 'PARTY' } });
    expect(correction.due).not.toBeNull();
    // 若干规定 第十八条第一款、第三款: no complete complaint was received, so no acceptance period runs: still PAUSED.
    expect(list.filter((k) => k.rule.id === 'INSPECTION_ACCEPTANCE')).toEqual([
      expect.objectContaining({ state: 'PAUSED', due: null }),
    ]);
    expect(list.map((k) => k.state)).not.toContain('BREACHED');
    // The supervisor's and the street's due lists (their overdue figures) hold nothing of this complaint.
    for (const who of ['supervisor', 'inspector']) {
      const due = await t
        .http()
        .get('/api/v1/deadlines/due')
        .query({ within: 30, unit: 'WORKDAY' })
        .set(await auth(who));
      expect(due.status).toBe(200);
      expect((due.body as { caseId: string }[]).filter((k) => k.caseId === c.id)).toEqual([]);
    }
    // The worker's file reads the same: the period lapsed (届满), nothing is overdue, and it is no next deadline.
    const mine = await myCase(c.id);
    const shown = mine.deadlines.find((d) => d.rule === 'COMPLAINT_CORRECTION')!;
    expect(shown).toMatchObject({ state: 'LAPSED', due: correction.due });
    expect(shown.text).toContain('届满');
    expect(mine.deadlines.map((d) => d.text).join()).not.toContain('超期');
    expect(mine.nextDeadline).toBeNull();
  });

  it('migration 1796400007700: a 补正 asked under the old rule (acceptance period STOPped, reading MET) waits PAUSED and restarts on the 补正; one already supplied is left', async () => {
    expect(CORRECTION_PAUSE_REASON_1796400007700).toBe(CORRECTION_PAUSE_REASON);
    const ask = async (employer: string) => {
      const c = await asked(employer);
      // As the old code wrote it: the acceptance period stopped on the day of the request, no reason.
      await t.dataSource.query(
        `UPDATE clock_events SET type = 'STOP', reason = NULL WHERE type = 'PAUSE' AND clock_id IN
           (SELECT id FROM clocks WHERE case_id = $1 AND rule_id = 'INSPECTION_ACCEPTANCE')`,
        [c.id],
      );
      await t.dataSource.query(
        `UPDATE clocks SET stopped_on = $2 WHERE case_id = $1 AND rule_id = 'INSPECTION_ACCEPTANCE'`,
        [c.id, todayInShanghai()],
      );
      return c;
    };
    const supply = async (id: string, name: string) =>
      expect(
        (
          await t
            .http()
            .post(`/api/v1/complaints/${id}/correction`)
            .set(await auth(worker))
            .send({ employer: { name } })
        ).status,
      ).toBe(200);
    const acceptance = async (id: string) =>
      (await clocks(id)).filter((k) => k.rule.id === 'INSPECTION_ACCEPTANCE');
    const pending = await ask('迁移前补正工地老板');
    const supplied = await ask('迁移前已补正工地老板');
    // The old code's second half for the one already supplied: status back to SUBMITTED, a new period from the 补正.
    await supply(supplied.id, '上海浦东迁移补正劳务有限公司');
    expect((await acceptance(pending.id)).map((k) => k.state)).toEqual(['MET']);
    const before = (await acceptance(supplied.id)).map((k) => k.state).sort();
    expect(before).toEqual(['MET', 'RUNNING']);
    await t.dataSource.query(PAUSE_PENDING_CORRECTIONS, [CORRECTION_PAUSE_REASON_1796400007700]);
    expect(await acceptance(pending.id)).toEqual([expect.objectContaining({ state: 'PAUSED', due: null })]);
    expect((await acceptance(supplied.id)).map((k) => k.state).sort()).toEqual(before);
    // Run again: nothing more changes (the clock is no longer stopped).
    await t.dataSource.query(PAUSE_PENDING_CORRECTIONS, [CORRECTION_PAUSE_REASON_1796400007700]);
    expect(await acceptance(pending.id)).toEqual([expect.objectContaining({ state: 'PAUSED' })]);
    // The 补正 restarts that period: one acceptance period, running from today, none MET.
    await supply(pending.id, '上海浦东迁移待补正劳务有限公司');
    expect(await acceptance(pending.id)).toEqual([
      expect.objectContaining({ state: 'RUNNING', start: expect.any(String) }),
    ]);
  });

  it('补正 supplied days after filing: the 5 working days of acceptance and 立案 count from the completed complaint, for staff and for the worker', async () => {
    const c = await file('310115005', '补正重算工地老板');
    // Filed ten days ago (its acceptance period had run out when staff asked for the employer).
    const filedOn = addDays(todayInShanghai(), -10);
    await t.dataSource.query(`UPDATE complaints SET received_on = $2 WHERE id = $1`, [c.id, filedOn]);
    await t.dataSource.query(`UPDATE clocks SET start_date = $2 WHERE case_id = $1`, [c.id, filedOn]);
    await t
      .http()
      .post(`/api/v1/complaints/${c.id}/correction-request`)
      .set(await auth('inspector'))
      .send({ missing: '单位全称' });
    const supplied = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/correction`)
      .set(await auth(worker))
      .send({ employer: { name: '上海浦东补正重算劳务有限公司', uscc: testUscc(8, '1B') } });
    expect(supplied.status).toBe(200);
    const today = todayInShanghai();
    const due = (
      await t
        .http()
        .get('/api/v1/calendar/deadline')
        .query({ rule: 'INSPECTION_ACCEPTANCE', from: today })
        .set(await auth(worker))
    ).body.due as string;
    // The complaint's own acceptance period runs from today.
    expect((await clocks(c.id)).filter((k) => k.rule.id === 'INSPECTION_ACCEPTANCE')).toContainEqual(
      expect.objectContaining({ state: 'RUNNING', due }),
    );
    await acceptAndRoute(t, c.id, 'INSPECTION', 'inspector');
    const opened = await t
      .http()
      .post('/api/v1/inspection/cases')
      .set(await auth('inspector'))
      .send({ complaintId: c.id });
    expect(opened.status).toBe(201);
    // Staff: the brigade's 立案 is due within the same 5 working days from the completed complaint.
    expect(opened.body).toMatchObject({ acceptanceDueOn: due });
    const staffView = await t
      .http()
      .get(`/api/v1/inspection/cases/${opened.body.id}`)
      .set(await auth('inspector'));
    expect(staffView.status).toBe(200);
    expect(staffView.body.acceptanceDueOn).toBe(due);
    expect(
      (staffView.body.clocks as { rule: { id: string } }[]).filter(
        (k) => k.rule.id === 'INSPECTION_ACCEPTANCE',
      ),
    ).toEqual([expect.objectContaining({ state: 'RUNNING', due })]);
    // The worker: that one period, once, due on that day; nothing reads met or overdue.
    const mine = await myCase(c.id);
    expect(mine.deadlines.filter((d) => d.rule === 'INSPECTION_ACCEPTANCE')).toEqual([
      expect.objectContaining({ proceeding: 'INSPECTION', state: 'RUNNING', due }),
    ]);
    expect(mine.nextDeadline).toMatchObject({ due });
  });

  it('refuses: a missing employer as a rejection reason, a correction when none was asked, a worker asking, staff of another street, a bad body', async () => {
    const c = await file();
    const reject = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/reject`)
      .set(await auth('inspector'))
      .send({ reason: 'NO_IDENTIFIED_EMPLOYER', legalBasis: '若干规定 第十八条' });
    expect(reject.status).toBe(400);
    expect(reject.body.details.map((d: { field: string }) => d.field)).toContain('reason');
    const early = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/correction`)
      .set(await auth(worker))
      .send({ employer: { name: '上海某某有限公司' } });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { status: 'SUBMITTED' } });
    expect(
      (
        await t
          .http()
          .post(`/api/v1/complaints/${c.id}/correction-request`)
          .set(await auth(worker))
          .send({ missing: '单位全称' })
      ).status,
    ).toBe(403);
    const bad = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/correction-request`)
      .set(await auth('inspector'))
      .send({ missing: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('missing');
    const elsewhere = await file('310115007');
    expect(
      (
        await t
          .http()
          .post(`/api/v1/complaints/${elsewhere.id}/correction-request`)
          .set(await auth('mediator'))
          .send({ missing: '单位全称' })
      ).status,
    ).toBe(404);
    await t
      .http()
      .post(`/api/v1/complaints/${c.id}/correction-request`)
      .set(await auth('inspector'))
      .send({ missing: '单位全称' });
    const noEmployer = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/correction`)
      .set(await auth(worker))
      .send({});
    expect(noEmployer.status).toBe(400);
    expect(noEmployer.body.details.map((d: { field: string }) => d.field)).toContain('employer');
  });

  it('out of jurisdiction is a notice naming where to go, not a refusal; arbitration or court cites 监察条例 第二十一条第二款', async () => {
    const c = await file();
    const missing = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/reject`)
      .set(await auth('inspector'))
      .send({ reason: 'OUT_OF_JURISDICTION' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['referTo']);
    const ok = await t
      .http()
      .post(`/api/v1/complaints/${c.id}/reject`)
      .set(await auth('inspector'))
      .send({ reason: 'OUT_OF_JURISDICTION', referTo: '上海市闵行区人力资源和社会保障局' });
    expect(ok.status).toBe(200);
    const notice = await eventually(() =>
      t.sms.sent.find(
        (m) => m.template === 'COMPLAINT_NOT_ACCEPTED_NOTICE' && m.params.referTo !== undefined,
      ),
    );
    expect(notice.params).toMatchObject({
      referTo: '上海市闵行区人力资源和社会保障局',
      legalBasis: expect.stringContaining('第十八条第一款第（三）项、第四款'),
    });
    const d = await file();
    const court = await t
      .http()
      .post(`/api/v1/complaints/${d.id}/reject`)
      .set(await auth('inspector'))
      .send({ reason: 'IN_ARBITRATION_OR_COURT' });
    expect(court.status).toBe(200);
    // The notice does not say the matter is outside this body's remit (it said so for every notice's reason).
    const courtNotice = await eventually(() =>
      t.sms.sent.find(
        (m) => m.template === 'COMPLAINT_NOT_ACCEPTED_NOTICE' && m.params.trackingNo === d.trackingNo,
      ),
    );
    expect(courtNotice.text).toBe(
      `您的投诉（编号${d.trackingNo}）未予受理，告知如下：已进入劳动争议调解、仲裁或诉讼程序；依据：劳动保障监察条例 第二十一条第二款。如有疑问请咨询12333。`,
    );
    const events = await t
      .http()
      .get(`/api/v1/complaints/${d.id}/events`)
      .set(await auth('inspector'));
    expect(events.body.find((e: { action: string }) => e.action === 'REJECTED').data).toMatchObject({
      outcome: 'NOTICE',
      legalBasis: '劳动保障监察条例 第二十一条第二款',
    });
  });
});

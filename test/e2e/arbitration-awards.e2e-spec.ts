import { CalendarService } from '../../src/calendar/calendar.service';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { DeadlineReminders } from '../../src/deadlines/deadline-reminders.service';
import { readyToDecide } from '../support/case-flow';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

interface Doc {
  id: string;
  seq: number;
  documentNo: string | null;
  kind: string;
  final: boolean;
  claimIds: string[];
  issuedOn: string;
  servedOn: string | null;
  suitDeadline: string | null;
  setAsideDeadline: string | null;
}
interface Clock {
  id: string;
  rule: { id: string; holder: string };
  start: string;
  due: string | null;
  state: string;
}
/** The parties' windows the award's service opens (the respondent's answer period is a party's too, but ended). */
const awardWindow = (k: Clock) =>
  ['ARBITRATION_SUIT_WINDOW', 'ARBITRATION_SET_ASIDE_WINDOW'].includes(k.rule.id);

interface View {
  id: string;
  version: number;
  status: string;
  caseNo: string | null;
  trackingNo?: string;
  finalAward: boolean | null;
  awardServedOn: string | null;
  suitDeadline: string | null;
  claims: { id: string; type: string; final: boolean | null }[];
  awards: Doc[];
  provisionalExecutions: { claimIds: string[]; amountFen: number }[];
  clocks: Clock[];
}

/**
 * 16.6 awards: a mixed award is two documents (办案规则 第五十条); each records its service and the parties' windows run
 * from it on the case's clocks (调解仲裁法 第四十八至五十条) — never as staff duties; 先行裁决 and 先予执行 are recorded.
 */
describe('arbitration: award documents, service and the parties’ windows', () => {
  let t: TestApp;
  let me: string;
  let n = 0;
  const today = todayInShanghai();
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const post = async (user: string, path: string, body: object) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(await auth(user))
      .send(body);
  const get = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/arbitration/cases/${id}`)
        .set(await auth('arbitrator'))
    ).body as View;
  const daysAfter = async (from: string, amount: number) =>
    (await t.app.get(CalendarService).adHocDeadline(from, amount, 'DAY')).due;

  /** Accepted, a sole arbitrator deciding on the papers, the defence received: ready to decide (version 6). */
  const decidable = async (claims: { type: string; amountFen: number }[]) => {
    n++;
    const filed = await post(
      '13800000000',
      '/complaints',
      complaintBody({ employer: { name: `浦东裁决书测试公司${n}` } }),
    );
    const complaintId = filed.body.id as string;
    for (const [path, body] of [
      ['accept', {}],
      ['route', { target: 'ARBITRATION' }],
    ] as const)
      expect((await post('mediator', `/complaints/${complaintId}/${path}`, body)).status).toBe(200);
    const c = await post('mediator', '/arbitration/cases', {
      complaintId,
      claims: claims.map((x) => ({ ...x, description: `请求 ${x.type}` })),
    });
    const id = c.body.id as string;
    expect((await post('arbitrator', `/arbitration/cases/${id}/accept`, { version: 1 })).status).toBe(200);
    await readyToDecide(t, { caseId: id, arbitratorId: me, on: today, version: 2 });
    return { view: await get(id), trackingNo: filed.body.trackingNo as string, complaintId };
  };

  beforeAll(async () => {
    t = await startTestApp();
    me = (
      await t
        .http()
        .get('/api/v1/auth/me')
        .set(await auth('arbitrator'))
    ).body.userId as string;
  });
  afterAll(async () => {
    await t.close();
  });

  it('a mixed award is two documents, final first, each served today with its windows on the case’s clocks', async () => {
    // 12 × 2,740 元 = 32,880 元: 10,000 元 of wages is final, 40,000 元 of compensation is not (第四十七条).
    const {
      view: c,
      trackingNo,
      complaintId,
    } = await decidable([
      { type: 'ECONOMIC_COMPENSATION', amountFen: 5_000_000 },
      { type: 'LABOR_REMUNERATION', amountFen: 1_250_000 },
    ]);
    const [comp, wages] = c.claims;
    const r = await post('arbitrator', `/arbitration/cases/${c.id}/award`, {
      version: 6,
      claims: [
        { claimId: comp.id, awardedFen: 4_000_000 },
        { claimId: wages.id, awardedFen: 1_000_000 },
      ],
    });
    expect(r.status).toBe(200);
    const v = r.body as View;
    const suit = await daysAfter(today, 15);
    const setAside = await daysAfter(today, 30);
    expect(v).toMatchObject({
      status: 'CLOSED',
      finalAward: false,
      awardServedOn: today,
      suitDeadline: suit,
    });
    expect(v.awards).toEqual([
      {
        id: expect.any(String),
        seq: 1,
        documentNo: `${c.caseNo}-1`,
        kind: 'AWARD',
        final: true,
        claimIds: [wages.id],
        issuedOn: today,
        servedOn: today,
        suitDeadline: suit,
        setAsideDeadline: setAside,
      },
      {
        id: expect.any(String),
        seq: 2,
        documentNo: `${c.caseNo}-2`,
        kind: 'AWARD',
        final: false,
        claimIds: [comp.id],
        issuedOn: today,
        servedOn: today,
        suitDeadline: suit,
        setAsideDeadline: null,
      },
    ]);
    // The parties' windows are on the case's clocks, from service; the proceeding's own clocks are stopped.
    const party = v.clocks.filter(awardWindow);
    expect(party.map((k) => [k.rule.id, k.start, k.due, k.state]).sort()).toEqual([
      ['ARBITRATION_SET_ASIDE_WINDOW', today, setAside, 'RUNNING'],
      ['ARBITRATION_SUIT_WINDOW', today, suit, 'RUNNING'],
      ['ARBITRATION_SUIT_WINDOW', today, suit, 'RUNNING'],
    ]);
    expect(v.clocks.find((k) => k.rule.id === 'ARBITRATION_DECISION')).toMatchObject({ state: 'MET' });
    // The worker is told of each document: the final one names the employer's set-aside window.
    await eventually(() =>
      ['ARBITRATION_FINAL_AWARD_ISSUED', 'ARBITRATION_AWARD_ISSUED'].every((tpl) =>
        t.sms.sent.some((m) => m.template === tpl && m.params.trackingNo === trackingNo),
      ),
    );
    const final = t.sms.sent.find(
      (m) => m.template === 'ARBITRATION_FINAL_AWARD_ISSUED' && m.params.trackingNo === trackingNo,
    )!;
    expect(final.params).toMatchObject({ suitDeadline: suit, setAsideDeadline: setAside });
    // /my/cases: the employer's set-aside window of the final document, although the award as a whole is mixed.
    const my = await t
      .http()
      .get(`/api/v1/my/cases/${complaintId}`)
      .set(await auth('13800000000'));
    expect(my.status).toBe(200);
    expect(JSON.stringify(my.body)).toContain(`"employerSetAsideDeadline":"${setAside}"`);
  });

  it('the parties’ windows are never staff duties: not due, not in the work queue, no reminder', async () => {
    const { view: c } = await decidable([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]);
    const r = await post('arbitrator', `/arbitration/cases/${c.id}/award`, {
      version: 6,
      claims: [{ claimId: c.claims[0].id, awardedFen: 1_000_000 }],
    });
    const party = (r.body as View).clocks.filter((k) => k.rule.holder === 'PARTY');
    // The respondent's answer period (ended by its defence) is a party's too (调解仲裁法 第三十条).
    expect(party.map((k) => k.rule.id).sort()).toEqual([
      'ARBITRATION_DEFENCE',
      'ARBITRATION_SET_ASIDE_WINDOW',
      'ARBITRATION_SUIT_WINDOW',
    ]);
    // A control: an open case's award clock is a staff duty and is listed.
    const { view: open } = await decidable([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]);
    for (const user of ['arbitrator', 'supervisor']) {
      const due = await t
        .http()
        .get('/api/v1/deadlines/due')
        .query({ within: 60, unit: 'DAY' })
        .set(await auth(user));
      expect(due.status).toBe(200);
      const ids = (due.body as Clock[]).map((k) => k.id);
      for (const k of party) expect(ids).not.toContain(k.id);
      if (user === 'supervisor')
        expect(
          (due.body as { caseId: string; rule: { id: string } }[]).map((k) => [k.caseId, k.rule.id]),
        ).toContainEqual([open.id, 'ARBITRATION_DECISION']);
    }
    const queue = await t
      .http()
      .get('/api/v1/arbitration/cases')
      .query({ dueWithinDays: 60 })
      .set(await auth('arbitrator'));
    expect(queue.status).toBe(200);
    const queued = (queue.body.items as { id: string }[]).map((x) => x.id);
    expect(queued).toContain(open.id);
    expect(queued).not.toContain(c.id);
    // The reminder sweep 3 days and 1 day before each window ends: no inbox item for them.
    const reminders = t.app.get(DeadlineReminders);
    for (const k of party) {
      await reminders.sweep(addDays(k.due!, -3));
      await reminders.sweep(addDays(k.due!, -1));
    }
    const items = await t.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM notifications WHERE dedup_key LIKE ANY ($1)`,
      [party.map((k) => `deadline:${k.id}:%`)],
    );
    expect(items[0].n).toBe('0');
    // The same sweep does remind of the open case's award period (the control).
    const decision = open.clocks.find((k) => k.rule.id === 'ARBITRATION_DECISION')!;
    await reminders.sweep(addDays(decision.due!, -3));
    const control = await t.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM notifications WHERE dedup_key LIKE $1`,
      [`deadline:${decision.id}:%`],
    );
    expect(Number(control[0].n)).toBeGreaterThan(0);
    // No staff event moves a party's window (a pause or restart would show the worker a wrong last day to sue).
    for (const [user, event] of [
      ['arbitrator', { type: 'PAUSE', date: today, reason: '公告送达' }],
      ['arbitrator', { type: 'RESTART', date: today, reason: '重新计算' }],
      ['supervisor', { type: 'EXTEND', date: today, amount: 5, reason: '延长' }],
    ] as const)
      for (const k of party) {
        const r = await t
          .http()
          .post(`/api/v1/deadlines/${k.id}/events`)
          .set(await auth(user))
          .send(event);
        expect([r.status, r.body.code]).toEqual([409, 'CLOCK_HELD_BY_PARTY']);
      }
    const [{ n: events }] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM clock_events WHERE clock_id = ANY($1) AND type <> $2',
      [party.filter(awardWindow).map((k) => k.id), 'START'],
    );
    // (The answer period's one STOP is the defence's, recorded before.)
    expect(events).toBe(0);
  });

  it('an award served later: no window runs until service; service before issue is 400, twice is 409, an unknown document 404', async () => {
    const { view: c, trackingNo } = await decidable([{ type: 'LABOR_REMUNERATION', amountFen: 1_250_000 }]);
    const issued = await post('arbitrator', `/arbitration/cases/${c.id}/award`, {
      version: 6,
      claims: [{ claimId: c.claims[0].id, awardedFen: 1_000_000 }],
      serveLater: true,
    });
    expect(issued.status).toBe(200);
    const v = issued.body as View;
    expect(v).toMatchObject({ status: 'CLOSED', awardServedOn: null, suitDeadline: null });
    expect(v.awards[0]).toMatchObject({ servedOn: null, suitDeadline: null, setAsideDeadline: null });
    expect(v.clocks.filter(awardWindow)).toEqual([]);
    // Issued five days ago (moved back by hand), served three days ago: the windows run from service.
    await t.dataSource.query(`UPDATE arbitration_awards SET issued_on = $1 WHERE id = $2`, [
      addDays(today, -5),
      v.awards[0].id,
    ]);
    const path = `/arbitration/cases/${c.id}/awards/${v.awards[0].id}/service`;
    const early = await post('arbitrator', path, { version: 7, servedOn: addDays(today, -6) });
    expect(early.status).toBe(400);
    const future = await post('arbitrator', path, { version: 7, servedOn: addDays(today, 1) });
    expect(future.status).toBe(400);
    const servedOn = addDays(today, -3);
    const served = await post('arbitrator', path, { version: 7, servedOn });
    expect(served.status).toBe(200);
    const suit = await daysAfter(servedOn, 15);
    const setAside = await daysAfter(servedOn, 30);
    expect(served.body).toMatchObject({
      version: 8,
      status: 'CLOSED',
      awardServedOn: servedOn,
      suitDeadline: suit,
    });
    expect((served.body as View).awards[0]).toMatchObject({
      servedOn,
      suitDeadline: suit,
      setAsideDeadline: setAside,
    });
    expect(
      (served.body as View).clocks
        .filter(awardWindow)
        .map((k) => [k.rule.id, k.start, k.due])
        .sort(),
    ).toEqual([
      ['ARBITRATION_SET_ASIDE_WINDOW', servedOn, setAside],
      ['ARBITRATION_SUIT_WINDOW', servedOn, suit],
    ]);
    await eventually(() =>
      t.sms.sent.some(
        (m) => m.template === 'ARBITRATION_FINAL_AWARD_ISSUED' && m.params.trackingNo === trackingNo,
      ),
    );
    const again = await post('arbitrator', path, { version: 8, servedOn });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AWARD_ALREADY_SERVED');
    const unknown = await post(
      'arbitrator',
      `/arbitration/cases/${c.id}/awards/00000000-0000-7000-8000-000000000000/service`,
      { version: 8, servedOn },
    );
    expect(unknown.status).toBe(404);
  });

  it('先行裁决 decides part of the claims and keeps the case open; the award decides the rest; its windows outlive the award', async () => {
    const { view: c } = await decidable([
      { type: 'LABOR_REMUNERATION', amountFen: 1_250_000 },
      { type: 'OTHER', amountFen: 0 },
    ]);
    const [wages, other] = c.claims;
    const all = await post('arbitrator', `/arbitration/cases/${c.id}/partial-award`, {
      version: 6,
      claims: [
        { claimId: wages.id, awardedFen: 1_000_000 },
        { claimId: other.id, awardedFen: 0 },
      ],
    });
    expect(all.status).toBe(400);
    const part = await post('arbitrator', `/arbitration/cases/${c.id}/partial-award`, {
      version: 6,
      claims: [{ claimId: wages.id, awardedFen: 1_000_000 }],
    });
    expect(part.status).toBe(200);
    expect(part.body).toMatchObject({ status: 'TRIBUNAL_FORMED', version: 7, closureType: null });
    expect((part.body as View).awards).toEqual([
      expect.objectContaining({
        seq: 1,
        kind: 'PARTIAL',
        final: true,
        claimIds: [wages.id],
        servedOn: today,
      }),
    ]);
    // The award may not decide a claim twice, and must decide the rest.
    const twice = await post('arbitrator', `/arbitration/cases/${c.id}/award`, {
      version: 7,
      claims: [
        { claimId: wages.id, awardedFen: 1_000_000 },
        { claimId: other.id, awardedFen: 0 },
      ],
    });
    expect(twice.status).toBe(400);
    const done = await post('arbitrator', `/arbitration/cases/${c.id}/award`, {
      version: 7,
      claims: [{ claimId: other.id, awardedFen: 0 }],
    });
    expect(done.status).toBe(200);
    const v = done.body as View;
    expect(v).toMatchObject({ status: 'CLOSED', finalAward: false });
    expect(v.awards.map((d) => [d.seq, d.kind, d.final])).toEqual([
      [1, 'PARTIAL', true],
      [2, 'AWARD', false],
    ]);
    // The 先行裁决's windows were not stopped by the award.
    expect(
      v.clocks
        .filter(awardWindow)
        .map((k) => [k.rule.id, k.state])
        .sort(),
    ).toEqual([
      ['ARBITRATION_SET_ASIDE_WINDOW', 'RUNNING'],
      ['ARBITRATION_SUIT_WINDOW', 'RUNNING'],
      ['ARBITRATION_SUIT_WINDOW', 'RUNNING'],
    ]);
  });

  it('先予执行 is recorded for undecided money claims when both conditions of 第四十四条 hold, else 400', async () => {
    const { view: c } = await decidable([
      { type: 'LABOR_REMUNERATION', amountFen: 1_250_000 },
      { type: 'STANDARDS', amountFen: 0 },
    ]);
    const [wages, standards] = c.claims;
    const body = {
      version: 6,
      claimIds: [wages.id],
      amountFen: 600_000,
      rightsClear: true,
      livelihoodAtRisk: true,
      basis: '申请人失业三个月，无其他收入来源',
    };
    const path = `/arbitration/cases/${c.id}/provisional-execution`;
    const notClear = await post('arbitrator', path, { ...body, rightsClear: false });
    expect(notClear.status).toBe(400);
    expect(notClear.body).toMatchObject({
      code: 'PROVISIONAL_EXECUTION_NOT_ALLOWED',
      details: { errors: [expect.objectContaining({ field: 'rightsClear' })] },
    });
    const notMoney = await post('arbitrator', path, { ...body, claimIds: [standards.id] });
    expect(notMoney.status).toBe(400);
    const tooMuch = await post('arbitrator', path, { ...body, amountFen: 1_250_001 });
    expect(tooMuch.body.details.errors).toEqual([expect.objectContaining({ field: 'amountFen' })]);
    const ok = await post('arbitrator', path, body);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      version: 7,
      status: 'TRIBUNAL_FORMED',
      provisionalExecutions: [{ claimIds: [wages.id], amountFen: 600_000, decidedOn: today }],
    });
    // The applicant is told the ruling and that it went to the court (第四十四条).
    const [{ tracking_no: trackingNo }] = await t.dataSource.query<{ tracking_no: string }[]>(
      'SELECT tracking_no FROM complaints WHERE id = (SELECT complaint_id FROM arbitration_cases WHERE id = $1)',
      [c.id],
    );
    const told = () =>
      t.sms.sent.find(
        (m) => m.template === 'ARBITRATION_PROVISIONAL_EXECUTION' && m.params.trackingNo === trackingNo,
      );
    await eventually(() => !!told());
    expect(told()!.text).toContain('已裁决先予执行6000.00元，并移送人民法院执行');
  });

  it('先予执行: several rulings on the same claims never order more in total than was claimed (409)', async () => {
    const { view: c } = await decidable([
      { type: 'LABOR_REMUNERATION', amountFen: 1_000_000 },
      { type: 'DAMAGES', amountFen: 500_000 },
    ]);
    const [wages, damages] = c.claims;
    const path = `/arbitration/cases/${c.id}/provisional-execution`;
    const rule = (version: number, claimIds: string[], amountFen: number) =>
      post('arbitrator', path, {
        version,
        claimIds,
        amountFen,
        rightsClear: true,
        livelihoodAtRisk: true,
        basis: '申请人失业三个月，无其他收入来源',
      });
    expect((await rule(6, [wages.id], 700_000)).status).toBe(200);
    // Each ruling alone is within the 1,000,000 claimed on wages; together they would order 1,400,000.
    const again = await rule(7, [wages.id], 700_000);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'PROVISIONAL_EXECUTION_EXCEEDS_CLAIM',
      details: { claimedFen: 1_000_000, alreadyOrderedFen: 700_000, amountFen: 700_000 },
    });
    // Counted over the claims the rulings share: wages and damages together claimed 1,500,000.
    const both = await rule(7, [wages.id, damages.id], 900_000);
    expect(both.status).toBe(409);
    expect(both.body.details).toMatchObject({ claimedFen: 1_500_000, alreadyOrderedFen: 700_000 });
    expect((await rule(7, [wages.id], 300_000)).status).toBe(200);
    expect((await rule(8, [damages.id], 500_000)).status).toBe(200);
    expect((await get(c.id)).provisionalExecutions.map((p) => p.amountFen)).toEqual([
      700_000, 300_000, 500_000,
    ]);
  });
});

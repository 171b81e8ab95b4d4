import { DataSource } from 'typeorm';
import { ARBITRATION_DEADLINE_RULES } from '../../src/arbitration/arbitration.deadline-rules';
import { CalendarService } from '../../src/calendar/calendar.service';
import { computeDeadline, earliestAnchorAfter } from '../../src/calendar/deadline-engine';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import type { WorkingCalendar } from '../../src/calendar/working-calendar';
import { organisationId } from '../../src/reference/organisations';
import {
  applyForArbitration,
  arbitrationSteps,
  bearer,
  fileComplaint,
  inboxAbout,
  userIdOf,
} from '../support/case-flow';
import { eventually, startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

interface CaseView {
  id: string;
  caseNo: string | null;
  version: number;
  status: string;
  tribunal: string | null;
  arbitratorIds: string[];
  hearings: { id: string; arbitratorIds: string[] }[];
  clocks: { id: string; rule: { id: string }; start: string; due: string | null; state: string }[];
}

/**
 * A formed tribunal could not change: a party's recusal (回避, 调解仲裁法 第三十三条) had nowhere to go, and a
 * deactivated or moved arbitrator stayed on the tribunal — a sole one left the case with nobody who may perform the
 * tribunal's acts (403 NOT_ON_TRIBUNAL). Now the commission replaces one member (POST …/tribunal/replacements, reason
 * RECUSAL or UNABLE_TO_ACT), checked as formation checks arbitrators, the size kept, the parties told the new
 * composition (第三十二条); a staff change that leaves a member unable to act lists the case in the PATCH answer for
 * the commission to replace (nobody is picked), on the timeline and in the commission's arbitrators' inboxes.
 */
describe('replacing a member of the arbitration tribunal', () => {
  let t: TestApp;
  let cal: WorkingCalendar;
  let n = 0;
  const today = todayInShanghai();
  const ids: Record<string, string> = {};
  const commission = organisationId('ARBITRATION_COMMISSION', '310115');
  /** 10:00 on a working day `days` after the earliest the 5 working days' notice allows. */
  const hearingAt = (days = 2) => {
    const earliest = earliestAnchorAfter(ARBITRATION_DEADLINE_RULES.ARBITRATION_HEARING_NOTICE, today, cal);
    return `${cal.nextWorkingDayOnOrAfter(addDays(earliest.date, days)).date}T10:00:00+08:00`;
  };
  const post = async (user: string, path: string, body: object) =>
    t
      .http()
      .post(`/api/v1/arbitration/cases/${path}`)
      .set(await bearer(t, user))
      .send(body);
  const replace = (user: string, id: string, body: object) => post(user, `${id}/tribunal/replacements`, body);
  const schedule = (user: string, id: string, version: number, room: string, days = 2) =>
    post(user, `${id}/hearings`, { version, room, startsAt: hearingAt(days) });
  const read = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/arbitration/cases/${id}`)
        .set(await bearer(t, 'arbitrator'))
    ).body as CaseView;
  /** An accepted case whose tribunal is `tribunal` (one: handled simply), served and answered (v5). */
  const withTribunal = async (tribunal: string[]) => {
    const c = await fileComplaint(t, { employerName: `浦东仲裁庭变更公司${++n}`, target: 'ARBITRATION' });
    const id = await applyForArbitration(t, 'mediator', c.id);
    const sole = tribunal.length === 1 ? { partiesAgree: true, simplifiedExclusions: [] } : {};
    const view = (await arbitrationSteps(t, id, 1, [
      ['accept', {}],
      ['tribunal', { arbitratorIds: tribunal, ...sole }],
      ['papers', { step: 'SERVICE', on: today }],
      ['papers', { step: 'DEFENCE', on: today }],
    ])) as CaseView;
    return { ...view, complaintId: c.id };
  };
  const fields = (body: { details?: { field: string; constraint: string }[] }) =>
    (body.details ?? []).map((d) => [d.field, d.constraint]);

  beforeAll(async () => {
    t = await startTestApp();
    cal = await t.app.get(CalendarService).calendar(t.app.get(DataSource).manager);
    ids.arbitrator = await userIdOf(t, 'arbitrator');
    for (const name of ['tr-sole', 'tr-new', 'tr-b', 'tr-c', 'tr-d', 'tr-off', 'tr-e', 'tr-f'])
      ids[name] = await createAccount(t, {
        username: name,
        role: 'ARBITRATOR',
        jurisdictions: ['310115'],
        organisationId: commission,
      });
    await t.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [ids['tr-off']]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a deactivated sole arbitrator: the commission replaces them, the new one acts, the old one is 401; the worker is told', async () => {
    const c = await withTribunal([ids['tr-sole']]);
    const oldToken = await bearer(t, 'tr-sole');
    // A closed case they sat on is not listed (open cases only).
    const closed = await withTribunal([ids['tr-sole']]);
    await t.dataSource.query(`UPDATE arbitration_cases SET status = 'CLOSED' WHERE id = $1`, [closed.id]);

    const off = await t
      .http()
      .patch(`/api/v1/admin/users/${ids['tr-sole']}`)
      .set(await bearer(t, 'admin'))
      .send({ active: false });
    expect([off.status, off.body.casesHandedOver]).toEqual([
      200,
      [{ proceeding: 'ARBITRATION', id: c.id, caseNo: c.caseNo, toUserId: null }],
    ]);
    // Nobody is picked: the tribunal is the commission's to reconstitute.
    expect((await read(c.id)).arbitratorIds).toEqual([ids['tr-sole']]);
    const [event] = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE action = 'ARBITRATION_MEMBER_UNABLE_TO_ACT' AND data->>'arbitrationCaseId' = $1`,
      [c.id],
    );
    expect(event.data).toMatchObject({ arbitratorId: ids['tr-sole'], cause: 'DEACTIVATED' });
    // The commission's other active arbitrators are asked to replace the member.
    const ref = `arbitration-case:${c.id}`;
    expect(await inboxAbout(t, 'arbitrator', ref)).toContain('ARBITRATION_TRIBUNAL_MEMBER_TO_REPLACE');
    expect(await inboxAbout(t, 'tr-new', ref)).toContain('ARBITRATION_TRIBUNAL_MEMBER_TO_REPLACE');

    const res = await replace('arbitrator', c.id, {
      version: c.version,
      reason: 'UNABLE_TO_ACT',
      leavingArbitratorId: ids['tr-sole'],
      incomingArbitratorId: ids['tr-new'],
      note: '原仲裁员已离职',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: c.version + 1,
      status: 'TRIBUNAL_FORMED',
      tribunal: 'SOLE',
      arbitratorIds: [ids['tr-new']],
    });
    const [replaced] = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE action = 'ARBITRATION_REPLACE_ARBITRATOR' AND data->>'arbitrationCaseId' = $1`,
      [c.id],
    );
    expect(replaced.data).toMatchObject({
      reason: 'UNABLE_TO_ACT',
      leavingArbitratorId: ids['tr-sole'],
      incomingArbitratorId: ids['tr-new'],
      arbitratorIds: [ids['tr-new']],
      note: '原仲裁员已离职',
    });
    await eventually(() => t.sms.sent.some((m) => m.template === 'ARBITRATION_TRIBUNAL_CHANGED'));

    // The tribunal's act is the new member's; the old one's session is over; another arbitrator is not on it.
    const papers = { version: c.version + 1, basis: '双方书面同意不开庭' };
    const byOther = await post('arbitrator', `${c.id}/papers-decision`, papers);
    expect([byOther.status, byOther.body.code]).toEqual([403, 'NOT_ON_TRIBUNAL']);
    const byOld = await t
      .http()
      .post(`/api/v1/arbitration/cases/${c.id}/papers-decision`)
      .set(oldToken)
      .send(papers);
    expect(byOld.status).toBe(401);
    expect((await post('tr-new', `${c.id}/papers-decision`, papers)).status).toBe(200);
    const hearing = await schedule('tr-new', c.id, c.version + 2, '第五仲裁庭');
    expect([hearing.status, hearing.body.status]).toEqual([200, 'HEARING_SCHEDULED']);
  });

  it('a recused member of three: replaced, the hearing to come seats the new one, and the recused one is never seated again', async () => {
    const c = await withTribunal([ids.arbitrator, ids['tr-b'], ids['tr-c']]);
    const scheduled = await schedule('arbitrator', c.id, c.version, '第六仲裁庭');
    expect(scheduled.status).toBe(200);
    const res = await replace('arbitrator', c.id, {
      version: c.version + 1,
      reason: 'RECUSAL',
      leavingArbitratorId: ids['tr-b'],
      incomingArbitratorId: ids['tr-d'],
    });
    expect(res.status).toBe(200);
    const view = res.body as CaseView;
    expect(view).toMatchObject({ status: 'HEARING_SCHEDULED', tribunal: 'THREE' });
    expect(view.arbitratorIds).toEqual([ids.arbitrator, ids['tr-d'], ids['tr-c']]);
    expect(view.hearings[0].arbitratorIds).toEqual([ids.arbitrator, ids['tr-d'], ids['tr-c']]);
    // The recused arbitrator comes back neither by replacement nor in the directory.
    const back = await replace('arbitrator', c.id, {
      version: view.version,
      reason: 'UNABLE_TO_ACT',
      leavingArbitratorId: ids['tr-d'],
      incomingArbitratorId: ids['tr-b'],
    });
    expect([back.status, fields(back.body)]).toEqual([400, [['incomingArbitratorId', 'notRecused']]]);
    const directory = await t
      .http()
      .get('/api/v1/staff/colleagues')
      .query({ proceeding: 'ARBITRATION', caseId: c.id })
      .set(await bearer(t, 'arbitrator'));
    const listed = (directory.body.items as { id: string }[]).map((x) => x.id);
    expect(listed).toContain(ids['tr-d']);
    expect(listed).not.toContain(ids['tr-b']);
  });

  it('refuses a leaving non-member, a member coming in twice, an inactive candidate (400 on the field); a stale version or a case without a tribunal is 409', async () => {
    const c = await withTribunal([ids.arbitrator, ids['tr-c'], ids['tr-d']]);
    const base = { version: c.version, reason: 'UNABLE_TO_ACT', leavingArbitratorId: ids['tr-c'] };
    const notMember = await replace('arbitrator', c.id, {
      ...base,
      leavingArbitratorId: ids['tr-new'],
      incomingArbitratorId: ids['tr-b'],
    });
    expect([notMember.status, fields(notMember.body)]).toEqual([
      400,
      [['leavingArbitratorId', 'onTribunal']],
    ]);
    const twice = await replace('arbitrator', c.id, { ...base, incomingArbitratorId: ids['tr-d'] });
    expect([twice.status, fields(twice.body)]).toEqual([400, [['incomingArbitratorId', 'notOnTribunal']]]);
    const inactive = await replace('arbitrator', c.id, { ...base, incomingArbitratorId: ids['tr-off'] });
    expect([inactive.status, fields(inactive.body)]).toEqual([
      400,
      [['incomingArbitratorId', 'isArbitrator']],
    ]);
    const stale = await replace('arbitrator', c.id, {
      ...base,
      version: c.version - 1,
      incomingArbitratorId: ids['tr-b'],
    });
    expect([stale.status, stale.body.code, stale.body.details]).toEqual([
      409,
      'STALE_VERSION',
      { version: c.version },
    ]);
    expect((await read(c.id)).version).toBe(c.version);

    const f = await fileComplaint(t, { employerName: `浦东仲裁庭变更公司${++n}`, target: 'ARBITRATION' });
    const accepted = await applyForArbitration(t, 'mediator', f.id);
    await arbitrationSteps(t, accepted, 1, [['accept', {}]]);
    const early = await replace('arbitrator', accepted, {
      version: 2,
      reason: 'UNABLE_TO_ACT',
      leavingArbitratorId: ids['tr-c'],
      incomingArbitratorId: ids['tr-b'],
    });
    expect([early.status, early.body.code, early.body.details.status]).toEqual([
      409,
      'ILLEGAL_TRANSITION',
      'ACCEPTED',
    ]);
    expect(early.body.details.allowed).toContain('FORM_TRIBUNAL');
  });

  it('a worker or a mediator is 403; missing fields, ids that are not uuids and an unknown reason are 400, never 500', async () => {
    const c = await withTribunal([ids['tr-c']]);
    const ok = {
      version: c.version,
      reason: 'RECUSAL',
      leavingArbitratorId: ids['tr-c'],
      incomingArbitratorId: ids['tr-b'],
    };
    expect((await replace('13800000000', c.id, ok)).status).toBe(403);
    expect((await replace('mediator', c.id, ok)).status).toBe(403);
    const missing = await replace('arbitrator', c.id, {});
    expect(missing.status).toBe(400);
    expect(new Set(fields(missing.body).map(([f]) => f))).toEqual(
      new Set(['version', 'reason', 'leavingArbitratorId', 'incomingArbitratorId']),
    );
    const bad = await replace('arbitrator', c.id, {
      ...ok,
      reason: 'BORED',
      leavingArbitratorId: 'x',
      incomingArbitratorId: 42,
    });
    expect(bad.status).toBe(400);
    expect(new Set(fields(bad.body).map(([f]) => f))).toEqual(
      new Set(['reason', 'leavingArbitratorId', 'incomingArbitratorId']),
    );
    expect((await replace('arbitrator', 'not-a-uuid', ok)).status).toBe(404);
    expect((await read(c.id)).arbitratorIds).toEqual([ids['tr-c']]);
  });

  it('a party asks a member to withdraw (回避): recorded; refused and told; granted replaces the member in the same act; decided once', async () => {
    const c = await withTribunal([ids.arbitrator, ids['tr-c'], ids['tr-d']]);
    const application = {
      version: c.version,
      arbitratorId: ids['tr-c'],
      side: 'APPLICANT',
      channel: 'WRITTEN',
      grounds: ['INTEREST'],
      statement: '该仲裁员与被申请人有业务往来',
    };
    const notMember = await post('arbitrator', `${c.id}/recusals`, {
      ...application,
      arbitratorId: ids['tr-new'],
    });
    expect([notMember.status, fields(notMember.body)]).toEqual([400, [['arbitratorId', 'onTribunal']]]);
    const future = await post('arbitrator', `${c.id}/recusals`, { ...application, receivedOn: '2999-01-01' });
    expect([future.status, fields(future.body)]).toEqual([400, [['receivedOn', 'withinCase']]]);
    const bad = await post('arbitrator', `${c.id}/recusals`, {
      ...application,
      side: 'JUDGE',
      channel: 'PIGEON',
      grounds: [],
    });
    expect(bad.status).toBe(400);
    expect(new Set(fields(bad.body).map(([f]) => f))).toEqual(new Set(['side', 'channel', 'grounds']));
    expect((await post('mediator', `${c.id}/recusals`, application)).status).toBe(403);

    const first = await post('arbitrator', `${c.id}/recusals`, application);
    expect(first.status).toBe(200);
    expect(first.body.recusals).toEqual([
      expect.objectContaining({
        arbitratorId: ids['tr-c'],
        side: 'APPLICANT',
        channel: 'WRITTEN',
        grounds: ['INTEREST'],
        receivedOn: today,
        decision: null,
      }),
    ]);
    const second = await post('arbitrator', `${c.id}/recusals`, {
      ...application,
      version: c.version + 1,
      arbitratorId: ids['tr-d'],
      side: 'RESPONDENT',
      channel: 'ORAL',
      grounds: ['OTHER_RELATION'],
    });
    expect(second.status).toBe(200);
    const [a, b] = (second.body.recusals as { id: string }[]).map((r) => r.id);
    const decide = (recusal: string, body: object) =>
      post('arbitrator', `${c.id}/recusals/${recusal}/decision`, body);

    const refused = await decide(a, { version: c.version + 2, decision: 'REFUSED', reason: '理由不成立' });
    expect(refused.status).toBe(200);
    expect(refused.body.arbitratorIds).toEqual([ids.arbitrator, ids['tr-c'], ids['tr-d']]);
    expect(refused.body.recusals[0]).toMatchObject({ decision: 'REFUSED', decidedOn: today });
    await eventually(() => t.sms.sent.some((m) => m.template === 'ARBITRATION_RECUSAL_DECIDED'));
    const again = await decide(a, {
      version: c.version + 3,
      decision: 'GRANTED',
      reason: '再议',
      incomingArbitratorId: ids['tr-new'],
    });
    expect([again.status, again.body.code]).toEqual([409, 'RECUSAL_ALREADY_DECIDED']);

    const nobody = await decide(b, { version: c.version + 3, decision: 'GRANTED', reason: '确有其他关系' });
    expect([nobody.status, fields(nobody.body)]).toEqual([400, [['incomingArbitratorId', 'isDefined']]]);
    const granted = await decide(b, {
      version: c.version + 3,
      decision: 'GRANTED',
      reason: '确有其他关系',
      incomingArbitratorId: ids['tr-new'],
    });
    expect(granted.status).toBe(200);
    expect(granted.body.arbitratorIds).toEqual([ids.arbitrator, ids['tr-c'], ids['tr-new']]);
    expect(granted.body.recusals[1]).toMatchObject({ decision: 'GRANTED' });
    const [event] = await t.dataSource.query<{ data: Record<string, unknown> }[]>(
      `SELECT data FROM case_events WHERE action = 'ARBITRATION_DECIDE_RECUSAL' AND data->>'decision' = 'GRANTED' AND data->>'arbitrationCaseId' = $1`,
      [c.id],
    );
    expect(event.data).toMatchObject({
      recusalId: b,
      reason: 'RECUSAL',
      leavingArbitratorId: ids['tr-d'],
      incomingArbitratorId: ids['tr-new'],
    });
    const back = await replace('arbitrator', c.id, {
      version: c.version + 4,
      reason: 'UNABLE_TO_ACT',
      leavingArbitratorId: ids['tr-new'],
      incomingArbitratorId: ids['tr-d'],
    });
    expect([back.status, fields(back.body)]).toEqual([400, [['incomingArbitratorId', 'notRecused']]]);
    const unknown = await decide('00000000-0000-4000-8000-000000000000', {
      version: c.version + 4,
      decision: 'REFUSED',
      reason: '不成立',
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'RECUSAL_NOT_FOUND']);
    expect((await decide('x', { version: 1, decision: 'REFUSED', reason: '不成立' })).status).toBe(404);
  });

  it('a recusal application opens the commission’s 3-working-day clock (办案规则 第十一条, 第八十条), one per application; its decision stops it; one overdue is listed as due', async () => {
    const c = await withTribunal([ids.arbitrator, ids['tr-b'], ids['tr-c']]);
    type Clock = { id: string; rule: { id: string }; start: string; due: string | null; state: string };
    const recusalClocks = (v: { clocks: Clock[] }) =>
      v.clocks.filter((k) => k.rule.id === 'ARBITRATION_RECUSAL_DECISION');
    const apply = (version: number, arbitratorId: string) =>
      post('arbitrator', `${c.id}/recusals`, {
        version,
        arbitratorId,
        side: 'RESPONDENT',
        channel: 'ORAL',
        grounds: ['INTEREST'],
        statement: '该仲裁员与申请人系同事',
      });
    const first = await apply(c.version, ids['tr-b']);
    expect(first.status).toBe(200);
    const rule = ARBITRATION_DEADLINE_RULES.ARBITRATION_RECUSAL_DECISION;
    const due = computeDeadline(rule, today, [], cal, today).due;
    expect(rule).toMatchObject({ unit: 'WORKDAY', amount: 3 });
    expect(recusalClocks(first.body)).toEqual([
      expect.objectContaining({ start: today, due, state: 'RUNNING' }),
    ]);
    const second = await apply(c.version + 1, ids['tr-c']);
    const [late, onTime] = recusalClocks(second.body);
    expect(onTime).toMatchObject({ start: today, due, state: 'RUNNING' });
    // The first one's application received long ago (as if): overdue, it is listed with the clocks due.
    await t.dataSource.query(`UPDATE clocks SET start_date = $2 WHERE id = $1`, [
      late.id,
      addDays(today, -20),
    ]);
    const dueList = async () =>
      (
        await t
          .http()
          .get('/api/v1/deadlines/due')
          .set(await bearer(t, 'arbitrator'))
      ).body as Clock[];
    expect((await dueList()).find((k) => k.id === late.id)).toMatchObject({ state: 'BREACHED' });
    expect(recusalClocks(await read(c.id)).find((k) => k.id === late.id)).toMatchObject({
      state: 'BREACHED',
    });
    // Each decision stops its own application's clock, not the other's.
    const [a, b] = (second.body.recusals as { id: string }[]).map((r) => r.id);
    const decided = await post('arbitrator', `${c.id}/recusals/${b}/decision`, {
      version: c.version + 2,
      decision: 'REFUSED',
      reason: '理由不成立',
    });
    expect(decided.status).toBe(200);
    const after = recusalClocks(decided.body);
    expect(after.find((k) => k.id === onTime.id)).toMatchObject({ state: 'MET' });
    expect(after.find((k) => k.id === late.id)).toMatchObject({ state: 'BREACHED' });
    const lateDecision = await post('arbitrator', `${c.id}/recusals/${a}/decision`, {
      version: c.version + 3,
      decision: 'REFUSED',
      reason: '理由不成立',
    });
    expect(lateDecision.status).toBe(200);
    expect(recusalClocks(lateDecision.body).every((k) => k.state !== 'RUNNING')).toBe(true);
    expect((await dueList()).filter((k) => k.id === late.id || k.id === onTime.id)).toEqual([]);
  });

  it('the one coming in is not booked at the time of the case’s hearing to come (409 DOUBLE_BOOKING, as scheduling)', async () => {
    const elsewhere = await withTribunal([ids['tr-e']]);
    const booked = await schedule('arbitrator', elsewhere.id, elsewhere.version, '第七仲裁庭', 5);
    expect(booked.status).toBe(200);
    const c = await withTribunal([ids['tr-f']]);
    const mine = await schedule('arbitrator', c.id, c.version, '第八仲裁庭', 5);
    expect(mine.status).toBe(200);
    const res = await replace('arbitrator', c.id, {
      version: c.version + 1,
      reason: 'UNABLE_TO_ACT',
      leavingArbitratorId: ids['tr-f'],
      incomingArbitratorId: ids['tr-e'],
    });
    expect([res.status, res.body.code, res.body.details.hearingId]).toEqual([
      409,
      'DOUBLE_BOOKING',
      (booked.body as CaseView).hearings[0].id,
    ]);
    expect((await read(c.id)).arbitratorIds).toEqual([ids['tr-f']]);
  });
});

import { CalendarService } from '../../src/calendar/calendar.service';
import type { ClockView } from '../../src/deadlines/deadlines.service';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { arbitrationSteps, bearer, fileComplaint, readyToDecide, userIdOf } from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';

interface View {
  id: string;
  version: number;
  awardServedOn: string | null;
  suitDeadline: string | null;
  claims: { id: string; type: string }[];
  awards: { id: string; seq: number; final: boolean; servedOn: string | null; suitDeadline: string | null }[];
  clocks: ClockView[];
}

/**
 * What a later step must not do to a statutory date already counted: the service of one award document does not move
 * the case's service day back (调解仲裁法 第四十八条, 第五十条); a second defence does not open a second service
 * period (第三十条); a generic restart does not lift a 中止 of the award period (办案规则 第四十六条).
 */
describe('arbitration clocks: no silent second count', () => {
  let t: TestApp;
  let arbitratorId: string;
  let n = 0;
  const today = todayInShanghai();
  const post = async (path: string, body: object, user = 'arbitrator') =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(await bearer(t, user))
      .send(body);
  const get = async (id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/arbitration/cases/${id}`)
        .set(await bearer(t, 'arbitrator'))
    ).body as View;
  const daysAfter = async (from: string, amount: number) =>
    (await t.app.get(CalendarService).adHocDeadline(from, amount, 'DAY')).due;

  /** A complaint routed to arbitration and its application with `claims` (v1). */
  const applied = async (claims: { type: string; amountFen: number }[]) => {
    const c = await fileComplaint(t, { employerName: `浦东期限守护公司${++n}`, target: 'ARBITRATION' });
    const r = await post(
      '/arbitration/cases',
      { complaintId: c.id, claims: claims.map((x) => ({ ...x, description: `请求 ${x.type}` })) },
      'mediator',
    );
    expect(r.status).toBe(201);
    return r.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    arbitratorId = await userIdOf(t, 'arbitrator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('a mixed award served later: serving its second document on an earlier day does not move the case’s service day back', async () => {
    const id = await applied([
      { type: 'ECONOMIC_COMPENSATION', amountFen: 5_000_000 },
      { type: 'LABOR_REMUNERATION', amountFen: 1_250_000 },
    ]);
    await arbitrationSteps(t, id, 1, [['accept', {}]]);
    await readyToDecide(t, { caseId: id, arbitratorId, on: today, version: 2 });
    const [comp, wages] = (await get(id)).claims;
    const issued = await post(`/arbitration/cases/${id}/award`, {
      version: 6,
      claims: [
        { claimId: comp.id, awardedFen: 4_000_000 },
        { claimId: wages.id, awardedFen: 1_000_000 },
      ],
      serveLater: true,
    });
    expect(issued.status).toBe(200);
    const [finalDoc, otherDoc] = (issued.body as View).awards;
    await t.dataSource.query(`UPDATE arbitration_awards SET issued_on = $1 WHERE case_id = $2`, [
      addDays(today, -5),
      id,
    ]);
    const first = addDays(today, -1);
    const earlier = addDays(today, -3);
    const one = await post(`/arbitration/cases/${id}/awards/${finalDoc.id}/service`, {
      version: 7,
      servedOn: first,
    });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ awardServedOn: first, suitDeadline: await daysAfter(first, 15) });
    // The other document reached the parties earlier: its own window runs from its own day…
    const two = await post(`/arbitration/cases/${id}/awards/${otherDoc.id}/service`, {
      version: 8,
      servedOn: earlier,
    });
    expect(two.status).toBe(200);
    const v = two.body as View;
    expect(v.awards.find((d) => d.id === otherDoc.id)).toMatchObject({
      servedOn: earlier,
      suitDeadline: await daysAfter(earlier, 15),
    });
    // …and the case's service day stays the day its last document was served, the one its last day to sue runs from.
    expect(v).toMatchObject({ awardServedOn: first, suitDeadline: await daysAfter(first, 15) });
    // Each document is served once: a second service of either is 409, whatever its day.
    const again = await post(`/arbitration/cases/${id}/awards/${finalDoc.id}/service`, {
      version: 9,
      servedOn: earlier,
    });
    expect([again.status, again.body.code]).toEqual([409, 'AWARD_ALREADY_SERVED']);
    expect(again.body.details).toMatchObject({ servedOn: first });
    expect((await get(id)).awardServedOn).toBe(first);
  });

  it('a second defence (to changed claims) before the first was served: one service period, not two', async () => {
    const id = await applied([{ type: 'LABOR_REMUNERATION', amountFen: 500_000 }]);
    await arbitrationSteps(t, id, 1, [
      ['accept', {}],
      ['tribunal', { arbitratorIds: [arbitratorId], partiesAgree: true, simplifiedExclusions: [] }],
      ['papers', { step: 'SERVICE', on: today }],
      ['papers', { step: 'DEFENCE', on: today }],
      ['claim-changes', { acceptedOn: today, description: '增加请求：支付加班费 12,000 元' }],
      ['papers', { step: 'DEFENCE', on: today }],
    ]);
    const v = await get(id);
    const service = v.clocks.filter((k) => k.rule.id === 'ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT');
    expect(service.map((k) => [k.start, k.state])).toEqual([[today, 'RUNNING']]);
    // Both answer periods are closed by the defences; serving them stops the one service period.
    expect(v.clocks.filter((k) => k.rule.id === 'ARBITRATION_DEFENCE').map((k) => k.state)).toEqual([
      'MET',
      'MET',
    ]);
    await arbitrationSteps(t, id, v.version, [['papers', { step: 'DEFENCE_SERVICE', on: today }]]);
    const after = (await get(id)).clocks.filter(
      (k) => k.rule.id === 'ARBITRATION_DEFENCE_SERVICE_TO_CLAIMANT',
    );
    expect(after.map((k) => k.state)).toEqual(['MET']);
  });

  it('the award period suspended (中止): a generic RESTART is 409, as a change of claims is; a running one restarts', async () => {
    const id = await applied([{ type: 'LABOR_REMUNERATION', amountFen: 500_000 }]);
    const accepted = (await arbitrationSteps(t, id, 1, [['accept', {}]])) as View;
    const decision = accepted.clocks.find((k) => k.rule.id === 'ARBITRATION_DECISION')!;
    const events = `/deadlines/${decision.id}/events`;
    expect(
      (await post(events, { type: 'PAUSE', date: today, reason: '中止审理：等待工伤认定' })).status,
    ).toBe(201);
    for (const user of ['arbitrator', 'supervisor']) {
      const restart = await post(events, { type: 'RESTART', date: today, reason: '变更仲裁请求' }, user);
      expect([restart.status, restart.body.code]).toEqual([409, 'AWARD_PERIOD_RESTART_WHILE_SUSPENDED']);
      expect(restart.body.details).toMatchObject({
        clockId: decision.id,
        allowedEvents: ['RESUME'],
        claimChanges: `/api/v1/arbitration/cases/${id}/claim-changes`,
      });
    }
    const change = await post(`/arbitration/cases/${id}/claim-changes`, {
      version: 2,
      acceptedOn: today,
      description: '增加请求：支付加班费 12,000 元',
    });
    expect([change.status, change.body.code]).toEqual([409, 'CLAIM_CHANGE_WHILE_SUSPENDED']);
    const still = (await get(id)).clocks.find((k) => k.id === decision.id)!;
    expect(still).toMatchObject({ state: 'PAUSED', due: null });
    expect(still.events.map((e) => e.type)).toEqual(['PAUSE']);
    // Resumed, the period may be counted again (追加当事人, 办案规则 第四十六条第（一）项) through the same endpoint.
    expect((await post(events, { type: 'RESUME', date: today })).status).toBe(201);
    const restarted = await post(events, { type: 'RESTART', date: today, reason: '追加当事人' });
    expect(restarted.status).toBe(201);
    expect(restarted.body).toMatchObject({ state: 'RUNNING', due: await daysAfter(today, 45) });
  });
});

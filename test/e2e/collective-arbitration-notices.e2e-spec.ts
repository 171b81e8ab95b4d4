import { CalendarService } from '../../src/calendar/calendar.service';
import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { organisationId } from '../../src/reference/organisations';
import { bearer } from '../support/case-flow';
import { fileMembers, memberIdNumber, memberPhone, toldOnceEach, type Member } from '../support/collective';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { createAccount, signInWorker } from '../support/users';

/**
 * A collective dispute's arbitration (调解仲裁法 第七条) is one case carrying every member's claims: what the tribunal
 * rules on it — 先予执行 (第四十四条), a 调解书 (第四十二条) — is told to every member, once, as the group's total, under
 * their own tracking number; a member who cannot be texted is recorded as undelivered, not skipped or texted twice.
 */
describe('a collective arbitration case: every member is told its rulings once, as the group’s total', () => {
  let t: TestApp;
  const today = todayInShanghai();
  /** Nine workers who filed themselves, and a tenth filed for by family, phone not verified: the last. */
  const members: Member[] = [];
  let arbitrators: string[];
  let c: {
    id: string;
    version: number;
    caseNo: string;
    claims: { id: string; amountFen: number }[];
    hearings: { id: string }[];
  };
  const post = async (user: string, path: string, body: object) =>
    t
      .http()
      .post(`/api/v1${path}`)
      .set(await bearer(t, user))
      .send(body);
  const act = async (path: string, body: object) => {
    const r = await post('arbitrator', `/arbitration/cases/${c.id}/${path}`, { version: c.version, ...body });
    expect([path, r.status, r.body.code]).toEqual([path, 200, undefined]);
    c = r.body as typeof c;
    return c;
  };
  /** The notifications recorded for a template, per member's complaint. */
  const recorded = (template: string) =>
    t.dataSource.query<{ subject_ref: string; status: string; channel: string }[]>(
      `SELECT subject_ref, status, channel FROM notifications WHERE template = $1 ORDER BY subject_ref`,
      [template],
    );
  /** Every member has the template's one notification (SMS sent or, for the unverified, FAILED); returns them. */
  const recordedForEach = async (template: string) => {
    await eventually(async () => (await recorded(template)).length >= members.length);
    const rows = await recorded(template);
    expect(rows.map((r) => r.subject_ref)).toEqual(members.map((m) => `complaint:${m.complaintId}`).sort());
    return rows;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set(await bearer(t, 'arbitrator'));
    const org = organisationId('ARBITRATION_COMMISSION', '310115');
    arbitrators = [me.body.userId as string];
    for (const username of ['arbitrator-group-1', 'arbitrator-group-2'])
      arbitrators.push(
        await createAccount(t, {
          username,
          role: 'ARBITRATOR',
          jurisdictions: ['310115'],
          organisationId: org,
        }),
      );
    const workers: string[] = [];
    for (let i = 0; i < 9; i++) workers.push(await signInWorker(t, memberPhone(i)));
    const employer = '浦东集体仲裁通知测试有限公司';
    const amount = (i: number) => ({ claimedAmountFen: 800_000 + i * 10_000 });
    const own = await fileMembers(t, workers, employer, amount);
    own.ids.forEach((id, i) =>
      members.push({ complaintId: id, trackingNo: own.trackingNos[i], phone: memberPhone(i) }),
    );
    const forFamily = await t
      .http()
      .post('/api/v1/complaints')
      .set({ authorization: `Bearer ${workers[0]}` })
      .send(
        complaintBody({
          employer: { name: employer },
          ...amount(9),
          complainant: undefined,
          onBehalfOf: {
            name: '工人9',
            idNumber: memberIdNumber(9),
            phone: '13912349999',
            relationship: 'FAMILY',
          },
        }),
      );
    expect(forFamily.status).toBe(201);
    members.push({ complaintId: forFamily.body.id, trackingNo: forFamily.body.trackingNo, phone: null });

    // Staff confirm the group, accept every member and route it to arbitration; the arbitrator files the case.
    const ids = members.map((m) => m.complaintId);
    const dispute = await post('mediator', '/collective-disputes', {
      employerId: own.employerId,
      category: 'WAGE_ARREARS',
      complaintIds: ids,
    });
    expect(dispute.status).toBe(201);
    for (const id of ids) expect((await post('mediator', `/complaints/${id}/accept`, {})).status).toBe(200);
    expect((await post('mediator', `/complaints/${ids[0]}/route`, { target: 'ARBITRATION' })).status).toBe(
      200,
    );
    const applied = await post('arbitrator', '/arbitration/cases', {
      complaintId: ids[0],
      claims: [{ type: 'LABOR_REMUNERATION', description: '拖欠工资', amountFen: 800_000 }],
    });
    expect(applied.status).toBe(201);
    c = applied.body as typeof c;
    expect(c.claims).toHaveLength(10);
    await act('accept', {});
    await act('tribunal', { arbitratorIds: arbitrators });
    await act('papers', { step: 'SERVICE', on: today });
    await act('papers', { step: 'DEFENCE', on: today });
    // A collective case is heard (no decision on the papers): scheduled with notice, then held — moved into the past.
    const cal = await t.app.get(CalendarService).calendar(t.dataSource.manager);
    const day = cal.nextWorkingDayOnOrAfter(addDays(today, 20)).date;
    await act('hearings', { room: '第一仲裁庭', startsAt: `${day}T09:00:00+08:00` });
    await t.dataSource.query(
      `UPDATE arbitration_hearings SET starts_at = now() - interval '2 hours', ends_at = now() WHERE case_id = $1`,
      [c.id],
    );
    await act(`hearings/${c.hearings[0].id}/record`, {
      attendance: { claimant: 'PRESENT', respondent: 'PRESENT' },
      minutesSummary: '申请人代表与被申请人到庭，举证质证。',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('the hearing is told to every member, once, under their own tracking number', async () => {
    const rows = await recordedForEach('ARBITRATION_HEARING_SCHEDULED');
    expect(rows.filter((r) => r.status !== 'SENT').map((r) => r.subject_ref)).toEqual([
      `complaint:${members[9].complaintId}`,
    ]);
    const told = t.sms.sent.filter((m) => m.template === 'ARBITRATION_HEARING_SCHEDULED');
    expect(told.map((m) => [m.phone, m.params.trackingNo]).sort()).toEqual(
      members
        .filter((m) => m.phone)
        .map((m) => [m.phone, m.trackingNo])
        .sort(),
    );
  });

  it('先予执行: each member is told once, the group’s amount; the unverified member’s notice is recorded undelivered', async () => {
    await act('provisional-execution', {
      claimIds: c.claims.map((x) => x.id),
      amountFen: 4_000_000,
      rightsClear: true,
      livelihoodAtRisk: true,
      basis: '全体申请人被拖欠工资三个月，无其他收入来源',
    });
    const template = 'ARBITRATION_PROVISIONAL_EXECUTION_GROUP';
    const rows = await recordedForEach(template);
    // The group's case number (浦劳人仲…) beside each member's own tracking number.
    const told = await toldOnceEach(t, template, members, { amountFen: '4000000', caseNo: c.caseNo });
    for (const m of told) expect(m.text).toContain('已裁决先予执行共40000.00元（全体申请人合计）');
    expect(rows.filter((r) => r.status === 'FAILED')).toEqual([
      { subject_ref: `complaint:${members[9].complaintId}`, status: 'FAILED', channel: 'NONE' },
    ]);
    expect(t.sms.sent.filter((m) => m.template === 'ARBITRATION_PROVISIONAL_EXECUTION')).toEqual([]);
  });

  it('closed by 调解书: each member is told once, the group’s total, not the representative’s claim', async () => {
    const agreed = c.claims.map((x) => ({ claimId: x.id, agreedFen: x.amountFen - 50_000 }));
    const totalFen = agreed.reduce((s, x) => s + x.agreedFen, 0);
    // The claims: the filer's 8,000 元 as given, the nine others' own (8,100 … 8,900 元).
    expect(totalFen).toBe(10 * 800_000 + 45 * 10_000 - 10 * 50_000);
    await act('close', { closureType: 'MEDIATED', mediatedClaims: agreed, signedOn: today });
    const template = 'ARBITRATION_MEDIATED_GROUP';
    const rows = await recordedForEach(template);
    const told = await toldOnceEach(t, template, members, {
      totalFen: String(totalFen),
      signedOn: today,
      caseNo: c.caseNo,
    });
    for (const m of told)
      expect(m.text).toContain(
        `仲裁调解书已于${today}经双方签收生效，调解金额共79500.00元（全体申请人合计）`,
      );
    expect(rows.filter((r) => r.status === 'FAILED').map((r) => r.subject_ref)).toEqual([
      `complaint:${members[9].complaintId}`,
    ]);
    expect(t.sms.sent.filter((m) => m.template === 'ARBITRATION_MEDIATED')).toEqual([]);
    // Nothing of the group's was texted to the unverified member's number.
    expect(t.sms.sent.filter((m) => m.phone === '13912349999')).toEqual([]);
  });
});

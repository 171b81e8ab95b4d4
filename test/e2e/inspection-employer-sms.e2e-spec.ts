import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { EmployersService } from '../../src/reference/employers.service';
import { organisationId } from '../../src/reference/organisations';
import {
  bearer,
  confirmEmployerOfCase,
  fileComplaint,
  openInspection,
  openPlannedInspection,
  staffInbox,
  userIdOf,
} from '../support/case-flow';
import { eventually, startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

interface CaseView {
  id: string;
  caseNo: string;
  version: number;
  status: string;
  clocks: unknown[];
  documents: { id: string; kind: string; docNo: string }[];
}

/**
 * The brigade's acts addressed to the employer (the inspected unit) reach its contact phone on record by SMS — the
 * inquiry notice (劳动保障监察条例 第十五条), the order to rectify with its deadline (第十八条), the advance notices
 * with the right to state a case and to ask for a hearing (行政处罚法 第四十四、四十五、六十四条; 监察条例 第十九条) and the
 * decisions — through the outbox and employer.notify, once per act. The SMS is not service (送达): it says the written
 * document counts, and no clock moves on its delivery. With no phone on record, the case's assigned inspectors still
 * active (else the brigade's active inspectors of the street) get SMS_UNDELIVERED.
 */
describe('inspection: the employer is told of the brigade’s acts', () => {
  let t: TestApp;
  let inspectorId: string;
  let secondId: string;
  let n = 0;
  const today = todayInShanghai();
  const brigade = organisationId('INSPECTION_BRIGADE', '310115');
  const act = async (user: string, id: string, path: string, body: Record<string, unknown>) => {
    const r = await t
      .http()
      .post(`/api/v1/inspection/cases/${id}/${path}`)
      .set(await bearer(t, user))
      .send(body);
    expect([path, r.status, r.status === 200 ? '' : r.body]).toEqual([path, 200, '']);
    return r.body as CaseView;
  };
  const doc = (c: CaseView, kind: string) => c.documents.filter((d) => d.kind === kind).at(-1)!;
  /** The periods a document printed (its stored facts). */
  const printed = async (documentId: string) =>
    (
      await t.dataSource.query<{ data: Record<string, string> }[]>(
        `SELECT data FROM inspection_documents WHERE id = $1`,
        [documentId],
      )
    )[0].data;
  /**
   * An employer (with `contactPhone` on record or none) and a worker's 投诉 about it, opened and 立案 by `acceptor`
   * (an inspector is assigned; a supervisor assigns nobody): version 2.
   */
  const complaintCase = async (contactPhone?: string, acceptor = 'inspector') => {
    const name = `浦东监察短信测试公司${++n}`;
    const filed = await fileComplaint(t, {
      employerName: name,
      target: 'INSPECTION',
      body: { employer: contactPhone ? { name, contactPhone } : { name } },
    });
    const id = await openInspection(t, 'inspector', filed.id);
    await confirmEmployerOfCase(t, id);
    const c = await act(acceptor, id, 'decision', { version: 1, violationEndedOn: null });
    return { ...c, employerId: filed.employerId };
  };
  /** A planned case (双随机, no complaint) on a new employer, inspected by the demo inspector and `inspector-b`. */
  const plannedCase = async (contactPhone?: string) => {
    const name = `浦东监察抽查短信公司${++n}`;
    const { employerId } = await fileComplaint(t, {
      employerName: name,
      body: { employer: contactPhone ? { name, contactPhone } : { name } },
    });
    const id = await openPlannedInspection(t, { employerId, inspectorIds: [inspectorId, secondId] });
    await confirmEmployerOfCase(t, id);
    const c = (
      await t
        .http()
        .get(`/api/v1/inspection/cases/${id}`)
        .set(await bearer(t, 'inspector'))
    ).body as CaseView;
    return { ...c, employerId };
  };
  const order = (id: string, version: number, complianceDueOn = addDays(today, 10)) =>
    act('inspector', id, 'rectification-order', {
      version,
      violations: '未按时足额支付劳动者工资',
      arrearsFen: 1_200_000,
      workersAffected: 3,
      inspectorIds: [inspectorId, secondId],
      complianceDueOn,
    });
  const sentTo = (phone: string, template?: string) =>
    t.sms.sent.filter((m) => m.phone === phone && (!template || m.template === template));
  const oneSent = (phone: string, template: string) =>
    eventually(() => {
      const found = sentTo(phone, template);
      return found.length ? found[0] : undefined;
    });

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_BACKOFF_MS: '200' } });
    inspectorId = await userIdOf(t, 'inspector');
    secondId = await createAccount(t, {
      username: 'inspector-b',
      role: 'INSPECTOR',
      jurisdictions: ['310115005'],
      organisationId: brigade,
    });
    // An active inspector of the same brigade and street, assigned to none of these cases.
    await createAccount(t, {
      username: 'inspector-other',
      role: 'INSPECTOR',
      jurisdictions: ['310115005'],
      organisationId: brigade,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('an order to rectify: the employer’s phone gets the order’s number and deadline; the worker’s SMS is as before; once only; no clock moves', async () => {
    const c = await complaintCase('13912350001');
    const due = addDays(today, 10);
    const ordered = await order(c.id, c.version, due);
    const { docNo } = doc(ordered, 'RECTIFICATION_ORDER');
    const toEmployer = await oneSent('13912350001', 'INSPECTION_RECTIFY_ORDERED_EMPLOYER');
    expect(toEmployer.text).toBe(
      `贵单位的劳动保障监察案件（案号${c.caseNo}）：劳动保障监察机构已作出责令改正指令书（${docNo}），责令贵单位最迟于${due}（含当日）改正。改正事项和期限以书面指令书为准，本短信不作为送达。`,
    );
    // The worker's SMS: template, number and text unchanged.
    const toWorker = await eventually(() =>
      sentTo('13800000000', 'INSPECTION_RECTIFICATION_ORDERED').find((m) => m.text.includes(c.caseNo)),
    );
    expect(toWorker.text).toBe(
      `您投诉的监察案件（案号${c.caseNo}）已责令用人单位最迟于${due}（含当日）改正，改正情况和处理结果将以短信告知。`,
    );
    expect(sentTo('13912350001')).toHaveLength(1);
    // Filed under the inspection case; a replay of the job (same dedup key) sends nothing more.
    const [row] = await t.dataSource.query<{ dedup_key: string; subject_ref: string; status: string }[]>(
      `SELECT dedup_key, subject_ref, status FROM notifications
        WHERE template = 'INSPECTION_RECTIFY_ORDERED_EMPLOYER' AND subject_ref = $1`,
      [`inspection-case:${c.id}`],
    );
    expect(row).toMatchObject({ status: 'SENT', dedup_key: `inspection:${c.id}:employer:ORDER_RECTIFY:v2` });
    await t.app.get(EmployersService).notify({
      employerId: c.employerId,
      template: 'INSPECTION_RECTIFY_ORDERED_EMPLOYER',
      dedupKey: row.dedup_key,
      params: { caseNo: c.caseNo, docNo, complianceDueOn: due },
      subjectRef: row.subject_ref,
    });
    expect(sentTo('13912350001')).toHaveLength(1);
    // Not service: the case's clocks are those the order left.
    const after = await t
      .http()
      .get(`/api/v1/inspection/cases/${c.id}`)
      .set(await bearer(t, 'inspector'));
    expect(after.body.clocks).toEqual(ordered.clocks);
  });

  it('a penalty notice: the employer is told its right to state its case and to ask for a hearing, with the periods the notice printed', async () => {
    const c = await complaintCase('13912350002');
    const ordered = await order(c.id, c.version);
    // The order lapsed (a fine for 逾期未改正 is noticed only after its deadline: 监察条例 第三十条第一款第（三）项).
    await t.dataSource.query(`UPDATE inspection_cases SET rectify_due_on = $2 WHERE id = $1`, [
      c.id,
      addDays(today, -1),
    ]);
    const noticed = await act('inspector', c.id, 'penalty-notice', {
      version: ordered.version,
      violations: '未按时足额支付劳动者工资，经责令改正逾期未改正',
      proposedFen: 500_000,
      basis: '《劳动保障监察条例》第二十六条',
    });
    const notice = doc(noticed, 'PENALTY_NOTICE');
    const { statementDueOn, hearingDueOn } = await printed(notice.id);
    const toEmployer = await oneSent('13912350002', 'INSPECTION_PENALTY_NOTICED_EMPLOYER');
    expect(toEmployer.text).toBe(
      `贵单位的劳动保障监察案件（案号${c.caseNo}）：劳动保障监察机构拟对贵单位作出行政处罚，已发出行政处罚告知书（${notice.docNo}）。贵单位有权陈述、申辩，最迟于${statementDueOn}提出；符合听证条件的，可最迟于${hearingDueOn}要求听证。拟处罚内容、权利和期限以书面告知书为准，本短信不作为送达。`,
    );
    // The employer waives; the decision is texted too (its periods run from the written decision's receipt).
    const waived = await act('inspector', c.id, 'employer-response', {
      version: noticed.version,
      kind: 'WAIVER',
      on: today,
    });
    const decided = await act('supervisor', c.id, 'penalty-decision', {
      version: waived.version,
      violations: '未按时足额支付劳动者工资，经责令改正逾期未改正',
      amountFen: 500_000,
      basis: '《劳动保障监察条例》第二十六条',
    });
    const decision = await oneSent('13912350002', 'INSPECTION_PENALTY_DECIDED_EMPLOYER');
    expect(decision.text).toBe(
      `贵单位的劳动保障监察案件（案号${c.caseNo}）：劳动保障监察机构已作出行政处罚决定书（${doc(decided, 'PENALTY_DECISION').docNo}）。处罚内容以及缴纳罚款、申请行政复议、提起行政诉讼的期限以书面决定书为准，自收到书面决定书之日起计算；本短信不作为送达。`,
    );
    // The order, the notice and the decision: one SMS each.
    await eventually(() => sentTo('13912350002').length >= 3);
    expect(sentTo('13912350002').map((m) => m.template)).toEqual([
      'INSPECTION_RECTIFY_ORDERED_EMPLOYER',
      'INSPECTION_PENALTY_NOTICED_EMPLOYER',
      'INSPECTION_PENALTY_DECIDED_EMPLOYER',
    ]);
  });

  it('a handling notice (行政处理事先告知书): the employer is told its right to state its case and the period; then the decision', async () => {
    const c = await complaintCase('13912350003');
    const ordered = await order(c.id, c.version);
    const noticed = await act('inspector', c.id, 'handling-notice', {
      version: ordered.version,
      violations: '未按时足额支付劳动者工资',
      proposed: '责令支付拖欠的劳动报酬12,000元',
      basis: '《劳动保障监察条例》第二十六条',
    });
    const notice = doc(noticed, 'HANDLING_NOTICE');
    const { statementDueOn } = await printed(notice.id);
    const toEmployer = await oneSent('13912350003', 'INSPECTION_HANDLING_NOTICED_EMPLOYER');
    expect(toEmployer.text).toBe(
      `贵单位的劳动保障监察案件（案号${c.caseNo}）：劳动保障监察机构拟对贵单位作出行政处理决定，已发出行政处理事先告知书（${notice.docNo}）。贵单位有权陈述、申辩，最迟于${statementDueOn}提出。拟处理内容、权利和期限以书面告知书为准，本短信不作为送达。`,
    );
    const stated = await act('inspector', c.id, 'employer-response', {
      version: noticed.version,
      kind: 'STATEMENT',
      on: today,
      summary: '已筹措资金',
    });
    const decided = await act('supervisor', c.id, 'handling-decision', {
      version: stated.version,
      violations: '未按时足额支付劳动者工资',
      decision: '责令你单位于十五日内支付拖欠的劳动报酬12,000元',
      basis: '《劳动保障监察条例》第二十六条',
    });
    const decision = await oneSent('13912350003', 'INSPECTION_HANDLING_DECIDED_EMPLOYER');
    expect(decision.text).toBe(
      `贵单位的劳动保障监察案件（案号${c.caseNo}）：劳动保障监察机构已作出行政处理决定书（${doc(decided, 'HANDLING_DECISION').docNo}）。决定内容、履行期限以及申请行政复议、提起行政诉讼的期限以书面决定书为准，自收到书面决定书之日起计算；本短信不作为送达。`,
    );
    // The worker is told the decision as before.
    await eventually(() =>
      sentTo('13800000000', 'INSPECTION_HANDLING_DECIDED').some(
        (m) =>
          m.text ===
          `您投诉的监察案件（案号${c.caseNo}）已对用人单位作出行政处理决定：责令你单位于十五日内支付拖欠的劳动报酬12,000元。`,
      ),
    );
  });

  it('a planned case (no complaint): the inspected employer is told of the inquiry notice and the order', async () => {
    const c = await plannedCase('13912350004');
    const appearOn = addDays(today, 5);
    const inquired = await act('inspector', c.id, 'inquiry-notice', {
      version: c.version,
      appearOn,
      place: '浦东新区劳动保障监察大队（浦东新区合欢路2号）',
      materials: ['营业执照副本', '工资支付记录'],
    });
    const inquiry = await oneSent('13912350004', 'INSPECTION_INQUIRY_NOTICE_EMPLOYER');
    expect(inquiry.text).toBe(
      `贵单位的劳动保障监察案件（案号${c.caseNo}）：劳动保障监察机构已发出询问通知书（${doc(inquired, 'INQUIRY_NOTICE').docNo}），请于${appearOn}到浦东新区劳动保障监察大队（浦东新区合欢路2号）接受询问并提供有关材料。时间、地点和材料以书面询问通知书为准，本短信不作为送达。`,
    );
    const due = addDays(today, 8);
    await order(c.id, inquired.version, due);
    const ordered = await oneSent('13912350004', 'INSPECTION_RECTIFY_ORDERED_EMPLOYER');
    expect(ordered.text).toContain(`责令贵单位最迟于${due}（含当日）改正`);
    expect(sentTo('13912350004')).toHaveLength(2);
  });

  it('no phone on record: the case’s assigned inspectors are told to serve it another way, nobody else; no SMS is sent', async () => {
    const c = await plannedCase();
    const due = addDays(today, 9);
    const ordered = await order(c.id, c.version, due);
    const { docNo } = doc(ordered, 'RECTIFICATION_ORDER');
    const ref = `inspection-case:${c.id}`;
    const undelivered = async (user: string) =>
      (await staffInbox(t, user)).filter((i) => i.template === 'SMS_UNDELIVERED' && i.subjectRef === ref);
    const [item] = await eventually(async () => {
      const found = await undelivered('inspector');
      return found.length ? found : undefined;
    });
    expect(item.text).toBe(
      `短信未送达（无手机号码），请电话或当面告知当事人：贵单位的劳动保障监察案件（案号${c.caseNo}）：劳动保障监察机构已作出责令改正指令书（${docNo}），责令贵单位最迟于${due}（含当日）改正。改正事项和期限以书面指令书为准，本短信不作为送达。`,
    );
    expect(item.link).toBe(`/api/v1/inspection/cases/${c.id}`);
    expect(await undelivered('inspector-b')).toHaveLength(1);
    expect(await undelivered('inspector-other')).toEqual([]);
    expect(t.sms.sent.filter((m) => m.text.includes(`案号${c.caseNo}`))).toEqual([]);
  });

  it('a number on record that staff never confirmed (kept by migration 1796400006600): the item says 号码未核实, not 无手机号码', async () => {
    const c = await plannedCase();
    await t.dataSource.query(`UPDATE employers SET contact_phone = '13912350009' WHERE id = $1`, [
      c.employerId,
    ]);
    t.app.get(EmployersService).forget([c.employerId]);
    await order(c.id, c.version);
    const ref = `inspection-case:${c.id}`;
    const [item] = await eventually(async () => {
      const found = (await staffInbox(t, 'inspector')).filter(
        (i) => i.template === 'SMS_UNDELIVERED' && i.subjectRef === ref,
      );
      return found.length ? found : undefined;
    });
    expect(item.text).toMatch(/^短信未送达（号码未核实），请电话或当面告知当事人：贵单位的劳动保障监察案件/);
    const params = await t.dataSource.query<{ params: { reason: string } }[]>(
      `SELECT params FROM notifications WHERE template = 'SMS_UNDELIVERED' AND subject_ref = $1`,
      [ref],
    );
    expect(params.map((p) => p.params.reason)).toEqual(['PHONE_UNCONFIRMED', 'PHONE_UNCONFIRMED']);
    expect(sentTo('13912350009')).toEqual([]);
  });

  it('no phone on record and nobody assigned: the brigade’s active inspectors of the street are told', async () => {
    const c = await complaintCase(undefined, 'supervisor');
    // An order recording no findings: it names no inspectors (findings would, 监察条例 第十六条), so still nobody is assigned.
    await act('inspector', c.id, 'rectification-order', {
      version: c.version,
      violations: '未按时足额支付劳动者工资',
      complianceDueOn: addDays(today, 10),
    });
    const ref = `inspection-case:${c.id}`;
    await eventually(async () =>
      (await staffInbox(t, 'inspector-other')).some(
        (i) => i.template === 'SMS_UNDELIVERED' && i.subjectRef === ref,
      ),
    );
    expect(
      (await staffInbox(t, 'inspector')).filter(
        (i) => i.template === 'SMS_UNDELIVERED' && i.subjectRef === ref,
      ),
    ).toHaveLength(1);
  });
});

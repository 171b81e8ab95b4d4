import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { bearer, confirmEmployerOfCase, fileComplaint, openInspection, userIdOf } from '../support/case-flow';
import { startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';

interface CaseView {
  id: string;
  version: number;
  status: string;
  arrearsFen: number;
  workersAffected: number;
  recoveredFen: number;
  recoveredWorkers: number;
}

/**
 * The audit of inspection amounts and timing: wages recovered (追发) had no upper bound, so a case showed more paid
 * than found owed, and the amount still owed fell to 0 (blocking 加付赔偿金, 监察条例 第二十六条); a fine for an order
 * not complied with (第三十条第一款第（三）项) could be noticed before the order's deadline.
 */
describe('inspection: amounts recorded against the findings, and a fine after the order lapsed', () => {
  let t: TestApp;
  let n = 0;
  let inspectorIds: string[] = [];
  const today = todayInShanghai();
  const post = async (user: string, path: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/inspection/cases/${path}`)
      .set(await bearer(t, user))
      .send(body);
  const ok = async (path: string, body: Record<string, unknown>) => {
    const r = await post('inspector', path, body);
    expect([path, r.status, r.status === 200 ? '' : r.body]).toEqual([path, 200, '']);
    return r.body as CaseView;
  };
  /** A worker's complaint routed to inspection, its case opened and 立案 (v2): the complaint's and the case's ids. */
  const investigating = async () => {
    const name = `浦东监察追发上限公司${++n}`;
    const c = await fileComplaint(t, {
      employerName: name,
      target: 'INSPECTION',
      body: { employer: { name } },
    });
    const id = await openInspection(t, 'inspector', c.id);
    await confirmEmployerOfCase(t, id);
    await ok(`${id}/decision`, { version: 1, violationEndedOn: null });
    return { complaintId: c.id, id };
  };
  /** 立案 (v2), then an order to pay `arrearsFen` to `workers` by next week (v3). */
  const ordered = async (arrearsFen: number, workersAffected: number) => {
    const { complaintId, id } = await investigating();
    const view = await ok(`${id}/rectification-order`, {
      version: 2,
      violations: '拖欠劳动者工资',
      arrearsFen,
      workersAffected,
      inspectorIds,
      complianceDueOn: addDays(today, 7),
    });
    return { complaintId, view };
  };
  const recovery = (c: { id: string; version: number }, amountFen: number, workersCovered: number) =>
    post('inspector', `${c.id}/recoveries`, { version: c.version, amountFen, workersCovered, paidOn: today });
  /** A recovery recorded (200). */
  const paid = (c: { id: string; version: number }, amountFen: number, workersCovered: number) =>
    ok(`${c.id}/recoveries`, { version: c.version, amountFen, workersCovered, paidOn: today });

  beforeAll(async () => {
    t = await startTestApp();
    const second = await createAccount(t, {
      username: 'inspector-b',
      role: 'INSPECTOR',
      jurisdictions: ['310115005'],
    });
    inspectorIds = [await userIdOf(t, 'inspector'), second];
  });
  afterAll(async () => {
    await t.close();
  });

  it('recoveries add up to no more than the arrears found and the workers affected: 409 with what remains', async () => {
    const { view: c } = await ordered(30_000_000, 12);
    const over = await recovery(c, 40_000_000, 12);
    expect([over.status, over.body.code]).toEqual([409, 'RECOVERY_EXCEEDS_FINDINGS']);
    expect(over.body.details).toEqual({
      arrearsFen: 30_000_000,
      recoveredFen: 0,
      remainingFen: 30_000_000,
      amountFen: 40_000_000,
      workersAffected: 12,
      recoveredWorkers: 0,
      remainingWorkers: 12,
      workersCovered: 12,
    });
    const part = await paid(c, 20_000_000, 12);
    expect(part).toMatchObject({ recoveredFen: 20_000_000, recoveredWorkers: 12 });
    // One worker more than affected, or a fen more than remains: refused, nothing recorded.
    const moreWorkers = await recovery(part, 10_000_000, 1);
    expect([moreWorkers.status, moreWorkers.body.code]).toEqual([409, 'RECOVERY_EXCEEDS_FINDINGS']);
    expect(moreWorkers.body.details).toMatchObject({ remainingFen: 10_000_000, remainingWorkers: 0 });
    const moreMoney = await recovery(part, 10_000_001, 0);
    expect([moreMoney.status, moreMoney.body.code]).toEqual([409, 'RECOVERY_EXCEEDS_FINDINGS']);
    // The rest, exactly: the order is complied with.
    const rest = await paid(part, 10_000_000, 0);
    expect(rest).toMatchObject({ recoveredFen: 30_000_000, recoveredWorkers: 12, arrearsFen: 30_000_000 });
    // More found later is recorded as findings first; then it may be recovered.
    const found = await ok(`${c.id}/findings`, {
      version: rest.version,
      arrearsFen: 32_000_000,
      workersAffected: 13,
      inspectorIds,
    });
    const more = await paid(found, 2_000_000, 1);
    expect(more).toMatchObject({ recoveredFen: 32_000_000, recoveredWorkers: 13 });
    // Findings amended below what was already paid are refused too (the same bound, seen from the other side).
    const below = await post('inspector', `${c.id}/findings`, {
      version: more.version,
      arrearsFen: 1_000_000,
      inspectorIds,
    });
    expect([below.status, below.body.code]).toEqual([409, 'FINDINGS_BELOW_RECOVERED']);
    expect(below.body.details).toEqual({
      arrearsFen: 1_000_000,
      recoveredFen: 32_000_000,
      workersAffected: 13,
      recoveredWorkers: 13,
    });
  });

  it('an action’s date out of range is refused on the field the client sent: paidOn for a recovery, on for the others (audit)', async () => {
    const future = addDays(today, 3);
    const fields = async (path: string, body: Record<string, unknown>, user = 'inspector') => {
      const r = await post(user, path, body);
      return [path, r.status, r.body.details?.map((d: { field: string }) => d.field)];
    };
    const { id } = await investigating();
    const findings = { arrearsFen: 1_000_000, workersAffected: 1 };
    for (const [path, body] of [
      ['extension', { reason: '需调取银行流水' }],
      ['findings', { ...findings, inspectorIds }],
      ['inquiry-notice', { appearOn: addDays(today, 1), place: '监察大队', materials: ['工资表'] }],
      [
        'rectification-order',
        { ...findings, inspectorIds, violations: '拖欠劳动者工资', complianceDueOn: addDays(today, 7) },
      ],
    ] as const)
      // The extension is a SUPERVISOR's approval (监察条例 第十七条).
      expect(
        await fields(
          `${id}/${path}`,
          { version: 2, ...body, on: future },
          path === 'extension' ? 'supervisor' : 'inspector',
        ),
      ).toEqual([`${id}/${path}`, 400, ['on']]);
    const { view } = await ordered(1_000_000, 1);
    const r = `${view.id}/recoveries`;
    for (const paidOn of ['2020-12-07', future])
      expect(
        await fields(r, { version: view.version, amountFen: 1_000_000, workersCovered: 1, paidOn }),
      ).toEqual([r, 400, ['paidOn']]);
  });

  it('a one-worker ¥8,000 complaint: ¥80,000 for 5 workers is refused, the worker’s file shows what was paid', async () => {
    const { view: c, complaintId } = await ordered(800_000, 1);
    const over = await recovery(c, 8_000_000, 5);
    expect([over.status, over.body.code]).toEqual([409, 'RECOVERY_EXCEEDS_FINDINGS']);
    expect(over.body.details).toMatchObject({ remainingFen: 800_000, remainingWorkers: 1 });
    await paid(c, 800_000, 1);
    const mine = await t
      .http()
      .get(`/api/v1/my/cases/${complaintId}`)
      .set(await bearer(t, '13800000000'));
    expect(mine.body.inspection).toMatchObject({ recoveredFen: 800_000 });
  });

  it('a fine for an order not complied with (第三十条第一款第（三）项) waits for the order’s deadline; a fine imposed at once does not', async () => {
    const { view: c } = await ordered(1_000_000, 2);
    const due = addDays(today, 7);
    const lapsed = {
      violations: '未按时足额支付劳动者工资，经责令改正逾期未改正',
      proposedFen: 500_000,
      basis: '《劳动保障监察条例》第三十条第一款第（三）项',
    };
    const early = await post('inspector', `${c.id}/penalty-notice`, { version: c.version, ...lapsed });
    expect([early.status, early.body.code]).toEqual([409, 'PENALTY_BEFORE_COMPLIANCE_DUE']);
    expect(early.body.details).toEqual({ complianceDueOn: due, earliestOn: addDays(due, 1) });
    // The claim alone (逾期未改正) in the violations is the same fact: refused before the deadline as well.
    const claimed = await post('inspector', `${c.id}/penalty-notice`, {
      version: c.version,
      ...lapsed,
      basis: '《劳动保障监察条例》第三十条',
    });
    expect([claimed.status, claimed.body.code]).toEqual([409, 'PENALTY_BEFORE_COMPLIANCE_DUE']);
    // After it: the notice is issued.
    await t.dataSource.query(`UPDATE inspection_cases SET rectify_due_on = $2 WHERE id = $1`, [
      c.id,
      addDays(today, -1),
    ]);
    const noticed = await ok(`${c.id}/penalty-notice`, { version: c.version, ...lapsed });
    expect(noticed.status).toBe('PENALTY_NOTICED');
  });

  it('a fine the statute imposes with the order (第二十五条: 延长工作时间) is noticed at once; the lapsed-order fine needs an order', async () => {
    const { view: c } = await ordered(1_000_000, 2);
    const noticed = await ok(`${c.id}/penalty-notice`, {
      version: c.version,
      violations: '违法延长劳动者工作时间',
      proposedFen: 100_000,
      basis: '《劳动保障监察条例》第二十五条',
    });
    expect(noticed.status).toBe('PENALTY_NOTICED');
    // No order at all: nothing could lapse.
    const { id } = await investigating();
    const none = await post('inspector', `${id}/penalty-notice`, {
      version: 2,
      violations: '经责令改正拒不改正',
      proposedFen: 500_000,
      basis: '《劳动保障监察条例》第三十条第一款第（三）项',
    });
    expect([none.status, none.body.code]).toEqual([409, 'NO_ORDER_TO_REFUSE']);
  });
});

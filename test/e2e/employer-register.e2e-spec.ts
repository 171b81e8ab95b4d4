import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { EmployersService } from '../../src/reference/employers.service';
import {
  bearer,
  confirmEmployerOfCase,
  inspectionTeam,
  openInspection,
  staffInbox,
} from '../support/case-flow';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';
import { testUscc } from '../support/uscc';

/**
 * What a party types about an employer (its name, a contact number) is that party's statement on their complaint or
 * report, not the register's: an anonymous reporter or a first filer cannot set the name the register shows for a
 * USCC, nor the number official texts to the employer go to. Employer SMS go only to a number staff confirmed
 * (audited on the case); without one the notice is left to the case's staff to serve another way (SMS_UNDELIVERED).
 */
describe('the employers register and what parties state about an employer', () => {
  let t: TestApp;
  const today = todayInShanghai();
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_BACKOFF_MS: '200' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const report = async (employer: Record<string, unknown>) => {
    const { complainant: _c, claimedAmountFen: _a, ...body } = complaintBody({ employer: employer });
    const r = await t.http().post('/api/v1/reports').send(body);
    expect(r.status).toBe(201);
    const [{ id }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM complaints WHERE tracking_no = $1`,
      [r.body.trackingNo],
    );
    return id;
  };
  const complain = async (employer: Record<string, unknown>) => {
    const r = await t
      .http()
      .post('/api/v1/complaints')
      .set(await bearer(t, '13800000000'))
      .send(complaintBody({ employer: employer }));
    expect([r.status, r.body.details]).toEqual([201, undefined]);
    return r.body as { id: string; employer: { id: string; name: string }; employerAsStated: unknown };
  };
  const read = async (user: string, id: string) =>
    (
      await t
        .http()
        .get(`/api/v1/complaints/${id}`)
        .set(await bearer(t, user))
    ).body;
  const step = async (user: string, path: string, body: Record<string, unknown>) => {
    const r = await t
      .http()
      .post(path)
      .set(await bearer(t, user))
      .send(body);
    expect([path, r.status, r.status === 200 ? '' : r.body]).toEqual([path, 200, '']);
    return r.body as { id: string; version: number; caseNo: string };
  };
  const confirm = async (user: string, complaintId: string, contactPhone: string) =>
    t
      .http()
      .put(`/api/v1/complaints/${complaintId}/employer-contact`)
      .set(await bearer(t, user))
      .send({ contactPhone });

  it('an anonymous report’s number is never texted: the order goes to staff to serve; a number staff confirm is', async () => {
    const uscc = '91310115MA1K4XYC3K';
    await report({ name: '上海子丑餐饮有限公司', uscc, contactPhone: '13655556666' });
    const filed = await complain({ name: '上海子丑餐饮有限公司', uscc, contactPhone: '13877778888' });
    const [row] = await t.dataSource.query<{ contact_phone: string | null }[]>(
      `SELECT contact_phone FROM employers WHERE uscc = $1`,
      [uscc],
    );
    expect(row.contact_phone).toBeNull();
    // The number each party stated stays with their filing, for staff to see.
    expect((await read('inspector', filed.id)).employerAsStated).toEqual({
      name: '上海子丑餐饮有限公司',
      contactPhone: '13877778888',
      address: null,
    });
    for (const [path, body] of [
      ['accept', {}],
      ['route', { target: 'INSPECTION' }],
    ] as const)
      await step('supervisor', `/api/v1/complaints/${filed.id}/${path}`, body);
    const caseId = await openInspection(t, 'inspector', filed.id);
    await confirmEmployerOfCase(t, caseId);
    const decided = await step('inspector', `/api/v1/inspection/cases/${caseId}/decision`, {
      version: 1,
      violationEndedOn: null,
    });
    await step('inspector', `/api/v1/inspection/cases/${caseId}/rectification-order`, {
      version: decided.version,
      violations: '未按时足额支付劳动者工资',
      arrearsFen: 1_200_000,
      workersAffected: 3,
      inspectorIds: await inspectionTeam(t),
      complianceDueOn: addDays(today, 10),
    });
    const ref = `inspection-case:${caseId}`;
    const [item] = await eventually(async () => {
      const found = (await staffInbox(t, 'inspector')).filter(
        (i) => i.template === 'SMS_UNDELIVERED' && i.subjectRef === ref,
      );
      return found.length ? found : undefined;
    });
    expect(item.text).toContain('责令改正指令书');
    expect(t.sms.sent.filter((m) => ['13655556666', '13877778888'].includes(m.phone))).toEqual([]);

    // A worker may not confirm; staff confirm the number the complainant gave; it is recorded on the complaint.
    expect((await confirm('13800000000', filed.id, '13877778888')).status).toBe(403);
    const confirmed = await confirm('inspector', filed.id, '13877778888');
    expect([confirmed.status, confirmed.body.details]).toEqual([200, undefined]);
    const events = await t.dataSource.query<{ action: string; data: Record<string, unknown> }[]>(
      `SELECT action, data FROM case_events WHERE case_id = $1 AND action = 'EMPLOYER_CONTACT_CONFIRMED'`,
      [filed.id],
    );
    expect(events).toEqual([
      { action: 'EMPLOYER_CONTACT_CONFIRMED', data: { employerId: filed.employer.id, phone: '138****8888' } },
    ]);
    await t.app.get(EmployersService).notify({
      employerId: filed.employer.id,
      template: 'INSPECTION_RECTIFY_ORDERED_EMPLOYER',
      dedupKey: `employer-register-e2e:${caseId}`,
      params: { caseNo: 'X', docNo: 'Y', complianceDueOn: today },
      subjectRef: ref,
    });
    expect(t.sms.sent.filter((m) => m.phone === '13877778888').map((m) => m.template)).toEqual([
      'INSPECTION_RECTIFY_ORDERED_EMPLOYER',
    ]);
    expect(t.sms.sent.filter((m) => m.phone === '13655556666')).toEqual([]);
  });

  it('existing contact numbers no one confirmed are not texted', async () => {
    const filed = await complain({ name: '上海旧号码未核实公司' });
    await t.dataSource.query(`UPDATE employers SET contact_phone = '13655550000' WHERE id = $1`, [
      filed.employer.id,
    ]);
    t.app.get(EmployersService).forget([filed.employer.id]);
    await t.app.get(EmployersService).notify({
      employerId: filed.employer.id,
      template: 'INSPECTION_RECTIFY_ORDERED_EMPLOYER',
      dedupKey: `employer-register-e2e:legacy`,
      params: { caseNo: 'X', docNo: 'Y', complianceDueOn: today },
      subjectRef: `complaint:${filed.id}`,
    });
    expect(t.sms.sent.filter((m) => m.phone === '13655550000')).toEqual([]);
  });

  it('the name a reporter typed is not the name a worker’s complaint shows; each filing keeps its own', async () => {
    const uscc = '91310115MA1K4XYB5Q';
    const reportId = await report({ name: '黑心骗子公司', uscc });
    const filed = await complain({ name: '上海正规科技有限公司', uscc });
    expect(filed.employer.name).toBe('上海正规科技有限公司');
    expect(filed.employerAsStated).toEqual({
      name: '上海正规科技有限公司',
      contactPhone: null,
      address: null,
    });
    expect((await read('13800000000', filed.id)).employer).toMatchObject({
      name: '上海正规科技有限公司',
      nameConfirmed: false,
    });
    expect((await read('inspector', reportId)).employerAsStated).toEqual({
      name: '黑心骗子公司',
      contactPhone: null,
      address: null,
    });
    // The register, once staff record the employer, names it for every filing; each still keeps what it stated.
    const registered = await t
      .http()
      .post('/api/v1/employers/register')
      .set(await bearer(t, 'supervisor'))
      .send({
        employers: [
          {
            uscc,
            name: '上海登记名称科技有限公司',
            streetCode: '310115005',
            industryCode: 'I',
            sizeClass: 'SMALL',
            headcount: 30,
          },
        ],
      });
    expect(registered.status).toBe(200);
    t.app.get(EmployersService).forget([filed.employer.id]);
    const after = await read('13800000000', filed.id);
    expect(after.employer).toMatchObject({ name: '上海登记名称科技有限公司', nameConfirmed: true });
    expect(after.employerAsStated.name).toBe('上海正规科技有限公司');
  });

  it('a filing staff enter (裁员备案) confirms a provisional name; a report wrote no address or number', async () => {
    const uscc = testUscc(1, 'ER');
    await report({ name: '某举报人写的名称', uscc, address: '举报人写的地址', contactPhone: '13655551111' });
    const filed = await complain({ name: '上海工人写的名称有限公司', uscc });
    const [row] = await t.dataSource.query<{ address: string | null; contact_phone: string | null }[]>(
      `SELECT address, contact_phone FROM employers WHERE uscc = $1`,
      [uscc],
    );
    expect(row).toEqual({ address: null, contact_phone: null });
    const layoff = await t
      .http()
      .post('/api/v1/filings/layoffs')
      .set(await bearer(t, 'inspector'))
      .send({
        employer: { uscc, name: '上海备案确认名称有限公司' },
        streetCode: '310115005',
        headcountCut: 20,
        totalHeadcount: 5000,
        layoffOn: addDays(today, 31),
        unionOrStaffNotifiedOn: today,
        grounds: ['SEVERE_DIFFICULTY'],
        reasons: '订单大幅减少，生产经营发生严重困难',
        consultationRecord: '2026年工会座谈会记录：工会原则同意，要求优先留用长期职工',
      });
    expect([layoff.status, layoff.body.details]).toEqual([201, undefined]);
    const after = await read('13800000000', filed.id);
    expect(after.employer).toMatchObject({ name: '上海备案确认名称有限公司', nameConfirmed: true });
    expect(after.employerAsStated).toEqual({
      name: '上海工人写的名称有限公司',
      contactPhone: null,
      address: null,
    });
  });

  it('the stated number is masked for oversight roles, as the complainant’s is', async () => {
    const filed = await complain({ name: '上海号码遮盖测试公司', contactPhone: '13912340000' });
    expect((await read('supervisor', filed.id)).employerAsStated.contactPhone).toBe('139****0000');
    expect((await read('13800000000', filed.id)).employerAsStated.contactPhone).toBe('13912340000');
  });
});

import { organisationId } from '../../src/reference/organisations';
import { bearer, openPlannedInspection, registerEmployer, userIdOf } from '../support/case-flow';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';
import { testUscc } from '../support/uscc';

/**
 * Staff confirm or correct an employer's register name without a register import (PUT /employers/:id/name,
 * supervisors and administrators as the import, and inspectors), and confirm its contact number without a complaint
 * (PUT /employers/:id/contact, case staff, for planned inspections); both recorded on the employer.
 */
describe('staff edits of an employer of the register', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const put = async (user: string, path: string, body: Record<string, unknown>) =>
    t
      .http()
      .put(path)
      .set(await bearer(t, user))
      .send(body);
  const registerOne = (uscc: string, name: string) => registerEmployer(t, { uscc, name });
  /** A worker's complaint naming an employer not yet known: its row is created with that name, provisional. */
  const complain = async (name: string, uscc?: string) => {
    const r = await t
      .http()
      .post('/api/v1/complaints')
      .set(await bearer(t, '13800000000'))
      .send(complaintBody({ employer: uscc ? { name, uscc } : { name } }));
    expect(r.status).toBe(201);
    return r.body as { id: string; employer: { id: string } };
  };
  const events = (employerId: string) =>
    t.dataSource.query<{ action: string; data: Record<string, unknown> }[]>(
      `SELECT action, data FROM case_events WHERE case_type = 'EMPLOYER' AND case_id = $1 ORDER BY occurred_at`,
      [employerId],
    );

  it('an administrator confirms the provisional name a complaint gave; the complaint then shows it confirmed', async () => {
    const uscc = testUscc(1, 'EE');
    const filed = await complain('工人写的名称', uscc);
    const employerId = filed.employer.id;
    // An employer registered nowhere is the administrator's (a supervisor of some street cannot tell it is theirs).
    expect(
      (await put('supervisor', `/api/v1/employers/${employerId}/name`, { name: '上海核实名称有限公司' }))
        .status,
    ).toBe(404);
    const r = await put('admin', `/api/v1/employers/${employerId}/name`, { name: '  上海核实名称有限公司 ' });
    expect([r.status, r.body]).toEqual([
      200,
      { id: employerId, name: '上海核实名称有限公司', nameConfirmed: true },
    ]);
    const view = await t
      .http()
      .get(`/api/v1/complaints/${filed.id}`)
      .set(await bearer(t, 'inspector'));
    expect(view.body.employer).toMatchObject({ name: '上海核实名称有限公司', nameConfirmed: true });
    expect(view.body.employerAsStated.name).toBe('工人写的名称');
    expect(await events(employerId)).toEqual([
      {
        action: 'EMPLOYER_NAME_CONFIRMED',
        data: { previousName: '工人写的名称', previousNameConfirmed: false },
      },
    ]);
  });

  it('a supervisor corrects a registered name; names are 2–200 characters; unknown ids and other roles are refused', async () => {
    const id = await registerOne(testUscc(2, 'EE'), '上海错字名称有限公司');
    const ok = await put('supervisor', `/api/v1/employers/${id}/name`, { name: '上海正确名称有限公司' });
    expect([ok.status, ok.body]).toEqual([200, { id, name: '上海正确名称有限公司', nameConfirmed: true }]);
    const list = await t
      .http()
      .get('/api/v1/employers?street=310115005')
      .set(await bearer(t, 'supervisor'));
    expect(list.body.items.find((e: { id: string }) => e.id === id)).toMatchObject({
      name: '上海正确名称有限公司',
      nameConfirmed: true,
    });
    expect((await put('supervisor', `/api/v1/employers/${id}/name`, { name: ' 甲 ' })).status).toBe(400);
    expect((await put('supervisor', `/api/v1/employers/${id}/name`, { name: 'x'.repeat(201) })).status).toBe(
      400,
    );
    // The street's inspectors may (they verify the licence while investigating: inspection-employer-name.e2e-spec.ts).
    expect((await put('mediator', `/api/v1/employers/${id}/name`, { name: '上海某某有限公司' })).status).toBe(
      403,
    );
    expect(await events(id)).toEqual([
      {
        action: 'EMPLOYER_NAME_CONFIRMED',
        data: { previousName: '上海错字名称有限公司', previousNameConfirmed: true },
      },
    ]);
    const unknown = await put('supervisor', '/api/v1/employers/01900000-0000-7000-8000-000000000000/name', {
      name: '上海某某有限公司',
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'EMPLOYER_NOT_FOUND']);
    expect(
      (await put('supervisor', '/api/v1/employers/not-a-uuid/name', { name: '上海某某有限公司' })).status,
    ).toBe(404);
  });

  it('case staff confirm the contact number of an employer with no complaint; it is recorded on the employer, masked', async () => {
    const id = await registerOne(testUscc(3, 'EE'), '上海计划检查对象有限公司');
    const r = await put('inspector', `/api/v1/employers/${id}/contact`, { contactPhone: '13912345678' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ employerId: id, contactPhone: '13912345678' });
    const [row] = await t.dataSource.query<{ contact_phone: string; confirmed: boolean }[]>(
      `SELECT contact_phone, contact_phone_confirmed_at IS NOT NULL AS confirmed FROM employers WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ contact_phone: '13912345678', confirmed: true });
    expect(await events(id)).toEqual([
      { action: 'EMPLOYER_CONTACT_CONFIRMED', data: { phone: '139****5678' } },
    ]);
    expect((await put('inspector', `/api/v1/employers/${id}/contact`, { contactPhone: '123' })).status).toBe(
      400,
    );
    expect(
      (await put('13800000000', `/api/v1/employers/${id}/contact`, { contactPhone: '13912345678' })).status,
    ).toBe(403);
  });

  it('an employer registered in no street: its inspectors may confirm its number; other case staff are told to use the case (403, not 404)', async () => {
    const filed = await complain('上海未登记街道建筑劳务有限公司', testUscc(5, 'EE'));
    const employerId = filed.employer.id;
    // The audit's mediator: the employer of his case was "not found" here. It exists; the complaint's endpoint is his.
    const refused = await put('mediator', `/api/v1/employers/${employerId}/contact`, {
      contactPhone: '13588889999',
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'EMPLOYER_CONTACT_VIA_CASE']);
    const second = await createAccount(t, {
      username: 'inspector-ef',
      role: 'INSPECTOR',
      jurisdictions: ['310115005'],
      organisationId: organisationId('INSPECTION_BRIGADE', '310115'),
    });
    await openPlannedInspection(t, { employerId, inspectorIds: [await userIdOf(t, 'inspector'), second] });
    const ok = await put('inspector', `/api/v1/employers/${employerId}/contact`, {
      contactPhone: '13588889999',
    });
    expect([ok.status, ok.body.contactPhone]).toEqual([200, '13588889999']);
    // An unknown id stays 404.
    const unknown = await put('mediator', '/api/v1/employers/01900000-0000-7000-8000-000000000000/contact', {
      contactPhone: '13588889999',
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'EMPLOYER_NOT_FOUND']);
  });

  it('staff views that show an employer say whether its name is confirmed: inspection, search, compliance', async () => {
    const uscc = testUscc(4, 'EE');
    const filed = await complain('上海暂定名称餐饮有限公司', uscc);
    const employerId = filed.employer.id;
    const second = await createAccount(t, {
      username: 'inspector-ee',
      role: 'INSPECTOR',
      jurisdictions: ['310115005'],
      organisationId: organisationId('INSPECTION_BRIGADE', '310115'),
    });
    const caseId = await openPlannedInspection(t, {
      employerId,
      inspectorIds: [await userIdOf(t, 'inspector'), second],
    });
    const get = async (user: string, path: string) => {
      const r = await t
        .http()
        .get(path)
        .set(await bearer(t, user));
      expect([path, r.status]).toEqual([path, 200]);
      return r.body;
    };
    const flags = async () => ({
      inspection: (await get('inspector', `/api/v1/inspection/cases/${caseId}`)).employer,
      search: (await get('supervisor', `/api/v1/search?q=${uscc}`)).items.map(
        (h: { employerName: string; employerNameConfirmed: boolean }) => [
          h.employerName,
          h.employerNameConfirmed,
        ],
      ),
      compliance: (await get('supervisor', `/api/v1/compliance/employers/${employerId}`)).nameConfirmed,
    });
    expect(await flags()).toEqual({
      inspection: { id: employerId, name: '上海暂定名称餐饮有限公司', nameConfirmed: false },
      search: expect.arrayContaining([['上海暂定名称餐饮有限公司', false]]),
      compliance: false,
    });
    expect(
      (await put('admin', `/api/v1/employers/${employerId}/name`, { name: '上海核实餐饮有限公司' })).status,
    ).toBe(200);
    const after = await flags();
    expect(after.inspection).toEqual({ id: employerId, name: '上海核实餐饮有限公司', nameConfirmed: true });
    expect(after.search.length).toBeGreaterThan(0);
    expect(after.search).toEqual(after.search.map(() => ['上海核实餐饮有限公司', true]));
    expect(after.compliance).toBe(true);
  });

  it('an employer without a USCC cannot take the name of another without one (the name is its key): 409', async () => {
    const a = await complain('上海无代码甲有限公司');
    await complain('上海无代码乙有限公司');
    const r = await put('admin', `/api/v1/employers/${a.employer.id}/name`, {
      name: '上海无代码乙 有限公司',
    });
    expect([r.status, r.body.code]).toEqual([409, 'EMPLOYER_NAME_TAKEN']);
  });
});

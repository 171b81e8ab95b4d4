import { applyForArbitration, bearer, fileComplaint, openMediation } from '../support/case-flow';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';
import { testUscc } from '../support/uscc';
import { PiiCipher } from '../../src/common/pii-crypto';

interface Hit {
  kind: string;
  id: string;
  trackingNo: string | null;
  caseNo: string | null;
  status: string;
  street: { code: string; name: string | null };
  employerName: string | null;
  filedOn: string;
  complainant: { name: string | null; phone: string | null } | null;
  link: string;
}

/** Cross-case search (14.3): by tracking / case number, employer name or USCC, complainant phone; scoped. */
describe('cross-case search', () => {
  let t: TestApp;
  const search = async (user: string, query: Record<string, string | number>) => {
    const r = await t
      .http()
      .get('/api/v1/search')
      .query(query)
      .set(await bearer(t, user));
    return {
      status: r.status,
      body: r.body as { items: Hit[]; nextCursor: string | null; code?: string; details?: unknown },
    };
  };
  const ids = async (user: string, q: string, kind?: string) => {
    const r = await search(user, { q, limit: 100, ...(kind ? { kind } : {}) });
    expect(r.status).toBe(200);
    return r.body.items.map((h) => `${h.kind}:${h.id}`);
  };

  beforeAll(async () => {
    t = await startTestApp();
    await createAccount(t, { username: 'inspector-zj', role: 'INSPECTOR', jurisdictions: ['310115125'] });
    await createAccount(t, { username: 'mediator-zj', role: 'MEDIATOR', jurisdictions: ['310115125'] });
  });
  afterAll(async () => {
    await t.close();
  });

  it("search by tracking number finds the case for the street's staff and not for another street's", async () => {
    const a = await fileComplaint(t, { employerName: '浦东检索编号测试公司', target: 'MEDIATION' });
    const opened = await openMediation(t, 'mediator', a.id);
    await fileComplaint(t, { employerName: '浦东检索编号测试公司二' });

    const r = await search('mediator', { q: a.trackingNo.toLowerCase() });
    expect(r.status).toBe(200);
    expect(r.body.items.map((h) => `${h.kind}:${h.id}`).sort()).toEqual(
      [`COMPLAINT:${a.id}`, `MEDIATION:${opened.id}`].sort(),
    );
    // Every hit opens for the caller.
    for (const h of r.body.items)
      expect(
        (
          await t
            .http()
            .get(h.link)
            .set(await bearer(t, 'mediator'))
        ).status,
      ).toBe(200);
    const complaint = r.body.items.find((h) => h.kind === 'COMPLAINT')!;
    expect(complaint).toMatchObject({
      trackingNo: a.trackingNo,
      caseNo: null,
      status: 'ROUTED',
      street: { code: '310115005', name: '陆家嘴街道' },
      employerName: '浦东检索编号测试公司',
      link: `/api/v1/complaints/${a.id}`,
    });
    expect(complaint.filedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await ids('mediator-zj', a.trackingNo)).toEqual([]);
    expect(await ids('inspector-zj', a.trackingNo)).toEqual([]);
    // An inspector of the street finds the complaint, not the mediation (whose view inspectors cannot open).
    expect(await ids('inspector', a.trackingNo)).toEqual([`COMPLAINT:${a.id}`]);
    // The mediation's own 调字 number finds it alone.
    expect(await ids('mediator', opened.caseNo)).toEqual([`MEDIATION:${opened.id}`]);
    expect(await ids('mediator', a.trackingNo, 'MEDIATION')).toEqual([`MEDIATION:${opened.id}`]);
    expect(await ids('mediator-zj', opened.caseNo)).toEqual([]);

    // An inspection case: found by its own case number and by its complaint's tracking number.
    const b = await fileComplaint(t, { employerName: '浦东检索监察测试公司', target: 'INSPECTION' });
    const inspection = await t
      .http()
      .post('/api/v1/inspection/cases')
      .set(await bearer(t, 'inspector'))
      .send({ complaintId: b.id });
    expect(inspection.status).toBe(201);
    expect(await ids('inspector', inspection.body.caseNo as string)).toEqual([
      `INSPECTION:${inspection.body.id}`,
    ]);
    expect(await ids('inspector', b.trackingNo, 'INSPECTION')).toEqual([`INSPECTION:${inspection.body.id}`]);
    expect(await ids('inspector-zj', inspection.body.caseNo as string)).toEqual([]);
    expect(await ids('mediator', inspection.body.caseNo as string)).toEqual([]);
  });

  it('matches part of an employer name (Chinese, two characters too) and an exact USCC, keyset paged', async () => {
    const uscc = testUscc(1, 'RT');
    const made = [];
    for (const [name, extra] of [
      ['上海鹭鸶湾精密仪器有限公司', { uscc }],
      ['上海鹭鸶湾物流有限公司', {}],
      ['上海鹭鸶湾餐饮管理有限公司', {}],
    ] as const)
      made.push(await fileComplaint(t, { employerName: name, body: { employer: { name, ...extra } } }));
    const found = await ids('inspector', '鹭鸶湾');
    expect(found.sort()).toEqual(made.map((c) => `COMPLAINT:${c.id}`).sort());
    expect(await ids('inspector', '鹭鸶')).toHaveLength(3);
    expect(await ids('inspector', '精密仪器')).toEqual([`COMPLAINT:${made[0].id}`]);
    expect(await ids('inspector', uscc.toLowerCase())).toEqual([`COMPLAINT:${made[0].id}`]);
    expect(await ids('inspector', '鹭鸶湾%')).toEqual([]);
    expect(await ids('inspector-zj', '鹭鸶湾')).toEqual([]);

    const p1 = await search('inspector', { q: '鹭鸶湾', limit: 2 });
    expect(p1.body.items).toHaveLength(2);
    expect(p1.body.items[0].id).toBe(made[2].id);
    const p2 = await search('inspector', { q: '鹭鸶湾', limit: 2, cursor: p1.body.nextCursor! });
    expect(p2.body.items.map((h) => h.id)).toEqual([made[0].id]);
    expect(p2.body.nextCursor).toBeNull();
  });

  it("finds a complainant's cases by the normalised phone number, masked for oversight roles", async () => {
    const c = await fileComplaint(t, { employerName: '浦东检索电话测试公司' });
    const handling = await search('inspector', { q: '+86 138-0000-0000', limit: 100 });
    expect(handling.status).toBe(200);
    const hit = handling.body.items.find((h) => h.id === c.id)!;
    expect(hit.complainant).toEqual({ name: '张三', phone: '13800000000' });
    const oversight = await search('supervisor', { q: '13800000000', limit: 100 });
    const masked = oversight.body.items.find((h) => h.id === c.id)!;
    expect(masked.complainant).toEqual({ name: '张*', phone: '138****0000' });
    expect(JSON.stringify(oversight.body)).not.toContain('11010519491231002X');
    expect(JSON.stringify(handling.body)).not.toContain('11010519491231002X');
    expect(await ids('inspector', '13900000000')).not.toContain(`COMPLAINT:${c.id}`);

    // A report (举报) is never found by a phone number, even one on its row: the reporter stays unknown.
    const { complainant: _c, claimedAmountFen: _a, ...report } = complaintBody({ category: 'NO_CONTRACT' });
    const filed = await t.http().post('/api/v1/reports').send(report);
    expect(filed.status).toBe(201);
    const [{ id: reportId }] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM complaints WHERE tracking_no = $1 AND kind = 'REPORT'`,
      [filed.body.trackingNo],
    );
    const pii = t.app.get(PiiCipher);
    await t.dataSource.query(
      `UPDATE complaints SET complainant_phone_enc = $2, complainant_phone_bidx = $3 WHERE id = $1`,
      [reportId, pii.encrypt('13912345678'), pii.blindIndex('phone', '13912345678')],
    );
    expect(await ids('supervisor', '13912345678')).toEqual([]);
    expect(await ids('supervisor', filed.body.trackingNo as string)).toEqual([`COMPLAINT:${reportId}`]);
    const byNumber = await search('supervisor', { q: filed.body.trackingNo as string });
    expect(byNumber.body.items[0].complainant).toBeNull();
  });

  it("an arbitrator finds the commission's arbitration cases of every street, other kinds only in scope", async () => {
    const c = await fileComplaint(t, {
      employerName: '张江检索仲裁测试公司',
      street: '310115125',
      target: 'ARBITRATION',
    });
    const appliedId = await applyForArbitration(t, 'supervisor', c.id);
    const accepted = await t
      .http()
      .post(`/api/v1/arbitration/cases/${appliedId}/accept`)
      .set(await bearer(t, 'arbitrator'))
      .send({ version: 1 });
    expect(accepted.status).toBe(200);
    const caseNo = accepted.body.caseNo as string;
    expect(caseNo).toMatch(/^浦劳人仲〔\d{4}〕第\d+号$/);

    // The demo arbitrator's streets are 陆家嘴 only, but the commission's case in 张江 is theirs.
    expect(await ids('arbitrator', c.trackingNo)).toEqual([`ARBITRATION:${appliedId}`]);
    const byNo = await search('arbitrator', { q: caseNo });
    expect(byNo.body.items).toEqual([
      expect.objectContaining({
        kind: 'ARBITRATION',
        caseNo,
        trackingNo: c.trackingNo,
        street: { code: '310115125', name: '张江镇' },
        link: `/api/v1/arbitration/cases/${appliedId}`,
      }),
    ]);
    // A mediator of 陆家嘴 sees neither.
    expect(await ids('mediator', caseNo)).toEqual([]);
    expect(await ids('mediator', c.trackingNo)).toEqual([]);
  });

  it('refuses workers (403) and short or empty queries (400 with the field)', async () => {
    expect((await search('13800000000', { q: '鹭鸶湾' })).status).toBe(403);
    for (const q of ['', ' ', 'a', 'x'.repeat(65)]) {
      const r = await search('inspector', { q });
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      expect(JSON.stringify(r.body.details)).toContain('q');
    }
    const missing = await t
      .http()
      .get('/api/v1/search')
      .set(await bearer(t, 'inspector'));
    expect(missing.status).toBe(400);
    expect((await search('inspector', { q: '华' })).status).toBe(200);
    expect((await search('inspector', { q: '鹭鸶湾', kind: 'OTHER' })).status).toBe(400);
    expect((await search('inspector', { q: '鹭鸶湾', cursor: 'garbage' })).status).toBe(400);
  });
});

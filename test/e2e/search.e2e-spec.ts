import fc from 'fast-check';
import { applyForArbitration, bearer, fileComplaint, openMediation } from '../support/case-flow';
import { LogSink } from '../support/log-sink';
import { complaintBody, startTestApp, type TestApp } from '../support/test-app';
import { createAccount } from '../support/users';
import { testUscc } from '../support/uscc';
import { PiiCipher } from '../../src/common/pii-crypto';
import { idNumberCheckChar } from '../../src/common/validation/id-number';
import { usccCheckChar } from '../../src/common/validation/uscc';
import { normalisePersonName } from '../../src/search/search.rules';
import { COMPLAINANT_NAME_KEY } from '../../migrations/1796400010550-search-by-worker';

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
  matchedBy: string[];
}

/** Cross-case search (14.3): by tracking / case number, employer name or USCC, complainant phone; scoped. */
describe('cross-case search', () => {
  let t: TestApp;
  const logs = new LogSink();
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
    t = await startTestApp({ logStream: logs, env: { LOG_LEVEL: 'info' } });
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
    expect(r.body.items.map((h) => h.matchedBy)).toEqual([['TRACKING_NO'], ['TRACKING_NO']]);
    expect((await search('mediator', { q: opened.caseNo })).body.items[0].matchedBy).toEqual(['CASE_NO']);
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
    for (const q of ['', ' ', 'a', 'x'.repeat(65), '张\u0000三', '\u0000\u0000', '鹭鸶湾\u0007']) {
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

  /** A person at the counter, filed for by `by` in `street` (WALK_IN: staff vouch for her). */
  const idNumberOf = (first17: string) => first17 + idNumberCheckChar(first17);
  const ouyang = { name: '欧阳淑芬', idNumber: idNumberOf('31011519880307004'), phone: '13700000101' };
  const atCounter = (
    by: string,
    street: string,
    person: { name: string; idNumber: string; phone: string },
    employerName: string,
  ) =>
    fileComplaint(t, {
      employerName,
      worker: by,
      street,
      body: { channel: 'WALK_IN', complainant: person },
    });
  const userId = async (username: string) =>
    (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE username = $1`, [username]))[0]
      .id;
  const searchRecords = async (username: string, caseId: string) =>
    (
      await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pii_access_log
          WHERE user_id = $1 AND purpose = 'search' AND $2 = ANY(case_ids)`,
        [await userId(username), caseId],
      )
    )[0].n;
  const matched = async (user: string, q: string) => {
    const r = await search(user, { q, limit: 100 });
    expect([q, r.status]).toEqual([q, 200]);
    return Object.fromEntries(r.body.items.map((h) => [`${h.kind}:${h.id}`, h.matchedBy]));
  };
  let mine: { id: string; trackingNo: string };
  let mediation: { id: string };

  it("finds a worker's cases by her full name in the caller's scope, and an employer's by the same words", async () => {
    mine = await atCounter('inspector', '310115005', ouyang, '浦东姓名检索测试公司');
    await t
      .http()
      .post(`/api/v1/complaints/${mine.id}/accept`)
      .set(await bearer(t, 'supervisor'))
      .send({});
    await t
      .http()
      .post(`/api/v1/complaints/${mine.id}/route`)
      .set(await bearer(t, 'supervisor'))
      .send({ target: 'MEDIATION' });
    mediation = await openMediation(t, 'mediator', mine.id);
    const elsewhere = await atCounter(
      'inspector-zj',
      '310115125',
      { ...ouyang, phone: '13700000102' },
      '张江姓名检索测试公司',
    );
    const employer = await fileComplaint(t, { employerName: '欧阳淑芬家政服务部' });
    const namesake = await atCounter(
      'inspector',
      '310115005',
      { name: '欧阳淑', idNumber: idNumberOf('31011519900101003'), phone: '13700000103' },
      '浦东姓名检索测试公司二',
    );
    // A name stored with a full-width space inside is matched as typed without it (and the reverse).
    await t.dataSource.query(`UPDATE complaints SET complainant_name = $2 WHERE id = $1`, [
      namesake.id,
      '欧阳\u3000淑',
    ]);

    expect(await matched('mediator', '欧阳淑芬')).toEqual({
      [`COMPLAINT:${mine.id}`]: ['WORKER_NAME'],
      [`MEDIATION:${mediation.id}`]: ['WORKER_NAME'],
      [`COMPLAINT:${employer.id}`]: ['EMPLOYER_NAME'],
    });
    for (const q of ['欧阳　淑芬', ' 欧阳 淑芬\u3000'])
      expect(await matched('mediator', q)).toEqual({
        [`COMPLAINT:${mine.id}`]: ['WORKER_NAME'],
        [`MEDIATION:${mediation.id}`]: ['WORKER_NAME'],
      });
    // Another street's staff find their own street's complaint of hers only.
    expect(await matched('inspector-zj', '欧阳淑芬')).toEqual({
      [`COMPLAINT:${elsewhere.id}`]: ['WORKER_NAME'],
    });
    // Part of her name finds no worker (a namesake whose full name it is, yes), but still the employer.
    expect(await matched('mediator', '欧阳淑')).toEqual({
      [`COMPLAINT:${namesake.id}`]: ['WORKER_NAME'],
      [`COMPLAINT:${employer.id}`]: ['EMPLOYER_NAME'],
    });
    expect(await matched('mediator', '淑芬')).toEqual({ [`COMPLAINT:${employer.id}`]: ['EMPLOYER_NAME'] });
  });

  it('shows a worker found by name masked to the oversight roles, and records the full view as a phone search does', async () => {
    const before = await searchRecords('mediator', mine.id);
    const handling = await search('mediator', { q: '欧阳淑芬', kind: 'COMPLAINT' });
    expect(handling.body.items.find((h) => h.id === mine.id)!.complainant).toEqual({
      name: '欧阳淑芬',
      phone: '13700000101',
    });
    expect(await searchRecords('mediator', mine.id)).toBe(before + 1);
    const oversight = await search('supervisor', { q: '欧阳淑芬', kind: 'COMPLAINT', limit: 100 });
    expect(oversight.body.items.find((h) => h.id === mine.id)).toMatchObject({
      complainant: { name: '欧***', phone: '137****0101' },
      matchedBy: ['WORKER_NAME'],
    });
    expect(await searchRecords('supervisor', mine.id)).toBe(0);
  });

  it('finds a worker by her ID number (valid check character) through its blind index, never in a log', async () => {
    const before = await searchRecords('mediator', mine.id);
    const spaced = `${ouyang.idNumber.slice(0, 6)} ${ouyang.idNumber.slice(6, 14)} ${ouyang.idNumber.slice(14)}`;
    for (const q of [ouyang.idNumber, spaced.toLowerCase()])
      expect(await matched('mediator', q)).toEqual({
        [`COMPLAINT:${mine.id}`]: ['ID_NUMBER'],
        [`MEDIATION:${mediation.id}`]: ['ID_NUMBER'],
      });
    expect(await searchRecords('mediator', mine.id)).toBe(before + 2);
    const r = await search('mediator', { q: ouyang.idNumber });
    expect(JSON.stringify(r.body)).not.toContain(ouyang.idNumber);
    const zj = await matched('inspector-zj', ouyang.idNumber);
    expect(Object.values(zj)).toEqual([['ID_NUMBER']]);
    expect(zj).not.toHaveProperty(`COMPLAINT:${mine.id}`);
    expect(await matched('mediator-zj', ouyang.idNumber)).not.toHaveProperty(`COMPLAINT:${mine.id}`);
    // A wrong check character: not an ID number; looked up as a USCC, as before (GB 32100 allows all digits).
    const wrong = ouyang.idNumber.slice(0, 17) + (ouyang.idNumber[17] === '1' ? '2' : '1');
    expect(await matched('mediator', wrong)).toEqual({});
    // An ID number that is also an employer's USCC: the employer's cases are found too, saying so.
    const seq = Array.from({ length: 1000 }, (_, i) => `91310119800101${String(i).padStart(3, '0')}`).find(
      (b) => idNumberCheckChar(b) === usccCheckChar(b),
    )!;
    const uscc = idNumberOf(seq);
    const company = await fileComplaint(t, {
      employerName: '浦东证号检索测试公司',
      body: { employer: { name: '浦东证号检索测试公司', uscc } },
    });
    expect(await matched('mediator', uscc)).toEqual({ [`COMPLAINT:${company.id}`]: ['USCC'] });
    const text = logs.text;
    for (const secret of [ouyang.idNumber, spaced, ouyang.name, encodeURIComponent(ouyang.name)])
      expect(text).not.toContain(secret);
    expect(text).toContain('/api/v1/search');
  });

  it('matches stored names by the rule the query is normalised by (SQL and TypeScript agree)', async () => {
    const chars = ['欧', '阳', '·', '・', '•', '.', ' ', '\u3000', '\u00a0', '\t', 'a', ','];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...chars), { maxLength: 10 }), async (cs) => {
        const s = cs.join('');
        const [{ key }] = await t.dataSource.query<{ key: string }[]>(
          `SELECT ${COMPLAINANT_NAME_KEY.replace('complainant_name', '$1::text')} AS key`,
          [s],
        );
        expect(key).toBe(normalisePersonName(s));
      }),
      { numRuns: 60 },
    );
  });
});

import { addDays, todayInShanghai } from '../../src/calendar/local-date';
import { FilingsService } from '../../src/filings/filings.service';
import { startTestApp, type TestApp } from '../support/test-app';
import { testUscc } from '../support/uscc';

const uscc = (n: number) => testUscc(n, '1K');

describe('filings', () => {
  let t: TestApp;
  const today = todayInShanghai();
  const day = (n: number) => addDays(today, n);
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const post = async (user: string, path: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/filings/${path}`)
      .set(await auth(user))
      .send(body);
  const get = async (user: string, path: string) =>
    t
      .http()
      .get(`/api/v1/filings/${path}`)
      .set(await auth(user));
  const fieldsOf = (body: { code: string; details?: { field: string }[] }) => {
    expect(body.code).toBe('VALIDATION_FAILED');
    return (body.details ?? []).map((d) => d.field);
  };

  let n = 0;
  const employer = () => {
    n++;
    return { uscc: uscc(n), name: `浦东备案测试公司${n}` };
  };
  /** A layoff of `cut` of `total`, `layoffIn` days from today, staff told `noticeAgo` days ago (null: not told). */
  const layoff = (cut: number, total: number, noticeAgo: number | null = 0, layoffIn = 31, over = {}) => ({
    employer: employer(),
    streetCode: '310115005',
    headcountCut: cut,
    totalHeadcount: total,
    layoffOn: day(layoffIn),
    ...(noticeAgo === null ? {} : { unionOrStaffNotifiedOn: day(-noticeAgo) }),
    grounds: ['SEVERE_DIFFICULTY'],
    reasons: '订单大幅减少，生产经营发生严重困难',
    consultationRecord: '2026年工会座谈会记录：工会原则同意，要求优先留用长期职工',
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('layoffs (裁员备案, 劳动合同法 第四十一条)', () => {
    it('records a layoff of exactly 20 with 30 days’ notice as an Art 41 layoff', async () => {
      const res = await post('inspector', 'layoffs', layoff(20, 5000, 0, 30));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        streetCode: '310115005',
        headcountCut: 20,
        totalHeadcount: 5000,
        art41Applies: true,
        filedOn: today,
        layoffOn: day(30),
        unionOrStaffNotifiedOn: today,
        status: 'FILED',
      });
      expect(res.body.employer.uscc).toBe(uscc(n));
      const again = await get('inspector', `layoffs/${res.body.id}`);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(res.body.id);
    });

    it('19 of 190 (= 10%) is an Art 41 layoff; 19 of 191 is not', async () => {
      const at10 = await post('mediator', 'layoffs', layoff(19, 190));
      expect(at10.status).toBe(201);
      expect(at10.body.art41Applies).toBe(true);
      const under = await post(
        'inspector',
        'layoffs',
        layoff(19, 191, null, 5, { grounds: [], consultationRecord: undefined }),
      );
      expect(under.status).toBe(201);
      expect(under.body.art41Applies).toBe(false);
      expect(under.body.unionOrStaffNotifiedOn).toBeNull();
    });

    it('19 of 190 without notice, grounds or consultation record → 400 naming each field', async () => {
      const res = await post(
        'inspector',
        'layoffs',
        layoff(19, 190, null, 31, { grounds: [], consultationRecord: undefined }),
      );
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['unionOrStaffNotifiedOn', 'grounds', 'consultationRecord']);
    });

    it('notice given 29 days before the layoff date → 400 on unionOrStaffNotifiedOn', async () => {
      const res = await post('inspector', 'layoffs', layoff(25, 100, 0, 29));
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['unionOrStaffNotifiedOn']);
      expect(res.body.details[0].message).toContain(day(29 - 30));
    });

    it('malformed filings → 400 with field errors', async () => {
      const bigger = await post('inspector', 'layoffs', layoff(101, 100));
      expect(bigger.status).toBe(400);
      expect(fieldsOf(bigger.body)).toEqual(['headcountCut']);
      const past = await post('inspector', 'layoffs', layoff(5, 100, 40, -1));
      expect(past.status).toBe(400);
      expect(fieldsOf(past.body)).toContain('layoffOn');
      const futureNotice = await post('inspector', 'layoffs', layoff(25, 100, -2, 60));
      expect(futureNotice.status).toBe(400);
      expect(fieldsOf(futureNotice.body)).toEqual(['unionOrStaffNotifiedOn']);
      const shape = await post('inspector', 'layoffs', {
        ...layoff(0, 100),
        employer: { uscc: '91310115MA1K000000', name: 'x' },
        layoffOn: '2026-02-30',
        grounds: ['BAD'],
        streetCode: 'abc',
      });
      expect(shape.status).toBe(400);
      expect(fieldsOf(shape.body)).toEqual(
        expect.arrayContaining([
          'headcountCut',
          'layoffOn',
          'grounds',
          'streetCode',
          'employer.uscc',
          'employer.name',
        ]),
      );
      const refusedStreet = async (streetCode: string) => {
        const res = await post('inspector', 'layoffs', layoff(5, 100, 0, 31, { streetCode }));
        expect(res.status).toBe(400);
        expect(fieldsOf(res.body)).toEqual(['streetCode']);
        return res.body.details as { constraint: string }[];
      };
      await refusedStreet('310115999'); // the right shape, no such street in the register
      // A community's 12-digit code is not a street's: refused by its shape, before any look-up.
      expect(await refusedStreet('310115005001')).toEqual([
        expect.objectContaining({ constraint: 'matches' }),
      ]);
    });

    it('one employer per USCC: a second filing finds the employer the first created', async () => {
      const body = layoff(3, 100);
      const a = await post('inspector', 'layoffs', body);
      const b = await post('inspector', 'layoffs', { ...body, headcountCut: 4 });
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.employer.id).toBe(a.body.employer.id);
      const [row] = await t.dataSource.query<{ source: string; uscc: string }[]>(
        'SELECT source, uscc FROM employers WHERE id = $1',
        [a.body.employer.id],
      );
      expect(row).toEqual({ source: 'FILING', uscc: body.employer.uscc });
      const listed = await get('inspector', `layoffs?employerId=${a.body.employer.id}`);
      expect(listed.body.items.map((i: { headcountCut: number }) => i.headcountCut)).toEqual([4, 3]);
    });

    it('a layoff split into filings under the thresholds is judged by its total (15 + 15 of 400 within 90 days)', async () => {
      const e = employer();
      const bare = { employer: e, grounds: [], consultationRecord: undefined };
      const first = await post('inspector', 'layoffs', layoff(15, 400, null, 5, bare));
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ art41Applies: false, art41Combined: null });
      // The second part alone is 15 of 400 (3.75%): together with the first, 30 are cut → Art 41.
      const second = await post('inspector', 'layoffs', layoff(15, 400, null, 5, bare));
      expect(second.status).toBe(400);
      expect(fieldsOf(second.body)).toEqual(['unionOrStaffNotifiedOn', 'grounds', 'consultationRecord']);
      expect(second.body.details[0]).toMatchObject({
        combinedHeadcountCut: 30,
        countedFilingIds: [first.body.id],
      });
      // With the procedure (told 30 days before the layoff, grounds, consultation) it is recorded as Art 41.
      const filed = await post('inspector', 'layoffs', layoff(15, 400, 25, 5, { employer: e }));
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({
        art41Applies: true,
        art41Combined: {
          headcountCut: 30,
          totalHeadcount: 400,
          countedFilingIds: [first.body.id],
          windowDays: 90,
        },
      });
      // The earlier filing is left as it was filed.
      expect((await get('inspector', `layoffs/${first.body.id}`)).body).toMatchObject({
        art41Applies: false,
        art41Combined: null,
      });
      // A cut whose layoff date is 91 days from every other is judged alone.
      const later = await post('inspector', 'layoffs', layoff(15, 400, null, 96, bare));
      expect(later.status).toBe(201);
      expect(later.body).toMatchObject({ art41Applies: false, art41Combined: null });
      // The risk scorer's facts count the split layoff as Art 41 (both parts of it, not the one 91 days later).
      const facts = await t.app
        .get(FilingsService)
        .employerFacts(t.dataSource.manager, first.body.employer.id);
      expect(facts).toMatchObject({ layoffFilings: 3, art41Layoffs: 2, headcountCut: 45 });
    });

    it('a worker may not file; staff may not file for a street outside their scope', async () => {
      expect((await post('13800000000', 'layoffs', layoff(5, 100))).status).toBe(403);
      const outside = await post('inspector', 'layoffs', layoff(5, 100, 0, 31, { streetCode: '310115007' }));
      expect(outside.status).toBe(403);
      expect(outside.body.code).toBe('OUTSIDE_JURISDICTION');
    });
  });

  describe('jurisdiction', () => {
    it('staff of another street get 404 and do not see the filings in lists; the district supervisor does', async () => {
      const elsewhere = await post(
        'supervisor',
        'layoffs',
        layoff(30, 300, 0, 31, { streetCode: '310115007' }),
      );
      expect(elsewhere.status).toBe(201);
      const closure = await post('supervisor', 'closures', {
        employer: employer(),
        streetCode: '310115007',
        kind: 'RELOCATION',
        notifiedOn: today,
        effectiveOn: day(90),
        workersAffected: 12,
        resettlementPlan: '随迁或协商解除并支付经济补偿',
      });
      expect(closure.status).toBe(201);
      for (const user of ['inspector', 'mediator', 'arbitrator']) {
        const one = await get(user, `layoffs/${elsewhere.body.id}`);
        expect(one.status).toBe(404);
        expect(one.body.code).toBe('LAYOFF_FILING_NOT_FOUND');
        expect((await get(user, `closures/${closure.body.id}`)).status).toBe(404);
        const ids = (await get(user, 'layoffs?limit=100')).body.items.map((i: { id: string }) => i.id);
        expect(ids).not.toContain(elsewhere.body.id);
        expect(ids.length).toBeGreaterThan(0);
        const cids = (await get(user, 'closures?limit=100')).body.items.map((i: { id: string }) => i.id);
        expect(cids).not.toContain(closure.body.id);
      }
      expect((await get('supervisor', `layoffs/${elsewhere.body.id}`)).status).toBe(200);
      const mine = await get('supervisor', 'layoffs?street=310115007');
      expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([elsewhere.body.id]);
      expect((await get('inspector', 'layoffs/not-a-uuid')).status).toBe(404);
      expect((await get('13800000000', 'layoffs')).status).toBe(403);
    });

    it('lists page with a keyset cursor', async () => {
      const first = await get('supervisor', 'layoffs?limit=2');
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await get('supervisor', `layoffs?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.status).toBe(200);
      const ids = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect((await get('supervisor', 'layoffs?cursor=garbage')).status).toBe(400);
    });
  });

  describe('closure notices (关停并转迁)', () => {
    const notice = (over = {}) => ({
      employer: employer(),
      streetCode: '310115005',
      kind: 'CLOSURE',
      notifiedOn: day(-3),
      effectiveOn: day(60),
      workersAffected: 80,
      resettlementPlan: '依法终止劳动合同，支付经济补偿，协助再就业',
      ...over,
    });

    it('records a notice of each kind and lists them by kind', async () => {
      for (const kind of ['CLOSURE', 'MERGER', 'CONVERSION', 'RELOCATION']) {
        const res = await post('inspector', 'closures', notice({ kind }));
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          kind,
          streetCode: '310115005',
          workersAffected: 80,
          effectiveOn: day(60),
        });
      }
      const mergers = await get('inspector', 'closures?kind=MERGER');
      expect(mergers.body.items.map((i: { kind: string }) => i.kind)).toEqual(['MERGER']);
    });

    it('malformed notices → 400 with field errors', async () => {
      const past = await post('inspector', 'closures', notice({ effectiveOn: day(-1) }));
      expect(past.status).toBe(400);
      expect(fieldsOf(past.body)).toEqual(['effectiveOn']);
      const futureNotice = await post('inspector', 'closures', notice({ notifiedOn: day(2) }));
      expect(fieldsOf(futureNotice.body)).toEqual(['notifiedOn']);
      const noPlan = await post('inspector', 'closures', notice({ resettlementPlan: undefined }));
      expect(fieldsOf(noPlan.body)).toEqual(['resettlementPlan']);
      const badKind = await post('inspector', 'closures', notice({ kind: 'BANKRUPT', workersAffected: -1 }));
      expect(fieldsOf(badKind.body)).toEqual(expect.arrayContaining(['kind', 'workersAffected']));
    });
  });

  describe('collective contracts (集体合同备案)', () => {
    const contract = (submittedOn: string | undefined, over = {}) => ({
      employer: employer(),
      streetCode: '310115005',
      contractKind: 'WAGES',
      title: '2027年度工资专项集体合同',
      text: '第一条 本合同依据《劳动合同法》《集体合同规定》订立……',
      workersCovered: 320,
      signedOn: addDays(submittedOn ?? today, -3),
      ...(submittedOn ? { submittedOn } : {}),
      ...over,
    });

    it('a text received today is under review; an objection within 15 days stops it taking effect', async () => {
      const filed = await post('mediator', 'collective-contracts', contract(undefined));
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({
        status: 'SUBMITTED',
        submittedOn: today,
        objectionDeadline: day(15),
        effectiveOn: day(16),
        submittedLate: false,
      });
      expect(
        (await post('mediator', `collective-contracts/${filed.body.id}/objection`, { opinion: 'x' })).status,
      ).toBe(403);
      const objected = await post('supervisor', `collective-contracts/${filed.body.id}/objection`, {
        opinion: '工资增长条款低于本市最低工资标准，请重新协商',
      });
      expect(objected.status).toBe(200);
      expect(objected.body).toMatchObject({ status: 'OBJECTED', objectedOn: today });
      const twice = await post('supervisor', `collective-contracts/${filed.body.id}/objection`, {
        opinion: '再次',
      });
      expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_OBJECTED']);
    });

    it('takes effect after 15 days without objection; an objection then is too late', async () => {
      const old = await post('inspector', 'collective-contracts', contract(day(-16)));
      expect(old.status).toBe(201);
      expect(old.body).toMatchObject({ status: 'EFFECTIVE', effectiveOn: today });
      const late = await post('supervisor', `collective-contracts/${old.body.id}/objection`, {
        opinion: '迟到的意见',
      });
      expect([late.status, late.body.code]).toEqual([409, 'REVIEW_PERIOD_OVER']);
      expect((await get('inspector', `collective-contracts/${old.body.id}`)).body.status).toBe('EFFECTIVE');
    });

    it('an objection entered after the review period is refused, even dated within it (no EFFECTIVE → OBJECTED)', async () => {
      const c = await post('inspector', 'collective-contracts', contract(day(-60)));
      expect(c.body).toMatchObject({ status: 'EFFECTIVE', effectiveOn: day(-44) });
      const backdated = await post('supervisor', `collective-contracts/${c.body.id}/objection`, {
        opinion: '补录的审查意见',
        objectedOn: day(-50),
      });
      expect([backdated.status, backdated.body.code]).toEqual([409, 'REVIEW_PERIOD_OVER']);
      expect(backdated.body.details).toMatchObject({ objectionDeadline: day(-45), effectiveOn: day(-44) });
      const after = await get('inspector', `collective-contracts/${c.body.id}`);
      expect(after.body).toMatchObject({ status: 'EFFECTIVE', objectedOn: null, objectionOpinion: null });
    });

    it('on the 15th day the period still runs and an objection dated that day is in time', async () => {
      const c = await post('inspector', 'collective-contracts', contract(day(-15)));
      expect(c.body).toMatchObject({ status: 'SUBMITTED', objectionDeadline: today });
      const o = await post('supervisor', `collective-contracts/${c.body.id}/objection`, {
        opinion: '协商程序不合法',
        objectedOn: today,
      });
      expect(o.status).toBe(200);
      expect(o.body).toMatchObject({ status: 'OBJECTED', objectedOn: today });
      const early = await post('inspector', 'collective-contracts', contract(day(-10)));
      const backdated = await post('supervisor', `collective-contracts/${early.body.id}/objection`, {
        opinion: '早于收文日期',
        objectedOn: day(-11),
      });
      expect(fieldsOf(backdated.body)).toEqual(['objectedOn']);
    });

    it('filters by the status as of today; flags late submission; refuses impossible dates', async () => {
      const late = await post(
        'inspector',
        'collective-contracts',
        contract(day(-20), { signedOn: day(-40) }),
      );
      expect(late.body).toMatchObject({ submittedLate: true, status: 'EFFECTIVE' });
      const effective = await get('inspector', 'collective-contracts?status=EFFECTIVE&limit=100');
      const statuses = effective.body.items.map((i: { status: string }) => i.status);
      expect(statuses.length).toBeGreaterThanOrEqual(2);
      expect(new Set(statuses)).toEqual(new Set(['EFFECTIVE']));
      const submitted = await get('inspector', 'collective-contracts?status=SUBMITTED&limit=100');
      expect(submitted.body.items.every((i: { status: string }) => i.status === 'SUBMITTED')).toBe(true);
      const future = await post('inspector', 'collective-contracts', contract(day(1)));
      expect(fieldsOf(future.body)).toEqual(['submittedOn']);
      const signedAfter = await post(
        'inspector',
        'collective-contracts',
        contract(today, { signedOn: day(1) }),
      );
      expect(fieldsOf(signedAfter.body)).toEqual(['signedOn']);
      const badKind = await post(
        'inspector',
        'collective-contracts',
        contract(today, { contractKind: 'X', text: '' }),
      );
      expect(fieldsOf(badKind.body)).toEqual(expect.arrayContaining(['contractKind', 'text']));
    });
  });

  describe('harmonious-enterprise register and KPI', () => {
    const entry = (e: { uscc: string; name: string }, over = {}) => ({
      employer: e,
      streetCode: '310115005',
      year: 2025,
      level: 'DISTRICT',
      recognisedOn: day(-100),
      validUntil: day(900),
      ...over,
    });

    it('counts each enterprise once per street and district against the 1,200 target, within the caller’s scope', async () => {
      const a = employer();
      const b = employer();
      const c = employer();
      const expired = employer();
      const revoked = employer();
      expect((await post('supervisor', 'harmonious-enterprises', entry(a))).status).toBe(201);
      // a second recognition of the same enterprise (市级) is not a second enterprise
      expect((await post('supervisor', 'harmonious-enterprises', entry(a, { level: 'CITY' }))).status).toBe(
        201,
      );
      // A recognition is the bureau's decision, not its system administrator's.
      expect((await post('admin', 'harmonious-enterprises', entry(b))).status).toBe(403);
      expect((await post('supervisor', 'harmonious-enterprises', entry(b))).status).toBe(201);
      expect(
        (await post('supervisor', 'harmonious-enterprises', entry(c, { streetCode: '310115007' }))).status,
      ).toBe(201);
      const old = await post(
        'supervisor',
        'harmonious-enterprises',
        entry(expired, { year: 2020, recognisedOn: '2021-01-10', validUntil: day(-1) }),
      );
      expect(old.status).toBe(201);
      expect(old.body.onRegister).toBe(false);
      const r = await post('supervisor', 'harmonious-enterprises', entry(revoked));
      const revokedRes = await post('supervisor', `harmonious-enterprises/${r.body.id}/revoke`, {
        reason: '发生重大欠薪违法行为',
      });
      expect(revokedRes.status).toBe(200);
      expect(revokedRes.body).toMatchObject({ revokedOn: today, onRegister: false });

      const kpi = await get('supervisor', 'harmonious-enterprises/kpi');
      expect(kpi.status).toBe(200);
      expect(kpi.body).toMatchObject({ asOf: today, target: 1200 });
      expect(kpi.body.districts).toEqual([
        { code: '310115', name: '浦东新区', count: 3, target: 1200, met: false, shortfall: 1197 },
      ]);
      expect(kpi.body.streets).toEqual([
        expect.objectContaining({ code: '310115005', count: 2 }),
        expect.objectContaining({ code: '310115007', count: 1 }),
      ]);

      // a street's staff see their street, and no district total
      const street = await get('inspector', 'harmonious-enterprises/kpi');
      expect(street.body.districts).toEqual([]);
      expect(street.body.streets).toEqual([expect.objectContaining({ code: '310115005', count: 2 })]);

      // as of yesterday the revoked one still counted, and the expired one too
      const yesterday = await get('supervisor', `harmonious-enterprises/kpi?asOf=${day(-1)}`);
      expect(yesterday.body.districts[0].count).toBe(5);

      const listed = await get('inspector', 'harmonious-enterprises?level=CITY&limit=100');
      expect(listed.body.items.map((i: { employer: { uscc: string } }) => i.employer.uscc)).toEqual([a.uscc]);
      const other = (await get('supervisor', 'harmonious-enterprises?street=310115007')).body.items[0];
      expect((await get('inspector', `harmonious-enterprises/${other.id}`)).status).toBe(404);
    });

    it('refuses duplicates, bad dates and non-supervisors', async () => {
      const e = employer();
      expect((await post('supervisor', 'harmonious-enterprises', entry(e))).status).toBe(201);
      const dup = await post('supervisor', 'harmonious-enterprises', entry(e));
      expect([dup.status, dup.body.code]).toEqual([409, 'ALREADY_REGISTERED']);
      const bad = await post(
        'supervisor',
        'harmonious-enterprises',
        entry(employer(), { validUntil: day(-200) }),
      );
      expect(fieldsOf(bad.body)).toEqual(['validUntil']);
      expect((await post('inspector', 'harmonious-enterprises', entry(employer()))).status).toBe(403);
      expect((await get('supervisor', 'harmonious-enterprises/kpi?asOf=2026-13-01')).status).toBe(400);
    });
  });

  it('the risk scorer reads an employer’s layoffs and closure notices through FilingsService', async () => {
    const e = employer();
    const l = await post('inspector', 'layoffs', { ...layoff(19, 190), employer: e });
    const c = await post('inspector', 'closures', {
      employer: e,
      streetCode: '310115005',
      kind: 'RELOCATION',
      notifiedOn: today,
      effectiveOn: day(45),
      workersAffected: 60,
      resettlementPlan: '随迁，提供班车',
    });
    expect([l.status, c.status]).toEqual([201, 201]);
    const filings = t.app.get(FilingsService);
    const facts = await filings.employerFacts(t.dataSource.manager, l.body.employer.id);
    expect(facts).toMatchObject({
      asOf: today,
      layoffFilings: 1,
      art41Layoffs: 1,
      headcountCut: 19,
      maxCutShare: 0.1,
      closureNotices: 1,
      closureWorkersAffected: 60,
      latestClosureEffectiveOn: day(45),
    });
    const since = await filings.employersFiledSince(t.dataSource.manager, new Date(Date.now() - 60_000));
    expect(since).toContain(l.body.employer.id);
  });
});

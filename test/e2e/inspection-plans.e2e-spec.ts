import { hashPassword } from '../../src/auth/passwords';
import { User } from '../../src/auth/entities/user.entity';
import { newId } from '../../src/common/ids';
import { drawPlan, inspectorPoolHash, registerSnapshotHash } from '../../src/inspection/plans/draw';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { testUscc } from '../support/uscc';

interface PlanItem {
  id: string;
  position: number;
  employerId: string;
  employerName: string;
  uscc: string;
  streetCode: string;
  inspectorIds: string[];
  result: string | null;
  caseId: string | null;
}
interface PlanView {
  id: string;
  status: string;
  seed: number;
  matchedCount: number;
  drawableCount: number;
  registerHash: string;
  inspectorPoolHash: string;
  items: PlanItem[];
}

const LUJIAZUI = '310115005';
const ZHOUJIADU = '310115007';

const uscc = (n: number) => testUscc(n);

describe('双随机一公开: employers register, random inspection plans, public results', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  /** Inspector accounts by name: their ids and jurisdictions. */
  const inspectors: Record<string, { id: string; scope: string[]; active: boolean }> = {
    lj1: { id: '', scope: [LUJIAZUI], active: true },
    lj2: { id: '', scope: [LUJIAZUI], active: true },
    zjd1: { id: '', scope: [ZHOUJIADU], active: true },
    zjd2: { id: '', scope: [ZHOUJIADU], active: true },
    district: { id: '', scope: ['310115'], active: true },
    // never drawn: another district, and an inactive account covering 陆家嘴
    elsewhere: { id: '', scope: ['310110001'], active: true },
    retired: { id: '', scope: [LUJIAZUI], active: false },
  };
  let demoInspectorId: string;
  /** Registered employers: ids by USCC number. */
  const employerIds: string[] = [];

  const register = async (user: string, employers: Record<string, unknown>[]) =>
    t
      .http()
      .post('/api/v1/employers/register')
      .set(await auth(user))
      .send({ employers });
  const row = (n: number, overrides: Record<string, unknown> = {}) => ({
    uscc: uscc(n),
    name: `浦东抽查测试企业${n}有限公司`,
    streetCode: n % 2 === 0 ? LUJIAZUI : ZHOUJIADU,
    industryCode: n % 3 === 0 ? 'C' : 'E',
    sizeClass: n % 4 === 0 ? 'MEDIUM' : 'SMALL',
    headcount: 10 + n,
    address: `浦东新区测试路${n}号`,
    ...overrides,
  });
  const createPlan = async (body: Record<string, unknown>, user = 'supervisor') =>
    t
      .http()
      .post('/api/v1/inspection/plans')
      .set(await auth(user))
      .send({ title: '2026年第四季度工资支付双随机抽查', ...body });

  beforeAll(async () => {
    t = await startTestApp();
    const users = t.dataSource.getRepository(User);
    const demo = (await users.findOneBy({ username: 'inspector' }))!;
    demoInspectorId = demo.id;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const [name, i] of Object.entries(inspectors)) {
      i.id = newId();
      await users.insert({
        id: i.id,
        username: `plan-${name}`,
        passwordHash,
        role: 'INSPECTOR',
        organisationId: demo.organisationId,
        jurisdictionCodes: i.scope,
        displayName: `监察员${name}`,
        active: i.active,
      });
    }
    await users.insert({
      id: newId(),
      username: 'plan-sup-zjd',
      passwordHash,
      role: 'SUPERVISOR',
      organisationId: demo.organisationId,
      jurisdictionCodes: [ZHOUJIADU],
      displayName: '周家渡督办员',
      active: true,
    });
  });
  afterAll(async () => t?.close());

  describe('employers register', () => {
    it('rejects the whole batch with per-row field errors', async () => {
      const res = await register('supervisor', [
        row(1),
        row(2, { uscc: '91310115MA00000001' }),
        row(3, { streetCode: '310115999' }),
        row(4, { industryCode: 'Z', sizeClass: 'HUGE' }),
        row(1, { name: '重复的企业' }),
      ]);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const fields = (res.body.details as { field: string }[]).map((d) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining(['employers.1.uscc', 'employers.3.industryCode', 'employers.3.sizeClass']),
      );
      // the DB-checked errors come once the shape is valid
      const res2 = await register('supervisor', [row(1), row(3, { streetCode: '310115999' }), row(1)]);
      expect(res2.status).toBe(400);
      expect((res2.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
        'employers.1.streetCode',
        'employers.2.uscc',
      ]);
      const count = await t.dataSource.query(`SELECT count(*)::int AS n FROM employers WHERE uscc = $1`, [
        uscc(1),
      ]);
      expect(count[0].n).toBe(0);
    });

    it('only supervisors and admins register; a street outside their jurisdiction is refused', async () => {
      expect((await register('inspector', [row(1)])).status).toBe(403);
      expect((await register('mediator', [row(1)])).status).toBe(403);
      const elsewhere = await register('plan-sup-zjd', [row(1), row(2)]);
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.details).toMatchObject([
        {
          field: 'employers.1.streetCode',
          constraint: 'jurisdiction',
          message: 'streetCode 不在您的管辖范围内',
        },
      ]);
    });

    it('registers 40 employers, then updates one by USCC', async () => {
      const res = await register(
        'supervisor',
        Array.from({ length: 40 }, (_, k) => row(k + 1)),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ created: 40, updated: 0 });
      employerIds.push(...(res.body.ids as string[]));
      const again = await register('admin', [row(4, { sizeClass: 'LARGE', headcount: 900 })]);
      expect(again.body).toMatchObject({ created: 0, updated: 1, ids: [employerIds[3]] });
      // a 周家渡 supervisor may not move a 陆家嘴 employer into 周家渡
      const moved = await register('plan-sup-zjd', [row(2, { streetCode: ZHOUJIADU })]);
      expect(moved.status).toBe(400);
      expect(moved.body.details[0].field).toBe('employers.0.uscc');
    });

    it('lists by street, industry and size, within the caller’s jurisdiction, page by page', async () => {
      const list = async (user: string, q: string) =>
        t
          .http()
          .get(`/api/v1/employers?${q}`)
          .set(await auth(user));
      const e = await list('supervisor', `street=${LUJIAZUI}&industry=E&limit=100`);
      expect(e.status).toBe(200);
      const expected = Array.from({ length: 40 }, (_, k) => k + 1).filter((n) => n % 2 === 0 && n % 3 !== 0);
      expect((e.body.items as { uscc: string }[]).map((x) => x.uscc).sort()).toEqual(
        expected.map(uscc).sort(),
      );
      expect(e.body.items[0]).not.toHaveProperty('contactPhone');
      const large = await list('supervisor', 'size=LARGE');
      expect(large.body.items).toHaveLength(1);
      expect(large.body.items[0]).toMatchObject({ uscc: uscc(4), headcount: 900 });
      // the 陆家嘴 inspector sees only 陆家嘴 employers
      const mine = await list('inspector', 'limit=100');
      expect(mine.body.items).toHaveLength(20);
      expect((mine.body.items as { streetCode: string }[]).every((x) => x.streetCode === LUJIAZUI)).toBe(
        true,
      );
      // keyset paging: 40 in pages of 15
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list('supervisor', `limit=15${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...(page.body.items as { id: string }[]).map((x) => x.id));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      expect(new Set(seen).size).toBe(40);
      for (const [q, field] of [
        ['street=310115999', 'street'],
        ['industry=Z', 'industry'],
        ['size=HUGE', 'size'],
      ]) {
        const bad = await list('supervisor', q);
        expect(bad.status).toBe(400);
        expect(bad.body.details[0].field).toBe(field);
      }
    });
  });

  describe('conflicts of interest', () => {
    it('an inspector declares their own; a supervisor records one for an inspector; duplicates are refused', async () => {
      const declare = async (user: string, body: Record<string, unknown>) =>
        t
          .http()
          .post('/api/v1/inspection/conflicts')
          .set(await auth(user))
          .send(body);
      const own = await declare('plan-lj1', { employerId: employerIds[1], reason: '近亲属在该单位任职' });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ inspectorId: inspectors.lj1.id, employerId: employerIds[1] });
      expect((await declare('plan-lj1', { employerId: employerIds[1], reason: '再次申报' })).status).toBe(
        409,
      );
      expect(
        (
          await declare('plan-lj1', {
            inspectorId: inspectors.lj2.id,
            employerId: employerIds[3],
            reason: '代报',
          })
        ).status,
      ).toBe(403);
      const recorded = await declare('supervisor', {
        inspectorId: inspectors.zjd1.id,
        employerId: employerIds[0],
        reason: '曾在该单位任职',
      });
      expect(recorded.status).toBe(201);
      expect(recorded.body.recordedBy).not.toBe(inspectors.zjd1.id);
      // Not the operators' account: a conflict takes an inspector out of the draws.
      const byAdmin = await declare('admin', {
        inspectorId: inspectors.zjd1.id,
        employerId: employerIds[2],
        reason: '管理员代报',
      });
      expect(byAdmin.status).toBe(403);
      // the demo inspector is in conflict with two 陆家嘴 employers
      for (const k of [5, 7])
        expect(
          (
            await declare('supervisor', {
              inspectorId: demoInspectorId,
              employerId: employerIds[k],
              reason: '持股',
            })
          ).status,
        ).toBe(201);
      expect(
        (await declare('supervisor', { employerId: employerIds[0], reason: '缺少监察员' })).body.details[0]
          .field,
      ).toBe('inspectorId');
      expect(
        (
          await declare('supervisor', {
            inspectorId: inspectors.lj2.id,
            employerId: newId(),
            reason: '不存在',
          })
        ).status,
      ).toBe(404);
    });
  });

  describe('plans', () => {
    let plan: PlanView;

    it('bad input: more employers than match is a 400 with the match count; unknown filters are 400 with fields', async () => {
      const tooMany = await createPlan({ count: 21, filters: { streets: [LUJIAZUI] } });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.code).toBe('PLAN_EXCEEDS_MATCHES');
      expect(tooMany.body.details).toEqual({ requested: 21, matched: 20, drawable: 20 });
      const none = await createPlan({ count: 1, filters: { industries: ['A'] } });
      expect(none.status).toBe(400);
      expect(none.body.details).toMatchObject({ matched: 0 });
      const unknownStreet = await createPlan({ count: 1, filters: { streets: [LUJIAZUI, '310115999'] } });
      expect(unknownStreet.status).toBe(400);
      expect(unknownStreet.body.details).toEqual([expect.objectContaining({ field: 'filters.streets.1' })]);
      const badEnums = await createPlan({ count: 1, filters: { industries: ['Z'], sizes: ['HUGE'] } });
      expect(badEnums.status).toBe(400);
      expect((badEnums.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
        'filters.industries',
        'filters.sizes',
      ]);
      const outside = await createPlan({ count: 1, filters: { streets: [LUJIAZUI] } }, 'plan-sup-zjd');
      expect(outside.status).toBe(400);
      expect(outside.body.details).toMatchObject([
        { field: 'filters.streets.0', constraint: 'jurisdiction', message: `${LUJIAZUI} 不在您的管辖范围内` },
      ]);
      expect((await createPlan({ count: 1, weights: { RED: 0 } })).body.details[0].field).toBe('weights.RED');
      expect((await createPlan({ count: 1, seed: -1 })).status).toBe(400);
      // The random-inspection plan is the bureau's (双随机): not an inspector's, not the system administrator's.
      for (const user of ['inspector', 'admin'])
        expect((await createPlan({ count: 1 }, user)).status).toBe(403);
    });

    it('draws N distinct employers with two inspectors each: no conflict, nobody out of jurisdiction or inactive', async () => {
      const res = await createPlan({
        count: 12,
        seed: 20261126,
        filters: { streets: [LUJIAZUI, ZHOUJIADU] },
      });
      expect(res.status).toBe(201);
      plan = res.body as PlanView;
      expect(plan).toMatchObject({ status: 'DRAFTED', seed: 20261126, matchedCount: 40, drawableCount: 40 });
      expect(plan.items).toHaveLength(12);
      expect(new Set(plan.items.map((i) => i.employerId)).size).toBe(12);
      const scopeOf = new Map(Object.values(inspectors).map((i) => [i.id, i.scope]));
      scopeOf.set(demoInspectorId, [LUJIAZUI]);
      const conflicts = new Set([
        `${inspectors.lj1.id}|${employerIds[1]}`,
        `${inspectors.zjd1.id}|${employerIds[0]}`,
        `${demoInspectorId}|${employerIds[5]}`,
        `${demoInspectorId}|${employerIds[7]}`,
      ]);
      for (const item of plan.items) {
        expect(item.inspectorIds).toHaveLength(2);
        expect(new Set(item.inspectorIds).size).toBe(2);
        for (const id of item.inspectorIds) {
          expect([inspectors.elsewhere.id, inspectors.retired.id]).not.toContain(id);
          expect(scopeOf.get(id)!.some((s) => item.streetCode.startsWith(s))).toBe(true);
          expect(conflicts.has(`${id}|${item.employerId}`)).toBe(false);
        }
      }
    });

    it('never draws a conflicted or out-of-jurisdiction inspector, over many seeds', async () => {
      // all 20 陆家嘴 employers, so the conflicted employers are always drawn
      for (const seed of [1, 2, 3, 4, 5]) {
        const res = await createPlan({ count: 20, seed, filters: { streets: [LUJIAZUI] } });
        expect(res.status).toBe(201);
        const items = (res.body as PlanView).items;
        const byEmployer = new Map(items.map((i) => [i.employerId, i.inspectorIds]));
        expect(byEmployer.get(employerIds[1])).not.toContain(inspectors.lj1.id);
        expect(byEmployer.get(employerIds[5])).not.toContain(demoInspectorId);
        expect(byEmployer.get(employerIds[7])).not.toContain(demoInspectorId);
        const drawn = new Set(items.flatMap((i) => i.inspectorIds));
        for (const never of ['zjd1', 'zjd2', 'elsewhere', 'retired'])
          expect(drawn).not.toContain(inspectors[never].id);
      }
    });

    it('is reproducible: the same seed over the same register gives the same draw, and the stored snapshot re-runs to it', async () => {
      const again = await createPlan({
        count: 12,
        seed: 20261126,
        filters: { streets: [ZHOUJIADU, LUJIAZUI] },
      });
      expect(again.status).toBe(201);
      const b = again.body as PlanView;
      expect(b.id).not.toBe(plan.id);
      expect(b.registerHash).toBe(plan.registerHash);
      expect(b.inspectorPoolHash).toBe(plan.inspectorPoolHash);
      const shape = (p: PlanView) => p.items.map((i) => [i.position, i.employerId, i.inspectorIds]);
      expect(shape(b)).toEqual(shape(plan));
      const other = await createPlan({
        count: 12,
        seed: 20261127,
        filters: { streets: [LUJIAZUI, ZHOUJIADU] },
      });
      expect(shape(other.body as PlanView)).not.toEqual(shape(plan));

      // anyone holding the snapshot re-runs the pure draw and gets the same result
      const [stored] = await t.dataSource.query(
        `SELECT seed, requested_count AS count, candidates, inspector_pool AS pool FROM inspection_plans WHERE id = $1`,
        [plan.id],
      );
      expect(registerSnapshotHash(stored.candidates)).toBe(plan.registerHash);
      expect(inspectorPoolHash(stored.pool.inspectors, stored.pool.conflicts)).toBe(plan.inspectorPoolHash);
      const rerun = drawPlan({
        seed: Number(stored.seed),
        count: stored.count,
        candidates: stored.candidates,
        inspectors: stored.pool.inspectors,
        conflicts: stored.pool.conflicts,
      });
      expect(rerun.items.map((i) => [i.position, i.employerId, i.inspectorIds])).toEqual(shape(plan));
    });

    it('a new conflict changes the inspector pool hash of later plans', async () => {
      await t
        .http()
        .post('/api/v1/inspection/conflicts')
        .set(await auth('plan-lj2'))
        .send({ employerId: employerIds[9], reason: '配偶为该单位股东' })
        .expect(201);
      const res = await createPlan({
        count: 12,
        seed: 20261126,
        filters: { streets: [LUJIAZUI, ZHOUJIADU] },
      });
      expect(res.body.registerHash).toBe(plan.registerHash);
      expect(res.body.inspectorPoolHash).not.toBe(plan.inspectorPoolHash);
    });

    it('weights by risk level: employers without an open warning (or without the warnings table) weigh as NONE', async () => {
      const res = await createPlan({
        count: 2,
        seed: 9,
        weights: { NONE: 3, RED: 10 },
        filters: { streets: [ZHOUJIADU] },
      });
      expect(res.status).toBe(201);
      const [row] = await t.dataSource.query(
        `SELECT candidates, weights FROM inspection_plans WHERE id = $1`,
        [res.body.id],
      );
      expect(row.weights).toEqual({ NONE: 3, RED: 10 });
      expect(row.candidates).toHaveLength(20);
      expect((row.candidates as { weight: number }[]).every((c) => c.weight === 3)).toBe(true);
      expect(res.body.registerHash).toBe(registerSnapshotHash(row.candidates));
    });

    it('picks a random seed when none is given, and records it', async () => {
      const res = await createPlan({ count: 3 });
      expect(res.status).toBe(201);
      expect(Number.isInteger(res.body.seed)).toBe(true);
      const [row] = await t.dataSource.query(`SELECT seed FROM inspection_plans WHERE id = $1`, [
        res.body.id,
      ]);
      expect(Number(row.seed)).toBe(res.body.seed);
    });

    it('staff see plans with employers in their streets; others get 404', async () => {
      const get = async (user: string) =>
        t
          .http()
          .get(`/api/v1/inspection/plans/${plan.id}`)
          .set(await auth(user));
      expect((await get('plan-zjd2')).status).toBe(200);
      expect((await get('plan-elsewhere')).status).toBe(404);
      const list = await t
        .http()
        .get('/api/v1/inspection/plans?status=DRAFTED&limit=100')
        .set(await auth('plan-elsewhere'));
      expect(list.body.items).toEqual([]);
      const mine = await t
        .http()
        .get('/api/v1/inspection/plans?limit=100')
        .set(await auth('plan-zjd1'));
      expect((mine.body.items as { id: string }[]).map((p) => p.id)).toContain(plan.id);
    });

    it('publishes: the public endpoint needs no login and carries no personal data', async () => {
      // a draft is not public
      expect((await t.http().get(`/api/v1/public/inspection-plans/${plan.id}`)).status).toBe(404);
      expect(
        (
          await t
            .http()
            .post(`/api/v1/inspection/plans/${plan.id}/publish`)
            .set(await auth('inspector'))
        ).status,
      ).toBe(403);
      const pub = await t
        .http()
        .post(`/api/v1/inspection/plans/${plan.id}/publish`)
        .set(await auth('supervisor'));
      expect(pub.status).toBe(200);
      expect(pub.body.status).toBe('PUBLISHED');
      const twice = await t
        .http()
        .post(`/api/v1/inspection/plans/${plan.id}/publish`)
        .set(await auth('supervisor'));
      expect(twice.status).toBe(409);

      const res = await t.http().get(`/api/v1/public/inspection-plans/${plan.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: plan.id,
        status: 'PUBLISHED',
        seed: 20261126,
        registerHash: plan.registerHash,
        inspectorsPerEmployer: 2,
      });
      expect(res.body.items).toHaveLength(12);
      expect(res.body.items[0]).toEqual({
        id: plan.items[0].id,
        position: 1,
        employerName: plan.items[0].employerName,
        uscc: plan.items[0].uscc,
        streetCode: plan.items[0].streetCode,
        inspectorCount: 2,
        result: null,
        resultOn: null,
        resultNote: null,
      });
      const text = JSON.stringify(res.body);
      for (const i of [...Object.values(inspectors).map((x) => x.id), demoInspectorId])
        expect(text).not.toContain(i);
      expect(text).not.toMatch(/监察员|plan-|inspectorIds|createdBy|contactPhone/);

      const list = await t.http().get('/api/v1/public/inspection-plans');
      expect(list.status).toBe(200);
      expect((list.body.items as { id: string }[]).map((p) => p.id)).toEqual([plan.id]);
      expect(JSON.stringify(list.body)).not.toContain(inspectors.lj1.id);

      const verify = await t.http().get(`/api/v1/public/inspection-plans/${plan.id}/verify`);
      expect(verify.body).toEqual({
        planId: plan.id,
        seed: 20261126,
        algorithm: 'xoroshiro128plus/v1',
        registerHashMatches: true,
        inspectorPoolHashMatches: true,
        employersReproduced: true,
        inspectorsReproduced: true,
      });
    });

    it('verification notices a tampered draw', async () => {
      const item = plan.items[0];
      await t.dataSource.query(`UPDATE inspection_plan_items SET inspector_ids = $2 WHERE id = $1`, [
        item.id,
        [...item.inspectorIds].reverse(),
      ]);
      const verify = await t.http().get(`/api/v1/public/inspection-plans/${plan.id}/verify`);
      expect(verify.body).toMatchObject({ employersReproduced: true, inspectorsReproduced: false });
      await t.dataSource.query(`UPDATE inspection_plan_items SET inspector_ids = $2 WHERE id = $1`, [
        item.id,
        item.inspectorIds,
      ]);
    });

    it('records the result of a check (assigned inspector, once) and publishes it', async () => {
      const item = plan.items.find((i) =>
        Object.values(inspectors).some((x) => i.inspectorIds.includes(x.id)),
      )!;
      const assigned = Object.entries(inspectors).find(([, x]) => item.inspectorIds.includes(x.id))![0];
      const stranger = Object.entries(inspectors).find(
        ([, x]) =>
          x.active && !item.inspectorIds.includes(x.id) && x.scope.some((s) => item.streetCode.startsWith(s)),
      );
      const post = async (user: string, body: Record<string, unknown>) =>
        t
          .http()
          .post(`/api/v1/inspection/plans/${plan.id}/items/${item.id}/result`)
          .set(await auth(user))
          .send(body);
      if (stranger)
        expect(
          (await post(`plan-${stranger[0]}`, { result: 'NO_VIOLATION', resultOn: '2026-11-20' })).status,
        ).toBe(403);
      expect((await post(`plan-${assigned}`, { result: 'MAYBE', resultOn: '2026-11-20' })).status).toBe(400);
      expect(
        (await post(`plan-${assigned}`, { result: 'NO_VIOLATION', resultOn: '2099-01-01' })).status,
      ).toBe(400);
      const ok = await post(`plan-${assigned}`, {
        result: 'VIOLATION_FOUND',
        resultOn: '2026-11-20',
        note: '未按时足额支付工资，已责令改正',
      });
      expect(ok.status).toBe(200);
      // The finding opened a planned inspection case, under investigation from the result's date, with the two
      // drawn inspectors.
      const caseId = (ok.body as PlanView).items.find((i) => i.id === item.id)!.caseId;
      expect(caseId).toEqual(expect.any(String));
      const [opened] = await t.dataSource.query(
        `SELECT source, plan_id, employer_id, status, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on,
                assigned_inspector_ids FROM inspection_cases WHERE id = $1`,
        [caseId],
      );
      expect(opened).toEqual({
        source: 'PLAN',
        plan_id: plan.id,
        employer_id: item.employerId,
        status: 'INVESTIGATING',
        accepted_on: '2026-11-20',
        assigned_inspector_ids: item.inspectorIds,
      });
      expect(
        (await post(`plan-${assigned}`, { result: 'NO_VIOLATION', resultOn: '2026-11-21' })).status,
      ).toBe(409);
      const pub = await t.http().get(`/api/v1/public/inspection-plans/${plan.id}`);
      expect(pub.body.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({
        result: 'VIOLATION_FOUND',
        resultOn: '2026-11-20',
      });
      // a draft plan takes no results
      const draft = await createPlan({ count: 1, filters: { streets: [LUJIAZUI] } });
      const d = draft.body as PlanView;
      const onDraft = await t
        .http()
        .post(`/api/v1/inspection/plans/${d.id}/items/${d.items[0].id}/result`)
        .set(await auth('supervisor'))
        .send({ result: 'NO_VIOLATION', resultOn: '2026-11-20' });
      expect(onDraft.status).toBe(409);
      // A result is an inspection act: not the operators' account (a violation found would open a case).
      const byAdmin = await t
        .http()
        .post(`/api/v1/inspection/plans/${d.id}/items/${d.items[0].id}/result`)
        .set(await auth('admin'))
        .send({ result: 'NO_VIOLATION', resultOn: '2026-11-20' });
      expect(byAdmin.status).toBe(403);
    });

    it('the public endpoints are rate-limited', async () => {
      const codes: number[] = [];
      for (let k = 0; k < 12; k++)
        codes.push((await t.http().get(`/api/v1/public/inspection-plans/${plan.id}/verify`)).status);
      expect(codes).toContain(429);
      expect((await t.http().get(`/api/v1/public/inspection-plans/${newId()}`)).status).toBe(404);
    });
  });
});

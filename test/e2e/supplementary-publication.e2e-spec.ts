import { randomUUID } from 'node:crypto';
import { addDays, todayInShanghai, yearOf } from '../../src/calendar/local-date';
import { startTestApp, type TestApp } from '../support/test-app';

/** 14.9: a major violation recorded after its quarter was published reaches the public list in a later batch. */
describe('supplementary publication of major violations (人社部令第29号 第八条: 可随时公布)', () => {
  let t: TestApp;
  const auth = async (user: string) => ({ authorization: `Bearer ${await t.token(user)}` });
  const today = todayInShanghai();
  // The last finished quarter.
  const thisQuarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const year = thisQuarter === 1 ? yearOf(today) - 1 : yearOf(today);
  const quarter = thisQuarter === 1 ? 4 : thisQuarter - 1;
  const firstDay = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const employer = async (name: string) => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO employers (id, name, name_normalised, address, source) VALUES ($1, $2, $2, '浦东新区张杨路500号', 'REGISTER')`,
      [id, name],
    );
    return id;
  };
  const major = async (employerId: string, foundOn: string, facts: string) => {
    const res = await t
      .http()
      .post(`/api/v1/compliance/employers/${employerId}/violations`)
      .set(await auth('inspector'))
      .send({ jurisdictionCode: '310115005', kinds: ['WAGE_ARREARS'], facts, foundOn, major: true });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const publish = async (body: Record<string, unknown>) =>
    t
      .http()
      .post('/api/v1/compliance/publications')
      .set(await auth('supervisor'))
      .send({ year, quarter, ...body });

  it('a violation recorded after the quarter was published goes out in a supplementary batch, marked with its own date', async () => {
    // Before the regular publication, a supplementary one has nothing to follow.
    const tooEarly = await publish({ supplementary: true });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body).toMatchObject({ code: 'QUARTER_NOT_PUBLISHED', details: { allowed: ['PUBLISH'] } });

    const first = await major(
      await employer('浦东补充公布测试甲公司'),
      addDays(firstDay, 5),
      '拖欠工资（按期公布）',
    );
    const regular = await publish({});
    expect(regular.status).toBe(201);
    expect(regular.body).toMatchObject({ supplementary: false, items: 1 });
    // The regular batch went out some days ago.
    const regularOn = addDays(today, -20);
    await t.dataSource.query(`UPDATE violation_publications SET published_on = $2 WHERE id = $1`, [
      regular.body.id,
      regularOn,
    ]);

    // Recorded late: found in the quarter, entered after it was published.
    const late = await major(
      await employer('浦东补充公布测试乙公司'),
      addDays(firstDay, 40),
      '拖欠工资（补充公布）',
    );
    const again = await publish({});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'ALREADY_PUBLISHED',
      details: { allowed: ['PUBLISH_SUPPLEMENTARY'] },
    });
    const inspector = await t
      .http()
      .post('/api/v1/compliance/publications')
      .set(await auth('inspector'))
      .send({ year, quarter, supplementary: true });
    expect(inspector.status).toBe(403);

    const supplementary = await publish({ supplementary: true });
    expect(supplementary.status).toBe(201);
    expect(supplementary.body).toMatchObject({
      jurisdictionCode: '310115',
      year,
      quarter,
      supplementary: true,
      publishedOn: today,
      items: 1,
    });
    // Nothing left to publish: no empty batch.
    const empty = await publish({ supplementary: true });
    expect(empty.status).toBe(409);
    expect(empty.body.code).toBe('NOTHING_TO_PUBLISH');
    const [{ batches }] = await t.dataSource.query<{ batches: number }[]>(
      `SELECT count(*)::int AS batches FROM violation_publications WHERE year = $1 AND quarter = $2`,
      [year, quarter],
    );
    expect(batches).toBe(2);

    const res = await t.http().get('/api/v1/public/violations').query({ year, quarter, limit: 100 });
    expect(res.status).toBe(200);
    const byFacts = Object.fromEntries(
      (res.body.items as { facts: string; publishedOn: string; supplementary: boolean }[]).map((i) => [
        i.facts,
        { publishedOn: i.publishedOn, supplementary: i.supplementary },
      ]),
    );
    expect(byFacts).toEqual({
      '拖欠工资（按期公布）': { publishedOn: regularOn, supplementary: false },
      '拖欠工资（补充公布）': { publishedOn: today, supplementary: true },
    });
    // Each violation is published once, in the batch that carried it.
    const published = await t.dataSource.query<{ violation_id: string; publication_id: string }[]>(
      `SELECT violation_id, publication_id FROM violation_publication_items WHERE violation_id = ANY($1::uuid[])`,
      [[first, late]],
    );
    expect(Object.fromEntries(published.map((p) => [p.violation_id, p.publication_id]))).toEqual({
      [first]: regular.body.id,
      [late]: supplementary.body.id,
    });
  });
});

import { DataSource } from 'typeorm';
import { PgThrottlerStorage } from '../../src/common/throttling/pg-throttler-storage';
import { startTestApp, type TestApp } from '../support/test-app';

/** 15.7: rate limits are counted in PostgreSQL, so every API replica shares them. */
describe('shared rate limits', () => {
  let t: TestApp;
  let other: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    // A second process's connection to the same database (another replica).
    other = await new DataSource({ type: 'postgres', url: t.databaseUrl }).initialize();
  });
  afterAll(async () => {
    await other.destroy();
    await t.close();
  });

  it('two replicas count against one limit; the hit past it blocks for the block duration, then a new window', async () => {
    const a = t.app.get(PgThrottlerStorage);
    const b = new PgThrottlerStorage(other);
    const hit = (s: PgThrottlerStorage) => s.increment('client-1', 60_000, 3, 2_000, 'test');
    expect(await hit(a)).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await hit(b)).toMatchObject({ totalHits: 2, isBlocked: false });
    expect(await hit(a)).toMatchObject({ totalHits: 3, isBlocked: false });
    const blocked = await hit(b);
    expect(blocked).toMatchObject({ isBlocked: true, timeToBlockExpire: 2 });
    expect((await hit(a)).isBlocked).toBe(true);
    // Another key and another throttler name are counted apart.
    expect(await b.increment('client-2', 60_000, 3, 2_000, 'test')).toMatchObject({ totalHits: 1 });
    expect(await b.increment('client-1', 60_000, 3, 2_000, 'other')).toMatchObject({ totalHits: 1 });
    await new Promise((r) => setTimeout(r, 2_100));
    expect(await hit(b)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('concurrent hits from both replicas are each counted once', async () => {
    const a = t.app.get(PgThrottlerStorage);
    const b = new PgThrottlerStorage(other);
    const all = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).increment('burst', 60_000, 1_000, 60_000, 'test')),
    );
    expect(all.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  it('a route limit seen through HTTP: 429 in the error shape with Retry-After, counted in the shared table', async () => {
    let res = await t.http().get('/api/v1/public/blacklist');
    for (let i = 0; i < 80 && res.status !== 429; i++) res = await t.http().get('/api/v1/public/blacklist');
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({
      statusCode: 429,
      code: expect.any(String),
      message: expect.any(String),
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const [{ n }] = await other.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM rate_limit_hits WHERE blocked_until > clock_timestamp()`,
    );
    expect(n).toBeGreaterThan(0);
  });

  it('purges counters whose window and block are over', async () => {
    const a = t.app.get(PgThrottlerStorage);
    await a.increment('short', 10, 5, 10, 'test');
    await new Promise((r) => setTimeout(r, 50));
    expect(await a.purge()).toBeGreaterThan(0);
    const [{ n }] = await other.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM rate_limit_hits WHERE key = 'test:short'`,
    );
    expect(n).toBe(0);
  });
});

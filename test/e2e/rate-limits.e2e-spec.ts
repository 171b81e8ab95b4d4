import { DataSource } from 'typeorm';
import { BATCHED_LIMIT, FLUSH_EVERY_MS } from '../../src/common/throttling/counted-here';
import { PgThrottlerStorage } from '../../src/common/throttling/pg-throttler-storage';
import { statementsDuring } from '../support/statements';
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

  it('concurrent hits from both replicas are each counted once (a strict limit: hit by hit)', async () => {
    const a = t.app.get(PgThrottlerStorage);
    const b = new PgThrottlerStorage(other);
    const all = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).increment('burst', 60_000, BATCHED_LIMIT - 1, 60_000, 'test'),
      ),
    );
    expect(all.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  const shared = async (key: string) =>
    (
      await other.query<{ hits: number; blocked: boolean }[]>(
        `SELECT hits, coalesce(blocked_until > clock_timestamp(), false) AS blocked FROM rate_limit_hits WHERE key = $1`,
        [`test:${key}`],
      )
    )[0];

  it('a high limit: hits counted in each replica reach the shared table together within a flush, none lost', async () => {
    const a = t.app.get(PgThrottlerStorage);
    const b = new PgThrottlerStorage(other);
    const hits = await statementsDuring(
      () =>
        Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            (i % 2 ? a : b).increment('batched', 60_000, 600, 60_000, 'test'),
          ),
        ),
      { rateLimitFlushes: true },
    );
    // Each replica's own count, with no statement per hit.
    expect(hits.result.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => [i + 1, i + 1]).flat(),
    );
    expect(hits.statements.filter((s) => s.sql.includes('rate_limit_hits'))).toEqual([]);
    await new Promise((r) => setTimeout(r, FLUSH_EVERY_MS + 100));
    expect(await shared('batched')).toEqual({ hits: 40, blocked: false });
    // A replica learns the others' hits with its next exchange with the table (whichever flushed first knew less).
    expect((await a.increment('batched', 60_000, 600, 60_000, 'test')).totalHits).toBeGreaterThanOrEqual(21);
    await a.flush();
    expect((await a.increment('batched', 60_000, 600, 60_000, 'test')).totalHits).toBe(42);
    await a.flush();
    expect(await shared('batched')).toEqual({ hits: 42, blocked: false });
  });

  it('a high limit, one replica: the hit past the limit is blocked exactly; a block made elsewhere is seen within a flush', async () => {
    const a = t.app.get(PgThrottlerStorage);
    const answers: boolean[] = [];
    for (let i = 0; i < 110; i++)
      answers.push((await a.increment('exact', 60_000, BATCHED_LIMIT, 60_000, 'test')).isBlocked);
    expect(answers.indexOf(true)).toBe(BATCHED_LIMIT);
    expect(answers.slice(BATCHED_LIMIT).every(Boolean)).toBe(true);
    expect(await shared('exact')).toEqual({ hits: BATCHED_LIMIT + 1, blocked: true });

    const b = new PgThrottlerStorage(other);
    expect((await a.increment('elsewhere', 60_000, 600, 60_000, 'test')).isBlocked).toBe(false);
    await a.flush();
    await other.query(
      `UPDATE rate_limit_hits SET hits = 601, blocked_until = clock_timestamp() + interval '1 minute' WHERE key = 'test:elsewhere'`,
    );
    // Until its next flush the replica counts on what it knew; the flush brings the block back.
    expect((await a.increment('elsewhere', 60_000, 600, 60_000, 'test')).isBlocked).toBe(false);
    await a.flush();
    expect(await a.increment('elsewhere', 60_000, 600, 60_000, 'test')).toMatchObject({
      isBlocked: true,
      timeToBlockExpire: 60,
    });
    // A replica that had not heard of the key counts it as new until its own flush: at most a flush's hits pass.
    expect((await b.increment('elsewhere', 60_000, 600, 60_000, 'test')).isBlocked).toBe(false);
    await b.flush();
    expect((await b.increment('elsewhere', 60_000, 600, 60_000, 'test')).isBlocked).toBe(true);
    expect(await shared('elsewhere')).toEqual({ hits: 601, blocked: true });
  });

  it('past 50,000 keys it forgets the longest known, and still counts new keys in the process', async () => {
    const b = new PgThrottlerStorage(other);
    const known = (b as unknown as { known: { size: number; peek(k: string): unknown } }).known;
    for (let i = 0; i < 50_000; i++) await b.increment(`many-${i}`, 60_000, 600, 60_000, 'test');
    expect(known.size).toBe(50_000);
    await b.flush();
    // Seen again: kept, while the others known as long are forgotten.
    expect(await b.increment('many-10', 60_000, 600, 60_000, 'test')).toMatchObject({ totalHits: 2 });
    await b.flush();
    const next = await statementsDuring(() => b.increment('many-last', 60_000, 600, 60_000, 'test'), {
      rateLimitFlushes: true,
    });
    expect(next.result).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(next.statements).toEqual([]);
    expect(known.size).toBeLessThanOrEqual(50_000);
    expect(known.peek('test:many-0')).toBeUndefined();
    expect(known.peek('test:many-10')).toMatchObject({ hits: 2 });
    expect(known.peek('test:many-49999')).toMatchObject({ hits: 1 });
    expect(known.peek('test:many-last')).toMatchObject({ pending: 1 });
    await b.flush();
    expect(await shared('many-last')).toEqual({ hits: 1, blocked: false });
    expect(await shared('many-10')).toEqual({ hits: 2, blocked: false });
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

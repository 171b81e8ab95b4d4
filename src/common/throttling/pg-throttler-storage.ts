import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { prepared } from '../../database/prepared-statements';
import {
  afterAnswer,
  BATCHED_LIMIT,
  blockedHere,
  countsHere,
  FLUSH_EVERY_MS,
  freshCounter,
  spent,
  type KnownCounter,
  type Limit,
  type SharedAnswer,
} from './counted-here';

/** What the throttler guard needs back for one hit (seconds, as @nestjs/throttler's own storage answers). */
export interface ThrottleRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/** How often expired counters are deleted from the shared table (ms). */
const PURGE_EVERY_MS = 5 * 60_000;

/**
 * Hits of keys of one limit: each key's counter upserted with its number of hits ($2), in key order (two replicas
 * flushing the same keys never wait for each other in a cycle); the class comment says how it counts.
 */
const INCREMENT = prepared(
  `INSERT INTO rate_limit_hits AS r (key, hits, window_ends, blocked_until)
       SELECT h.key, h.n, clock_timestamp() + $3 * interval '1 millisecond',
              CASE WHEN h.n > $4 THEN clock_timestamp() + $5 * interval '1 millisecond' END
         FROM unnest($1::text[], $2::int[]) AS h(key, n)
        ORDER BY h.key
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.blocked_until > clock_timestamp() THEN r.hits
                     WHEN r.blocked_until IS NOT NULL OR r.window_ends <= clock_timestamp() THEN EXCLUDED.hits
                     ELSE r.hits + EXCLUDED.hits END,
         window_ends = CASE WHEN r.blocked_until > clock_timestamp() THEN r.window_ends
                            WHEN r.blocked_until IS NOT NULL OR r.window_ends <= clock_timestamp()
                              THEN EXCLUDED.window_ends
                            ELSE r.window_ends END,
         blocked_until = CASE WHEN r.blocked_until > clock_timestamp() THEN r.blocked_until
                              WHEN r.blocked_until IS NOT NULL OR r.window_ends <= clock_timestamp()
                                THEN EXCLUDED.blocked_until
                              WHEN r.hits + EXCLUDED.hits > $4 THEN clock_timestamp() + $5 * interval '1 millisecond'
                              ELSE NULL END
       RETURNING r.key, r.hits,
                 (extract(epoch FROM r.window_ends - clock_timestamp()) * 1000)::float8 AS expire_ms,
                 (extract(epoch FROM r.blocked_until - clock_timestamp()) * 1000)::float8 AS block_ms`,
);

/**
 * At most this many keys known to this process (a few hundred bytes each), in two generations: when the newer holds
 * half, the older is forgotten (but its keys with hits pending) and the newer becomes the older. A key seen again is
 * moved to the newer; a forgotten key that comes back counts as a new one (within the flush bound of
 * counted-here.ts).
 */
const MAX_KNOWN = 50_000;

interface Known extends KnownCounter {
  limit: Limit;
  /** the number of the last exchange whose answer was applied (an older answer arriving later is ignored) */
  applied: number;
}

/**
 * Rate-limit counters in PostgreSQL (an UNLOGGED table: losing them in a crash only resets the windows), so every API
 * replica counts against the same limit — the in-memory default multiplies it by the number of processes. A fixed
 * window of `ttl` ms; the hit that passes `limit` blocks the key for `blockDuration` ms, during which hits are not
 * counted; after the block a new window starts. Strict limits and keys near their limit are one atomic upsert a hit;
 * a key far below a limit of BATCHED_LIMIT or more is counted in this process and sent with the others every
 * FLUSH_EVERY_MS, one statement for them all (counted-here.ts says what that allows: issue 17, the per-hit upsert was
 * one of the four statements of a list page).
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage, OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly known = new KnownKeys();
  /** the keys with hits pending */
  private readonly dirty = new Set<string>();
  private exchanges = 0;

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.purge().catch(() => undefined), PURGE_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.flushTimer);
    await this.flush().catch(() => undefined);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottleRecord> {
    const k = `${throttlerName}:${key}`;
    const l = { ttl, limit, blockDuration: Math.max(blockDuration, 1) };
    const now = Date.now();
    let c = this.known.get(k);
    if (blockedHere(c, now)) return record(c!, now);
    // Its window and block over, nothing pending: the shared table would start a new window too.
    if (c && spent(c, now)) {
      this.known.delete(k);
      c = undefined;
    }
    if (!c && limit >= BATCHED_LIMIT) {
      c = { ...freshCounter(now, l), limit: l, applied: 0 };
      this.known.set(k, c);
    }
    if (c && countsHere(c, now, l)) {
      c.pending++;
      this.dirty.add(k);
      if (!this.flushTimer) {
        this.flushTimer = setTimeout(() => void this.flush().catch(() => undefined), FLUSH_EVERY_MS);
        this.flushTimer.unref();
      }
      return record(c, now);
    }
    // Hit by hit: this one, with the hits counted here for the key so far.
    const n = 1 + (c?.pending ?? 0);
    if (c) c.pending = 0;
    try {
      const [a] = await this.exchange(l, [k], [n]);
      if (!c)
        return record(afterAnswer({ hits: 0, pending: 0, windowEnds: 0, blockedUntil: 0 }, a, now), now);
      return record(c, Date.now());
    } catch (e) {
      if (c && n > 1) c.pending += n - 1;
      if (c && c.pending > 0) this.dirty.add(k);
      throw e;
    }
  }

  /** Sends the hits counted here, one statement for the keys of each limit. */
  async flush(): Promise<void> {
    this.flushTimer = undefined;
    const byLimit = new Map<string, { l: Limit; keys: string[]; ns: number[]; counters: Known[] }>();
    for (const k of this.dirty) {
      const c = this.known.peek(k);
      if (!c || c.pending === 0) continue;
      const id = `${c.limit.ttl}:${c.limit.limit}:${c.limit.blockDuration}`;
      const g = byLimit.get(id) ?? { l: c.limit, keys: [], ns: [], counters: [] };
      byLimit.set(id, g);
      g.keys.push(k);
      g.ns.push(c.pending);
      g.counters.push(c);
      c.pending = 0;
    }
    this.dirty.clear();
    for (const g of byLimit.values())
      try {
        await this.exchange(g.l, g.keys, g.ns);
      } catch (e) {
        // Counted again with the next hit or flush.
        g.counters.forEach((c, i) => (c.pending += g.ns[i]));
        g.keys.forEach((k) => this.dirty.add(k));
        throw e;
      }
  }

  /** One statement: the hits of `keys` under limit `l`; the answers update what this process knows of them. */
  private async exchange(l: Limit, keys: string[], ns: number[]): Promise<SharedAnswer[]> {
    const exchange = ++this.exchanges;
    const rows = await this.dataSource.query<
      { key: string; hits: number; expire_ms: number; block_ms: number | null }[]
    >(INCREMENT, [keys, ns, l.ttl, l.limit, l.blockDuration]);
    const now = Date.now();
    const byKey = new Map(
      rows.map((r) => [r.key, { hits: r.hits, expireMs: r.expire_ms, blockMs: r.block_ms }]),
    );
    for (const k of keys) {
      const c = this.known.peek(k);
      const a = byKey.get(k)!;
      if (c && exchange > c.applied) Object.assign(c, afterAnswer(c, a, now), { applied: exchange });
    }
    return keys.map((k) => byKey.get(k)!);
  }

  /** Deletes counters whose window and block are over. */
  async purge(): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM rate_limit_hits
        WHERE window_ends < clock_timestamp() AND (blocked_until IS NULL OR blocked_until < clock_timestamp())`,
    );
    return count;
  }
}

/** The guard's record of a key as this process knows it (seconds, as @nestjs/throttler's own storage answers). */
function record(c: KnownCounter, now: number): ThrottleRecord {
  const blocked = c.blockedUntil > now;
  return {
    totalHits: c.hits + c.pending,
    timeToExpire: Math.max(0, Math.ceil((c.windowEnds - now) / 1000)),
    isBlocked: blocked,
    timeToBlockExpire: blocked ? Math.ceil((c.blockedUntil - now) / 1000) : 0,
  };
}

/** The keys this process knows, in two generations of at most MAX_KNOWN / 2 each (see MAX_KNOWN). */
class KnownKeys {
  private newer = new Map<string, Known>();
  private older = new Map<string, Known>();

  get size(): number {
    return this.newer.size + this.older.size;
  }

  /** The key's counter, moved to the newer generation. */
  get(k: string): Known | undefined {
    const c = this.newer.get(k);
    if (c) return c;
    const old = this.older.get(k);
    if (old) {
      this.older.delete(k);
      this.put(k, old);
    }
    return old;
  }

  /** The key's counter where it is. */
  peek(k: string): Known | undefined {
    return this.newer.get(k) ?? this.older.get(k);
  }

  set(k: string, c: Known): void {
    this.older.delete(k);
    this.put(k, c);
  }

  delete(k: string): void {
    this.newer.delete(k);
    this.older.delete(k);
  }

  private put(k: string, c: Known): void {
    if (this.newer.size >= MAX_KNOWN / 2) {
      const kept = this.older;
      this.older = this.newer;
      this.newer = new Map();
      for (const [key, counter] of kept) if (counter.pending > 0) this.newer.set(key, counter);
    }
    this.newer.set(k, c);
  }
}

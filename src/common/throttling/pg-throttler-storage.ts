import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { prepared } from '../../database/prepared-statements';

/** What the throttler guard needs back for one hit (seconds, as @nestjs/throttler's own storage answers). */
export interface ThrottleRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/** How often expired counters are deleted (ms). */
const PURGE_EVERY_MS = 5 * 60_000;

/** One hit: the counter's upsert (the class comment says how it counts). */
const INCREMENT = prepared(
  `INSERT INTO rate_limit_hits AS r (key, hits, window_ends, blocked_until)
       VALUES ($1, 1, clock_timestamp() + $2 * interval '1 millisecond',
               CASE WHEN 1 > $3 THEN clock_timestamp() + $4 * interval '1 millisecond' END)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.blocked_until > clock_timestamp() THEN r.hits
                     WHEN r.blocked_until IS NOT NULL OR r.window_ends <= clock_timestamp() THEN 1
                     ELSE r.hits + 1 END,
         window_ends = CASE WHEN r.blocked_until > clock_timestamp() THEN r.window_ends
                            WHEN r.blocked_until IS NOT NULL OR r.window_ends <= clock_timestamp()
                              THEN clock_timestamp() + $2 * interval '1 millisecond'
                            ELSE r.window_ends END,
         blocked_until = CASE WHEN r.blocked_until > clock_timestamp() THEN r.blocked_until
                              WHEN r.blocked_until IS NULL AND r.window_ends > clock_timestamp() AND r.hits + 1 > $3
                                THEN clock_timestamp() + $4 * interval '1 millisecond'
                              ELSE NULL END
       RETURNING r.hits,
                 (extract(epoch FROM r.window_ends - clock_timestamp()) * 1000)::float8 AS expire_ms,
                 (extract(epoch FROM r.blocked_until - clock_timestamp()) * 1000)::float8 AS block_ms`,
);

/**
 * Rate-limit counters in PostgreSQL (an UNLOGGED table: losing them in a crash only resets the windows), so every API
 * replica counts against the same limit — the in-memory default multiplies it by the number of processes. One atomic
 * upsert per hit: a fixed window of `ttl` ms; the hit that passes `limit` blocks the key for `blockDuration` ms, during
 * which hits are not counted; after the block a new window starts.
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage, OnModuleInit, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.purge().catch(() => undefined), PURGE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottleRecord> {
    const [r] = await this.dataSource.query<{ hits: number; expire_ms: number; block_ms: number | null }[]>(
      INCREMENT,
      [`${throttlerName}:${key}`, ttl, limit, Math.max(blockDuration, 1)],
    );
    const blocked = r.block_ms !== null && r.block_ms > 0;
    return {
      totalHits: r.hits,
      timeToExpire: Math.max(0, Math.ceil(r.expire_ms / 1000)),
      isBlocked: blocked,
      timeToBlockExpire: blocked ? Math.ceil(r.block_ms! / 1000) : 0,
    };
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

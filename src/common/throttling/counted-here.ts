/**
 * Which hits of a rate limit this API process may count itself before it tells the shared table
 * (pg-throttler-storage.ts), as data and pure functions. A limit of BATCHED_LIMIT hits a window or more (the
 * default 600 a minute per client address) is counted here while a key is far from it, and the counts go to the
 * shared table together every FLUSH_EVERY_MS; the strict limits (sign-in, SMS codes, the public pages: 10 to 60 a
 * minute) and every key near its limit go hit by hit, as before. So a process on its own blocks the hit past the
 * limit exactly (of a key it still knows: the storage forgets the longest known of too many), and beyond a limit
 * several replicas together, or a process that forgot or never saw the key, let through at most the hits counted in
 * one FLUSH_EVERY_MS before the shared table's answer says the key is blocked.
 */

/** Limits of this many hits a window or more are counted here between flushes. */
export const BATCHED_LIMIT = 100;
/** How long hits counted here wait for the shared table, at most (ms). */
export const FLUSH_EVERY_MS = 100;
/** A key is counted here while what this process knows of it stays within this share of its limit. */
export const LOCAL_SHARE = 0.5;

/** One limit of @nestjs/throttler (ms and hits). */
export interface Limit {
  ttl: number;
  limit: number;
  blockDuration: number;
}

/** What this process knows of one key's shared counter (this process's clock, ms), and the hits it counted since. */
export interface KnownCounter {
  /** the shared count at the last answer */
  hits: number;
  /** hits counted here since, not sent yet */
  pending: number;
  windowEnds: number;
  /** 0 when not blocked */
  blockedUntil: number;
}

/** What the shared table answered for a key: its count, and the time left of its window and of its block (ms). */
export interface SharedAnswer {
  hits: number;
  expireMs: number;
  blockMs: number | null;
}

/** A key this process has not heard of: a new window, as the shared table would start it. */
export function freshCounter(now: number, l: Limit): KnownCounter {
  return { hits: 0, pending: 0, windowEnds: now + l.ttl, blockedUntil: 0 };
}

/** Whether the key is blocked as far as this process knows. */
export function blockedHere(c: KnownCounter | undefined, now: number): boolean {
  return c !== undefined && c.blockedUntil > now;
}

/**
 * Whether the next hit of the key may be counted here: a batched limit, the window known and not ending before the
 * next flush, and the hits known with this one within LOCAL_SHARE of the limit.
 */
export function countsHere(c: KnownCounter, now: number, l: Limit): boolean {
  return (
    l.limit >= BATCHED_LIMIT &&
    c.blockedUntil <= now &&
    c.windowEnds - now > FLUSH_EVERY_MS &&
    c.hits + c.pending + 1 <= l.limit * LOCAL_SHARE
  );
}

/** The counter after the shared table's answer (the hits counted here meanwhile still pending). */
export function afterAnswer(c: KnownCounter, a: SharedAnswer, now: number): KnownCounter {
  return {
    hits: a.hits,
    pending: c.pending,
    windowEnds: now + Math.max(0, a.expireMs),
    blockedUntil: a.blockMs !== null && a.blockMs > 0 ? now + a.blockMs : 0,
  };
}

/** Whether a counter can be forgotten: nothing pending, its window and block over. */
export function spent(c: KnownCounter, now: number): boolean {
  return c.pending === 0 && c.windowEnds <= now && c.blockedUntil <= now;
}

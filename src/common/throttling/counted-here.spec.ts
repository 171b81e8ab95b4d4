import fc from 'fast-check';
import {
  afterAnswer,
  BATCHED_LIMIT,
  blockedHere,
  countsHere,
  FLUSH_EVERY_MS,
  freshCounter,
  LOCAL_SHARE,
  spent,
  type KnownCounter,
  type Limit,
} from './counted-here';

/** The shared table within one window (pg-throttler-storage.ts INCREMENT): hits added; past the limit, blocked. */
class SharedCounter {
  hits = 0;
  blocked = false;
  add(n: number, l: Limit): { hits: number; expireMs: number; blockMs: number | null } {
    if (!this.blocked) {
      this.hits += n;
      if (this.hits > l.limit) this.blocked = true;
    }
    return { hits: this.hits, expireMs: l.ttl, blockMs: this.blocked ? l.blockDuration : null };
  }
}

/** One process as the storage runs it (a window that does not end): each step a hit, or a flush. */
function run(l: Limit, steps: ('hit' | 'flush')[], shared = new SharedCounter()) {
  let c: KnownCounter = freshCounter(0, l);
  const answers: boolean[] = [];
  for (const step of steps) {
    if (step === 'flush') {
      if (c.pending > 0) {
        const n = c.pending;
        c = { ...c, pending: 0 };
        c = afterAnswer(c, shared.add(n, l), 0);
      }
      continue;
    }
    if (blockedHere(c, 0)) answers.push(false);
    else if (countsHere(c, 0, l)) {
      c = { ...c, pending: c.pending + 1 };
      answers.push(true);
    } else {
      const n = c.pending + 1;
      c = afterAnswer({ ...c, pending: 0 }, shared.add(n, l), 0);
      answers.push(!blockedHere(c, 0));
    }
  }
  return { answers, shared, c };
}

const limits = fc.record({
  ttl: fc.integer({ min: 10 * FLUSH_EVERY_MS, max: 3_600_000 }),
  limit: fc.integer({ min: 1, max: 400 }),
  blockDuration: fc.integer({ min: 1, max: 3_600_000 }),
});

describe('rate-limit hits counted here (counted-here.ts)', () => {
  it('a limit below BATCHED_LIMIT is never counted here: every hit goes to the shared table', () => {
    fc.assert(
      fc.property(limits, fc.nat({ max: 1_000 }), (l, hits) => {
        const strict = { ...l, limit: Math.min(l.limit, BATCHED_LIMIT - 1) };
        return !countsHere({ hits, pending: 0, windowEnds: l.ttl, blockedUntil: 0 }, 0, strict);
      }),
    );
  });

  it('one process alone lets exactly the limit through, whenever it flushes', () => {
    fc.assert(
      fc.property(
        limits,
        fc.array(fc.constantFrom<'hit' | 'flush'>('hit', 'hit', 'hit', 'flush'), { maxLength: 900 }),
        (l, steps) => {
          const { answers, shared } = run(l, steps);
          const hits = answers.length;
          const passed = answers.filter(Boolean).length;
          // Every hit past the limit refused, the first `limit` let through, and the shared count all hits up to the block.
          return (
            passed === Math.min(hits, l.limit) &&
            answers.slice(0, l.limit).every(Boolean) &&
            shared.hits <= hits
          );
        },
      ),
    );
  });

  it('counts here only within LOCAL_SHARE of the limit, in a known window not ending before the next flush', () => {
    fc.assert(
      fc.property(
        limits,
        fc.nat({ max: 500 }),
        fc.nat({ max: 500 }),
        fc.integer({ min: -1000, max: 10_000 }),
        (l, hits, pending, left) => {
          const c = { hits, pending, windowEnds: left, blockedUntil: 0 };
          if (!countsHere(c, 0, l)) return true;
          return (
            l.limit >= BATCHED_LIMIT && hits + pending + 1 <= l.limit * LOCAL_SHARE && left > FLUSH_EVERY_MS
          );
        },
      ),
    );
  });

  it('an answer keeps the hits counted meanwhile, and a block ends when its time is over', () => {
    const l = { ttl: 60_000, limit: 600, blockDuration: 5_000 };
    const c = afterAnswer(
      { hits: 3, pending: 7, windowEnds: 1, blockedUntil: 0 },
      { hits: 601, expireMs: 30_000, blockMs: 5_000 },
      1_000,
    );
    expect(c).toEqual({ hits: 601, pending: 7, windowEnds: 31_000, blockedUntil: 6_000 });
    expect(blockedHere(c, 5_999)).toBe(true);
    expect(blockedHere(c, 6_000)).toBe(false);
    expect(countsHere(c, 2_000, l)).toBe(false);
    expect(spent({ ...c, pending: 0 }, 31_000)).toBe(true);
    expect(spent(c, 31_000)).toBe(false);
    expect(spent({ ...c, pending: 0 }, 30_999)).toBe(false);
  });
});

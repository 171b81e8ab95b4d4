import type { EntityManager } from 'typeorm';
import { nextFromYearlySequence, takeFromYearlySequence } from '../database/yearly-sequence';

/**
 * Tracking numbers come from one PostgreSQL sequence per prefix and year (`tracking_seq_ts_2026`,
 * `database/yearly-sequence.ts`): `nextval` takes no row lock, so concurrent intakes never wait for each other's
 * commit (issue 17: the old `tracking_counters` row was locked from the 7th statement of the intake to its commit,
 * serialising every intake). A number taken by an intake that then fails is not reused, so the numbers have gaps —
 * the tracking number is an identifier, not a count (docs/architecture.md). The first intake of a year creates
 * that year's sequence, starting after the year's `tracking_counters` value (numbers handed out before the
 * sequences existed).
 */
export function trackingSequenceName(prefix: string, year: number): string {
  if (!/^[A-Z]{2}$/.test(prefix) || !Number.isInteger(year) || year < 2000 || year > 9999)
    throw new Error(`bad tracking sequence ${prefix} ${year}`);
  return `tracking_seq_${prefix.toLowerCase()}_${year}`;
}

export function nextTrackingNumber(em: EntityManager, prefix: string, year: number): Promise<number> {
  return nextFromYearlySequence(em, trackingSequenceName(prefix, year), () =>
    counterLastValue(em, prefix, year),
  );
}

/** The last number the year's `tracking_counters` row handed out before the sequences existed (0 if none). */
async function counterLastValue(em: EntityManager, prefix: string, year: number): Promise<number> {
  const [counter] = await em.query<{ last_value: number }[]>(
    `SELECT last_value FROM tracking_counters WHERE prefix = $1 AND year = $2`,
    [prefix, year],
  );
  return counter?.last_value ?? 0;
}

/** How many numbers an API process draws from a year's sequence at once (`TrackingBlocks`). */
export const TRACKING_BLOCK = 32;

/**
 * The process's tracking numbers: drawn from the year's sequence `TRACKING_BLOCK` at a time, in one statement, and
 * handed out from memory, so that an intake takes no round trip for its number but one in 32 (issue 17.1).
 *
 * - Numbers the process drew but had not handed out when it stops are never used: a restart leaves a gap of at
 *   most `TRACKING_BLOCK - 1` numbers (docs/architecture.md, "Tracking numbers").
 * - Within a process they are handed out in order; two processes hand out numbers of their own blocks, so across
 *   processes a year's numbers are not in the order of filing.
 * - One draw at a time per year: intakes that find the numbers used up while a draw is under way wait for it (a
 *   `nextval` statement, no lock), and draw themselves if it fails.
 * - The draw that creates the year's sequence yields one number only (yearly-sequence.ts), so no number kept here
 *   comes from a sequence whose creation could still roll back.
 */
export class TrackingBlocks {
  private readonly free = new Map<string, number[]>();
  private readonly drawing = new Map<string, Promise<void>>();

  async next(em: EntityManager, prefix: string, year: number): Promise<number> {
    const key = `${prefix}:${year}`;
    for (;;) {
      const kept = this.free.get(key);
      if (kept?.length) return kept.shift()!;
      const pending = this.drawing.get(key);
      if (pending) {
        await pending.catch(() => undefined);
        continue;
      }
      const draw = this.draw(em, key, prefix, year);
      this.drawing.set(key, draw);
      try {
        await draw;
      } finally {
        this.drawing.delete(key);
      }
    }
  }

  private async draw(em: EntityManager, key: string, prefix: string, year: number): Promise<void> {
    const drawn = await takeFromYearlySequence(em, trackingSequenceName(prefix, year), TRACKING_BLOCK, () =>
      counterLastValue(em, prefix, year),
    );
    // A year's leftovers go when another year's first block is drawn (the new year has begun).
    for (const k of this.free.keys()) if (k.startsWith(`${prefix}:`) && k !== key) this.free.delete(k);
    this.free.set(key, [...(this.free.get(key) ?? []), ...drawn]);
  }
}

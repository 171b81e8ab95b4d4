import type { EntityManager } from 'typeorm';
import { nextFromYearlySequence } from '../database/yearly-sequence';

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
  return nextFromYearlySequence(em, trackingSequenceName(prefix, year), async () => {
    const [counter] = await em.query<{ last_value: number }[]>(
      `SELECT last_value FROM tracking_counters WHERE prefix = $1 AND year = $2`,
      [prefix, year],
    );
    return counter?.last_value ?? 0;
  });
}

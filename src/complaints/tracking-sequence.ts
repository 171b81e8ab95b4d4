import type { EntityManager } from 'typeorm';

/**
 * Tracking numbers come from one PostgreSQL sequence per prefix and year (`tracking_seq_ts_2026`). `nextval`
 * takes no row lock, so concurrent intakes never wait for each other's commit (issue 17: the old
 * `tracking_counters` row was locked from the 7th statement of the intake to its commit, serialising every
 * intake). A sequence is not transactional: a number taken by an intake that then fails is not reused, so the
 * numbers have gaps — the tracking number is an identifier, not a count (docs/architecture.md).
 *
 * The first intake of a year creates that year's sequence, starting after the year's `tracking_counters` value
 * (numbers handed out before the sequences existed). Two first intakes at once: the second waits for the
 * first's commit on the catalogue, gets a duplicate-name error inside its savepoint, and then uses the sequence.
 */
export function trackingSequenceName(prefix: string, year: number): string {
  if (!/^[A-Z]{2}$/.test(prefix) || !Number.isInteger(year) || year < 2000 || year > 9999)
    throw new Error(`bad tracking sequence ${prefix} ${year}`);
  return `tracking_seq_${prefix.toLowerCase()}_${year}`;
}

export async function nextTrackingNumber(em: EntityManager, prefix: string, year: number): Promise<number> {
  const name = trackingSequenceName(prefix, year);
  const [row] = await em.query<{ n: string | null }[]>(`SELECT nextval(to_regclass($1)) AS n`, [name]);
  if (row.n !== null) return Number(row.n);
  const [counter] = await em.query<{ last_value: number }[]>(
    `SELECT last_value FROM tracking_counters WHERE prefix = $1 AND year = $2`,
    [prefix, year],
  );
  await em.query('SAVEPOINT tracking_sequence');
  try {
    // The name is built from a checked prefix and year (trackingSequenceName); START takes no parameter.
    await em.query(`CREATE SEQUENCE IF NOT EXISTS ${name} START WITH ${(counter?.last_value ?? 0) + 1}`);
    await em.query('RELEASE SAVEPOINT tracking_sequence');
  } catch {
    await em.query('ROLLBACK TO SAVEPOINT tracking_sequence');
  }
  const [created] = await em.query<{ n: string }[]>(`SELECT nextval($1::regclass) AS n`, [name]);
  return Number(created.n);
}

import type { EntityManager } from 'typeorm';
import { prepared } from './prepared-statements';

/**
 * Numbers of one scope and year from a PostgreSQL sequence of their own (`tracking_seq_ts_2026`,
 * `inspection_seq_case_2026`). `nextval` takes no row lock, so transactions numbering in the same scope never wait
 * for each other's commit — a counter row updated with `… ON CONFLICT DO UPDATE SET n = n + 1` stays locked until
 * the commit of the transaction that took the number and serialises them all (issue 17). A sequence is not
 * transactional: a number taken by a transaction that then rolls back is not reused, so the numbers have gaps.
 *
 * The first number of a sequence's year creates it, starting after `startAfter()` (the numbers a counter row
 * handed out before the sequences existed). Two first numbers at once: the second waits for the first's commit on
 * the catalogue, gets a duplicate-name error inside its savepoint, and then uses the sequence.
 */
export async function nextFromYearlySequence(
  em: EntityManager,
  name: string,
  startAfter: () => Promise<number>,
): Promise<number> {
  return (await takeFromYearlySequence(em, name, 1, startAfter))[0];
}

/**
 * Up to `count` numbers of the sequence in one statement (not necessarily consecutive: other sessions may draw
 * from it in between), smallest first. The draw that creates the year's sequence returns one number only: the
 * sequence is created inside the caller's transaction and goes if that transaction rolls back, and with it the
 * claim on any number drawn from it, which a caller keeping numbers for later transactions would hand out twice.
 */
export async function takeFromYearlySequence(
  em: EntityManager,
  name: string,
  count: number,
  startAfter: () => Promise<number>,
): Promise<number[]> {
  // The name becomes SQL text in CREATE SEQUENCE (no parameter there): only a plain lower-case identifier.
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad sequence name ${name}`);
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw new Error(`bad count ${count} for ${name}`);
  const rows = await em.query<{ n: string | null }[]>(
    prepared('SELECT nextval(to_regclass($1)) AS n FROM generate_series(1, $2::int) ORDER BY 1'),
    [name, count],
  );
  if (rows[0].n !== null) return rows.map((r) => Number(r.n));
  const start = (await startAfter()) + 1;
  if (!Number.isSafeInteger(start) || start < 1) throw new Error(`bad start ${start} for ${name}`);
  await em.query('SAVEPOINT yearly_sequence');
  try {
    await em.query(`CREATE SEQUENCE IF NOT EXISTS ${name} START WITH ${start}`);
    await em.query('RELEASE SAVEPOINT yearly_sequence');
  } catch {
    await em.query('ROLLBACK TO SAVEPOINT yearly_sequence');
  }
  const [created] = await em.query<{ n: string }[]>(`SELECT nextval($1::regclass) AS n`, [name]);
  return [Number(created.n)];
}

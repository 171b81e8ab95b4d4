import type { EntityManager } from 'typeorm';
import { prepared } from './prepared-statements';

/**
 * Writes sent together (issue 17, bench/README.md "Tenth pass").
 *
 * Intake's writes after the complaint row (its events, its outbox rows, its clock, the idempotency record) need
 * nothing back and depend on nothing the others return: sent one at a time they cost a round trip each, and on two
 * cores a round trip — the sender's write, PostgreSQL woken, the reply, the sender woken — costs more than the
 * insert. `sendWrites` sends them as one statement of data-modifying CTEs: PostgreSQL runs every such CTE exactly
 * once and to completion whether or not the main query reads it, all in the caller's transaction, and checks the
 * foreign keys at the end of the statement, so a row may reference one written beside it.
 *
 * Each repository keeps its own SQL and returns it as a `Write`; only the sending is shared.
 */
export interface Write {
  /** One INSERT, UPDATE or DELETE without RETURNING, its placeholders numbered from $1, no `$n` in literals. */
  readonly sql: string;
  readonly params: readonly unknown[];
}
const PLACEHOLDER = /\$(\d+)/g;

/** `sql` with every `$n` raised by `offset`. */
export function renumber(sql: string, offset: number): string {
  return offset === 0 ? sql : sql.replace(PLACEHOLDER, (_, n: string) => `$${Number(n) + offset}`);
}

/** The highest placeholder a text uses (0 when none). */
export function highestPlaceholder(sql: string): number {
  let max = 0;
  for (const m of sql.matchAll(PLACEHOLDER)) max = Math.max(max, Number(m[1]));
  return max;
}

/**
 * The name of the guard's CTE in a guarded statement (`composeWrites` with a guard): a gated write reads it, as in
 * `… WHERE EXISTS (SELECT 1 FROM guard)`, so that it writes nothing when the guard wrote nothing.
 */
export const GUARD = 'guard';
const READS_GUARD = new RegExp(`\\bFROM ${GUARD}\\b`, 'i');

/**
 * The one statement for `writes` and its parameters: `WITH w1 AS (…), w2 AS (…) SELECT …`, each write's
 * placeholders moved past the ones before it. The main query selects 1. No write notifies (`pg_notify`): a
 * transaction that notifies commits under a lock PostgreSQL holds for the whole cluster until the commit is on
 * disk (OutboxService wakes the relays after the commit instead).
 *
 * With a `guard` (one INSERT or UPDATE … RETURNING, its placeholders from $1) the statement opens with it as
 * `guard AS (…)`, and the main query's first column `guarded` counts the rows it returned. PostgreSQL runs every
 * CTE whether or not it is read, so every write must read the guard (`FROM guard`, checked here) and write nothing
 * when it returned no row: the claim and what the claim records, all or nothing, in one round trip.
 */
export function composeWrites(writes: readonly Write[], guard?: Write): { sql: string; params: unknown[] } {
  if (writes.length === 0) throw new RangeError('composeWrites needs at least one write');
  const ctes: string[] = [];
  let main = '1';
  const params: unknown[] = [];
  if (guard !== undefined) {
    if (highestPlaceholder(guard.sql) !== guard.params.length)
      throw new RangeError(
        `the guard uses $${highestPlaceholder(guard.sql)} but binds ${guard.params.length} parameters`,
      );
    if (!/\breturning\b/i.test(guard.sql)) throw new RangeError('the guard needs a RETURNING clause');
    ctes.push(`${GUARD} AS (${guard.sql})`);
    main = `(SELECT count(*) FROM ${GUARD})::int AS guarded`;
    params.push(...guard.params);
  }
  writes.forEach((w, i) => {
    const used = highestPlaceholder(w.sql);
    if (used !== w.params.length)
      throw new RangeError(`write ${i + 1} uses $${used} but binds ${w.params.length} parameters`);
    if (/\breturning\b/i.test(w.sql)) throw new RangeError(`write ${i + 1} has its own RETURNING`);
    if (guard !== undefined && !READS_GUARD.test(w.sql))
      throw new RangeError(`write ${i + 1} does not read the guard (FROM ${GUARD})`);
    const name = `w${i + 1}`;
    ctes.push(`${name} AS (${renumber(w.sql, params.length)})`);
    params.push(...w.params);
  });
  return { sql: `WITH ${ctes.join(', ')} SELECT ${main}`, params };
}

/**
 * Sends the writes in the caller's transaction in one round trip; a single write goes out as it is. The composed
 * texts are as fixed as the callers' sets of writes (intake always sends the same ones), so they are kept as
 * prepared statements.
 */
export async function sendWrites(em: EntityManager, writes: readonly Write[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await em.query(prepared(writes[0].sql), [...writes[0].params]);
    return;
  }
  const { sql, params } = composeWrites(writes);
  await em.query(prepared(sql), params);
}

/**
 * Sends `guard` and the writes gated on it as one statement (`composeWrites`); returns whether the guard wrote a
 * row. On the pool (no transaction) the statement is its own transaction: the guard and its writes commit together
 * or not at all.
 */
export async function sendGuarded(
  em: EntityManager,
  guard: Write,
  writes: readonly Write[],
): Promise<boolean> {
  const { sql, params } = composeWrites(writes, guard);
  const [row] = await em.query<{ guarded: number }[]>(prepared(sql), params);
  return row.guarded > 0;
}

/**
 * Writes collected across services for one `sendWrites`, with what must run once they are stored (a listener that
 * follows the case timeline, say). The caller that made the batch sends it, before its transaction commits.
 */
export class WriteBatch {
  private readonly writes: Write[] = [];
  private readonly after: ((em: EntityManager) => Promise<void>)[] = [];
  private sent = false;

  add(write: Write): void {
    if (this.sent) throw new Error('this batch was already sent');
    this.writes.push(write);
  }

  /** Runs `work` after the batch is stored, in the same transaction, in the order added. */
  afterSend(work: (em: EntityManager) => Promise<void>): void {
    if (this.sent) throw new Error('this batch was already sent');
    this.after.push(work);
  }

  /** Stores the batch together with `last` (written in the same statement, after the batch's own writes). */
  async send(em: EntityManager, ...last: Write[]): Promise<void> {
    if (this.sent) throw new Error('this batch was already sent');
    this.sent = true;
    await sendWrites(em, [...this.writes, ...last]);
    for (const work of this.after) await work(em);
  }
}

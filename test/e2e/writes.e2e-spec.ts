import type { EntityManager } from 'typeorm';
import { newId } from '../../src/common/ids';
import { DeadlinesRepository } from '../../src/deadlines/deadlines.repository';
import { GUARD, sendGuarded, sendWrites, WriteBatch, type Write } from '../../src/database/writes';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 17: writes that need nothing back go to PostgreSQL as one statement of data-modifying CTEs (writes.ts).
 * What a caller relies on when it batches them, checked on the real server: every write is stored, a row may
 * reference one written beside it, and a failing write leaves none of the others behind.
 */
describe('writes sent as one statement, on PostgreSQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { PROCESS_ROLE: 'api' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const clockWrite = (id: string) =>
    t.app.get(DeadlinesRepository).insertClockWrite({
      id,
      caseType: 'COMPLAINT',
      caseId: newId(),
      ruleId: 'INSPECTION_ACCEPTANCE',
      startDate: '2026-12-01',
      jurisdictionCode: '310115001',
    });
  const eventWrite = (clockId: string): Write => ({
    sql: `INSERT INTO clock_events (id, clock_id, seq, type, date, reason) VALUES ($1, $2, 1, 'PAUSE', $3, $4)`,
    params: [newId(), clockId, '2026-12-02', 'writes spec'],
  });
  const stored = async (clockIds: string[], em: Pick<EntityManager, 'query'> = t.dataSource) =>
    (
      await em.query<{ clocks: number; events: number }[]>(
        `SELECT (SELECT count(*)::int FROM clocks WHERE id = ANY($1::uuid[])) AS clocks,
                (SELECT count(*)::int FROM clock_events WHERE clock_id = ANY($1::uuid[])) AS events`,
        [clockIds],
      )
    )[0];

  it('stores every write, child rows beside their parent in either order, in one statement', async () => {
    const [a, b] = [newId(), newId()];
    await t.dataSource.transaction(async (em) => {
      // The parent first, then its child; and a child written before its parent in the same statement.
      await sendWrites(em, [clockWrite(a), eventWrite(a), eventWrite(b), clockWrite(b)]);
      expect(await stored([a, b], em)).toEqual({ clocks: 2, events: 2 });
    });
    expect(await stored([a, b])).toEqual({ clocks: 2, events: 2 });
  });

  it('a failing write leaves none of the others behind', async () => {
    const [a, orphanOf] = [newId(), newId()];
    const failed = t.dataSource.transaction((em) =>
      sendWrites(em, [clockWrite(a), eventWrite(a), eventWrite(orphanOf)]),
    );
    await expect(failed).rejects.toMatchObject({ driverError: { code: '23503' } });
    expect(await stored([a, orphanOf])).toEqual({ clocks: 0, events: 0 });
  });

  it('a rolled-back transaction keeps nothing; a batch runs its follow-ups after its rows exist', async () => {
    const a = newId();
    const seen: number[] = [];
    const rolledBack = t.dataSource.transaction(async (em) => {
      const batch = new WriteBatch();
      batch.add(clockWrite(a));
      batch.afterSend(async (inner) => {
        seen.push(
          (await inner.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM clocks WHERE id = $1`, [a]))[0]
            .n,
        );
      });
      await batch.send(em, eventWrite(a));
      expect(() => batch.add(clockWrite(newId()))).toThrow(/already sent/);
      throw new Error('roll back');
    });
    await expect(rolledBack).rejects.toThrow('roll back');
    expect(seen).toEqual([1]);
    expect(await stored([a])).toEqual({ clocks: 0, events: 0 });
  });
  describe('a guard and the writes gated on it, one statement on the pool', () => {
    /** The guard: the clock's insert, unless the clock exists (a claim, as the acknowledgement's mark is). */
    const claimClock = (id: string): Write => {
      const w = clockWrite(id);
      return { sql: `${w.sql} ON CONFLICT (id) DO NOTHING RETURNING id`, params: w.params };
    };
    /** An event of clock `clockId`, written only when the guard wrote a row. */
    const gatedEvent = (clockId: string): Write => ({
      sql: `INSERT INTO clock_events (id, clock_id, seq, type, date, reason)
        SELECT $1::uuid, $2::uuid, 1, 'PAUSE', $3::date, $4::text WHERE EXISTS (SELECT 1 FROM ${GUARD})`,
      params: [newId(), clockId, '2026-12-02', 'writes spec'],
    });

    it('writes the gated rows only when the guard wrote', async () => {
      const a = newId();
      expect(await sendGuarded(t.dataSource.manager, claimClock(a), [gatedEvent(a)])).toBe(true);
      expect(await stored([a])).toEqual({ clocks: 1, events: 1 });
      // The claim again: the clock exists, so nothing is written beside it.
      expect(await sendGuarded(t.dataSource.manager, claimClock(a), [gatedEvent(a)])).toBe(false);
      expect(await stored([a])).toEqual({ clocks: 1, events: 1 });
    });

    it('concurrent claims: one wins and writes its rows, the others write nothing', async () => {
      const a = newId();
      const won = await Promise.all(
        Array.from({ length: 5 }, () => sendGuarded(t.dataSource.manager, claimClock(a), [gatedEvent(a)])),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await stored([a])).toEqual({ clocks: 1, events: 1 });
    });

    it('a failing gated write takes the guard with it', async () => {
      const [a, orphanOf] = [newId(), newId()];
      await expect(
        sendGuarded(t.dataSource.manager, claimClock(a), [gatedEvent(a), gatedEvent(orphanOf)]),
      ).rejects.toMatchObject({ driverError: { code: '23503' } });
      expect(await stored([a, orphanOf])).toEqual({ clocks: 0, events: 0 });
    });
  });
});

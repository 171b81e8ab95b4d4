import { Client } from 'pg';
import { newId } from '../../src/common/ids';
import { OUTBOX_CHANNEL, OutboxRepository } from '../../src/queue/outbox.repository';
import { JOB_QUEUE, JobName } from '../../src/queue/job-catalogue';
import { OutboxService } from '../../src/queue/outbox.service';
import { statementsDuring } from '../support/statements';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

/**
 * A row committed by another process (the API) wakes the worker's relay through LISTEN/NOTIFY, not at its next
 * poll: the poll here is a minute (the most the config allows), so only the notification can publish within the test's seconds. The row is
 * written as another process writes it: stored in its transaction, then the relays woken after the commit
 * (OutboxRepository.wakeRelays), without the in-process nudge of this process's OutboxService.
 */
describe('outbox relay wakes on NOTIFY from another process', () => {
  let t: TestApp;
  const q = <T>(sql: string, params: unknown[] = []) => t.dataSource.query<T[]>(sql, params);
  const listening = () =>
    eventually(async () => {
      const [r] = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE application_name = 'labor-rights-outbox-listener' AND datname = current_database()
            AND query LIKE 'LISTEN%'`,
      );
      return r.n === 1;
    });
  /** Commits an outbox row as another process would (no in-process nudge); resolves with its id. */
  const enqueueElsewhere = async () => {
    const repo = t.app.get(OutboxRepository);
    const id = newId();
    const name = JobName.SlaCaseEvent;
    await t.dataSource.transaction((em) =>
      repo.insertMany(em, [{ id, queue: JOB_QUEUE[name], jobName: name, payload: { eventId: newId() } }]),
    );
    await repo.wakeRelays(t.dataSource.manager);
    return id;
  };
  const publishedWithin = async (id: string, ms: number) => {
    const t0 = Date.now();
    await eventually(
      async () => {
        const [r] = await q<{ published: boolean }>(
          'SELECT published_at IS NOT NULL AS published FROM outbox_messages WHERE id = $1',
          [id],
        );
        return r.published;
      },
      ms,
      20,
    );
    return Date.now() - t0;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { OUTBOX_POLL_MS: '60000' } });
    await listening();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a committed row is published at once although the next poll is a minute away', async () => {
    expect(await publishedWithin(await enqueueElsewhere(), 3000)).toBeLessThan(3000);
  });

  it('the notification is sent at commit, once per transaction, and never for a rollback', async () => {
    const listener = new Client({ connectionString: t.databaseUrl });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.channel));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    const quiet = () => new Promise((r) => setTimeout(r, 300));
    try {
      const outbox = t.app.get(OutboxService);
      const payload = () => ({ eventId: crypto.randomUUID() });
      await expect(
        t.dataSource.transaction(async (em) => {
          await outbox.enqueue(em, JobName.SlaCaseEvent, payload());
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await quiet();
      expect(heard).toEqual([]);
      await t.dataSource.transaction(async (em) => {
        await outbox.enqueue(em, JobName.SlaCaseEvent, payload());
        await outbox.enqueue(em, JobName.SlaCaseEvent, payload());
        await quiet();
        expect(heard).toEqual([]); // not before commit
      });
      await eventually(() => heard.length > 0, 3000, 20);
      await quiet();
      expect(heard).toEqual([OUTBOX_CHANNEL]);
    } finally {
      await listener.end();
    }
  });

  it('no statement of the transaction notifies (the commit takes no cluster-wide lock); the wake-up follows it', async () => {
    const outbox = t.app.get(OutboxService);
    const { result: runner, statements } = await statementsDuring(
      async () => {
        const r = await t.dataSource.transaction(async (em) => {
          await outbox.enqueue(em, JobName.SlaCaseEvent, { eventId: newId() });
          return em.queryRunner;
        });
        await new Promise((done) => setTimeout(done, 300));
        return r;
      },
      { relayWakeUps: true },
    );
    const notifies = (s: { sql: string }) => /pg_notify|\bNOTIFY\b/i.test(s.sql);
    const inside = statements.filter((s) => s.runner === runner);
    expect(inside.map((s) => s.sql.trim().split(/\s+/)[0])).toEqual(['START', 'INSERT', 'COMMIT']);
    expect(inside.filter(notifies)).toEqual([]);
    expect(statements.filter((s) => s.runner !== runner && notifies(s)).length).toBeGreaterThanOrEqual(1);
  });

  it('many calls in one turn of the event loop (many commits) wake the relays with one notification', async () => {
    const listener = new Client({ connectionString: t.databaseUrl });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.channel));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    try {
      const outbox = t.app.get(OutboxService);
      for (let i = 0; i < 50; i++) outbox.notifyCommitted();
      await eventually(() => heard.length > 0, 3000, 20);
      await new Promise((done) => setTimeout(done, 300));
      expect(heard).toEqual([OUTBOX_CHANNEL]);
    } finally {
      await listener.end();
    }
  });

  it("the wake-up's setting (its commit not waited for on disk) ends with its own transaction", async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      await t.app.get(OutboxRepository).wakeRelays(runner.manager);
      const [row] = (await runner.query('SHOW synchronous_commit')) as { synchronous_commit: string }[];
      expect(row.synchronous_commit).toBe('on');
    } finally {
      await runner.release();
    }
  });

  it('a lost listener connection is reopened, and rows committed meanwhile are relayed', async () => {
    await q(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'labor-rights-outbox-listener' AND datname = current_database()`,
    );
    const id = await enqueueElsewhere();
    // Published by the pass that follows the reconnection (LISTEN_RETRY_MS = 2 s), not by the one-minute poll.
    expect(await publishedWithin(id, 10_000)).toBeLessThan(10_000);
    await listening();
    expect(await publishedWithin(await enqueueElsewhere(), 3000)).toBeLessThan(3000);
  });
});

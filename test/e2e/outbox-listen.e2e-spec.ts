import { Client } from 'pg';
import { OUTBOX_CHANNEL } from '../../src/queue/outbox.repository';
import { JobName } from '../../src/queue/job-catalogue';
import { OutboxService } from '../../src/queue/outbox.service';
import { eventually, startTestApp, type TestApp } from '../support/test-app';

/**
 * A row committed by another process (the API) wakes the worker's relay through LISTEN/NOTIFY, not at its next
 * poll: the poll here is a minute (the most the config allows), so only the notification can publish within the test's seconds. The row is
 * enqueued without OutboxService.notifyCommitted, the in-process nudge another process cannot give.
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
  const enqueueElsewhere = () =>
    t.dataSource.transaction((em) =>
      t.app.get(OutboxService).enqueue(em, JobName.SlaCaseEvent, { eventId: crypto.randomUUID() }),
    );
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

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxMessage } from './entities/outbox-message.entity';
import type { JobName } from './job-catalogue';
import { prepared } from '../database/prepared-statements';
import { keyArray } from '../database/key-lists';
import { sendWrites, type Write } from '../database/writes';

export interface PendingOutboxRow {
  id: string;
  job_name: JobName;
  payload: unknown;
  attempts: number;
}

/** The PostgreSQL notification channel on which committed outbox rows wake the relay. */
export const OUTBOX_CHANNEL = 'lrp_outbox';

const WAKE_RELAYS = prepared(
  `SELECT set_config('synchronous_commit', 'off', true), pg_notify('${OUTBOX_CHANNEL}', '')`,
);

/** All SQL of the outbox. */
@Injectable()
export class OutboxRepository {
  /**
   * Inserts rows in one statement. No notification is sent from the caller's transaction: a transaction that
   * notifies takes, at its commit, a lock PostgreSQL holds for the whole cluster until the commit is flushed, so
   * every intake would commit one after another (bench/README.md, "Sixteenth pass"). OutboxService wakes the
   * relays after the commit instead (`wakeRelays`).
   */
  async insertMany(
    em: EntityManager,
    rows: readonly Pick<OutboxMessage, 'id' | 'queue' | 'jobName' | 'payload'>[],
  ): Promise<void> {
    if (rows.length > 0) await sendWrites(em, [this.insertManyWrite(rows)]);
  }

  /** The rows' insert and its notification as a write to send with others (writes.ts). */
  insertManyWrite(rows: readonly Pick<OutboxMessage, 'id' | 'queue' | 'jobName' | 'payload'>[]): Write {
    return {
      sql: `INSERT INTO outbox_messages (id, queue, job_name, payload)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])`,
      params: [
        rows.map((r) => r.id),
        rows.map((r) => r.queue),
        rows.map((r) => r.jobName),
        rows.map((r) => JSON.stringify(r.payload)),
      ],
    };
  }

  /**
   * Notifies OUTBOX_CHANNEL on the pool, in a transaction of its own: relays in other processes (the workers) wake
   * at once instead of at their next poll. Its commit is not waited for on disk (`synchronous_commit` off for this
   * transaction alone): a notification lost in a crash costs a poll interval, nothing else.
   */
  async wakeRelays(em: EntityManager): Promise<void> {
    await em.query(WAKE_RELAYS);
  }

  /** Due rows, locked; rows another relay holds are skipped, not waited for. */
  claimDue(em: EntityManager, limit: number): Promise<PendingOutboxRow[]> {
    return em.query<PendingOutboxRow[]>(
      prepared(`SELECT id, job_name, payload, attempts FROM outbox_messages
        WHERE published_at IS NULL AND available_at <= now()
        ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`),
      [limit],
    );
  }

  /** Marks rows published (one statement for a relayed batch). */
  async markPublished(em: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const k = keyArray('uuid', ids);
    await em.query(
      prepared(
        `UPDATE outbox_messages SET published_at = now(), attempts = attempts + 1 WHERE id = ANY(${k.sql})`,
      ),
      k.params,
    );
  }

  /** Records a failed publication of rows, each retried after its own delay (one statement). */
  async markFailed(
    em: EntityManager,
    rows: readonly { id: string; retryInSeconds: number }[],
    error: string,
  ): Promise<void> {
    await em.query(
      `UPDATE outbox_messages o SET attempts = o.attempts + 1, last_error = $3,
              available_at = now() + make_interval(secs => u.secs)
         FROM unnest($1::uuid[], $2::float8[]) AS u(id, secs) WHERE o.id = u.id`,
      [rows.map((r) => r.id), rows.map((r) => r.retryInSeconds), error.slice(0, 500)],
    );
  }

  async lagSeconds(em: EntityManager): Promise<number> {
    const [row] = await em.query<{ lag: number }[]>(
      `SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS lag FROM outbox_messages WHERE published_at IS NULL`,
    );
    return row.lag;
  }
}

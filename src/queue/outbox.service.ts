import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { afterCommit } from '../database/after-commit';
import { newId } from '../common/ids';
import { OutboxRepository } from './outbox.repository';
import { JOB_QUEUE, JobName, type JobPayloads } from './job-catalogue';
import type { WriteBatch } from '../database/writes';
import { TransactionRunner } from '../database/transaction';

/** One job for `enqueueMany`: a job name with its own payload type. */
export type OutboxJob = { [J in JobName]: { name: J; payload: JobPayloads[J] } }[JobName];

/**
 * Writes jobs to the outbox inside the caller's transaction: the job exists if and only if the business
 * change committed. The relay publishes it to BullMQ afterwards; the commit wakes the relays (`notifyCommitted`).
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);
  private readonly listeners = new Set<() => void>();
  /** The wake-up of other processes' relays: one scheduled, one in flight, one more asked for meanwhile. */
  private wakeScheduled = false;
  private wakeInFlight = false;
  private wakeAgain = false;
  private readonly committed = () => this.notifyCommitted();

  constructor(
    private readonly repo: OutboxRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async enqueue<J extends JobName>(em: EntityManager, name: J, payload: JobPayloads[J]): Promise<string> {
    const id = newId();
    await this.repo.insertMany(em, [{ id, queue: JOB_QUEUE[name], jobName: name, payload }]);
    afterCommit(em, this.committed);
    return id;
  }

  /**
   * Several jobs in one statement (one round trip, one notification), in the caller's transaction; with a batch,
   * they join it and are stored when it is sent (writes.ts).
   */
  async enqueueMany(em: EntityManager, jobs: readonly OutboxJob[], batch?: WriteBatch): Promise<string[]> {
    const rows = jobs.map((j) => ({
      id: newId(),
      queue: JOB_QUEUE[j.name],
      jobName: j.name,
      payload: j.payload,
    }));
    if (!batch) await this.repo.insertMany(em, rows);
    else if (rows.length > 0) batch.add(this.repo.insertManyWrite(rows));
    // A batch is sent in the same transaction (intake: IdempotencyService.execute), so its commit is this one's.
    if (rows.length > 0) afterCommit(em, this.committed);
    return rows.map((r) => r.id);
  }

  /**
   * Wakes the relays once outbox rows have committed: this process's at once (listeners), other processes' by a
   * notification sent after the commit, not from it (OutboxRepository.insertMany says why). Called at the commit of
   * every transaction that enqueued (`afterCommit`), so services need not call it. Calls in one turn of the event
   * loop send one notification, and while one is in flight the calls meanwhile send one more after it, no more.
   */
  notifyCommitted(): void {
    for (const l of this.listeners) l();
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.sendWake();
    });
  }

  private sendWake(): void {
    if (this.wakeInFlight) {
      this.wakeAgain = true;
      return;
    }
    this.wakeInFlight = true;
    this.repo
      .wakeRelays(this.tx.manager)
      .catch((err: unknown) =>
        // The relays poll: a lost wake-up delays a job by a poll interval at most.
        this.logger.warn({ err: (err as Error)?.message }, 'outbox wake-up not sent; relays will poll'),
      )
      .finally(() => {
        this.wakeInFlight = false;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.sendWake();
        }
      });
  }

  onCommitted(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import { OutboxRepository } from './outbox.repository';
import { JOB_QUEUE, JobName, type JobPayloads } from './job-catalogue';
import type { WriteBatch } from '../database/writes';

/** One job for `enqueueMany`: a job name with its own payload type. */
export type OutboxJob = { [J in JobName]: { name: J; payload: JobPayloads[J] } }[JobName];

/**
 * Writes jobs to the outbox inside the caller's transaction: the job exists if and only if the business
 * change committed. The relay publishes it to BullMQ afterwards.
 */
@Injectable()
export class OutboxService {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly repo: OutboxRepository) {}

  async enqueue<J extends JobName>(em: EntityManager, name: J, payload: JobPayloads[J]): Promise<string> {
    const id = newId();
    await this.repo.insertMany(em, [{ id, queue: JOB_QUEUE[name], jobName: name, payload }]);
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
    return rows.map((r) => r.id);
  }

  /** Services call this after commit so an in-process relay publishes at once instead of at its next poll. */
  notifyCommitted(): void {
    for (const l of this.listeners) l();
  }

  onCommitted(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

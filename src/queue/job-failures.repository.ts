import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { newId } from '../common/ids';
import { JobFailure } from './entities/job-failure.entity';

/** All SQL of failed-job records. */
@Injectable()
export class JobFailuresRepository {
  async record(
    em: EntityManager,
    f: Pick<JobFailure, 'queue' | 'jobName' | 'jobId' | 'error' | 'attempts'> & { payload: object },
  ): Promise<void> {
    await em.insert(JobFailure, { id: newId(), ...f });
  }

  open(em: EntityManager, limit: number, queue?: string): Promise<JobFailure[]> {
    return em.find(JobFailure, {
      where: { requeuedAt: IsNull(), ...(queue ? { queue } : {}) },
      order: { failedAt: 'DESC' },
      take: limit,
    });
  }

  /** Failed jobs per queue (every row: the count only grows). */
  countByQueue(em: EntityManager): Promise<{ queue: string; n: number }[]> {
    return em.query<{ queue: string; n: number }[]>(
      'SELECT queue, count(*)::int AS n FROM job_failures GROUP BY queue',
    );
  }

  lockOpen(em: EntityManager, id: string): Promise<JobFailure | null> {
    return em.findOne(JobFailure, {
      where: { id, requeuedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markRequeued(em: EntityManager, id: string, by: string): Promise<void> {
    await em.update(JobFailure, { id }, { requeuedAt: new Date(), requeuedBy: by });
  }
}

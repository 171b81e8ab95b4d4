import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LOCKS, tryXactLock } from '../database/locks';
import { IdempotencyRecord } from './idempotency-record.entity';

/** All SQL of idempotency keys. */
@Injectable()
export class IdempotencyRepository {
  /** Takes the key's transaction-scoped lock without waiting; false when another request holds it. */
  async tryLock(em: EntityManager, scope: string, key: string): Promise<boolean> {
    return tryXactLock(em, LOCKS.idempotencyKey, `${scope}:${key}`);
  }

  find(em: EntityManager, scope: string, key: string): Promise<IdempotencyRecord | null> {
    return em.findOne(IdempotencyRecord, { where: { scope, key } });
  }

  async insert(em: EntityManager, record: Omit<IdempotencyRecord, 'createdAt'>): Promise<void> {
    await em.insert(IdempotencyRecord, record);
  }

  /** Deletes the records of first requests older than `hours`; returns how many. */
  async purgeOlderThan(em: EntityManager, hours: number): Promise<number> {
    const rows = await em.query<unknown[]>(
      `DELETE FROM idempotency_records WHERE created_at < now() - make_interval(hours => $1) RETURNING 1`,
      [hours],
    );
    return rows.length;
  }
}

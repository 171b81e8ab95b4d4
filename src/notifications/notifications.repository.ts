import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import { Notification } from './entities/notification.entity';

export type DeliveryRecord = Pick<
  Notification,
  'dedupKey' | 'channel' | 'template' | 'subjectRef' | 'status' | 'providerMessageId' | 'error'
>;

/** All SQL of the notifications module. */
@Injectable()
export class NotificationsRepository {
  findByDedupKey(em: EntityManager, dedupKey: string): Promise<Notification | null> {
    return em.findOne(Notification, { where: { dedupKey } });
  }

  /**
   * The delivery row of a dedup key, created PENDING if absent and locked until the transaction ends: concurrent
   * deliveries of the same message queue up here, and the second one finds it SENT.
   */
  async claim(
    em: EntityManager,
    record: Omit<DeliveryRecord, 'status' | 'providerMessageId' | 'error'>,
  ): Promise<Notification> {
    await em
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({ id: newId(), ...record, status: 'PENDING', providerMessageId: null, error: null })
      .orIgnore()
      .execute();
    return em.findOneOrFail(Notification, {
      where: { dedupKey: record.dedupKey },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Records a delivery; a second record with the same dedup key overwrites the first (a retry that succeeded). */
  async upsert(em: EntityManager, record: DeliveryRecord): Promise<void> {
    await em.upsert(
      Notification,
      { id: newId(), ...record },
      { conflictPaths: ['dedupKey'], skipUpdateIfNoValuesChanged: true },
    );
  }

  /** Records a delivery unless one with the same dedup key exists. */
  async insertIfAbsent(em: EntityManager, record: DeliveryRecord): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({ id: newId(), ...record })
      .orIgnore()
      .execute();
  }

  forSubject(em: EntityManager, subjectRef: string): Promise<Notification[]> {
    return em.find(Notification, { where: { subjectRef }, order: { createdAt: 'ASC' } });
  }
}

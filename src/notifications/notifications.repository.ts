import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Page } from '../common/http/pagination';
import { newId } from '../common/ids';
import { keysetPage } from '../database/query-helpers';
import { Notification } from './entities/notification.entity';

export type DeliveryRecord = Pick<
  Notification,
  'dedupKey' | 'channel' | 'template' | 'subjectRef' | 'status' | 'providerMessageId' | 'error'
> &
  Partial<Pick<Notification, 'recipientUserId'>>;

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

  /** A user's in-app messages, newest first (keyset); only the unread ones if asked. */
  inbox(
    em: EntityManager,
    recipientUserId: string,
    q: { unreadOnly: boolean; cursor?: string; limit: number },
  ): Promise<Page<Notification>> {
    const qb = em
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipient_user_id = :recipientUserId', { recipientUserId });
    if (q.unreadOnly) qb.andWhere('n.read_at IS NULL');
    return keysetPage(qb, 'n', q.cursor, q.limit);
  }

  unreadCount(em: EntityManager, recipientUserId: string): Promise<number> {
    return em
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipient_user_id = :recipientUserId AND n.read_at IS NULL', { recipientUserId })
      .getCount();
  }

  /** Marks one of the user's messages read (keeping the first read time); null if the user has no such message. */
  async markRead(em: EntityManager, id: string, recipientUserId: string): Promise<Notification | null> {
    await em
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'now()' })
      .where('id = :id AND recipient_user_id = :recipientUserId AND read_at IS NULL', { id, recipientUserId })
      .execute();
    return em.findOne(Notification, { where: { id, recipientUserId } });
  }

  /** Marks every unread message of the user read; returns how many. */
  async markAllRead(em: EntityManager, recipientUserId: string): Promise<number> {
    const res = await em
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'now()' })
      .where('recipient_user_id = :recipientUserId AND read_at IS NULL', { recipientUserId })
      .execute();
    return res.affected ?? 0;
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LOCKS, sessionLock, sessionUnlock } from '../database/locks';
import type { Page } from '../common/http/pagination';
import { newId } from '../common/ids';
import { prepared } from '../database/prepared-statements';
import { keysetPage } from '../database/query-helpers';
import { Notification } from './entities/notification.entity';

export type DeliveryRecord = Pick<
  Notification,
  'dedupKey' | 'channel' | 'template' | 'subjectRef' | 'status' | 'providerMessageId' | 'error'
> &
  Partial<Pick<Notification, 'recipientUserId' | 'params'>>;

/** What ends an SMS attempt: SENT with the provider's id, back to PENDING (retry), FAILED or UNCONFIRMED. */
export type AttemptOutcome = {
  status: 'SENT' | 'PENDING' | 'FAILED' | 'UNCONFIRMED';
  providerMessageId?: string | null;
  error: string | null;
};

/** What an inbox lists: what reached the recipient (or may have: UNCONFIRMED), not a pending or failed SMS. */
const DELIVERED = "n.status IN ('SENT', 'UNCONFIRMED')";

// The SMS delivery's statements (each acknowledgement runs them): plain SQL, prepared (issue 17).
/** The delivery row as its first attempt (SENDING, attempt 1), unless the dedup key has one. */
const CLAIM = prepared(`INSERT INTO notifications
    (id, dedup_key, channel, template, subject_ref, recipient_user_id, params, status, attempts, sending_since)
  VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, 'SENDING', 1, now())
  ON CONFLICT DO NOTHING RETURNING id`);
const START_ATTEMPT = prepared(`UPDATE notifications
    SET status = 'SENDING', attempts = attempts + 1, sending_since = now(), error = NULL
  WHERE id = $1 RETURNING attempts`);
/** $4: whether the outcome names the provider's message id ($5); without one the column keeps its value. */
const END_ATTEMPT = prepared(`UPDATE notifications
    SET status = $3, provider_message_id = CASE WHEN $4::boolean THEN $5 ELSE provider_message_id END,
        error = $6, sending_since = NULL
  WHERE id = $1 AND attempts = $2`);

/** All SQL of the notifications module. */
@Injectable()
export class NotificationsRepository {
  findByDedupKey(em: EntityManager, dedupKey: string): Promise<Notification | null> {
    return em.findOne(Notification, { where: { dedupKey } });
  }

  /**
   * The delivery row of a dedup key: inserted with id `id` as its first attempt already started (SENDING, attempt
   * 1: one statement where a claim and an attempt start were two), or, `claimed` false, the one an earlier delivery
   * left, as it was. The caller holds the delivery's advisory lock (`lockDelivery`), which keeps concurrent
   * deliveries of one message apart: the second one finds the row SENT. (The row's status changes only under that
   * lock.)
   */
  async claim(
    em: EntityManager,
    id: string,
    record: Omit<DeliveryRecord, 'status' | 'providerMessageId' | 'error'>,
  ): Promise<Pick<Notification, 'id' | 'status' | 'attempts'> & { claimed: boolean }> {
    const inserted = await em.query<unknown[]>(CLAIM, [
      id,
      record.dedupKey,
      record.channel,
      record.template,
      record.subjectRef,
      record.recipientUserId ?? null,
      record.params == null ? null : JSON.stringify(record.params),
    ]);
    if (inserted.length > 0) return { id, status: 'SENDING', attempts: 1, claimed: true };
    const row = await em.findOneOrFail(Notification, {
      where: { dedupKey: record.dedupKey },
      select: { id: true, status: true, attempts: true },
    });
    return { id: row.id, status: row.status, attempts: row.attempts, claimed: false };
  }

  /**
   * Waits until no other session is delivering this message, then holds it for this session (released by
   * `unlockDelivery`, or by the connection's end: a sender whose database connection died holds nothing).
   */
  async lockDelivery(em: EntityManager, dedupKey: string): Promise<void> {
    await sessionLock(em, LOCKS.smsDelivery, dedupKey);
  }

  async unlockDelivery(em: EntityManager, dedupKey: string): Promise<void> {
    await sessionUnlock(em, LOCKS.smsDelivery, dedupKey);
  }

  /** Marks the row SENDING as a new attempt; returns the attempt number. */
  async startAttempt(em: EntityManager, id: string): Promise<number> {
    const [[row]] = await em.query<[{ attempts: number }[], number]>(START_ATTEMPT, [id]);
    return row.attempts;
  }

  /** Ends attempt `attempt` of the row (a stale attempt changes nothing); returns whether it did. */
  async endAttempt(
    em: EntityManager,
    id: string,
    attempt: number,
    outcome: AttemptOutcome,
  ): Promise<boolean> {
    const [, affected] = await em.query<[unknown[], number]>(END_ATTEMPT, [
      id,
      attempt,
      outcome.status,
      outcome.providerMessageId !== undefined,
      outcome.providerMessageId ?? null,
      outcome.error,
    ]);
    return affected > 0;
  }

  /** Records a delivery unless one with the same dedup key exists; returns the new row's id (null if it existed). */
  async insertIfAbsent(em: EntityManager, record: DeliveryRecord): Promise<string | null> {
    const id = newId();
    const res = await em
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({ id, ...record })
      .orIgnore()
      .returning('id')
      .execute();
    return (res.raw as unknown[]).length > 0 ? id : null;
  }

  forSubject(em: EntityManager, subjectRef: string): Promise<Notification[]> {
    return em.find(Notification, { where: { subjectRef }, order: { createdAt: 'ASC' } });
  }

  /** A user's messages (in-app, and SMS the provider took), newest first (keyset); only the unread ones if asked. */
  inbox(
    em: EntityManager,
    recipientUserId: string,
    q: { unreadOnly: boolean; cursor?: string; limit: number },
  ): Promise<Page<Notification>> {
    const qb = em
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipient_user_id = :recipientUserId', { recipientUserId })
      .andWhere(DELIVERED);
    if (q.unreadOnly) qb.andWhere('n.read_at IS NULL');
    return keysetPage(em, qb, 'n', q.cursor, q.limit);
  }

  /** Messages recorded undeliverable (FAILED), per template (the lrp_sms_undelivered gauge; a partial index). */
  undeliveredCounts(em: EntityManager): Promise<{ template: string; n: number }[]> {
    return em.query<{ template: string; n: number }[]>(
      `SELECT template, count(*)::int AS n FROM notifications WHERE status = 'FAILED' GROUP BY template`,
    );
  }

  /** SMS deliveries left in doubt (UNCONFIRMED), newest first (keyset). */
  unconfirmed(em: EntityManager, q: { cursor?: string; limit: number }): Promise<Page<Notification>> {
    const qb = em.getRepository(Notification).createQueryBuilder('n').where("n.status = 'UNCONFIRMED'");
    return keysetPage(em, qb, 'n', q.cursor, q.limit);
  }

  unreadCount(em: EntityManager, recipientUserId: string): Promise<number> {
    return em
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipient_user_id = :recipientUserId AND n.read_at IS NULL', { recipientUserId })
      .andWhere(DELIVERED)
      .getCount();
  }

  /** Marks one of the user's messages read (keeping the first read time); null if the user has no such message. */
  async markRead(em: EntityManager, id: string, recipientUserId: string): Promise<Notification | null> {
    await em
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'now()' })
      .where('id = :id AND recipient_user_id = :recipientUserId AND read_at IS NULL', { id, recipientUserId })
      .andWhere(DELIVERED.replace('n.', ''))
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
      .andWhere(DELIVERED.replace('n.', ''))
      .execute();
    return res.affected ?? 0;
  }
}

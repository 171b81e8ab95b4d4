import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import type { Notification } from './entities/notification.entity';
import { NotificationsRepository } from './notifications.repository';
import {
  PermanentSmsError,
  SMS_SENDER,
  SmsInDoubtError,
  smsMessage,
  type SmsMessage,
  type SmsSender,
} from './sms-sender';
import type { SmsTemplateId } from './templates';
import { UndeliveredSms } from './undelivered-sms';

export interface SmsNotification {
  /** Stable per logical message: a replay with the same key sends nothing. */
  dedupKey: string;
  template: SmsTemplateId;
  subjectRef: string;
  phone: string;
  params: Record<string, string>;
  /** the worker account the phone belongs to, whose inbox lists the message (/my/notifications) */
  recipientUserId?: string | null;
}

function reason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 500);
}

/**
 * Sends each SMS at most once, whatever fails in between (docs/architecture.md, "Messages").
 *
 * 1. The delivery is taken under a session advisory lock on its dedup key (one dedicated connection for the
 *    whole delivery): concurrent deliveries of one message wait, and then find it SENT. A sender whose
 *    connection dies releases the lock with it.
 * 2. The row is committed as SENDING, with the attempt number, BEFORE the provider call (a new row is inserted so,
 *    as attempt 1, in one statement); the provider gets the row id as its out-id.
 * 3. The provider's answer ends the attempt: SENT with its message id; PENDING again after an error before the
 *    request could reach the provider (the error is rethrown, the job retries); still SENDING after one where it
 *    may have (SmsInDoubtError: a read timeout, a dropped connection; rethrown, the retry finds it in doubt); FAILED after a permanent refusal (no retry), and in the same
 *    transaction an item for the staff in charge to tell the party another way (undelivered-sms.ts).
 *
 * A delivery that finds its row SENDING holds the lock, so no sender is at work: an earlier attempt failed between
 * the provider call and recording its outcome (e.g. the database went away). It is not sent blindly again: where
 * the sender can look the out-id up, the row becomes SENT with the provider's id (or is sent, if the provider
 * certainly has no such message); otherwise it becomes UNCONFIRMED, for an admin, and is not resent.
 */
@Injectable()
export class SmsDeliveryService {
  private readonly logger = new Logger('SmsDelivery');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: NotificationsRepository,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    private readonly undelivered: UndeliveredSms,
  ) {}

  /** Sends unless this message was already handled; returns whether it was sent now. */
  async sendOnce(n: SmsNotification): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await this.repo.lockDelivery(runner.manager, n.dedupKey);
      try {
        return await this.deliver(runner.manager, n);
      } finally {
        // After a connection failure the lock went with the connection.
        await this.repo.unlockDelivery(runner.manager, n.dedupKey).catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  private async deliver(em: EntityManager, n: SmsNotification): Promise<boolean> {
    // Rendered before the row is written: a message that cannot be rendered is a bug, not a delivery in doubt.
    const id = newId();
    const message = smsMessage(id, n.phone, n.template, n.params);
    const row = await this.repo.claim(em, id, {
      dedupKey: n.dedupKey,
      channel: 'SMS',
      template: n.template,
      subjectRef: n.subjectRef,
      recipientUserId: n.recipientUserId ?? null,
      params: n.params,
    });
    if (row.claimed) return this.send(em, row.id, row.attempts, message, n.subjectRef);
    const earlier = smsMessage(row.id, n.phone, n.template, n.params);
    switch (row.status) {
      case 'SENT':
      case 'FAILED':
      case 'UNCONFIRMED':
        return false;
      case 'SENDING':
        return this.resolveInDoubt(em, row, earlier, n.subjectRef);
      case 'PENDING':
        return this.attempt(em, row.id, earlier, n.subjectRef);
    }
  }

  /** A new attempt on a row left PENDING (an earlier attempt's transient error). */
  private async attempt(
    em: EntityManager,
    id: string,
    message: SmsMessage,
    subjectRef: string,
  ): Promise<boolean> {
    return this.send(em, id, await this.repo.startAttempt(em, id), message, subjectRef);
  }

  /** The provider call of attempt `attempt` (its row already SENDING, committed), and its outcome on the row. */
  private async send(
    em: EntityManager,
    id: string,
    attempt: number,
    message: SmsMessage,
    subjectRef: string,
  ): Promise<boolean> {
    let messageId: string;
    try {
      ({ messageId } = await this.sms.send(message));
    } catch (e) {
      if (e instanceof PermanentSmsError) {
        await em.transaction(async (tx) => {
          if (await this.repo.endAttempt(tx, id, attempt, { status: 'FAILED', error: reason(e) }))
            await this.undelivered.tell(tx, {
              notificationId: id,
              subjectRef,
              text: message.rendered.text,
              reason: 'REFUSED',
            });
        });
        return false;
      }
      // The provider may have taken it: the row stays SENDING, and the retry resolves it in doubt (no blind resend).
      if (!(e instanceof SmsInDoubtError))
        await this.repo.endAttempt(em, id, attempt, { status: 'PENDING', error: reason(e) });
      throw e;
    }
    await this.repo.endAttempt(em, id, attempt, {
      status: 'SENT',
      providerMessageId: messageId,
      error: null,
    });
    return true;
  }

  private async resolveInDoubt(
    em: EntityManager,
    row: Pick<Notification, 'id' | 'attempts'>,
    message: SmsMessage,
    subjectRef: string,
  ): Promise<boolean> {
    if (this.sms.lookup) {
      const found = await this.sms.lookup(row.id);
      if (!found) return this.attempt(em, row.id, message, subjectRef);
      await this.repo.endAttempt(em, row.id, row.attempts, {
        status: 'SENT',
        providerMessageId: found.messageId,
        error: null,
      });
      return false;
    }
    await this.repo.endAttempt(em, row.id, row.attempts, {
      status: 'UNCONFIRMED',
      error: `attempt ${row.attempts} failed after the provider call; the provider cannot be asked, so it is not resent`,
    });
    this.logger.warn(
      { notificationId: row.id, attempt: row.attempts },
      'sms delivery unconfirmed; not resent',
    );
    return false;
  }
}
